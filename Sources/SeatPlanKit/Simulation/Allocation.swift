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
