/// `comparison.csv`: one row per plan and district, and per plan for the whole scenario (`ALL`), over the
/// projected years (see `PlanMeasures` for each formula); then, per stage, when the shortage and the
/// super-large classes end and what still blocks them.
enum ComparisonReport {
    static func columns(_ scenario: Scenario) -> [String] {
        let stages = scenario.standards.stages.map(\.id)
        return ["plan", "district", "cost"] + stages.map { "seats_added_\($0)" }
            + ["shortage_seat_years", "peak_shortage", "peak_shortage_year", "red_area_years", "super_large_area_years",
               "large_classes", "super_large_classes", "no_school_area_stage_years", "unplaced_pupil_years",
               "pupils_transferred", "first_year_no_shortage", "shortage_seat_years_avoided",
               "cost_per_shortage_seat_year_avoided", "avoids_none",
               "first_year_no_super_large", "shortage_blocked_by", "super_large_blocked_by"]
            + stages.flatMap { ["first_year_no_shortage_\($0)", "first_year_no_super_large_\($0)",
                                "shortage_blocked_by_\($0)", "super_large_blocked_by_\($0)"] }
            + ["plan_name", "blind_spot_area_years", "blind_spot_dwellings", "township_years_without_public_kindergarten"]
    }

    static func fill(_ comparison: PlanComparison, scenario: Scenario, into table: inout CSVTable) {
        let names = DisplayNames(scenario)
        for (k, m) in comparison.measures.enumerated() {
            let perStage: [CSVCell] = comparison.stageMeasures(of: k).flatMap { s -> [CSVCell] in
                [.integer(s.firstYearWithoutShortage), .integer(s.firstYearWithoutSuperLarge),
                 .text(describe(s.shortageBlocker, unit: "seats")), .text(describe(s.superLargeBlocker, unit: "super-large classes"))]
            }
            table.append([.text(m.plan), .text(m.district), .decimal(m.cost, places: 0)]
                + m.seatsAdded.map { .decimal($0, places: 6) }
                + [.decimal(m.shortageSeatYears, places: 6), .decimal(m.peakShortage, places: 6), .integer(m.peakYear),
                   .integer(m.redAreaYears), .integer(m.superLargeAreaYears), .integer(m.largeClasses),
                   .integer(m.superLargeClasses), .integer(m.noSchoolAreaStageYears), .integer(m.unplacedPupilYears),
                   .decimal(m.pupilsTransferred, places: 6), .integer(m.firstYearWithoutShortage),
                   .decimal(m.shortageAvoided, places: 6), .decimal(m.costPerSeatYearAvoided, places: 6),
                   .text(m.avoidsNone ? "yes" : "no"),
                   .integer(m.firstYearWithoutSuperLarge), .text(describe(m.shortageBlocker, unit: "seats")),
                   .text(describe(m.superLargeBlocker, unit: "super-large classes"))]
                + perStage + [.text(names.plan[m.plan] ?? m.plan)]
                + CoverageColumns.cells(comparison.coverage.measures(at: k, plan: m.plan, district: m.district)))
        }
    }

    /// `YEAR DISTRICT/ZONE STAGE: FIGURE UNIT` (empty when nothing blocks).
    static func describe(_ blocker: PlanMeasures.Blocker?, unit: String) -> String {
        guard let b = blocker else { return "" }
        let place = b.zone.isEmpty ? b.district : "\(b.district)/\(b.zone)"
        return "\(b.year) \(place) \(b.stage): \(WholeNumbers.roundToInt(b.figure)) \(unit)"
    }
}
