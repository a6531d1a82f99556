/// Stage 4 of the pipeline: demand + each plan's schools → each plan's rows (`PlanColumns`), one per year,
/// catchment area and stage in the order of `AreaGrid`.
///
/// Seats of an area and stage in a year are `Σ open schools' classrooms × mean standard class size` over
/// the schools in the area's zones; pupils are the area's demand (`AreaDemand`, computed once, the same for
/// every plan) after the plan's transfers (`TransferPass`, `PlanPupils`); classes and alerts follow
/// `CellKernel`. Plans whose schools give the same classrooms in every area, stage and year are allocated
/// once and share their rows.
public struct Allocator: Sendable {
    public init() {}

    /// Allocates the baseline and the plans of `scenario` (only those in `plans`, when given, plus the baseline).
    public func allocate(_ scenario: Scenario, demand: Demand, plans selected: Set<String>? = nil) -> Allocation {
        allocate(CompiledScenario(checked: scenario), demand: demand, plans: selected)
    }

    /// Allocates the baseline and the plans of a compiled scenario (only those in `plans`, when given, plus
    /// the baseline), with the plans and networks compiled once.
    public func allocate(_ compiled: CompiledScenario, demand: Demand, plans selected: Set<String>? = nil) -> Allocation {
        let scenario = compiled.scenario
        let grid = compiled.grid
        let pupils = AreaDemand(demand: demand, grid: grid, standards: scenario.standards)
        let transfers = compiled.transfers
        var done: [[Int]: PlanColumns] = [:]
        let chosen = zip(compiled.plans, compiled.networks).filter {
            $0.0.id == Plan.baselineID || selected?.contains($0.0.id) ?? true
        }
        let outcomes = chosen.map { plan, network in
            let classrooms = Self.classroomTable(network, grid: grid)
            let rows: PlanColumns
            if let same = done[classrooms] {
                rows = same.named(plan.id)
            } else {
                let planPupils = PlanPupils(base: pupils, moves: transfers.moves(classrooms: classrooms, demand: pupils),
                                            grid: grid, standards: scenario.standards)
                rows = PlanColumns(plan: plan.id, classrooms: classrooms, pupils: planPupils, grid: grid,
                                    standards: scenario.standards)
                done[classrooms] = rows
            }
            return PlanOutcome(plan: plan, network: network, rows: rows)
        }
        return Allocation(demand: demand, grid: grid, index: compiled.index, transfers: transfers, outcomes: outcomes,
                          distinctNetworks: done.count)
    }

    /// Classrooms open per year, area and stage, in row order (`AreaGrid`): each school adds its own rooms
    /// of a stage to the area of its zone for that stage in the years it is open, and each expansion its
    /// rooms from its year on.
    static func classroomTable(_ network: SchoolNetwork, grid: AreaGrid) -> [Int] {
        var table = Array(repeating: 0, count: grid.count)
        for school in network.schools {
            // Year positions the school is open: [opens, closes) within [0, yearCount).
            let from = max(0, (school.opens ?? Int.min / 2) - grid.baseYear)
            let to = min(grid.yearCount, (school.closes ?? Int.max / 2) - grid.baseYear)
            guard from < to else { continue }
            for (s, count) in school.classrooms where s < grid.stageCount && count != 0 {
                let area = grid.area(ofZone: school.zone, stage: s)
                for t in from..<to { if let i = grid.row(t: t, area: area, stage: s) { table[i] += count } }
            }
            for expansion in school.expansions where expansion.stage < grid.stageCount {
                let start = max(from, expansion.from - grid.baseYear)
                guard start < to else { continue }
                let area = grid.area(ofZone: school.zone, stage: expansion.stage)
                for t in start..<to {
                    if let i = grid.row(t: t, area: area, stage: expansion.stage) { table[i] += expansion.count }
                }
            }
        }
        return table
    }
}
