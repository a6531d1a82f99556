import Foundation

/// Stage 5 of `compare`: the measures of every plan against the baseline, per district and for the whole
/// scenario, and the use of every project's seats (MODEL.md, "Plans compared").
public struct PlanComparison: Sendable {
    /// All stages: per plan (baseline first), per district in file order, then `ALL`.
    public var measures: [PlanMeasures]
    /// Per plan, per district then `ALL`, per stage.
    public var stageMeasures: [PlanMeasures]
    public var projects: [ProjectUse]
    /// Per plan (in `measures`' plan order), the areas and stages still short, most seat-years first.
    public var spans: [String: [ShortageSpan]]
    /// Per plan: which zone sends how many pupils where, each year (`TransferFlow`).
    public var flows: [String: [TransferFlow]]
    /// Utilisation at or above which a project's seats count as used.
    public var usedThreshold: Double
    /// Service-radius coverage and 一乡一园 of every plan, and their measures.
    public var coverage: CoverageSummary

    public static let allDistricts = AreaGrid.allDistricts
    /// Default `usedThreshold`: seats of an area less than 60 % full stand mostly empty.
    public static let defaultUsedThreshold = 0.6

    /// `coverage`: computed here when not given (the commands time it as a phase of its own).
    public init(_ allocation: Allocation, scenario: Scenario, usedThreshold: Double = defaultUsedThreshold,
                coverage: CoverageSummary? = nil) {
        self.usedThreshold = usedThreshold
        let grid = allocation.grid
        let stageIDs = grid.stages.map(\.id)
        let districtIDs = grid.districtIDs
        let baseline = allocation.outcomes.first { $0.plan.id == Plan.baselineID }
        let lastYear = scenario.baseYear + scenario.horizon
        // The plans' rows are gathered side by side, then the measures are completed in plan order.
        let gathered = Parallel.map(count: allocation.outcomes.count) { p in
            Self.gather(allocation.outcomes[p], grid: grid)
        }
        var measures: [PlanMeasures] = [], stageMeasures: [PlanMeasures] = []
        var spans: [String: [ShortageSpan]] = [:]
        var flows: [String: [TransferFlow]] = [:]
        var baselineShortage: [String: Double] = [:]
        for (outcome, gathered) in zip(allocation.outcomes, gathered) {
            let plan = outcome.plan.id
            let costs = Self.costByDistrict(outcome, grid: allocation.grid)
            let added = Self.seatsAdded(outcome.network, baseline: baseline?.network, grid: grid, year: lastYear)
            for (d, district) in districtIDs.enumerated() {
                var m = gathered.all[d].measures(plan: plan, district: district, stage: nil, grid: grid)
                m.cost = d == grid.districtCount ? costs.values.reduce(0, +) : costs[district] ?? 0
                m.seatsAdded = added[d]
                Self.compare(&m, baseline: &baselineShortage, key: district)
                measures.append(m)
                for (s, stage) in stageIDs.enumerated() {
                    var m = gathered.byStage[d * stageIDs.count + s].measures(plan: plan, district: district, stage: stage, grid: grid)
                    m.cost = 0
                    m.seatsAdded = [added[d][s]]
                    Self.compare(&m, baseline: &baselineShortage, key: "\(district)#\(stage)")
                    stageMeasures.append(m)
                }
            }
            spans[plan] = gathered.spans
            flows[plan] = TransferFlow.flows(outcome.rows.moves, grid: grid)
        }
        self.measures = measures
        self.stageMeasures = stageMeasures
        self.spans = spans
        self.flows = flows
        self.coverage = coverage ?? CoverageSummary(allocation, scenario: scenario)
        self.projects = allocation.outcomes.filter { $0.plan.id != Plan.baselineID }.flatMap {
            Self.projectUses($0, scenario: scenario, threshold: usedThreshold)
        }
    }

    /// The measures of one plan's rows, per district (file order, then `ALL`), all stages and each stage,
    /// and its short spans.
    private struct Gathered: Sendable {
        var all: [MeasureAccumulator]
        var byStage: [MeasureAccumulator]
        var spans: [ShortageSpan]
    }

    /// One pass over the projected years' rows: each row adds to its district (a scenario-level row to
    /// `ALL` only) and to `ALL`, for all stages and for its stage, and to its area-stage's span.
    private static func gather(_ outcome: PlanOutcome, grid: AreaGrid) -> Gathered {
        let rows = outcome.rows
        let D = grid.districtCount, S = grid.stageCount
        let empty = MeasureAccumulator(baseYear: grid.baseYear, yearCount: grid.yearCount)
        var all = Array(repeating: empty, count: D + 1)
        var byStage = Array(repeating: empty, count: (D + 1) * S)
        var spans: [ShortageSpan?] = Array(repeating: nil, count: grid.rowsPerYear)
        for i in Swift.min(grid.rowsPerYear, grid.count)..<grid.count {
            let d = grid.district(i), s = grid.stage(i)
            if d < D {
                all[d].add(rows, i, grid: grid)
                byStage[d * S + s].add(rows, i, grid: grid)
            }
            all[D].add(rows, i, grid: grid)
            byStage[D * S + s].add(rows, i, grid: grid)
            let gap = rows.gap(i)
            guard gap > 0 else { continue }
            let r = grid.position(i), year = grid.year(i), rounded = WholeNumbers.round(gap) > 0
            var span = spans[r] ?? ShortageSpan(
                district: grid.districtIDs[d], zone: grid.zone(i) >= 0 ? grid.zoneIDs[grid.zone(i)] : "",
                stage: grid.stages[s].id, first: nil, last: nil, shortYears: [], seatYears: 0, worst: 0)
            span.seatYears += gap
            span.worst = Swift.max(span.worst, gap)
            if rounded {
                span.first = span.first ?? year
                span.last = year
                span.shortYears.append(year)
            }
            spans[r] = span
        }
        let ordered = spans.enumerated().compactMap { r, span in span.map { (r, $0) } }
            .sorted { ($0.1.seatYears, -$0.0) > ($1.1.seatYears, -$1.0) }
            .map(\.1)
        return Gathered(all: all, byStage: byStage, spans: ordered)
    }

    /// Against the baseline (recorded under `key` when `m` is the baseline's): shortage avoided, verdict and
    /// cost per seat-year avoided.
    private static func compare(_ m: inout PlanMeasures, baseline: inout [String: Double], key: String) {
        if m.plan == Plan.baselineID {
            baseline[key] = m.shortageSeatYears
            m.verdict = .baseline
            return
        }
        m.shortageAvoided = (baseline[key] ?? 0) - m.shortageSeatYears
        // Below half a seat-year is rounding noise, not an effect.
        if m.shortageAvoided >= 0.5 {
            m.verdict = .avoidsShortage
            m.costPerSeatYearAvoided = m.cost > 0 || m.stage == nil ? m.cost / m.shortageAvoided : nil
        } else {
            m.verdict = m.shortageAvoided <= -0.5 ? .worse : .avoidsNone
        }
    }

    /// Per district (and `ALL`, last) and stage: the seats of the district's own schools in `year` under the
    /// plan minus the baseline's (whatever the stage's catchment).
    static func seatsAdded(_ network: SchoolNetwork, baseline: SchoolNetwork?, grid: AreaGrid, year: Int) -> [[Double]] {
        func seats(_ network: SchoolNetwork?) -> [[Double]] {
            var table = Array(repeating: Array(repeating: 0.0, count: grid.stageCount), count: grid.districtCount + 1)
            for school in network?.schools ?? [] {
                let d = grid.districtOfZone[school.zone]
                for s in 0..<grid.stageCount {
                    let value = Double(school.classrooms(stage: s, year: year)) * grid.seatsPerClassroom[s]
                    table[d][s] += value
                    table[grid.districtCount][s] += value
                }
            }
            return table
        }
        let plan = seats(network), base = seats(baseline ?? network)
        return zip(plan, base).map { zip($0, $1).map { $0 - $1 } }
    }

    /// The whole-scenario measures of every plan, best first: fewer unplaced pupil-years (a pupil with no
    /// seat is worse off than one in a large class), then fewer shortage seat-years, then fewer super-large
    /// classes, then the cheaper plan, then the plan id.
    public var ranked: [PlanMeasures] {
        measures.filter { $0.district == Self.allDistricts }.sorted {
            ($0.unplacedPupilYears, $0.shortageSeatYears, $0.superLargeClasses, $0.cost, $0.plan)
                < ($1.unplacedPupilYears, $1.shortageSeatYears, $1.superLargeClasses, $1.cost, $1.plan)
        }
    }

    /// The measures of a plan in a district (or `ALL`), all stages.
    public func measures(plan: String, district: String = allDistricts) -> PlanMeasures? {
        measures.first { $0.plan == plan && $0.district == district }
    }

    /// The stage measures of `measures[k]`, in stage order (`stageMeasures` holds them in the same order,
    /// each row's stages together).
    public func stageMeasures(of k: Int) -> ArraySlice<PlanMeasures> {
        let S = stageMeasures.count / Swift.max(measures.count, 1)
        return stageMeasures[(k * S)..<((k + 1) * S)]
    }

    /// The measures of a plan in a district (or `ALL`) for one stage.
    public func measures(plan: String, district: String = allDistricts, stage: String) -> PlanMeasures? {
        stageMeasures.first { $0.plan == plan && $0.district == district && $0.stage == stage }
    }

    /// Cost of a plan's projects by the district of each project's school.
    static func costByDistrict(_ outcome: PlanOutcome, grid: AreaGrid) -> [String: Double] {
        var costs: [String: Double] = [:]
        for applied in outcome.plan.projects {
            guard let zone = outcome.network.member(applied.project.school)?.zone else { continue }
            costs[grid.districtIDs[grid.districtOfZone[zone]], default: 0] += applied.project.cost
        }
        return costs
    }

    // MARK: Projects

    static func projectUses(_ outcome: PlanOutcome, scenario: Scenario, threshold: Double)
        -> [ProjectUse] {
        let stages = scenario.standards.stages
        let lastYear = scenario.baseYear + scenario.horizon
        let grid = outcome.rows.grid
        var uses: [ProjectUse] = []
        for (number, applied) in outcome.plan.projects.enumerated() {
            guard let school = outcome.network.member(applied.project.school) else { continue }
            let zoneID = outcome.rows.grid.zoneIDs[school.zone]
            var perStage: [(stage: Int, classrooms: Int)] = []
            switch applied.project.kind {
            case .build:
                perStage = school.classrooms.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            case .expand:
                perStage = school.expansions.filter { $0.project == number }.map { ($0.stage, $0.count) }
            case .close:
                var open = school
                open.closes = nil
                perStage = stages.indices.map { ($0, -open.classrooms(stage: $0, year: applied.year)) }
                    .filter { $0.1 != 0 }
            }
            for (i, entry) in perStage.enumerated() {
                let stage = stages[entry.stage]
                var yearsOpen: [Int] = [], yearsUsed: [Int] = []
                if applied.project.kind != .close, applied.year <= lastYear {
                    for year in max(applied.year, scenario.baseYear + 1)...lastYear where school.isOpen(in: year) {
                        yearsOpen.append(year)
                        let t = year - grid.baseYear
                        guard t > 0, t < grid.yearCount,
                              let i = grid.row(t: t, area: grid.area(ofZone: school.zone, stage: entry.stage), stage: entry.stage)
                        else { continue }
                        if let use = outcome.rows.utilisation(i), use >= threshold {
                            yearsUsed.append(year)
                        }
                    }
                }
                uses.append(ProjectUse(
                    plan: outcome.plan.id, number: number + 1, kind: applied.project.kind, school: school.id,
                    schoolName: school.name, district: outcome.rows.grid.districtIDs[outcome.rows.grid.districtOfZone[school.zone]],
                    zone: zoneID, stage: stage.id, classrooms: entry.classrooms,
                    seats: Double(entry.classrooms) * stage.seatsPerClassroom, plannedYear: applied.project.year,
                    year: applied.year, delayedBy: applied.delayedBy, origin: applied.origin,
                    cost: i == 0 ? applied.project.cost : nil, yearsOpen: yearsOpen, yearsUsed: yearsUsed))
            }
        }
        return uses
    }
}
