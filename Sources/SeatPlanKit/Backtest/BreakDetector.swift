/// Finds years whose counts fall or jump far outside a unit's history (a school closure year, a boundary
/// change, a counting change), so that they can be reported and left out of fitting.
///
/// With `c_y = total(y) / total(y−1) − 1` over the unit's consecutive counted years, `m` their median and
/// `MAD` the median absolute deviation from it, year `y` is a break when
/// `|c_y − m| > max(k · 1.4826 · MAD, floor)` (`k = 6`, `floor = 10 %`): far beyond the unit's own
/// year-to-year noise and large in itself.
public struct BreakDetector: Sendable {
    public var spread: Double
    public var floor: Double

    public init(spread: Double = 6, floor: Double = 0.10) {
        self.spread = spread
        self.floor = floor
    }

    public struct Break: Sendable, Equatable {
        public var unit: String
        public var year: Int
        public var total: Double
        public var previous: Double
        /// `c_y`
        public var change: Double
        /// `m`
        public var typicalChange: Double
        /// `max(k · 1.4826 · MAD, floor)`
        public var threshold: Double
    }

    public func breaks(in unit: UnitHistory) -> [Break] {
        let years = unit.counts.keys.sorted()
        var changes: [(year: Int, change: Double, total: Double, previous: Double)] = []
        for y in years {
            guard let now = unit.total(y), let before = unit.total(y - 1), before > 0 else { continue }
            changes.append((y, now / before - 1, now, before))
        }
        guard changes.count >= 4 else { return [] }
        let values = changes.map(\.change)
        guard let median = try? GSL.median(values),
              let mad = try? GSL.median(values.map { abs($0 - median) }) else { return [] }
        let threshold = max(spread * 1.4826 * mad, floor)
        return changes.filter { abs($0.change - median) > threshold }.map {
            Break(unit: unit.id, year: $0.year, total: $0.total, previous: $0.previous, change: $0.change,
                  typicalChange: median, threshold: threshold)
        }
    }
}
