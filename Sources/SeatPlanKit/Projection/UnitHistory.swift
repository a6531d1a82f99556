/// Counted pupils of one unit — a district, a school or zone, or the total of several — by year, and the
/// births its entry grades come from: what a backtest or `method: auto` projects from.
public struct UnitHistory: Sendable {
    public enum Level: String, Sendable, CaseIterable {
        /// A scenario's district.
        case district
        /// The sum of every unit of a plain history (e.g. a school district's total).
        case total
        /// One unit of a plain history (a school, a zone).
        case unit
    }

    public var id: String
    public var level: Level
    /// Pupils by year, `[stage][grade]`; only years in which every stage is counted in full.
    public var counts: [Int: [[Double]]]
    /// Births by calendar year (possibly empty: then only `entry: known` can project entry grades).
    public var births: [Int: Double]

    public init(id: String, level: Level, counts: [Int: [[Double]]], births: [Int: Double]) {
        self.id = id
        self.level = level
        self.counts = counts
        self.births = births
    }

    /// The history of a scenario's district: its counted years with every stage listed in full.
    public init(district: District, stages: [Stage]) {
        var counts: [Int: [[Double]]] = [:]
        for year in district.enrollment {
            let rows = stages.map { year.rows[$0.id]?.counts }
            guard zip(rows, stages).allSatisfy({ $0.0?.count == $0.1.grades }) else { continue }
            counts[year.year] = rows.map { $0 ?? [] }
        }
        self.init(id: district.id, level: .district, counts: counts, births: district.births)
    }

    /// `Σ` over stages and grades of a year's pupils.
    public func total(_ year: Int) -> Double? {
        counts[year].map { $0.reduce(0) { $0 + $1.reduce(0, +) } }
    }
}
