/// Stage 4 of the pipeline: demand + each plan's schools → one `CapacityRow` per plan, year, zone and stage.
///
/// Seats of a zone and stage in a year are `Σ open schools' classrooms × mean standard class size`;
/// pupils are the zone's demand (computed once, the same for every plan); classes follow
/// `ClassOrganisation`; the alert follows `Alert.classify`. Plans whose schools give the same classrooms
/// in every zone, stage and year are allocated once and share their rows.
public struct Allocator: Sendable {
    public init() {}

    /// Allocates the baseline and the plans of `scenario` (only those in `plans`, when given, plus the baseline).
    public func allocate(_ scenario: Scenario, demand: Demand, plans selected: Set<String>? = nil) -> Allocation {
        let index = ScenarioIndex(scenario)
        var ignored = DiagnosticCollector()  // the validator has reported them
        let plans = PlanResolver(plans: scenario.plans).resolveAll(into: &ignored)
            .filter { $0.id == Plan.baselineID || selected?.contains($0.id) ?? true }
        var done: [[Int]: [CapacityRow]] = [:]
        let outcomes = plans.map { plan in
            let network = SchoolNetwork.build(plan, scenario: scenario, index: index, diagnostics: &ignored)
            let classrooms = classroomTable(network, scenario: scenario, demand: demand, index: index)
            var rows: [CapacityRow]
            if let same = done[classrooms] {
                rows = same
                for i in rows.indices { rows[i].plan = plan.id }
            } else {
                rows = self.rows(plan: plan.id, classrooms: classrooms, scenario: scenario, demand: demand, index: index)
                done[classrooms] = rows
            }
            return PlanOutcome(plan: plan, network: network, rows: rows)
        }
        return Allocation(demand: demand, outcomes: outcomes, distinctNetworks: done.count)
    }

    /// Classrooms open per year, zone and stage, flattened in row order `(t · zones + z) · stages + s`.
    func classroomTable(_ network: SchoolNetwork, scenario: Scenario, demand: Demand, index: ScenarioIndex) -> [Int] {
        let stageCount = scenario.standards.stages.count
        var table = Array(repeating: 0, count: demand.yearCount * index.zones.count * stageCount)
        for school in network.schools {
            for t in 0..<demand.yearCount {
                let year = demand.year(t)
                guard school.isOpen(in: year) else { continue }
                for s in 0..<stageCount {
                    table[(t * index.zones.count + school.zone) * stageCount + s] += school.classrooms(stage: s, year: year)
                }
            }
        }
        return table
    }

    func rows(plan: String, classrooms table: [Int], scenario: Scenario, demand: Demand, index: ScenarioIndex)
        -> [CapacityRow] {
        let standards = scenario.standards
        let stages = standards.stages
        var rows: [CapacityRow] = []
        rows.reserveCapacity(table.count)
        for t in 0..<demand.yearCount {
            let year = demand.year(t)
            for (z, zone) in index.zones.enumerated() {
                let d = index.districtOfZone[z]
                let zoneInDistrict = index.zonesOfDistrict[d].firstIndex(of: z) ?? 0
                let districtDemand = demand.districts[d]
                for (s, stage) in stages.enumerated() {
                    let grades = (0..<stage.grades).map {
                        districtDemand.pupils(zone: zoneInDistrict, stage: s, grade: $0, t: t)
                    }
                    let classrooms = table[(t * index.zones.count + z) * stages.count + s]
                    let seats = Double(classrooms) * stage.seatsPerClassroom
                    let organisation = ClassOrganisation(pupils: grades.map { WholeNumbers.roundToInt($0.total) },
                                                         classSizes: stage.classSizes, classrooms: classrooms)
                    let students = grades.reduce(0) { $0 + $1.total }
                    let alert = Alert.classify(wholePupils: organisation.pupils.reduce(0, +), seats: seats,
                                               utilisation: seats > 0 ? students / seats : nil,
                                               thresholds: standards.alerts)
                    rows.append(CapacityRow(
                        plan: plan, year: year, district: scenario.districts[d].id, zone: zone.id,
                        stage: stage.id, grades: grades, seats: seats, classrooms: classrooms,
                        organisation: organisation,
                        largeClasses: organisation.classes(atLeast: standards.largeClass),
                        superLargeClasses: organisation.classes(atLeast: standards.superLargeClass),
                        alert: alert))
                }
            }
        }
        return rows
    }
}
