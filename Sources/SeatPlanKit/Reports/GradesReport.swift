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
        let stages = scenario.standards.stages
        let index = ScenarioIndex(scenario)
        struct Sum { var pupils = GradePupils(cohort: 0, migration: 0, housing: 0); var whole = 0; var classes = 0; var largest = 0; var unplaced = 0 }
        for outcome in allocation.outcomes {
            let perYear = index.zones.count * stages.count
            for t in 0..<allocation.demand.yearCount {
                var sums = scenario.districts.map { _ in stages.map { Array(repeating: Sum(), count: $0.grades) } }
                for z in index.zones.indices {
                    let d = index.districtOfZone[z]
                    for s in stages.indices {
                        let row = outcome.rows[t * perYear + z * stages.count + s]
                        for (g, pupils) in row.grades.enumerated() {
                            sums[d][s][g].pupils.cohort += pupils.cohort
                            sums[d][s][g].pupils.migration += pupils.migration
                            sums[d][s][g].pupils.housing += pupils.housing
                            sums[d][s][g].whole += row.organisation.pupils[g]
                            sums[d][s][g].classes += row.organisation.classes[g]
                            sums[d][s][g].largest = max(sums[d][s][g].largest, row.organisation.maxClassSize(grade: g))
                            sums[d][s][g].unplaced += row.organisation.classes[g] == 0 ? row.organisation.pupils[g] : 0
                        }
                    }
                }
                for (d, district) in scenario.districts.enumerated() {
                    for (s, stage) in stages.enumerated() {
                        for g in 0..<stage.grades {
                            let sum = sums[d][s][g]
                            table.append([
                                .text(outcome.plan.id), .integer(allocation.demand.year(t)), .text(district.id), .text(""),
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
        let stages = Dictionary(scenario.standards.stages.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for outcome in allocation.outcomes {
            for row in outcome.rows {
                guard let stage = stages[row.stage] else { continue }
                let organisation = row.organisation
                for (g, pupils) in row.grades.enumerated() {
                    let classes = organisation.classes[g]
                    table.append([
                        .text(row.plan), .integer(row.year), .text(row.district), .text(row.zone), .text(row.stage),
                        .integer(g + 1), .text(stage.gradeNames[g]),
                        .decimal(pupils.cohort, places: places), .decimal(pupils.migration, places: places),
                        .decimal(pupils.housing, places: places), .decimal(pupils.total, places: places),
                        .integer(organisation.pupils[g]), .integer(stage.classSizes[g]), .integer(classes),
                        .integer(organisation.maxClassSize(grade: g)),
                        .integer(classes == 0 ? organisation.pupils[g] : 0),
                    ])
                }
            }
        }
    }
}
