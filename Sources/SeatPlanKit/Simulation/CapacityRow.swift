/// The gap of one plan, year, zone and stage: pupils against seats, and the classes they make — in full,
/// as `CapacityRows` builds it for one row on demand.
public struct CapacityRow: Sendable {
    public var plan: String
    public var year: Int
    public var district: String
    public var zone: String
    public var stage: String
    /// Pupils of each grade by component (unrounded).
    public var grades: [GradePupils]
    /// `classrooms × mean standard class size`.
    public var seats: Double
    public var classrooms: Int
    public var organisation: ClassOrganisation
    /// Classes with `large_class` pupils or more (the super-large ones included).
    public var largeClasses: Int
    /// Classes with `super_large_class` pupils or more.
    public var superLargeClasses: Int
    public var alert: Alert

    /// `Σ_g E_g`, unrounded.
    public var students: Double { grades.reduce(0) { $0 + $1.total } }
    /// `students − seats`; positive is a shortage.
    public var gap: Double { students - seats }
    /// `students ÷ seats`; `nil` where seats are 0.
    public var utilisation: Double? { seats > 0 ? students / seats : nil }
    /// `Σ_g ceil(n_g / c_g)` over whole pupils.
    public var classesNeeded: Int { organisation.classesNeeded }
    /// `max(0, classes_needed − classrooms)`.
    public var classroomShortage: Int { max(0, classesNeeded - classrooms) }
    public var wholePupils: Int { organisation.pupils.reduce(0, +) }
}

/// One plan's schools and its rows, in year, zone, stage order (`CapacityLayout`).
public struct PlanOutcome: Sendable {
    public var plan: ResolvedPlan
    public var network: SchoolNetwork
    public var rows: CapacityRows
}

/// The result of the allocation stage: every plan's rows over the same demand.
public struct Allocation: Sendable {
    public var demand: Demand
    /// Where each row sits (the same for every plan).
    public var layout: CapacityLayout
    /// The baseline first, then the plans in file order.
    public var outcomes: [PlanOutcome]
    /// How many distinct school networks were allocated (plans with the same classrooms share one).
    public var distinctNetworks: Int

    public func outcome(_ plan: String) -> PlanOutcome? { outcomes.first { $0.plan.id == plan } }
}
