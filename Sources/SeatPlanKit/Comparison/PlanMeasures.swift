/// What one plan achieves in one district (or the whole scenario, `ALL`), for one stage or all stages,
/// over the projected years, against the baseline (MODEL.md, "Plans compared"). Every measure is computed
/// by `MeasureAccumulator`; reports, terminal and page only format these.
public struct PlanMeasures: Sendable {
    public var plan: String
    public var district: String
    /// The stage measured; `nil`: all stages.
    public var stage: String?
    /// `Σ` costs of the plan's projects (inherited ones included) whose school is in the district.
    public var cost: Double
    /// Per stage: the plan's seats minus the baseline's in the last projected year, from the district's own
    /// schools whatever the stage's catchment (negative after closures).
    public var seatsAdded: [Double]
    /// `Σ_years Σ_areas Σ_stages max(0, gap)`: areas are not netted against each other.
    public var shortageSeatYears: Double
    /// The largest one-year `Σ max(0, gap)`, and its earliest year (`nil` when the peak is 0).
    public var peakShortage: Double
    public var peakYear: Int?
    /// (area, year) pairs with any of the area's stages red.
    public var redAreaYears: Int
    /// (area, year) pairs with at least one super-large class.
    public var superLargeAreaYears: Int
    /// Classes of `large_class` pupils or more (the stage's own band), summed over areas, stages and years.
    public var largeClasses: Int
    /// Classes of `super_large_class` pupils or more, summed likewise.
    public var superLargeClasses: Int
    /// (area, stage, year) rows whose alert is `no_school`.
    public var noSchoolAreaStageYears: Int
    /// `Σ unplaced` over rows and years: pupils in no class (zones without seats included).
    public var unplacedPupilYears: Int
    /// `Σ transferred_out` over rows and years (pupils moved to a neighbouring zone, counted where they live).
    public var pupilsTransferred: Double
    /// The largest class of any row and year.
    public var largestClass: Int
    /// The first year from which no area is short (rounded gap above 0) in that year or any later one.
    public var firstYearWithoutShortage: Int?
    /// The first year from which no area has a super-large class in that year or any later one.
    public var firstYearWithoutSuperLarge: Int?
    /// What still blocks `firstYearWithoutShortage`: the row with the largest gap in the last short year.
    public var shortageBlocker: Blocker?
    /// What still blocks `firstYearWithoutSuperLarge`: the row with the most super-large classes in the last
    /// year with any.
    public var superLargeBlocker: Blocker?
    /// Baseline shortage seat-years minus this plan's.
    public var shortageAvoided: Double
    /// `cost ÷ shortage avoided`, only when the plan avoids some shortage.
    public var costPerSeatYearAvoided: Double?
    public var verdict: Verdict

    /// An area, stage and year, and the figure that makes it block (a gap in seats, or super-large classes).
    public struct Blocker: Sendable, Equatable {
        public var year: Int
        public var district: String
        /// Empty for a district's or the scenario's own row.
        public var zone: String
        public var stage: String
        public var figure: Double
    }

    /// How the plan compares with the baseline, stated instead of a meaningless ratio.
    public enum Verdict: String, Sendable {
        case baseline
        /// Avoids shortage seat-years; the cost per seat-year avoided is meaningful.
        case avoidsShortage = "avoids_shortage"
        /// Avoids none: the same shortage as the baseline.
        case avoidsNone = "avoids_none"
        /// Leaves more shortage than the baseline (closures).
        case worse = "more_shortage_than_baseline"
    }

    public var seatsAddedTotal: Double { seatsAdded.reduce(0, +) }
    /// `avoids_none` of `comparison.csv`: the plan avoids no shortage (or is the baseline).
    public var avoidsNone: Bool { verdict != .avoidsShortage }
}
