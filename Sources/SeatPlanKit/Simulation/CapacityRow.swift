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

/// One plan's schools and its rows, in the order of `AreaGrid`.
public struct PlanOutcome: Sendable {
    public var plan: ResolvedPlan
    public var network: SchoolNetwork
    public var rows: PlanColumns
}

/// The result of the allocation stage: every plan's rows over the same demand.
public struct Allocation: Sendable {
    public var demand: Demand
    /// Where each row sits (the same for every plan).
    public var grid: AreaGrid
    /// The scenario's stages, districts and zones by position, and its transfer rule, as compiled.
    var index: ScenarioIndex
    var transfers: TransferPass
    /// The baseline first, then the plans in file order.
    public var outcomes: [PlanOutcome]
    /// How many distinct school networks were allocated (plans with the same classrooms share one).
    public var distinctNetworks: Int

    public func outcome(_ plan: String) -> PlanOutcome? { outcomes.first { $0.plan.id == plan } }
}
