import Foundation

/// Finds years in which every unit's ratios moved together — a shock common to all (COVID's autumn 2020), which
/// no single unit's break test sees when each unit moves only a few points (docs/FORECASTING.md).
///
/// For each unit `u` and year `y`, `l_u(y) = ln(Σ E(g, y) / Σ E(g−1, y−1))` over every grade fed by an earlier
/// grade (the unit's progression ratios as one), and its move `d_u(y) = l_u(y) − median{l_u(t) : t < y}`
/// (at least 3 earlier years). The common move is `c(y) = median_u d_u(y)` (at least 3 units) and `s(y)` the
/// share of units whose `d_u(y)` has the sign of `c(y)`. Year `y` is a common shock when, with `m` and `MAD`
/// the median and median absolute deviation of the `n` earlier `c(t)` (at least 4),
/// `|c(y) − m| > max(k_n · 1.4826 · MAD, floor)` (`floor = 1 %`) and `s(y) ≥ 75 %`.
///
/// `k_n = t⁻¹_{0.4 n}(1 − α/2) · √(1 + π / (2n))`, `α = 0.1 %`: the bound an ordinary year's move of normal
/// noise crosses with chance `α`, whatever the number of earlier years. A robust deviation from `n` values is
/// worth about as much as a standard deviation from `0.4 n` (the MAD's efficiency is 37 %; `0.4 n` matches
/// the simulated bound within 11 % for `n` = 8–60, 24 % above it at 6), and the median's own error adds
/// `π / (2n)`. A fixed `k = 4` was crossed in 0.14 % of ordinary years with 40 earlier years (California's
/// 2020), but in 3 % with 8 and 11 % with 4: generated histories of ordinary noise (a common part of 0.9 % a
/// year) had a false shock in 12 of 30 thirty-year panels, each leaving a year of ordinary errors out of
/// every fit and spread.
///
/// Only years up to `y` decide about `y`: a shock found at `y` is known at every origin from `y` on, so
/// leaving its ratios out of the fits from there is a choice made before the fact. The units are those of
/// the lowest level (schools, counties, districts), not the totals that sum them.
public struct CommonShockDetector: Sendable {
    /// `α`: the chance that an ordinary year of normal noise is called a shock.
    public var falseAlarm: Double
    public var floor: Double
    public var agreement: Double

    public init(falseAlarm: Double = 0.001, floor: Double = 0.01, agreement: Double = 0.75) {
        self.falseAlarm = falseAlarm
        self.floor = floor
        self.agreement = agreement
    }

    /// `k_n`: how many robust deviations of `n` earlier common moves a shock's move must exceed.
    func spread(earlier n: Int) -> Double {
        let n = Double(n)
        return GSL.studentTQuantile(upperTail: falseAlarm / 2, degreesOfFreedom: 0.4 * n) * (1 + .pi / (2 * n)).squareRoot()
    }

    public struct Shock: Sendable, Equatable {
        public var year: Int
        /// Units with a move that year.
        public var units: Int
        /// `c(y)`, a change of the log ratio (≈ a relative change).
        public var commonMove: Double
        /// `m`
        public var typicalMove: Double
        /// `max(k_n · 1.4826 · MAD, floor)`
        public var threshold: Double
        /// `s(y)`
        public var sameSign: Double
    }

    public func shocks(in units: [UnitHistory], stages: [Stage]) -> [Shock] {
        let lowest = units.filter { $0.level != .total }
        let panel = lowest.count >= 3 ? lowest : units
        let feeder = CohortRecurrence(stages: stages).feeder
        var moves: [Int: [Double]] = [:]
        for unit in panel {
            var logs: [(year: Int, value: Double)] = []
            for y in unit.counts.keys.sorted() {
                guard let now = unit.counts[y], let before = unit.counts[y - 1] else { continue }
                var numerator = 0.0, denominator = 0.0
                for s in stages.indices {
                    for g in 0..<stages[s].grades {
                        if g > 0 {
                            numerator += now[s][g]
                            denominator += before[s][g - 1]
                        } else if let f = feeder[s], let last = before[f].last {
                            numerator += now[s][0]
                            denominator += last
                        }
                    }
                }
                guard numerator > 0, denominator > 0 else { continue }
                logs.append((y, log(numerator / denominator)))
            }
            for (i, entry) in logs.enumerated() where i >= 3 {
                guard let median = try? GSL.median(logs[..<i].map(\.value)) else { continue }
                moves[entry.year, default: []].append(entry.value - median)
            }
        }
        var common: [(year: Int, move: Double, units: Int, sameSign: Double)] = []
        for year in moves.keys.sorted() {
            let d = moves[year] ?? []
            guard d.count >= 3, let c = try? GSL.median(d) else { continue }
            let same = d.filter { c < 0 ? $0 < 0 : $0 > 0 }.count
            common.append((year, c, d.count, Double(same) / Double(d.count)))
        }
        var shocks: [Shock] = []
        for (i, entry) in common.enumerated() where i >= 4 {
            let past = common[..<i].map(\.move)
            guard let m = try? GSL.median(past), let mad = try? GSL.median(past.map { abs($0 - m) }) else { continue }
            let threshold = max(spread(earlier: i) * 1.4826 * mad, floor)
            if abs(entry.move - m) > threshold, entry.sameSign >= agreement {
                shocks.append(Shock(year: entry.year, units: entry.units, commonMove: entry.move, typicalMove: m,
                                    threshold: threshold, sameSign: entry.sameSign))
            }
        }
        return shocks
    }
}
