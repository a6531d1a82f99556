/// `coverage.csv` (MODEL.md, *Coverage*): per plan (baseline first), year of the rows, residential area
/// (per district in file order: its estates, then its housing with an `at`, housing from its first
/// completions) and stage with a service radius (stage order): the nearest open school of the stage, its
/// distance in whole metres (halves away from zero), `within_radius` (distance ≤ radius, unrounded; `no`
/// when no school of the stage is open), whether the area has pupils of the stage, and `blind_spot`
/// (pupils and not within the radius). Millions of rows at a province's scale: written in parts on every
/// core (`ReportFile.csv(rowCount:)`), text cells encoded once.
enum CoverageReport {
    static let columns = ["plan", "year", "district", "zone", "area", "kind", "stage", "radius_m", "school",
                          "distance_m", "within_radius", "pupils", "blind_spot"]

    /// Where each row sits: the areas present in each year, and the rows of a plan before each year.
    struct Layout: Sendable {
        var present: [[Int]]
        var yearStart: [Int]
        var rowsPerPlan: Int
        var stageCount: Int

        init(_ coverage: Coverage) {
            stageCount = coverage.stages.count
            present = coverage.years.map { year in coverage.areas.indices.filter { coverage.areas[$0].isPresent(in: year) } }
            var start: [Int] = [], rows = 0
            for areas in present {
                start.append(rows)
                rows += areas.count * stageCount
            }
            yearStart = start
            rowsPerPlan = rows
        }
    }

    /// The text cells, each encoded once.
    struct Fields: Sendable {
        var plans, districts, zones, areas, kinds, stages, radii, schools, yesNo: EncodedFields

        init(_ coverage: Coverage, scenario: Scenario, writer w: CSVWriter) {
            plans = EncodedFields(coverage.plans.map(\.plan), writer: w)
            districts = EncodedFields(scenario.districts.map(\.id), writer: w)
            zones = EncodedFields(coverage.areas.map(\.zone), writer: w)
            areas = EncodedFields(coverage.areas.map(\.id), writer: w)
            kinds = EncodedFields(coverage.areas.map(\.kind.rawValue), writer: w)
            stages = EncodedFields(coverage.stages.map { scenario.standards.stages[$0].id }, writer: w)
            radii = EncodedFields(coverage.radii.map(radius), writer: w)
            // The last field is the empty school of an area with no school of the stage open.
            schools = EncodedFields(coverage.schools.map(\.id) + [""], writer: w)
            yesNo = EncodedFields(["yes", "no"], writer: w)
        }
    }

    static func rowCount(_ coverage: Coverage, layout: Layout) -> Int { coverage.plans.count * layout.rowsPerPlan }

    /// Appends rows `range` of the file.
    static func fill(_ coverage: Coverage, layout: Layout, fields: Fields, rows range: Range<Int>, into table: inout CSVTable) {
        guard layout.rowsPerPlan > 0 else { return }
        let K = layout.stageCount
        for k in range {
            let p = k / layout.rowsPerPlan, r = k % layout.rowsPerPlan
            var t = layout.yearStart.count - 1
            while layout.yearStart[t] > r { t -= 1 }
            let j = r - layout.yearStart[t]
            let a = layout.present[t][j / K], s = j % K
            let area = coverage.areas[a]
            let cell = (t * coverage.areas.count + a) * K + s
            let school = Int(coverage.plans[p].school[cell]), distance = coverage.plans[p].distance[cell]
            let within = coverage.isWithin(plan: p, t: t, area: a, stage: s)
            let pupils = area.hasPupils[coverage.stages[s]]
            var row = table.startRow()
            row.field(fields.plans, p)
            row.integer(coverage.baseYear + t)
            row.field(fields.districts, area.district)
            row.field(fields.zones, a)
            row.field(fields.areas, a)
            row.field(fields.kinds, a)
            row.field(fields.stages, s)
            row.field(fields.radii, s)
            row.field(fields.schools, school >= 0 ? school : coverage.schools.count)
            if school >= 0 { row.whole(distance) } else { row.cell(.empty) }
            row.field(fields.yesNo, within ? 0 : 1)
            row.field(fields.yesNo, pupils ? 0 : 1)
            row.field(fields.yesNo, pupils && !within ? 0 : 1)
            table.end(row)
        }
    }

    /// A radius in metres: whole metres as an integer, otherwise with up to 6 decimals.
    static func radius(_ metres: Double) -> String {
        metres == metres.rounded() && abs(metres) < 1e15 ? String(Int(metres)) : CSVWriter.format(metres, places: 6)
    }
}
