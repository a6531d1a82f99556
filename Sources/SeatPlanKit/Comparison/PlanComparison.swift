import Foundation

/// Stage 5 of `compare`: the measures of every plan against the baseline, per district and for the whole
/// scenario, and the use of every project's seats (MODEL.md, "Plans compared").
public struct PlanComparison: Sendable {
    /// Per plan (baseline first), per district in file order, then `ALL`.
    public var measures: [PlanMeasures]
    public var projects: [ProjectUse]
    /// Utilisation at or above which a project's seats count as used.
    public var usedThreshold: Double

    public static let allDistricts = "ALL"
    /// Default `usedThreshold`: seats of a zone less than 60 % full stand mostly empty.
    public static let defaultUsedThreshold = 0.6

    public init(_ allocation: Allocation, scenario: Scenario, usedThreshold: Double = defaultUsedThreshold) {
        self.usedThreshold = usedThreshold
        let index = ScenarioIndex(scenario)
        let stageCount = scenario.standards.stages.count
        let districtIDs = scenario.districts.map(\.id) + [Self.allDistricts]
        let layout = allocation.layout
        let baselineRows = allocation.outcomes.first { $0.plan.id == Plan.baselineID }?.rows
        var measures: [PlanMeasures] = []
        var baselineShortage: [String: Double] = [:]
        let lastYear = scenario.baseYear + scenario.horizon
        // The plans' rows are gathered side by side, then the measures are completed in plan order.
        let gathered = Blocks<[PlanMeasures]>(count: allocation.outcomes.count)
        DispatchQueue.concurrentPerform(iterations: allocation.outcomes.count) { p in
            gathered.set(p, Self.gather(allocation.outcomes[p].rows, baseline: baselineRows, stageCount: stageCount,
                                        districts: districtIDs.count, lastYear: lastYear))
        }
        for (outcome, gatheredMeasures) in zip(allocation.outcomes, gathered.values) {
            let costs = Self.costByDistrict(outcome, scenario: scenario, index: index)
            for (d, district) in districtIDs.enumerated() {
                var m = gatheredMeasures[d]
                m.plan = outcome.plan.id
                m.district = district
                m.cost = district == Self.allDistricts ? costs.values.reduce(0, +) : costs[district] ?? 0
                if outcome.plan.id == Plan.baselineID {
                    baselineShortage[district] = m.shortageSeatYears
                    m.verdict = .baseline
                } else {
                    m.shortageAvoided = (baselineShortage[district] ?? 0) - m.shortageSeatYears
                    // Below half a seat-year is rounding noise, not an effect.
                    if m.shortageAvoided >= 0.5 {
                        m.verdict = .avoidsShortage
                        m.costPerSeatYearAvoided = m.cost / m.shortageAvoided
                    } else {
                        m.verdict = m.shortageAvoided <= -0.5 ? .worse : .avoidsNone
                    }
                }
                measures.append(m)
            }
        }
        self.measures = measures
        self.projects = allocation.outcomes.filter { $0.plan.id != Plan.baselineID }.flatMap {
            Self.projectUses($0, scenario: scenario, index: index, threshold: usedThreshold)
        }
    }

    /// The measures of one plan's rows per district (in file order) and for all (last), before costs and
    /// verdicts: one pass over the projected years' rows, each adding to its district and to all.
    private static func gather(_ rows: CapacityRows, baseline: CapacityRows?, stageCount: Int, districts: Int,
                               lastYear: Int) -> [PlanMeasures] {
        let layout = rows.layout
        var accumulators = Array(repeating: Accumulator(stageCount: stageCount, layout: layout), count: districts)
        for i in min(layout.rowsPerYear, layout.count)..<layout.count {
            let added = layout.year(i) == lastYear ? rows.seats(i) - (baseline?.seats(i) ?? rows.seats(i)) : 0
            accumulators[layout.district(i)].add(rows, i, seatsAdded: added)
            accumulators[districts - 1].add(rows, i, seatsAdded: added)
        }
        return accumulators.map(\.measures)
    }

    /// The whole-scenario measures of every plan, least shortage seat-years first; on a tie the cheaper
    /// plan, then the plan id.
    public var ranked: [PlanMeasures] {
        measures.filter { $0.district == Self.allDistricts }.sorted {
            ($0.shortageSeatYears, $0.cost, $0.plan) < ($1.shortageSeatYears, $1.cost, $1.plan)
        }
    }

    /// The measures of a plan in a district (or `ALL`).
    public func measures(plan: String, district: String = allDistricts) -> PlanMeasures? {
        measures.first { $0.plan == plan && $0.district == district }
    }

    // MARK: Measures

    /// The measures of the rows of one district (or all) over the projected years, gathered row by row.
    /// Rows come in year, zone, stage order, so the stages of one zone and year are consecutive: a zone-year
    /// is counted once by remembering the last one counted.
    struct Accumulator {
        let layout: CapacityLayout
        /// Shortage and whether some zone is short, by year position `t` (0, the base year, stays empty).
        var shortageByYear: [Double]
        var shortYear: [Bool]
        var hasRows = false
        var red = 0, noSchool = 0, superLarge = 0
        var lastRed = -1, lastNoSchool = -1, lastSuperLarge = -1
        var large = 0, superLargeClasses = 0
        var seatsAdded: [Double]

        init(stageCount: Int, layout: CapacityLayout) {
            self.layout = layout
            seatsAdded = Array(repeating: 0, count: stageCount)
            shortageByYear = Array(repeating: 0, count: layout.yearCount)
            shortYear = Array(repeating: false, count: layout.yearCount)
        }

        mutating func add(_ rows: CapacityRows, _ i: Int, seatsAdded added: Double) {
            let t = layout.t(i)
            let zoneYear = i / max(layout.stageCount, 1)
            let gap = rows.gap(i)
            hasRows = true
            shortageByYear[t] += max(0, gap)
            let alert = rows.alert(i)
            if alert == .red, lastRed != zoneYear { red += 1; lastRed = zoneYear }
            if alert == .noSchool, lastNoSchool != zoneYear { noSchool += 1; lastNoSchool = zoneYear }
            if rows.superLargeClasses(i) > 0, lastSuperLarge != zoneYear { superLarge += 1; lastSuperLarge = zoneYear }
            if WholeNumbers.round(gap) > 0 { shortYear[t] = true }
            large += rows.largeClasses(i)
            superLargeClasses += rows.superLargeClasses(i)
            seatsAdded[layout.stage(i)] += added
        }

        var measures: PlanMeasures {
            let years = hasRows ? Array(1..<max(layout.yearCount, 1)) : []
            var peak = 0.0, peakYear: Int?
            for t in years where shortageByYear[t] > peak {
                peak = shortageByYear[t]
                peakYear = layout.baseYear + t
            }
            // The earliest year from which no later year has a short zone.
            var firstClear: Int? = nil
            for t in years.reversed() {
                if shortYear[t] { break }
                firstClear = layout.baseYear + t
            }
            return PlanMeasures(
                plan: "", district: "", cost: 0, seatsAdded: seatsAdded,
                shortageSeatYears: years.reduce(0) { $0 + shortageByYear[$1] },
                peakShortage: peak, peakYear: peakYear,
                redZoneYears: red, noSchoolZoneYears: noSchool, superLargeZoneYears: superLarge,
                largeClasses: large, superLargeClasses: superLargeClasses,
                firstYearWithoutShortage: years.isEmpty ? nil : firstClear,
                shortageAvoided: 0, costPerSeatYearAvoided: nil, verdict: .baseline)
        }
    }

    /// Cost of a plan's projects by the district of each project's school.
    static func costByDistrict(_ outcome: PlanOutcome, scenario: Scenario, index: ScenarioIndex) -> [String: Double] {
        var costs: [String: Double] = [:]
        for applied in outcome.plan.projects {
            guard let zone = outcome.network.member(applied.project.school)?.zone else { continue }
            costs[scenario.districts[index.districtOfZone[zone]].id, default: 0] += applied.project.cost
        }
        return costs
    }

    // MARK: Projects

    static func projectUses(_ outcome: PlanOutcome, scenario: Scenario, index: ScenarioIndex, threshold: Double)
        -> [ProjectUse] {
        let stages = scenario.standards.stages
        let lastYear = scenario.baseYear + scenario.horizon
        let layout = outcome.rows.layout
        var uses: [ProjectUse] = []
        for (number, applied) in outcome.plan.projects.enumerated() {
            guard let school = outcome.network.member(applied.project.school) else { continue }
            let zone = index.zones[school.zone]
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
                        let t = year - layout.baseYear
                        guard t > 0, t < layout.yearCount else { continue }
                        if let use = outcome.rows.utilisation(layout.row(t: t, zone: school.zone, stage: entry.stage)),
                           use >= threshold {
                            yearsUsed.append(year)
                        }
                    }
                }
                uses.append(ProjectUse(
                    plan: outcome.plan.id, number: number + 1, kind: applied.project.kind, school: school.id,
                    schoolName: school.name, district: scenario.districts[index.districtOfZone[school.zone]].id,
                    zone: zone.id, stage: stage.id, classrooms: entry.classrooms,
                    seats: Double(entry.classrooms) * stage.seatsPerClassroom, plannedYear: applied.project.year,
                    year: applied.year, delayedBy: applied.delayedBy, origin: applied.origin,
                    cost: i == 0 ? applied.project.cost : nil, yearsOpen: yearsOpen, yearsUsed: yearsUsed))
            }
        }
        return uses
    }
}
