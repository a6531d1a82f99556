/// Display names of a scenario's ids, for the name columns of reports.
struct DisplayNames {
    var district: [String: String] = [:]
    var zone: [String: String] = [:]
    var stage: [String: String] = [:]
    var plan: [String: String] = [:]

    /// The name of district `ALL` (the whole scenario).
    static let allDistricts = "全部 / all districts"

    init(_ scenario: Scenario) {
        district[AreaGrid.allDistricts] = Self.allDistricts
        for d in scenario.districts {
            district[d.id] = d.name
            for z in d.effectiveZones { zone[z.id] = z.name }
        }
        for s in scenario.standards.stages { stage[s.id] = s.name }
        plan[Plan.baselineID] = ResolvedPlan.baseline.name
        for p in scenario.plans { plan[p.id] = p.name }
    }

    /// The place of a row for a reader: the zone's name, else its district's (a district-level stage), else
    /// the whole scenario's.
    func area(district d: String, zone z: String) -> String {
        if !z.isEmpty { return zone[z] ?? z }
        return district[d] ?? d
    }
}
