/// `capacity.csv`: one row per plan, year, district, zone and stage (MODEL.md, "the gap").
enum CapacityReport {
    static let columns = [
        "plan", "year", "district", "zone", "stage", "students", "seats", "gap", "utilisation",
        "classes_needed", "classrooms", "classroom_shortage", "large_classes", "super_large_classes",
        "max_class_size", "mean_class_size", "unplaced", "alert",
        "district_name", "zone_name", "stage_name",
    ]

    static func fill(_ allocation: Allocation, scenario: Scenario, into table: inout CSVTable) {
        // Rows come in year, zone, stage order: names by position, not by looking ids up row by row.
        let index = ScenarioIndex(scenario)
        let stageNames = scenario.standards.stages.map(\.name)
        let zoneNames = index.zones.map(\.name)
        let districtNames = index.districtOfZone.map { scenario.districts[$0].name }
        let stageCount = max(stageNames.count, 1), zoneCount = max(index.zones.count, 1)
        for outcome in allocation.outcomes {
            for (i, row) in outcome.rows.enumerated() {
                let z = (i / stageCount) % zoneCount, s = i % stageCount
                table.append([
                    .text(row.plan), .integer(row.year), .text(row.district), .text(row.zone), .text(row.stage),
                    .whole(row.students), .whole(row.seats), .whole(row.gap),
                    .decimal(row.utilisation, places: 4),
                    .integer(row.classesNeeded), .integer(row.classrooms), .integer(row.classroomShortage),
                    .integer(row.largeClasses), .integer(row.superLargeClasses),
                    .integer(row.organisation.maxClassSize), .decimal(row.organisation.meanClassSize, places: 2),
                    .integer(row.organisation.unplaced), .text(row.alert.rawValue),
                    .text(districtNames[z]), .text(zoneNames[z]), .text(stageNames[s]),
                ])
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
