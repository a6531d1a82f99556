/// `grades.csv`: per plan, year, area, stage and grade, the pupils by component — from the cohort
/// (counted pupils and births through the ratios), from migration, from housing, moved by transfers — and
/// their total (`students = cohort + migration + housing + transfer`), then the classes that grade gets
/// under the plan.
enum GradesReport {
    static let columns = [
        "plan", "year", "district", "zone", "stage", "grade", "grade_name", "cohort", "migration", "housing",
        "transfer", "students", "pupils", "class_size", "classes", "max_class_size", "unplaced",
    ]

    /// Decimals of the pupil components: enough that the written components add up to the written
    /// total within 0.0015.
    static let places = 3

    /// Per district rather than per area (`zone` left empty): components, pupils, classes and unplaced
    /// pupils summed over the district's areas (the scenario's own rows in `ALL`), the largest class the
    /// largest of its areas'. A national run need not write every grade of every catchment.
    static func fillByDistrict(_ allocation: Allocation, scenario: Scenario, into table: inout CSVTable) {
        let layout = allocation.grid
        let stages = layout.stages
        let w = table.writer
        let districtIDs = EncodedFields(layout.districtIDs, writer: w), stageIDs = EncodedFields(stages.map(\.id), writer: w)
        let gradeNames = EncodedFields(stages.flatMap(\.gradeNames), writer: w)  // by grade slot
        struct Sum { var pupils = GradePupils.zero; var whole = 0; var classes = 0; var largest = 0; var unplaced = 0; var rows = false }
        let firstGradeOfStage = stages.indices.map { s in stages[..<s].reduce(0) { $0 + $1.grades } }
        let slots = stages.reduce(0) { $0 + $1.grades }
        for outcome in allocation.outcomes {
            let plan = EncodedFields([outcome.plan.id], writer: w)
            let rows = outcome.rows
            for t in 0..<layout.yearCount {
                // sums[d · slots + grade slot of the stage]
                var sums = Array(repeating: Sum(), count: layout.districtIDs.count * slots)
                forEachGrade(of: rows, t: t) { i, g, whole, classes in
                    let k = layout.district(i) * slots + firstGradeOfStage[layout.stage(i)] + g
                    sums[k].pupils += rows.gradePupils(i, grade: g)
                    sums[k].rows = true
                    sums[k].whole += whole
                    sums[k].classes += classes
                    sums[k].largest = max(sums[k].largest, ClassOrganisation.largestClass(pupils: whole, in: classes))
                    sums[k].unplaced += ClassOrganisation.unplaced(pupils: whole, in: classes)
                }
                for d in layout.districtIDs.indices {
                    for (s, stage) in stages.enumerated() {
                        for g in 0..<stage.grades {
                            let sum = sums[d * slots + firstGradeOfStage[s] + g]
                            guard sum.rows else { continue }
                            var row = table.startRow()
                            row.field(plan, 0)
                            row.integer(layout.baseYear + t)
                            row.field(districtIDs, d)
                            row.text("")
                            row.field(stageIDs, s)
                            row.integer(g + 1)
                            row.field(gradeNames, firstGradeOfStage[s] + g)
                            row.decimal(sum.pupils.cohort, places: places)
                            row.decimal(sum.pupils.migration, places: places)
                            row.decimal(sum.pupils.housing, places: places)
                            row.decimal(sum.pupils.transfer, places: places)
                            row.decimal(sum.pupils.total, places: places)
                            row.integer(sum.whole)
                            row.integer(stage.classSizes[g])
                            row.integer(sum.classes)
                            row.integer(sum.largest)
                            row.integer(sum.unplaced)
                            table.end(row)
                        }
                    }
                }
            }
        }
    }

    static func fill(_ allocation: Allocation, scenario: Scenario, into table: inout CSVTable) {
        let layout = allocation.grid
        let w = table.writer
        let firstGradeOfStage = layout.stages.indices.map { s in layout.stages[..<s].reduce(0) { $0 + $1.grades } }
        // The last zone field is the empty zone of a district's or the scenario's own rows.
        let districtIDs = EncodedFields(layout.districtIDs, writer: w), zoneIDs = EncodedFields(layout.zoneIDs + [""], writer: w)
        let stageIDs = EncodedFields(layout.stages.map(\.id), writer: w)
        let gradeNames = EncodedFields(layout.stages.flatMap(\.gradeNames), writer: w)  // by grade slot
        for outcome in allocation.outcomes {
            let plan = EncodedFields([outcome.plan.id], writer: w)
            let rows = outcome.rows
            for t in 0..<layout.yearCount {
                forEachGrade(of: rows, t: t) { i, g, whole, classes in
                    let z = layout.zone(i) >= 0 ? layout.zone(i) : layout.zoneCount, s = layout.stage(i)
                    let pupils = rows.gradePupils(i, grade: g)
                    var row = table.startRow()
                    row.field(plan, 0)
                    row.integer(layout.baseYear + t)
                    row.field(districtIDs, layout.district(i))
                    row.field(zoneIDs, z)
                    row.field(stageIDs, s)
                    row.integer(g + 1)
                    row.field(gradeNames, firstGradeOfStage[s] + g)
                    row.decimal(pupils.cohort, places: places)
                    row.decimal(pupils.migration, places: places)
                    row.decimal(pupils.housing, places: places)
                    row.decimal(pupils.transfer, places: places)
                    row.decimal(pupils.total, places: places)
                    row.integer(whole)
                    row.integer(layout.stages[s].classSizes[g])
                    row.integer(classes)
                    row.integer(ClassOrganisation.largestClass(pupils: whole, in: classes))
                    row.integer(ClassOrganisation.unplaced(pupils: whole, in: classes))
                    table.end(row)
                }
            }
        }
    }

    /// Calls `body(row, grade, whole pupils, classes)` for every grade of every row of year position `t`, in
    /// row order: the grade's classes as `ClassOrganisation` forms them.
    private static func forEachGrade(of rows: PlanColumns, t: Int, _ body: (Int, Int, Int, Int) -> Void) {
        let layout = rows.grid
        let most = layout.stages.map(\.grades).max() ?? 0
        var whole = Array(repeating: 0, count: most), classes = Array(repeating: 0, count: most)
        for i in (t * layout.rowsPerYear)..<((t + 1) * layout.rowsPerYear) {
            rows.gradeClasses(i, pupils: &whole, classes: &classes)
            for g in 0..<layout.stages[layout.stage(i)].grades {
                body(i, g, whole[g], classes[g])
            }
        }
    }
}
