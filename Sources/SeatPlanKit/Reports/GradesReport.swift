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

    static func table(_ allocation: Allocation, scenario: Scenario, writer: CSVWriter) -> CSVTable {
        var table = CSVTable(columns: columns, writer: writer)
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
        return table
    }
}
