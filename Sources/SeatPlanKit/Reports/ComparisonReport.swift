/// `comparison.csv`: one row per plan and district, and per plan for the whole scenario (`ALL`),
/// over the projected years (see `PlanMeasures` for each formula).
enum ComparisonReport {
    static func columns(_ scenario: Scenario) -> [String] {
        ["plan", "district", "cost", "seats_added"]
            + scenario.standards.stages.map { "seats_added_\($0.id)" }
            + ["shortage_seat_years", "peak_shortage", "peak_year", "red_zone_years", "no_school_zone_years",
               "super_large_zone_years", "large_classes", "super_large_classes", "first_year_without_shortage",
               "shortage_seat_years_avoided", "cost_per_seat_year_avoided", "verdict", "plan_name"]
    }

    static func fill(_ comparison: PlanComparison, allocation: Allocation, scenario: Scenario, into table: inout CSVTable) {
        let names = Dictionary(allocation.outcomes.map { ($0.plan.id, $0.plan.name) }, uniquingKeysWith: { a, _ in a })
        for m in comparison.measures {
            table.append([.text(m.plan), .text(m.district), .decimal(m.cost, places: 0), .whole(m.seatsAddedTotal)]
                + m.seatsAdded.map { .whole($0) }
                + [.whole(m.shortageSeatYears), .whole(m.peakShortage), .integer(m.peakYear),
                   .integer(m.redZoneYears), .integer(m.noSchoolZoneYears), .integer(m.superLargeZoneYears),
                   .integer(m.largeClasses), .integer(m.superLargeClasses), .integer(m.firstYearWithoutShortage),
                   .whole(m.shortageAvoided), .decimal(m.costPerSeatYearAvoided, places: 2),
                   .text(m.verdict.rawValue), .text(names[m.plan] ?? m.plan)])
        }
    }
}
