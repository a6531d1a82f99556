/// What one plan achieves in one district (or the whole scenario, `ALL`) over the projected years,
/// against the baseline (MODEL.md, "Plans compared").
public struct PlanMeasures: Sendable {
    public var plan: String
    public var district: String
    /// `Σ` costs of the plan's projects (inherited ones included) whose school is in the district.
    public var cost: Double
    /// Per stage: the plan's seats minus the baseline's in the last projected year (negative after closures).
    public var seatsAdded: [Double]
    /// `Σ_years Σ_zones Σ_stages max(0, gap)`: zones are not netted against each other.
    public var shortageSeatYears: Double
    /// The largest one-year `Σ_zones Σ_stages max(0, gap)`, and its earliest year (`nil` when never short).
    public var peakShortage: Double
    public var peakYear: Int?
    /// (zone, year) pairs with any stage red.
    public var redZoneYears: Int
    /// (zone, year) pairs with any stage without a school for its pupils.
    public var noSchoolZoneYears: Int
    /// (zone, year) pairs with at least one super-large class.
    public var superLargeZoneYears: Int
    /// Classes of `large_class` pupils or more, summed over zones, stages and years.
    public var largeClasses: Int
    /// Classes of `super_large_class` pupils or more, summed likewise.
    public var superLargeClasses: Int
    /// The first year from which no zone is short (rounded gap above 0) in that year or any later one.
    public var firstYearWithoutShortage: Int?
    /// Baseline shortage seat-years minus this plan's.
    public var shortageAvoided: Double
    /// `cost ÷ shortage avoided`, only when the plan avoids some shortage.
    public var costPerSeatYearAvoided: Double?
    public var verdict: Verdict

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
}
