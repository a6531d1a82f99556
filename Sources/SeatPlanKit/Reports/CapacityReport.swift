/// `capacity.csv`: one row per plan, year, district, zone and stage (MODEL.md, "the gap").
enum CapacityReport {
    static let columns = [
        "plan", "year", "district", "zone", "stage", "students", "seats", "gap", "utilisation",
        "classes_needed", "classrooms", "classroom_shortage", "large_classes", "super_large_classes",
        "max_class_size", "mean_class_size", "unplaced", "alert",
        "district_name", "zone_name", "stage_name",
    ]

    static func fill(_ allocation: Allocation, scenario: Scenario, into table: inout CSVTable) {
        // Ids and names by position (`CapacityLayout`), not looked up row by row.
        let index = ScenarioIndex(scenario)
        let layout = allocation.layout
        let w = table.writer
        let stageIDs = layout.stages.map { w.field($0.id) }, stageNames = layout.stages.map { w.field($0.name) }
        let zoneIDs = layout.zoneIDs.map(w.field), zoneNames = index.zones.map { w.field($0.name) }
        let districtIDs = layout.districtIDs.map(w.field), districtNames = scenario.districts.map { w.field($0.name) }
        let alerts = Alert.allCases.map { w.field($0.rawValue) }
        for outcome in allocation.outcomes {
            let rows = outcome.rows
            let plan = w.field(rows.plan)
            for i in rows.indices {
                let z = layout.zone(i), s = layout.stage(i), d = layout.districtOfZone[z]
                table.appendRow { row in
                    row.field(plan)
                    row.integer(layout.year(i))
                    row.field(districtIDs[d])
                    row.field(zoneIDs[z])
                    row.field(stageIDs[s])
                    row.whole(rows.students(i))
                    row.whole(rows.seats(i))
                    row.whole(rows.gap(i))
                    row.decimal(rows.utilisation(i), places: 4)
                    row.integer(rows.classesNeeded(i))
                    row.integer(rows.classrooms(i))
                    row.integer(rows.classroomShortage(i))
                    row.integer(rows.largeClasses(i))
                    row.integer(rows.superLargeClasses(i))
                    row.integer(rows.maxClassSize(i))
                    row.decimal(rows.meanClassSize(i), places: 2)
                    row.integer(rows.unplaced(i))
                    row.field(alerts[rows.alert(i).position])
                    row.field(districtNames[d])
                    row.field(zoneNames[z])
                    row.field(stageNames[s])
                }
            }
        }
    }
}

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
