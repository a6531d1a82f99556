/// Stage 4 of the pipeline: demand + each plan's schools → each plan's rows (`CapacityRows`), one per year,
/// zone and stage in the order of `CapacityLayout`.
///
/// Seats of a zone and stage in a year are `Σ open schools' classrooms × mean standard class size`;
/// pupils are the zone's demand (`DemandCells`, computed once, the same for every plan); classes follow
/// `ClassOrganisation`; the alert follows `Alert.classify`. Plans whose schools give the same classrooms
/// in every zone, stage and year are allocated once and share their rows.
public struct Allocator: Sendable {
    public init() {}

    /// Allocates the baseline and the plans of `scenario` (only those in `plans`, when given, plus the baseline).
    public func allocate(_ scenario: Scenario, demand: Demand, plans selected: Set<String>? = nil) -> Allocation {
        let index = ScenarioIndex(scenario)
        let layout = CapacityLayout(scenario: scenario, index: index, yearCount: demand.yearCount)
        let cells = DemandCells(demand: demand, layout: layout, standards: scenario.standards)
        var ignored = DiagnosticCollector()  // the validator has reported them
        let plans = PlanResolver(plans: scenario.plans).resolveAll(into: &ignored)
            .filter { $0.id == Plan.baselineID || selected?.contains($0.id) ?? true }
        var done: [[Int]: CapacityRows] = [:]
        let existing = SchoolNetwork.Existing(scenario, index: index)
        let outcomes = plans.map { plan in
            let network = SchoolNetwork.build(plan, on: existing, index: index, diagnostics: &ignored)
            let classrooms = classroomTable(network, layout: layout)
            let rows: CapacityRows
            if let same = done[classrooms] {
                rows = same.named(plan.id)
            } else {
                rows = CapacityRows(plan: plan.id, classrooms: classrooms, cells: cells, layout: layout,
                                    standards: scenario.standards)
                done[classrooms] = rows
            }
            return PlanOutcome(plan: plan, network: network, rows: rows)
        }
        return Allocation(demand: demand, layout: layout, outcomes: outcomes, distinctNetworks: done.count)
    }

    /// Classrooms open per year, zone and stage, in row order (`CapacityLayout`): each school adds its own
    /// rooms of a stage in the years it is open, and each expansion its rooms from its year on.
    func classroomTable(_ network: SchoolNetwork, layout: CapacityLayout) -> [Int] {
        var table = Array(repeating: 0, count: layout.count)
        for school in network.schools {
            // Year positions the school is open: [opens, closes) within [0, yearCount).
            let from = max(0, (school.opens ?? Int.min / 2) - layout.baseYear)
            let to = min(layout.yearCount, (school.closes ?? Int.max / 2) - layout.baseYear)
            guard from < to else { continue }
            for (s, count) in school.classrooms where s < layout.stageCount && count != 0 {
                for t in from..<to { table[layout.row(t: t, zone: school.zone, stage: s)] += count }
            }
            for expansion in school.expansions where expansion.stage < layout.stageCount {
                let start = max(from, expansion.from - layout.baseYear)
                guard start < to else { continue }
                for t in start..<to {
                    table[layout.row(t: t, zone: school.zone, stage: expansion.stage)] += expansion.count
                }
            }
        }
        return table
    }
}
