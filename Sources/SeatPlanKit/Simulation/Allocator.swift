/// Stage 4 of the pipeline: demand + each plan's schools → one `CapacityRow` per plan, year, zone and stage.
///
/// Seats of a zone and stage in a year are `Σ open schools' classrooms × mean standard class size`;
/// pupils are the zone's demand; classes follow `ClassOrganisation`; the alert follows `Alert.classify`.
public struct Allocator: Sendable {
    public init() {}

    public func allocate(_ scenario: Scenario, demand: Demand) -> Allocation {
        let index = ScenarioIndex(scenario)
        var ignored = DiagnosticCollector()  // the validator has reported them
        let plans = PlanResolver(plans: scenario.plans).resolveAll(into: &ignored)
        let outcomes = plans.map { plan in
            let network = SchoolNetwork.build(plan, scenario: scenario, index: index, diagnostics: &ignored)
            return PlanOutcome(plan: plan, network: network,
                               rows: rows(network, scenario: scenario, demand: demand, index: index))
        }
        return Allocation(demand: demand, outcomes: outcomes)
    }

    func rows(_ network: SchoolNetwork, scenario: Scenario, demand: Demand, index: ScenarioIndex) -> [CapacityRow] {
        let standards = scenario.standards
        let stages = standards.stages
        var rows: [CapacityRow] = []
        rows.reserveCapacity(demand.yearCount * index.zones.count * stages.count)
        // Schools by zone, so that each row looks only at its zone's schools.
        var schoolsByZone = Array(repeating: [SchoolNetwork.Member](), count: index.zones.count)
        for school in network.schools { schoolsByZone[school.zone].append(school) }
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
                    let classrooms = schoolsByZone[z].reduce(0) { $0 + $1.classrooms(stage: s, year: year) }
                    let seats = Double(classrooms) * stage.seatsPerClassroom
                    let organisation = ClassOrganisation(pupils: grades.map { WholeNumbers.roundToInt($0.total) },
                                                         classSizes: stage.classSizes, classrooms: classrooms)
                    let students = grades.reduce(0) { $0 + $1.total }
                    let alert = Alert.classify(wholePupils: organisation.pupils.reduce(0, +), seats: seats,
                                               utilisation: seats > 0 ? students / seats : nil,
                                               thresholds: standards.alerts)
                    rows.append(CapacityRow(
                        plan: network.plan.id, year: year, district: scenario.districts[d].id, zone: zone.id,
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
