/// `ranges.csv` (`--draws`): per plan, projected year and row of `capacity.csv` (area and stage), the
/// P10/P50/P90 of the students (after the plan's transfers) and of the gap over the draws, and the share of
/// draws short (rounded gap > 0), red, and with at least one super-large class. Seats do not vary, so
/// `gap_pq = students_pq − seats` (rounded after).
enum RangesReport {
    static let columns = [
        "plan", "year", "district", "zone", "stage", "seats", "students_p10", "students_p50", "students_p90",
        "gap_p10", "gap_p50", "gap_p90", "probability_shortage", "probability_red", "probability_super_large",
        "district_name", "zone_name", "stage_name",
    ]

    /// Decimals of a probability: exact for up to 10,000 draws.
    static let probabilityPlaces = 4

    static func fill(_ summary: DrawSummary, scenario: Scenario, into table: inout CSVTable) {
        let names = DisplayNames(scenario)
        let grid = summary.grid
        for (p, plan) in summary.plans.enumerated() {
            for i in grid.rowsPerYear..<grid.count {
                let s = grid.stage(i), z = grid.zone(i)
                let district = grid.districtIDs[grid.district(i)], zone = z >= 0 ? grid.zoneIDs[z] : ""
                let stage = grid.stages[s].id
                let seats = summary.seats(plan: p, row: i)
                let q = summary.students(plan: p, row: i)
                let chance = summary.probabilities(plan: p, row: i)
                table.append([.text(plan), .integer(grid.year(i)), .text(district), .text(zone), .text(stage),
                              .whole(seats)]
                             + q.map { .whole($0) } + q.map { .whole($0 - seats) }
                             + [.decimal(chance.shortage, places: probabilityPlaces),
                                .decimal(chance.red, places: probabilityPlaces),
                                .decimal(chance.superLarge, places: probabilityPlaces),
                                .text(names.district[district] ?? district),
                                .text(z >= 0 ? names.zone[zone] ?? zone : ""), .text(names.stage[stage] ?? stage)])
            }
        }
    }
}

/// `summary_ranges.csv` (`--draws`): the measures of `summary.csv` per plan, district (and `ALL`) and
/// stage, as P10/P50/P90 over the draws, with the share of draws that leave any shortage (shortage
/// seat-years rounding to 1 or more). Seat-years are whole numbers; area-year counts and the largest class
/// have 1 decimal, since a quantile can fall between two draws.
enum SummaryRangesReport {
    static let measures: [(name: String, measure: SummaryLayout.Measure, places: Int)] = [
        ("shortage_seat_years", .shortageSeatYears, 0), ("peak_shortage", .peakShortage, 0),
        ("red_area_years", .redAreaYears, 1), ("no_school_area_stage_years", .noSchoolAreaStageYears, 1),
        ("super_large_area_years", .superLargeAreaYears, 1), ("largest_class", .largestClass, 1),
    ]

    static let columns = ["plan", "district", "stage", "probability_shortage"]
        + measures.flatMap { m in ["p10", "p50", "p90"].map { "\(m.name)_\($0)" } }

    static func fill(_ summary: DrawSummary, scenario: Scenario, into table: inout CSVTable) {
        let districts = summary.grid.districtIDs
        for (p, plan) in summary.plans.enumerated() {
            for (d, district) in districts.enumerated() {
                for (s, stage) in scenario.standards.stages.enumerated() {
                    var row: [CSVCell] = [.text(plan), .text(district), .text(stage.id),
                                          .decimal(summary.probabilityOfShortage(plan: p, district: d, stage: s),
                                                   places: RangesReport.probabilityPlaces)]
                    for m in measures {
                        let values = summary.measure(m.measure, plan: p, district: d, stage: s).quantiles
                        row += values.map { m.places == 0 ? .whole($0) : .decimal($0, places: m.places) }
                    }
                    table.append(row)
                }
            }
        }
    }
}

/// `plan_probabilities.csv` (`--draws`): for each ordered pair of plans, the share of draws in which plan A
/// leaves fewer whole shortage seat-years than plan B (over all zones, stages and projected years, as
/// `comparison.csv` counts them), as many, and more.
enum PlanProbabilitiesReport {
    static let columns = ["plan_a", "plan_b", "probability_a_fewer", "probability_equal", "probability_a_more"]

    static func fill(_ summary: DrawSummary, into table: inout CSVTable) {
        for a in summary.plans {
            for b in summary.plans where b != a {
                guard let chance = summary.comparison(a, b) else { continue }
                table.append([.text(a), .text(b)] + [chance.fewer, chance.equal, chance.more].map {
                    .decimal($0, places: RangesReport.probabilityPlaces)
                })
            }
        }
    }
}

/// `uncertainty.csv` (`--draws`): what the draws were made with — their number and seed, then per district
/// (file order) each spread and share as drawn (`DrawAssumption`), `estimated` (with the errors it rests on
/// and their years) or `given`. Values with 6 decimals.
enum UncertaintyReport {
    static let columns = ["district", "parameter", "value", "source", "errors", "first_year", "last_year", "note",
                          "district_name"]

    static func fill(_ summary: DrawSummary, scenario: Scenario, into table: inout CSVTable) {
        let all = DisplayNames.allDistricts
        table.append([.text("ALL"), .text("draws"), .integer(summary.draws), .text("given"), .empty, .empty, .empty,
                      .text("Monte Carlo draws (--draws)"), .text(all)])
        table.append([.text("ALL"), .text("seed"), .text(String(summary.seed)), .text("given"), .empty, .empty, .empty,
                      .text("the same seed (--seed) gives the same files, whatever the threads"), .text(all)])
        let names = DisplayNames(scenario)
        for a in summary.assumptions {
            table.append([.text(a.district), .text(a.parameter.rawValue), .decimal(a.value, places: 6),
                          .text(a.source.rawValue), .integer(a.errors), .integer(a.years?.lowerBound),
                          .integer(a.years?.upperBound), .text(a.note), .text(names.district[a.district] ?? a.district)])
        }
    }
}
