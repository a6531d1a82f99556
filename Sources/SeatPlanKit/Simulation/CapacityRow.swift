/// The gap of one plan, year, area and stage: pupils against seats, and the classes they make — in full,
/// as `PlanColumns` builds it for one row on demand. Every number is the one its columns hold (the
/// formulas are stated once, on `PlanColumns`); the grades and the organisation add the detail per grade.
public struct CapacityRow: Sendable {
    public let plan: String
    public let year: Int
    public let district: String
    public let zone: String
    public let stage: String
    /// Pupils of each grade by component (unrounded).
    public let grades: [GradePupils]
    /// The classes of each grade (`ClassOrganisation`).
    public let organisation: ClassOrganisation
    /// `Σ_g E_g`, unrounded.
    public let students: Double
    /// `classrooms × mean standard class size`.
    public let seats: Double
    /// `students − seats`; positive is a shortage.
    public let gap: Double
    /// `students ÷ seats`; `nil` where seats are 0.
    public let utilisation: Double?
    public let classrooms: Int
    /// `Σ_g ceil(n_g / c_g)` over whole pupils.
    public let classesNeeded: Int
    /// `max(0, classes_needed − classrooms)`.
    public let classroomShortage: Int
    /// `Σ_g n_g`.
    public let wholePupils: Int
    /// Classes with `large_class` pupils or more (the super-large ones included).
    public let largeClasses: Int
    /// Classes with `super_large_class` pupils or more.
    public let superLargeClasses: Int
    public let alert: Alert
    /// Pupils sent to and received from neighbouring zones (unrounded; MODEL.md, *Transfers*).
    public let transferredOut: Double
    public let transferredIn: Double
}
