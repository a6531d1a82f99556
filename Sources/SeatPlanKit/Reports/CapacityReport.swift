/// `capacity.csv`: one row per plan, year, catchment area and stage (MODEL.md, "the gap"): a zone's row
/// names its zone, a district-level stage's row leaves `zone` empty, a scenario-level stage's row is in
/// district `ALL`.
enum CapacityReport {
    static let columns = [
        "plan", "year", "district", "zone", "stage", "students", "seats", "gap", "utilisation",
        "classes_needed", "classrooms", "classroom_shortage", "large_classes", "super_large_classes",
        "max_class_size", "mean_class_size", "unplaced", "alert", "transferred_out", "transferred_in",
        "district_name", "zone_name", "stage_name",
    ]

    /// Rows of the file: every row of every plan.
    static func rowCount(_ allocation: Allocation) -> Int { allocation.outcomes.count * allocation.grid.count }

    /// The text cells of the file, each encoded once.
    struct Fields: Sendable {
        var plans, districtIDs, districtNames, zoneIDs, zoneNames, stageIDs, stageNames, alerts: EncodedFields

        init(_ allocation: Allocation, scenario: Scenario, writer w: CSVWriter) {
            let grid = allocation.grid
            plans = EncodedFields(allocation.outcomes.map(\.plan.id), writer: w)
            districtIDs = EncodedFields(grid.districtIDs, writer: w)
            districtNames = EncodedFields(scenario.districts.map(\.name) + [DisplayNames.allDistricts], writer: w)
            // The last field is the empty zone of a district's or the scenario's own rows.
            zoneIDs = EncodedFields(grid.zoneIDs + [""], writer: w)
            zoneNames = EncodedFields(grid.zoneNames + [""], writer: w)
            stageIDs = EncodedFields(grid.stages.map(\.id), writer: w)
            stageNames = EncodedFields(grid.stages.map(\.name), writer: w)
            alerts = EncodedFields(Alert.allCases.map(\.rawValue), writer: w)
        }
    }

    /// Appends rows `range` of the file: position `k` is row `k mod rows` of plan `k div rows`.
    static func fill(_ allocation: Allocation, fields: Fields, rows range: Range<Int>, into table: inout CSVTable) {
        let layout = allocation.grid
        guard layout.count > 0 else { return }
        var k = range.lowerBound
        while k < range.upperBound {
            let p = k / layout.count
            let rows = allocation.outcomes[p].rows
            let end = Swift.min(range.upperBound, (p + 1) * layout.count)
            for i in (k - p * layout.count)..<(end - p * layout.count) {
                let s = layout.stage(i), d = layout.district(i)
                let z = layout.zone(i) >= 0 ? layout.zone(i) : layout.zoneCount
                var row = table.startRow()
                row.field(fields.plans, p)
                row.integer(layout.year(i))
                row.field(fields.districtIDs, d)
                row.field(fields.zoneIDs, z)
                row.field(fields.stageIDs, s)
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
                row.field(fields.alerts, rows.alert(i).position)
                row.whole(rows.transferredOut(i))
                row.whole(rows.transferredIn(i))
                row.field(fields.districtNames, d)
                row.field(fields.zoneNames, z)
                row.field(fields.stageNames, s)
                table.end(row)
            }
            k = end
        }
    }
}
