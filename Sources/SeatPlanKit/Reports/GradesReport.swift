/// `grades.csv`: per plan, year, zone, stage and grade, the pupils by component — from the cohort
/// (counted pupils and births through the ratios), from migration, from housing — and their total
/// (`students = cohort + migration + housing`), then the classes that grade gets under the plan.
enum GradesReport {
    static let columns = [
        "plan", "year", "district", "zone", "stage", "grade", "grade_name", "cohort", "migration", "housing",
        "students", "pupils", "class_size", "classes", "max_class_size", "unplaced",
    ]

    /// Decimals of the pupil components: enough that the written components add up to the written
    /// total within 0.0015.
    static let places = 3

    /// Per district rather than per zone (`zone` left empty): components, pupils, classes and unplaced
    /// pupils summed over the district's zones, the largest class the largest of its zones'. A national run
    /// need not write every grade of every catchment.
    static func fillByDistrict(_ allocation: Allocation, scenario: Scenario, into table: inout CSVTable) {
        let layout = allocation.layout
        let stages = layout.stages
        struct Sum { var pupils = GradePupils(cohort: 0, migration: 0, housing: 0); var whole = 0; var classes = 0; var largest = 0; var unplaced = 0 }
        for outcome in allocation.outcomes {
            for t in 0..<layout.yearCount {
                var sums = scenario.districts.map { _ in stages.map { Array(repeating: Sum(), count: $0.grades) } }
                forEachGrade(of: outcome.rows, t: t) { i, g, pupils, whole, classes in
                    let d = layout.district(i), s = layout.stage(i)
                    sums[d][s][g].pupils.cohort += pupils.cohort
                    sums[d][s][g].pupils.migration += pupils.migration
                    sums[d][s][g].pupils.housing += pupils.housing
                    sums[d][s][g].whole += whole
                    sums[d][s][g].classes += classes
                    sums[d][s][g].largest = max(sums[d][s][g].largest, classes > 0 ? ClassOrganisation.ceilDiv(whole, classes) : 0)
                    sums[d][s][g].unplaced += classes == 0 ? whole : 0
                }
                for (d, district) in scenario.districts.enumerated() {
                    for (s, stage) in stages.enumerated() {
                        for g in 0..<stage.grades {
                            let sum = sums[d][s][g]
                            table.append([
                                .text(outcome.plan.id), .integer(layout.baseYear + t), .text(district.id), .text(""),
                                .text(stage.id), .integer(g + 1), .text(stage.gradeNames[g]),
                                .decimal(sum.pupils.cohort, places: places), .decimal(sum.pupils.migration, places: places),
                                .decimal(sum.pupils.housing, places: places), .decimal(sum.pupils.total, places: places),
                                .integer(sum.whole), .integer(stage.classSizes[g]), .integer(sum.classes),
                                .integer(sum.largest), .integer(sum.unplaced),
                            ])
                        }
                    }
                }
            }
        }
    }

    static func fill(_ allocation: Allocation, scenario: Scenario, into table: inout CSVTable) {
        let layout = allocation.layout
        for outcome in allocation.outcomes {
            for t in 0..<layout.yearCount {
                forEachGrade(of: outcome.rows, t: t) { i, g, pupils, whole, classes in
                    let z = layout.zone(i)
                    let stage = layout.stages[layout.stage(i)]
                    table.append([
                        .text(outcome.rows.plan), .integer(layout.baseYear + t), .text(layout.districtIDs[layout.districtOfZone[z]]),
                        .text(layout.zoneIDs[z]), .text(stage.id), .integer(g + 1), .text(stage.gradeNames[g]),
                        .decimal(pupils.cohort, places: places), .decimal(pupils.migration, places: places),
                        .decimal(pupils.housing, places: places), .decimal(pupils.total, places: places),
                        .integer(whole), .integer(stage.classSizes[g]), .integer(classes),
                        .integer(classes > 0 ? ClassOrganisation.ceilDiv(whole, classes) : 0),
                        .integer(classes == 0 ? whole : 0),
                    ])
                }
            }
        }
    }

    /// Calls `body(row, grade, pupils by component, whole pupils, classes)` for every grade of every row of
    /// year position `t`, in row order: the grade's classes as `ClassOrganisation` forms them.
    private static func forEachGrade(of rows: CapacityRows, t: Int,
                                     _ body: (Int, Int, GradePupils, Int, Int) -> Void) {
        let layout = rows.layout
        let most = layout.stages.map(\.grades).max() ?? 0
        var whole = Array(repeating: 0, count: most), classes = Array(repeating: 0, count: most)
        whole.withUnsafeMutableBufferPointer { whole in
            classes.withUnsafeMutableBufferPointer { classes in
                for i in (t * layout.rowsPerYear)..<((t + 1) * layout.rowsPerYear) {
                    let z = layout.zone(i), s = layout.stage(i)
                    let district = rows.demand.districts[layout.districtOfZone[z]]
                    rows.gradeClasses(i, pupils: whole, classes: classes)
                    for g in 0..<layout.stages[s].grades {
                        body(i, g, district.pupils(zone: layout.zoneInDistrict[z], stage: s, grade: g, t: t), whole[g], classes[g])
                    }
                }
            }
        }
    }
}
