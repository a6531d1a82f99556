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
/// Random numbers of draw `d` from the unit's stream: for `j = 0`, then (when `ρ < 1`) each year `j = k`:
/// `W`, then `ε` for every stage and grade in order (an entry taken as counted included, unused); `Z` from
/// the origin's (`BacktestRunner.commonDraws`, `[d · (horizon + 1) + j]`).
struct DrawnErrors {
    let draws: Int
    let horizon: Int
    /// First cell of each stage: cell `(start[s] + g) · (horizon + 1) + k`.
    let start: [Int]
    let grades: [Int]
    /// `Λ` at `[cell · draws + d]`.
    private var values: [Double]
    /// P10 and P90 of `Λ` of each cell (`SampleQuantiles`).
    private var quantiles: [(Double, Double)]

    init(shares: ErrorShares, draws: Int, horizon: Int, stream: RandomStream, common: [Double],
         recurrence: CohortRecurrence, entryKnown: Bool) {
        self.draws = draws
        self.horizon = horizon
        grades = recurrence.stages.map(\.grades)
        var start: [Int] = [], next = 0
        for g in grades {
            start.append(next)
            next += g
        }
        self.start = start
        let Y = horizon + 1
        values = Array(repeating: 0, count: next * Y * draws)
        let (c, w, e) = (shares.common.squareRoot(), shares.unit.squareRoot(), shares.own.squareRoot())
        let (held, fresh) = (shares.lasting.squareRoot(), (1 - shares.lasting).squareRoot())
        var lasting = Array(repeating: 0.0, count: next), m = lasting
        for d in 0..<draws {
            let row = d * Y
            let unitZ = stream.gaussian()
            for i in 0..<next { lasting[i] = held * (c * common[row] + w * unitZ + e * stream.gaussian()) }
            for k in stride(from: 1, through: horizon, by: 1) {
                if fresh > 0 {
                    let unitZ = stream.gaussian()
                    for i in 0..<next { m[i] = lasting[i] + fresh * (c * common[row + k] + w * unitZ + e * stream.gaussian()) }
                } else {
                    m = lasting
                }
                for s in grades.indices {
                    for g in 0..<grades[s] {
                        let before: Double
                        if g > 0 {
                            before = values[((start[s] + g - 1) * Y + k - 1) * draws + d]
                        } else if let f = recurrence.feeder[s] {
                            before = values[((start[f] + grades[f] - 1) * Y + k - 1) * draws + d]
                        } else {
                            if entryKnown { continue }
                            before = 0
                        }
                        values[((start[s] + g) * Y + k) * draws + d] = before + m[start[s] + g]
                    }
                }
            }
        }
        var quantiles: [(Double, Double)] = []
        quantiles.reserveCapacity(next * Y)
        values.withUnsafeBufferPointer { all in
            var scratch = [Double](repeating: 0, count: draws)
            for cell in 0..<(next * Y) {
                // `Λ = 0` at the origin (`k = 0`).
                if cell % Y == 0 {
                    quantiles.append((0, 0))
                    continue
                }
                for d in 0..<draws { scratch[d] = all[cell * draws + d] }
                let q = scratch.withUnsafeMutableBufferPointer { SampleQuantiles.quantiles($0, at: [0.1, 0.9]).quantiles }
                quantiles.append((q[0], q[1]))
            }
        }
        self.quantiles = quantiles
    }

    /// P10 and P90 of a projection `[stage][grade][k]` drawn with spread `sigma`, by `[stage][grade, then the
    /// stage total][k]`. A grade's are `x̂ · exp(σ · q)`, `q` the quantiles of its `Λ` (the same order
    /// statistics as of the drawn pupils, interpolated on the log scale); a total's are the quantiles
    /// (`SampleQuantiles`) of `Σ_g x̂_g · exp(σ · Λ_g)` over the draws.
    func ranges(central: [[[Double]]], sigma: Double) -> [[[(p10: Double, p90: Double)]]] {
        let Y = horizon + 1
        var totals = [Double](repeating: 0, count: draws)
        return grades.indices.map { s in
            var rows: [[(p10: Double, p90: Double)]] = (0..<grades[s]).map { g in
                (0..<Y).map { k in
                    let x = central[s][g][k]
                    guard x.isFinite else { return (.nan, .nan) }
                    let q = quantiles[(start[s] + g) * Y + k]
                    return (x * exp(sigma * q.0), x * exp(sigma * q.1))
                }
            }
            rows.append((0..<Y).map { k in
                var sum = 0.0
                for g in 0..<grades[s] { sum += central[s][g][k] }
                // A grade not projected leaves no range; at the origin `Λ = 0`: the total as counted.
                guard sum.isFinite else { return (.nan, .nan) }
                guard k > 0 else { return (sum, sum) }
                for d in 0..<draws { totals[d] = 0 }
                for g in 0..<grades[s] {
                    let x = central[s][g][k]
                    let base = ((start[s] + g) * Y + k) * draws
                    for d in 0..<draws { totals[d] += x * FastExp.exp(sigma * values[base + d]) }
                }
                let q = totals.withUnsafeMutableBufferPointer { SampleQuantiles.quantiles($0, at: [0.1, 0.9]).quantiles }
                return (q[0], q[1])
            })
            return rows
        }
    }
}
