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
        /// Pupils a housing development adds to its zone in a stage and year (a stock; `method` names the
        /// development, `observed` its completions, `note` its yield and ramp).
        case housingPupils = "housing_pupils"
        /// Migration pupils newly admitted in a stage and year, `M(s, Y)`.
        case migrationAdded = "migration_added"
        /// Migration pupils in a stage in a year, all that the cohorts have carried so far (`Σ_g` of the
        /// migration component).
        case migrationCarried = "migration_carried"
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

    /// A number for a note: a whole number without decimals, else Swift's shortest exact form (`0.85`).
    static func plain(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }

    public static func == (a: Assumption, b: Assumption) -> Bool {
        a.district == b.district && a.stage == b.stage && a.grade == b.grade && a.parameter == b.parameter
            && a.year == b.year && a.value == b.value && a.method == b.method && a.window == b.window
            && a.observed.map(\.year) == b.observed.map(\.year) && a.observed.map(\.value) == b.observed.map(\.value)
    }
}
