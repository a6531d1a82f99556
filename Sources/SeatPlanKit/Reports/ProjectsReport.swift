/// `projects.csv`: every project of every plan as applied (after `based_on`, `delay` and `remove`), one row
/// per stage it touches, with the years its seats are used and the over-building flag.
enum ProjectsReport {
    static let columns = [
        "plan", "project", "kind", "school", "district", "zone", "stage", "classrooms", "seats", "planned_year",
        "year", "delayed_by", "from_plan", "cost", "years_open", "years_used", "used_share", "over_building",
        "school_name",
    ]

    static func fill(_ comparison: PlanComparison, into table: inout CSVTable) {
        for use in comparison.projects {
            let isClosure = use.kind == .close
            table.append([
                .text(use.plan), .integer(use.number), .text(use.kind.rawValue), .text(use.school),
                .text(use.district), .text(use.zone), .text(use.stage), .integer(use.classrooms), .whole(use.seats),
                .integer(use.plannedYear), .integer(use.year), .integer(use.delayedBy), .text(use.origin),
                use.cost.map { .decimal($0, places: 0) } ?? .empty,
                isClosure ? .empty : .integer(use.yearsOpen.count),
                .text(use.yearsUsed.map(String.init).joined(separator: ";")),
                isClosure || use.yearsOpen.isEmpty ? .empty
                    : .decimal(Double(use.yearsUsed.count) / Double(use.yearsOpen.count), places: 2),
                isClosure ? .empty : .text(use.overBuilding ? "yes" : "no"),
                .text(use.schoolName),
            ])
        }
    }
}
