/// Display names of a scenario's ids, for the name columns of reports.
struct DisplayNames {
    var district: [String: String] = [:]
    var zone: [String: String] = [:]
    var stage: [String: String] = [:]

    init(_ scenario: Scenario) {
        for d in scenario.districts {
            district[d.id] = d.name
            for z in d.effectiveZones { zone[z.id] = z.name }
        }
        for s in scenario.standards.stages { stage[s.id] = s.name }
    }
}
