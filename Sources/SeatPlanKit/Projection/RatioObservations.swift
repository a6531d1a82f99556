/// The observed values of one ratio of one district, oldest first (MODEL.md, Demand items 1–2).
public struct RatioObservations: Sendable {
    public enum Kind: String, Sendable {
        /// `E(s, 1, y) / births(y − A)`: first grade of a stage fed by births.
        case entry = "entry_ratio"
        /// `E(s, g, y) / E(s, g−1, y−1)` (for `g = 1` the last grade of the feeding stage).
        case progression = "progression_ratio"
    }

    public var kind: Kind
    public var years: [Int]
    public var values: [Double]

    /// Collects the observations of the ratio feeding `grade` (1-based) of `stage` in `district`.
    ///
    /// Entry: the observed years `y` whose births `y − A` are listed (never projected) and not zero.
    /// Progression: observed pairs of consecutive years; a pair with a zero denominator is skipped.
    /// Observations touching a year of `excluded` (either year of a pair) are left out.
    public static func collect(district: District, stage: Stage, grade: Int, standards: Standards,
                               excluding excluded: Set<Int> = []) -> RatioObservations {
        var years: [Int] = []
        var values: [Double] = []
        let isEntry = grade == 1 && { if case .births = stage.feed { return true } else { return false } }()
        for observed in district.enrollment {
            let y = observed.year
            if excluded.contains(y) || (!isEntry && excluded.contains(y - 1)) { continue }
            guard let counts = observed.rows[stage.id]?.counts, counts.count >= grade else { continue }
            let numerator = counts[grade - 1]
            let denominator: Double?
            if isEntry, case .births(let age) = stage.feed {
                denominator = district.births[y - age]
            } else if grade > 1 {
                denominator = district.enrollment(year: y - 1, stage: stage.id)
                    .flatMap { $0.count >= grade - 1 ? $0[grade - 2] : nil }
            } else if case .stage(let feeder) = stage.feed, let feeding = standards.stage(feeder) {
                denominator = district.enrollment(year: y - 1, stage: feeder)
                    .flatMap { $0.count == feeding.grades ? $0.last : nil }
            } else {
                denominator = nil
            }
            guard let denominator, denominator > 0 else { continue }
            years.append(y)
            values.append(numerator / denominator)
        }
        return RatioObservations(kind: isEntry ? .entry : .progression, years: years, values: values)
    }
}
