/// `indicators.csv`: the bureau's indicators (`Indicators`) per plan, year and district, then `ALL`; the
/// staff columns repeat `staff_needed_S, staff_S, staff_gap_S` for each stage `S` in stage order. Shares and
/// pupils with 6 decimals, counts and posts whole; an empty cell is a share with nothing to divide by or a
/// number the scenario gives nothing to compute from.
enum IndicatorsReport {
    static func columns(_ scenario: Scenario) -> [String] {
        ["plan", "year", "district", "classes_formed", "large_classes", "large_class_share", "super_large_classes",
         "shortage_seats", "no_school_areas", "townships_without_public_kindergarten", "blind_spot_areas",
         "general_share", "general_share_deviation"]
            + scenario.standards.stages.flatMap { ["staff_needed_\($0.id)", "staff_\($0.id)", "staff_gap_\($0.id)"] }
            + ["staff_shortage", "disabled_pupils", "inclusion_pupils", "home_pupils", "special_school_pupils",
               "special_seats", "special_gap"]
    }

    static func fill(_ indicators: Indicators, into table: inout CSVTable) {
        for row in indicators.rows {
            var cells: [CSVCell] = [
                .text(row.plan), .integer(row.year), .text(row.district), .integer(row.classesFormed),
                .integer(row.largeClasses), .decimal(row.largeClassShare, places: 6), .integer(row.superLargeClasses),
                .decimal(row.shortageSeats, places: 6), .integer(row.noSchoolAreas),
                .integer(row.townshipsWithoutPublicKindergarten), .integer(row.blindSpotAreas),
                .decimal(row.generalShare, places: 6), .decimal(row.generalShareDeviation, places: 6),
            ]
            for staff in row.staff {
                cells += [.integer(staff.needed), .integer(staff.posts), .integer(staff.gap)]
            }
            cells += [
                .integer(row.staffShortage), .decimal(row.disabledPupils, places: 6),
                .decimal(row.inclusionPupils, places: 6), .decimal(row.homePupils, places: 6),
                .decimal(row.specialSchoolPupils, places: 6), .integer(row.specialSeats),
                .decimal(row.specialGap, places: 6),
            ]
            table.append(cells)
        }
    }
}
