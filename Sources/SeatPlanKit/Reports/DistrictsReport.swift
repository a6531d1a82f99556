/// `districts.csv`: `capacity.csv` summed over the zones of each district, and over the whole
/// scenario as district `ALL` (see `CapacityTotals` for how each column adds up).
enum DistrictsReport {
    static let columns = [
        "plan", "year", "district", "stage", "students", "seats", "gap", "utilisation",
        "classes_needed", "classrooms", "classroom_shortage", "large_classes", "super_large_classes",
        "max_class_size", "mean_class_size", "unplaced", "zones_short", "alert", "district_name", "stage_name",
    ]

    static let allDistricts = "ALL"

    static func fill(_ allocation: Allocation, scenario: Scenario, into table: inout CSVTable) {
        let names = DisplayNames(scenario)
        let stageCount = scenario.standards.stages.count
        let index = ScenarioIndex(scenario)
        let districtCount = scenario.districts.count
        for outcome in allocation.outcomes {
            // Rows come in year, zone, stage order: gather each year's totals, then write them.
            let perYear = outcome.rows.count / max(allocation.demand.yearCount, 1)
            for t in 0..<allocation.demand.yearCount {
                let rows = outcome.rows[(t * perYear)..<((t + 1) * perYear)]
                var totals = Array(repeating: Array(repeating: CapacityTotals(), count: stageCount),
                                   count: districtCount + 1)
                for (i, row) in rows.enumerated() {
                    let s = i % stageCount
                    let d = index.districtOfZone[(i / stageCount) % index.zones.count]
                    totals[d][s].add(row)
                    totals[districtCount][s].add(row)
                }
                let year = allocation.demand.year(t)
                for d in 0...districtCount {
                    let id = d < districtCount ? scenario.districts[d].id : allDistricts
                    for (s, stage) in scenario.standards.stages.enumerated() {
                        let total = totals[d][s]
                        table.append([
                            .text(outcome.plan.id), .integer(year), .text(id), .text(stage.id),
                            .whole(total.students), .whole(total.seats), .whole(total.students - total.seats),
                            .decimal(total.utilisation, places: 4),
                            .integer(total.classesNeeded), .integer(total.classrooms), .integer(total.classroomShortage),
                            .integer(total.largeClasses), .integer(total.superLargeClasses),
                            .integer(total.maxClassSize), .decimal(total.meanClassSize, places: 2),
                            .integer(total.unplaced), .integer(total.zonesShort),
                            .text(total.alert(scenario.standards.alerts).rawValue),
                            .text(d < districtCount ? (names.district[id] ?? id) : "全部 / all districts"),
                            .text(names.stage[stage.id] ?? stage.id),
                        ])
                    }
                }
            }
        }
    }
}
