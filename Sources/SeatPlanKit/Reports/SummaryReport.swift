/// `summary.csv`: per plan, district (and `ALL`) and stage, over the projected years — the stage measures
/// of `PlanComparison` (see `PlanMeasures` for each formula; `red_area_years` of one stage counts its red rows).
enum SummaryReport {
    static let columns = [
        "plan", "district", "stage", "shortage_seat_years", "peak_shortage", "peak_year", "red_area_years",
        "no_school_area_stage_years", "super_large_area_years", "largest_class", "unplaced_pupil_years",
        "pupils_transferred", "first_year_no_shortage", "first_year_no_super_large",
    ]

    static func fill(_ comparison: PlanComparison, into table: inout CSVTable) {
        for m in comparison.stageMeasures {
            table.append([
                .text(m.plan), .text(m.district), .text(m.stage ?? ""), .whole(m.shortageSeatYears),
                .whole(m.peakShortage), .integer(m.peakYear), .integer(m.redAreaYears),
                .integer(m.noSchoolAreaStageYears), .integer(m.superLargeAreaYears), .integer(m.largestClass),
                .integer(m.unplacedPupilYears), .whole(m.pupilsTransferred), .integer(m.firstYearWithoutShortage),
                .integer(m.firstYearWithoutSuperLarge),
            ])
        }
    }
}
