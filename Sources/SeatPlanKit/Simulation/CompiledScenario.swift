/// A checked scenario compiled once for every later stage: integer positions of stages, districts and
/// zones (`ScenarioIndex`), the catchment grid (`AreaGrid`), every plan resolved (`based_on`, delays,
/// removals; the baseline first) with its school network, and the transfer rule. The validator builds it
/// from what it has checked; projection, allocation, Monte Carlo, comparison and reports take it and never
/// resolve plans or rebuild these again.
public struct CompiledScenario: Sendable {
    public private(set) var scenario: Scenario
    let index: ScenarioIndex
    let grid: AreaGrid
    /// Every plan as applied, the baseline first, then the scenario's in file order.
    let plans: [ResolvedPlan]
    /// The school network of each plan of `plans`.
    let networks: [SchoolNetwork]
    let transfers: TransferPass

    /// Compiles `scenario`, reporting what cannot be resolved (unknown schools, zones, stages, plans …)
    /// into `diagnostics`.
    init(_ scenario: Scenario, diagnostics: inout DiagnosticCollector) {
        self.scenario = scenario
        index = ScenarioIndex(scenario)
        grid = AreaGrid(scenario: scenario, index: index, yearCount: scenario.horizon + 1)
        plans = PlanResolver(plans: scenario.plans).resolveAll(into: &diagnostics)
        let existing = SchoolNetwork.Existing(scenario, index: index)
        var networks: [SchoolNetwork] = []
        for plan in plans {
            networks.append(SchoolNetwork.build(plan, on: existing, index: index, diagnostics: &diagnostics))
        }
        self.networks = networks
        transfers = TransferPass(scenario: scenario, grid: grid)
    }

    /// The same compiled scenario with another `advisor` block (nothing compiled depends on it).
    func with(advisor: AdvisorSettings?) -> CompiledScenario {
        var result = self
        result.scenario.advisor = advisor
        return result
    }

    /// Compiles a scenario already checked (its diagnostics were reported by the validator).
    public init(checked scenario: Scenario) {
        var ignored = DiagnosticCollector()
        self.init(scenario, diagnostics: &ignored)
    }
}
