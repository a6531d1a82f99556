/// `districts.csv`: `capacity.csv` summed over the areas of each district, and over the whole scenario as
/// district `ALL` (see `CapacityTotals` for how each column adds up). A district's rows are its zones' and its
/// own (district-level stages); the scenario's own rows (a `scenario` catchment) count in `ALL` only, and a
/// district has no row for such a stage.
enum DistrictsReport {
    static let columns = [
        "plan", "year", "district", "stage", "students", "seats", "gap", "utilisation",
        "classes_needed", "classrooms", "classroom_shortage", "large_classes", "super_large_classes",
        "max_class_size", "mean_class_size", "unplaced", "areas_short", "alert", "transferred_out",
        "transferred_in", "district_name", "stage_name",
    ]

    static let allDistricts = AreaGrid.allDistricts

    static func fill(_ allocation: Allocation, scenario: Scenario, into table: inout CSVTable) {
        let grid = allocation.grid
        let stageCount = grid.stageCount
        let D = grid.districtCount
        for outcome in allocation.outcomes {
            // Rows come in year order: gather each year's totals, then write them.
            let perYear = grid.rowsPerYear
            for t in 0..<grid.yearCount {
                var totals = Array(repeating: Array(repeating: CapacityTotals(), count: stageCount), count: D + 1)
                var has = Array(repeating: Array(repeating: false, count: stageCount), count: D + 1)
                for i in (t * perYear)..<((t + 1) * perYear) {
                    let s = grid.stage(i), d = grid.district(i)
                    if d < D {
                        totals[d][s].add(outcome.rows, i)
                        has[d][s] = true
                    }
                    totals[D][s].add(outcome.rows, i)
                    has[D][s] = true
                }
                let year = allocation.demand.year(t)
                for d in 0...D {
                    for (s, stage) in scenario.standards.stages.enumerated() where has[d][s] {
                        let total = totals[d][s]
                        table.append([
                            .text(outcome.plan.id), .integer(year), .text(grid.districtIDs[d]), .text(stage.id),
                            .whole(total.students), .whole(total.seats), .whole(total.students - total.seats),
                            .decimal(total.utilisation, places: 4),
                            .integer(total.classesNeeded), .integer(total.classrooms), .integer(total.classroomShortage),
                            .integer(total.largeClasses), .integer(total.superLargeClasses),
                            .integer(total.maxClassSize), .decimal(total.meanClassSize, places: 2),
                            .integer(total.unplaced), .integer(total.areasShort),
                            .text(total.alert(scenario.standards.alerts).rawValue),
                            .whole(total.transferredOut), .whole(total.transferredIn),
                            .text(d < D ? scenario.districts[d].name : DisplayNames.allDistricts),
                            .text(stage.name),
                        ])
                    }
                }
            }
        }
    }
}
