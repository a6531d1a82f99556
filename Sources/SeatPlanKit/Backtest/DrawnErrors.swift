import Foundation

/// The drawn errors of one unit from one origin, in units of its spread `σ`, for every method at once: the
/// ratio of stage `s`, grade `g` in projected year `k` of draw `d` is multiplied by `exp(σ · m)`,
///
///     m(s, g, k, d) = √ρ · e(s, g, 0, d) + √(1 − ρ) · e(s, g, k, d) + √δ · Σ_{i<k} e'(s, g, i, d),
///     e(s, g, j, d) = √c · Z(j, d) + √w · W(j, d) + √(1 − c − w) · ε(s, g, j, d)
///
/// times the draw's factor `v` of the errors' tails (`ErrorTails`; 1 for normal tails, `ν = ∞`)
/// (`ErrorShares`; `Z` shared by every unit from the origin, `W` by the unit's grades, all standard normal;
/// `j = 0` the part held over the horizon, an error of the estimated ratio, `j = k` the part drawn afresh
/// each year, `e'` made as `e` from normals of their own, the steps of the walk by which the true ratio drifts
/// from the estimate; `c` and `w` of the level, `ρ` and `δ` the method's own). A cohort's pupils are the
/// origin's times the product of the ratios it passed, so a drawn projection is the central one times
/// `exp(σ · Λ)`,
///
///     Λ(s, g, k) = √ρ · H(s, g, k) + √(1 − ρ) · F(s, g, k) + √δ · P(s, g, k),
///
/// `H`, `F` and `P` the sums of the held and the fresh parts `e(·, 0)` and `e(·, k)` and of the walks
/// `Σ_{i<k} e'(·, i)` along the cohort's path (`H(s, g, k) = H(previous grade, k − 1) + e(s, g, 0)`; 0 at
/// `k = 0` and for an entry grade taken as counted; one term alone for an entry from births): the recurrence
/// is never rerun, and `H`, `F`, `P` serve every method — only `σ`, `ρ` and `δ` differ.
///
/// A grade's `Λ` is normal times `v`, a Student t of `ν` degrees of freedom: after `n` steps (`steps`) its
/// variance is `n + n(n − 1) · ρ · (c + w) + δ · Var P` (each `m` has variance 1 without the walk; two steps of
/// one path, of different grades and years, share only the held `Z` and `W`; `Var P` by `driftOwn`,
/// `driftShared`), so its P10 and P90 are read from the t's quantile (`ErrorTails.upper`), not from the draws.
/// A stage total, a sum of lognormals, is read from the draws.
///
/// The draws come in antithetic pairs: draw `d + ⌊N/2⌋` is draw `d` with every normal negated, so its `H` and
/// `F` are `−H` and `−F` (for `d < ⌊N/2⌋`; with `N` odd, the last draw has no pair) and a pair's exponentials
/// are `e` and `1/e`: half the normals are drawn, and only those draws are kept. Random numbers of each drawn
/// `d` (the pairs' first halves, then the unpaired one) from the unit's stream (standard normals by the
/// ziggurat): for `j = 0`, then each year `j = k`: `W`, then `ε` for every stage and grade in order (an entry
/// taken as counted included, unused), then the walks' step of the year the same way (only when some
/// method's `δ` at the unit's level and origin is above 0: `walks`); `Z` from the origin's
/// (`BacktestRunner.commonDraws`, `[d · commonCount + j]`, `j = horizon + k` the step's, `j = 2 · horizon + 1`
/// the tails' `z_v`, antithetic the same way; a pair shares its `v`, folded into its parts). `H`, `F` and `P`
/// are kept as `Float`, and the totals' exponentials are `FastExp`'s `Float` one.
struct DrawnErrors {
    let draws: Int
    let horizon: Int
    /// First cell of each stage: cell `(start[s] + g) · (horizon + 1) + k`.
    let start: [Int]
    let grades: [Int]
    /// `H`, `F` and `P` at `[cell · draws + d]` for the drawn `d` (`drawn`), as `Float`: the draws' own noise
    /// is far above its rounding, and four go to a vector in `computeRanges`' loop of exponentials.
    private var held: [Float], fresh: [Float], drifted: [Float]
    /// `n`, the steps of each cell's path (`m` terms in its `Λ`).
    private let steps: [Int]
    /// `Var P` of each cell's path is `driftOwn + driftShared · (c + w)`: `Σ_j (j − 1)` over the years `j` of
    /// its steps, and `2 Σ_{j < j'} (j − 1)` (two steps of a path are of different ratios: they share the
    /// common and district parts of the walks' first `min(j, j') − 1` steps).
    private let driftOwn: [Double], driftShared: [Double]
    /// `c + w` of the last `draw`.
    private var shared = 0.0
    /// A grade's P90 in units of its `σ√(Var Λ)`: the 90th percentile of the last `draw`'s tails
    /// (`ErrorTails.upper`).
    private var upper = ErrorTails.normalUpper
    /// Whether the last `draw` drew the walks (`P`); without, every method's `δ` there is 0.
    private var walked = false

    private let feeder: [Int?]
    private let entryKnown: Bool
    /// Scratch of `draw` and `computeRanges`, kept between draws so that a block of units allocates them once.
    private var heldPart: [Double], freshPart: [Double], walk: [Double], exponentials: [Float], mirrored: [Float],
                totals: [Float]
    /// What `computeRanges` found: row `(start[s] + s + g)` (a stage's grades, then its total), year `k`.
    private var computed: [(p10: Double, p90: Double)]

    /// Room for the `H` and `F` of one unit and origin; `draw` fills it.
    init(draws: Int, horizon: Int, recurrence: CohortRecurrence, entryKnown: Bool) {
        self.draws = draws
        self.horizon = horizon
        self.entryKnown = entryKnown
        feeder = recurrence.feeder
        grades = recurrence.stages.map(\.grades)
        var start: [Int] = [], next = 0
        for g in grades {
            start.append(next)
            next += g
        }
        self.start = start
        let Y = horizon + 1
        var steps = Array(repeating: 0, count: next * Y)
        for k in stride(from: 1, through: horizon, by: 1) {
            for s in grades.indices {
                for g in 0..<grades[s] {
                    let before: Int
                    if g > 0 {
                        before = steps[(start[s] + g - 1) * Y + k - 1]
                    } else if let f = feeder[s] {
                        before = steps[(start[f] + grades[f] - 1) * Y + k - 1]
                    } else {
                        if entryKnown { continue }
                        before = 0
                    }
                    steps[(start[s] + g) * Y + k] = before + 1
                }
            }
        }
        self.steps = steps
        var driftOwn = Array(repeating: 0.0, count: next * Y), driftShared = driftOwn
        for cell in 0..<next {
            for k in 0..<Y {
                let n = steps[cell * Y + k]
                for j in stride(from: k - n + 1, through: k, by: 1) {
                    driftOwn[cell * Y + k] += Double(j - 1)
                    driftShared[cell * Y + k] += 2 * Double((j - 1) * (k - j))
                }
            }
        }
        self.driftOwn = driftOwn
        self.driftShared = driftShared
        held = Array(repeating: 0, count: next * Y * draws)
        fresh = held
        drifted = held
        heldPart = Array(repeating: 0, count: next)
        freshPart = heldPart
        walk = heldPart
        exponentials = Array(repeating: 0, count: draws)
        totals = exponentials
        mirrored = exponentials
        computed = Array(repeating: (.nan, .nan), count: (next + grades.count) * Y)
    }

    /// Draws the `H`, `F` and, with `walks`, `P` of one unit and origin with the shares `c` and `w` of `shares`
    /// (its `ρ` and `δ` are the method's, given to `computeRanges`), from the unit's `stream` and the origin's
    /// `common` normals, each draw's parts scaled by its factor of the tails (`Tails`, of `shares`' `ν`).
    /// Without `walks` no method may ask for a drift until the next `draw`.
    mutating func draw(shares: ErrorShares, stream: RandomStream, common: [Double], tails: Tails, walks: Bool) {
        let next = heldPart.count, Y = horizon + 1
        let (c, w, e) = (shares.common.squareRoot(), shares.unit.squareRoot(), shares.own.squareRoot())
        shared = min(1, shares.common + shares.unit)
        walked = walks
        upper = tails.upper
        for d in Self.drawn(draws) {
            let row = d * Self.commonCount(horizon: horizon)
            // The draw's factor `v` of the errors' tails, folded into every part.
            let v = tails.scales.isEmpty ? 1 : tails.scales[d]
            let (c, w, e) = (v * c, v * w, v * e)
            let unitZ = stream.ziggurat()
            for i in 0..<next { heldPart[i] = c * common[row] + w * unitZ + e * stream.ziggurat() }
            if walks { for i in 0..<next { walk[i] = 0 } }
            for k in stride(from: 1, through: horizon, by: 1) {
                let unitZ = stream.ziggurat()
                for i in 0..<next { freshPart[i] = c * common[row + k] + w * unitZ + e * stream.ziggurat() }
                for s in grades.indices {
                    for g in 0..<grades[s] {
                        let before: Int
                        if g > 0 {
                            before = ((start[s] + g - 1) * Y + k - 1) * draws + d
                        } else if let f = feeder[s] {
                            before = ((start[f] + grades[f] - 1) * Y + k - 1) * draws + d
                        } else {
                            if entryKnown { continue }
                            before = -1
                        }
                        let at = ((start[s] + g) * Y + k) * draws + d
                        held[at] = (before < 0 ? 0 : held[before]) + Float(heldPart[start[s] + g])
                        fresh[at] = (before < 0 ? 0 : fresh[before]) + Float(freshPart[start[s] + g])
                        if walks { drifted[at] = (before < 0 ? 0 : drifted[before]) + Float(walk[start[s] + g]) }
                    }
                }
                // The walks' step of year `k`, reached from year `k + 1` on.
                guard walks else { continue }
                let unitStep = stream.ziggurat()
                for i in 0..<next { walk[i] += c * common[row + horizon + k] + w * unitStep + e * stream.ziggurat() }
            }
        }
    }

    /// The common normals of one draw: `j = 0` the held part, `j = k` year `k`'s fresh one, `j = horizon + k`
    /// the walks' step of year `k`, `j = 2 · horizon + 1` the tails' `z_v` (`ErrorTails.scale`).
    static func commonCount(horizon: Int) -> Int { 2 * horizon + 2 }

    /// The tails of one level and origin, worked out once for all of its units: each draw's factor `v`
    /// (`ErrorTails.scale` of the origin's `z_v`, `common[d · commonCount + 2 · horizon + 1]`; none for normal
    /// tails, `ν = ∞`) and a grade's P90 in units of its spread (`ErrorTails.upper`).
    struct Tails {
        let scales: [Double]
        let upper: Double

        init(degrees nu: Double, common: [Double], draws: Int, horizon: Int) {
            upper = ErrorTails.upper(degrees: nu)
            guard nu.isFinite else {
                scales = []
                return
            }
            let row = DrawnErrors.commonCount(horizon: horizon)
            scales = (0..<draws).map { ErrorTails.scale(degrees: nu, normal: common[$0 * row + 2 * horizon + 1]) }
        }
    }

    /// The draws whose normals are drawn: the first of each antithetic pair, then, with `N` odd, the last.
    static func drawn(_ draws: Int) -> [Int] {
        Array(0..<(draws / 2)) + (draws % 2 == 1 ? [draws - 1] : [])
    }

    /// P10 and P90 of a projection `[stage][grade][k]` drawn with spread `sigma`, lasting share `lasting` (`ρ`)
    /// and drift `drift` (`δ`), read afterwards with `range(stage:row:k:)` (row `g` a grade, row `grades[s]`
    /// the stage total) until the next call. A grade's are `x̂ · exp(∓σ · t₀.₉ · √(Var Λ))` (`t₀.₉` the 90th
    /// percentile of the last `draw`'s tails, `ErrorTails.upper`: 1.28155 for normal ones); a total's are the
    /// quantiles (`SampleQuantiles`) of `Σ_g x̂_g · exp(σ · Λ_g)` over the draws (a pair's second
    /// `x̂_g · exp(−σ · Λ_g)`). NaN where a grade is not projected.
    mutating func computeRanges(central: [[[Double]]], sigma: Double, lasting rho: Double, drift delta: Double) {
        precondition(delta == 0 || walked, "a drift without the walks drawn")
        let Y = horizon + 1, pairs = draws / 2
        for s in grades.indices {
            for g in 0..<grades[s] {
                for k in 0..<Y {
                    let x = central[s][g][k]
                    let cell = (start[s] + g) * Y + k
                    let n = Double(steps[cell])
                    let variance = n + n * (n - 1) * rho * shared + delta * (driftOwn[cell] + driftShared[cell] * shared)
                    let q = upper * variance.squareRoot()
                    computed[(start[s] + s + g) * Y + k] = x.isFinite
                        ? (x * exp(-sigma * q), x * exp(sigma * q)) : (.nan, .nan)
                }
            }
            for k in 0..<Y {
                var sum = 0.0
                for g in 0..<grades[s] { sum += central[s][g][k] }
                let at = (start[s] + s + grades[s]) * Y + k
                // A grade not projected leaves no range; at the origin `Λ = 0`: the total as counted.
                if !sum.isFinite {
                    computed[at] = (.nan, .nan)
                } else if k == 0 {
                    computed[at] = (sum, sum)
                } else {
                    let a = Float(sigma * rho.squareRoot()), b = Float(sigma * (1 - rho).squareRoot())
                    let v = Float(sigma * delta.squareRoot())
                    let q = totals.withUnsafeMutableBufferPointer { totals in
                        exponentials.withUnsafeMutableBufferPointer { e in mirrored.withUnsafeMutableBufferPointer { f in
                            held.withUnsafeBufferPointer { held in fresh.withUnsafeBufferPointer { fresh in
                            drifted.withUnsafeBufferPointer { drifted in
                                for d in 0..<draws { totals[d] = 0 }
                                for g in 0..<grades[s] {
                                    let x = Float(central[s][g][k]), from = ((start[s] + g) * Y + k) * draws
                                    let h = UnsafeBufferPointer(rebasing: held[from...])
                                    let r = UnsafeBufferPointer(rebasing: fresh[from...])
                                    let p = UnsafeBufferPointer(rebasing: drifted[from...])
                                    // Each pair's `exp(±σΛ)` (`FastExp.expPair`), then both halves' pupils (simple
                                    // loops vectorise); without a drift, `P` is not read.
                                    if v == 0 {
                                        for d in 0..<pairs { (e[d], f[d]) = FastExp.expPair(a * h[d] + b * r[d]) }
                                    } else {
                                        for d in 0..<pairs { (e[d], f[d]) = FastExp.expPair(a * h[d] + b * r[d] + v * p[d]) }
                                    }
                                    // The mirrored half through its own buffer: `totals[pairs + d]` kept this loop
                                    // scalar (an overflow check on each index), 4 % of the backtest with draws.
                                    let mirror = UnsafeMutableBufferPointer(rebasing: totals[pairs...])
                                    for d in 0..<pairs { totals[d] += x * e[d] }
                                    for d in 0..<pairs { mirror[d] += x * f[d] }
                                    for d in (2 * pairs)..<draws {
                                        totals[d] += x * FastExp.exp(a * h[d] + b * r[d] + (v == 0 ? 0 : v * p[d]))
                                    }
                                }
                            } } }
                        } }
                        return SampleQuantiles.quantiles(totals, at: Self.fractions).quantiles
                    }
                    computed[at] = (q[0], q[1])
                }
            }
        }
    }

    /// The P10 and P90 `computeRanges` found for stage `s`, row `row` (a grade, or `grades[s]` for the
    /// total), year `k`.
    func range(stage s: Int, row: Int, k: Int) -> (p10: Double, p90: Double) {
        computed[(start[s] + s + row) * (horizon + 1) + k]
    }

    /// The quantiles the totals' ranges read.
    private static let fractions = [0.1, 0.9]
}
