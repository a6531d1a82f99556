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
        let layout = allocation.layout
        let stageCount = layout.stageCount
        let districtCount = scenario.districts.count
        for outcome in allocation.outcomes {
            // Rows come in year, zone, stage order: gather each year's totals, then write them.
            let perYear = layout.rowsPerYear
            for t in 0..<layout.yearCount {
                var totals = Array(repeating: Array(repeating: CapacityTotals(), count: stageCount),
                                   count: districtCount + 1)
                for i in (t * perYear)..<((t + 1) * perYear) {
                    let s = layout.stage(i), d = layout.district(i)
                    totals[d][s].add(outcome.rows, i)
                    totals[districtCount][s].add(outcome.rows, i)
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
                            .text(d < districtCount ? scenario.districts[d].name : "全部 / all districts"),
                            .text(stage.name),
                        ])
                    }
                }
            }
        }
    }
}
