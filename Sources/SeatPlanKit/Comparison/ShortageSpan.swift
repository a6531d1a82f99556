/// One area and stage of a plan with a positive gap in some projected year: where a plan still leaves
/// pupils without seats. The spans of a plan add up to its `shortage_seat_years`.
public struct ShortageSpan: Sendable {
    public var district: String
    /// Empty for a district's or the scenario's own row.
    public var zone: String
    public var stage: String
    /// The first and last projected year with a gap rounded above 0 (`nil`: every gap rounds to 0).
    public var first: Int?
    public var last: Int?
    /// Projected years with a gap rounded above 0, in order.
    public var shortYears: [Int]
    public var years: Int { shortYears.count }
    /// `Σ_years max(0, gap)`.
    public var seatYears: Double
    /// The largest gap.
    public var worst: Double
}
