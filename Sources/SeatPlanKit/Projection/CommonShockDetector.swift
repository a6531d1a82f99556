import Foundation

/// Finds years in which every unit's ratios moved together — a shock common to all (COVID's autumn 2020), which
/// no single unit's break test sees when each unit moves only a few points (docs/FORECASTING.md).
///
/// For each unit `u` and year `y`, `l_u(y) = ln(Σ E(g, y) / Σ E(g−1, y−1))` over every grade fed by an earlier
/// grade (the unit's progression ratios as one), and its move `d_u(y) = l_u(y) − median{l_u(t) : t < y}`
/// (at least 3 earlier years). The common move is `c(y) = median_u d_u(y)` (at least 3 units) and `s(y)` the
/// share of units whose `d_u(y)` has the sign of `c(y)`. Year `y` is a common shock when, with `m` and `MAD`
/// the median and median absolute deviation of the earlier `c(t)` (at least 4),
/// `|c(y) − m| > max(k · 1.4826 · MAD, floor)` (`k = 4`, `floor = 1 %`) and `s(y) ≥ 75 %`.
///
/// Only years up to `y` decide about `y`: a shock found at `y` is known at every origin from `y` on, so
/// leaving its ratios out of the fits from there is a choice made before the fact. The units are those of
/// the lowest level (schools, counties, districts), not the totals that sum them.
public struct CommonShockDetector: Sendable {
    public var spread: Double
    public var floor: Double
    public var agreement: Double

    public init(spread: Double = 4, floor: Double = 0.01, agreement: Double = 0.75) {
        self.spread = spread
        self.floor = floor
        self.agreement = agreement
    }

    public struct Shock: Sendable, Equatable {
        public var year: Int
        /// Units with a move that year.
        public var units: Int
        /// `c(y)`, a change of the log ratio (≈ a relative change).
        public var commonMove: Double
        /// `m`
        public var typicalMove: Double
        /// `max(k · 1.4826 · MAD, floor)`
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
            let threshold = max(spread * 1.4826 * mad, floor)
            if abs(entry.move - m) > threshold, entry.sameSign >= agreement {
                shocks.append(Shock(year: entry.year, units: entry.units, commonMove: entry.move, typicalMove: m,
                                    threshold: threshold, sameSign: entry.sameSign))
            }
        }
        return shocks
    }
}
