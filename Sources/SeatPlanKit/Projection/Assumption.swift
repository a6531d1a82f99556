/// One estimated number and where it comes from: a row of `assumptions.csv`.
public struct Assumption: Sendable, Equatable {
    public enum Parameter: String, Sendable {
        case entryRatio = "entry_ratio"
        case progressionRatio = "progression_ratio"
        /// Intercept `c0` of the births trend.
        case birthsIntercept = "births_c0"
        /// Slope `c1` of the births trend (per year).
        case birthsSlope = "births_c1"
        /// Births of a year after the last listed one, from the trend.
        case birthsProjected = "births_projected"
    }

    public var district: String
    public var stage: String?
    public var grade: Int?
    public var parameter: Parameter
    /// The year a projected value is for.
    public var year: Int?
    public var value: Double
    /// `mean`, `weighted_mean` … for ratios, `fixed` for a fixed ratio, the trend for births.
    public var method: String
    public var window: Int?
    /// The observed values used, as `year=value` pairs, oldest first.
    public var observed: [(year: Int, value: Double)]
    public var standardError: Double?
    public var rSquared: Double?
    /// Why this method (e.g. what `method: auto` compared), empty otherwise.
    public var note: String

    public init(district: String, stage: String?, grade: Int?, parameter: Parameter, year: Int? = nil,
                value: Double, method: String, window: Int?, observed: [(year: Int, value: Double)],
                standardError: Double? = nil, rSquared: Double? = nil, note: String = "") {
        self.district = district
        self.stage = stage
        self.grade = grade
        self.parameter = parameter
        self.year = year
        self.value = value
        self.method = method
        self.window = window
        self.observed = observed
        self.standardError = standardError
        self.rSquared = rSquared
        self.note = note
    }

    public var n: Int { observed.count }

    public static func == (a: Assumption, b: Assumption) -> Bool {
        a.district == b.district && a.stage == b.stage && a.grade == b.grade && a.parameter == b.parameter
            && a.year == b.year && a.value == b.value && a.method == b.method && a.window == b.window
            && a.observed.map(\.year) == b.observed.map(\.year) && a.observed.map(\.value) == b.observed.map(\.value)
    }
}
