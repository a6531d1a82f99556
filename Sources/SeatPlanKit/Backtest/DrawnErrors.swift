import Foundation

/// The drawn errors of one unit from one origin, in units of its spread `σ`, for every method at once: the
/// ratio of stage `s`, grade `g` in projected year `k` of draw `d` is multiplied by `exp(σ · m)`,
///
///     m(s, g, k, d) = √ρ · e(s, g, 0, d) + √(1 − ρ) · e(s, g, k, d),
///     e(s, g, j, d) = √c · Z(j, d) + √w · W(j, d) + √(1 − c − w) · ε(s, g, j, d)
///
/// (`ErrorShares`; `Z` shared by every unit from the origin, `W` by the unit's grades, all standard normal;
/// `j = 0` the part held over the horizon, an error of the estimated ratio, `j = k` the part drawn afresh
/// each year). A cohort's pupils are the
/// origin's times the product of the ratios it passed, so a drawn projection is the central one times
/// `exp(σ · Λ)`, `Λ(s, g, k) = Λ(previous grade, k − 1) + m(s, g, k)` (`Λ = 0` at `k = 0` and for an entry
/// grade taken as counted; `m` alone for an entry from births): the recurrence is never rerun.
///
/// The draws come in antithetic pairs: draw `d + ⌊N/2⌋` is draw `d` with every normal negated, so its `Λ` is
/// `−Λ` (for `d < ⌊N/2⌋`; with `N` odd, the last draw has no pair). The sample of each `Λ` is then exactly
/// symmetric (its P10 is minus its P90), a pair's exponentials are `e` and `1/e`, and half the normals are
/// drawn. Random numbers of each drawn `d` (the pairs' first halves, then the unpaired one) from the unit's
/// stream (standard normals by the ziggurat): for `j = 0`, then (when `ρ < 1`) each year `j = k`: `W`, then
/// `ε` for every stage and grade in order (an entry taken as counted included, unused); `Z` from the
/// origin's (`BacktestRunner.commonDraws`, `[d · (horizon + 1) + j]`, antithetic the same way).
/// `Λ` is kept as `Float`, and the totals' exponentials are `FastExp`'s `Float` one.
struct DrawnErrors {
    let draws: Int
    let horizon: Int
    /// First cell of each stage: cell `(start[s] + g) · (horizon + 1) + k`.
    let start: [Int]
    let grades: [Int]
    /// `Λ` at `[cell · draws + d]`, as `Float`: the draws' own noise is far above its rounding, and four go to
    /// a vector in `computeRanges`' loop of exponentials.
    private var values: [Float]
    /// P10 and P90 of `Λ` of each cell (`SampleQuantiles`).
    private var quantiles: [(Double, Double)]

    private let feeder: [Int?]
    private let entryKnown: Bool
    /// Scratch of `draw` and `computeRanges`, kept between draws so that a block of units allocates them once.
    private var lasting: [Double], m: [Double], scratch: [Float], mirrored: [Float], totals: [Float]
    /// What `computeRanges` found: row `(start[s] + s + g)` (a stage's grades, then its total), year `k`.
    private var computed: [(p10: Double, p90: Double)]

    /// Room for the `Λ` of one unit and origin; `draw` fills it.
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
        values = Array(repeating: 0, count: next * (horizon + 1) * draws)
        quantiles = Array(repeating: (0, 0), count: next * (horizon + 1))
        lasting = Array(repeating: 0, count: next)
        m = lasting
        scratch = Array(repeating: 0, count: draws)
        totals = scratch
        mirrored = scratch
        computed = Array(repeating: (.nan, .nan), count: (next + grades.count) * (horizon + 1))
    }

    /// Draws the `Λ` of one unit and origin with `shares`, from the unit's `stream` and the origin's `common`
    /// normals, and their quantiles.
    mutating func draw(shares: ErrorShares, stream: RandomStream, common: [Double]) {
        let next = lasting.count, Y = horizon + 1, pairs = draws / 2
        let (c, w, e) = (shares.common.squareRoot(), shares.unit.squareRoot(), shares.own.squareRoot())
        let (held, fresh) = (shares.lasting.squareRoot(), (1 - shares.lasting).squareRoot())
        for d in Self.drawn(draws) {
            let row = d * Y
            let unitZ = stream.ziggurat()
            for i in 0..<next { lasting[i] = held * (c * common[row] + w * unitZ + e * stream.ziggurat()) }
            for k in stride(from: 1, through: horizon, by: 1) {
                if fresh > 0 {
                    let unitZ = stream.ziggurat()
                    for i in 0..<next { m[i] = lasting[i] + fresh * (c * common[row + k] + w * unitZ + e * stream.ziggurat()) }
                } else {
                    for i in 0..<next { m[i] = lasting[i] }
                }
                for s in grades.indices {
                    for g in 0..<grades[s] {
                        let before: Float
                        if g > 0 {
                            before = values[((start[s] + g - 1) * Y + k - 1) * draws + d]
                        } else if let f = feeder[s] {
                            before = values[((start[f] + grades[f] - 1) * Y + k - 1) * draws + d]
                        } else {
                            if entryKnown { continue }
                            before = 0
                        }
                        values[((start[s] + g) * Y + k) * draws + d] = before + Float(m[start[s] + g])
                    }
                }
            }
        }
        values.withUnsafeMutableBufferPointer { all in
            for cell in 0..<(next * Y) {
                // `Λ = 0` at the origin (`k = 0`).
                if cell % Y == 0 {
                    quantiles[cell] = (0, 0)
                    continue
                }
                // The pairs' second halves: `−Λ`.
                for d in 0..<pairs { all[cell * draws + pairs + d] = -all[cell * draws + d] }
                for d in 0..<draws { scratch[d] = all[cell * draws + d] }
                if draws % 2 == 0 {
                    // A symmetric sample: P10 = −P90.
                    let q = scratch.withUnsafeMutableBufferPointer { SampleQuantiles.quantiles($0, at: Self.upper).quantiles }
                    quantiles[cell] = (-q[0], q[0])
                } else {
                    let q = scratch.withUnsafeMutableBufferPointer { SampleQuantiles.quantiles($0, at: Self.fractions).quantiles }
                    quantiles[cell] = (q[0], q[1])
                }
            }
        }
    }

    /// The draws whose normals are drawn: the first of each antithetic pair, then, with `N` odd, the last.
    static func drawn(_ draws: Int) -> [Int] {
        Array(0..<(draws / 2)) + (draws % 2 == 1 ? [draws - 1] : [])
    }

    /// P10 and P90 of a projection `[stage][grade][k]` drawn with spread `sigma`, read afterwards with
    /// `range(stage:row:k:)` (row `g` a grade, row `grades[s]` the stage total) until the next call. A
    /// grade's are `x̂ · exp(σ · q)`, `q` the quantiles of its `Λ` (the same order statistics as of the drawn
    /// pupils, interpolated on the log scale); a total's are the quantiles (`SampleQuantiles`) of
    /// `Σ_g x̂_g · exp(σ · Λ_g)` over the draws (a pair's second `x̂_g · exp(−σ · Λ_g)`). NaN where a grade is
    /// not projected.
    mutating func computeRanges(central: [[[Double]]], sigma: Double) {
        let Y = horizon + 1, pairs = draws / 2
        for s in grades.indices {
            for g in 0..<grades[s] {
                for k in 0..<Y {
                    let x = central[s][g][k]
                    let q = quantiles[(start[s] + g) * Y + k]
                    computed[(start[s] + s + g) * Y + k] = x.isFinite
                        ? (x * exp(sigma * q.0), x * exp(sigma * q.1)) : (.nan, .nan)
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
                    let q = totals.withUnsafeMutableBufferPointer { totals in
                        scratch.withUnsafeMutableBufferPointer { e in mirrored.withUnsafeMutableBufferPointer { f in
                            values.withUnsafeBufferPointer { values in
                                for d in 0..<draws { totals[d] = 0 }
                                for g in 0..<grades[s] {
                                    let x = Float(central[s][g][k]), sigma = Float(sigma)
                                    let cell = UnsafeBufferPointer(rebasing: values[(((start[s] + g) * Y + k) * draws)...])
                                    // Each pair's `exp(±σΛ)` (`FastExp.expPair`), then both halves' pupils (simple
                                    // loops vectorise).
                                    for d in 0..<pairs { (e[d], f[d]) = FastExp.expPair(sigma * cell[d]) }
                                    for d in 0..<pairs { totals[d] += x * e[d] }
                                    for d in 0..<pairs { totals[pairs + d] += x * f[d] }
                                    for d in (2 * pairs)..<draws { totals[d] += x * FastExp.exp(sigma * cell[d]) }
                                }
                            }
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

    /// The quantiles the ranges read.
    private static let fractions = [0.1, 0.9]
    /// The upper one alone, for a symmetric sample.
    private static let upper = [0.9]
}
