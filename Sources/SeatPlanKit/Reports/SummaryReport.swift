/// `summary.csv`: per plan, district (and `ALL`) and stage, over the projected years:
/// - `shortage_seat_years`: `Σ_years Σ_zones max(0, gap)` (zones are not netted against each other)
/// - `peak_shortage`, `peak_year`: the largest one-year sum of positive gaps and its earliest year
/// - `red_zone_years`: (zone, year) pairs whose alert is red; `no_school_zone_years` likewise
/// - `super_large_zone_years`: (zone, year) pairs with at least one super-large class
/// - `largest_class`: the largest class of any zone and year
enum SummaryReport {
    static let columns = [
        "plan", "district", "stage", "shortage_seat_years", "peak_shortage", "peak_year", "red_zone_years",
        "no_school_zone_years", "super_large_zone_years", "largest_class",
    ]

    struct Accumulator {
        /// Shortage of each projected year, by year position (`t − 1`).
        var shortageByYear: [Double]
        var red = 0
        var noSchool = 0
        var superLarge = 0
        var largest = 0
        let firstYear: Int

        init(firstYear: Int, years: Int) {
            self.firstYear = firstYear
            shortageByYear = Array(repeating: 0, count: years)
        }

        mutating func add(_ rows: CapacityRows, _ i: Int, year: Int) {
            shortageByYear[year - firstYear] += max(0, rows.gap(i))
            let alert = rows.alert(i)
            if alert == .red { red += 1 }
            if alert == .noSchool { noSchool += 1 }
            if rows.superLargeClasses(i) > 0 { superLarge += 1 }
            largest = max(largest, rows.maxClassSize(i))
        }

        var total: Double { shortageByYear.reduce(0, +) }

        /// Largest one-year shortage and its earliest year (no year when there is no shortage).
        var peak: (Double, Int?) {
            var best: (Double, Int?) = (0, nil)
            for (t, value) in shortageByYear.enumerated() where value > best.0 {
                best = (value, firstYear + t)
            }
            return best
        }
    }

    static func fill(_ allocation: Allocation, scenario: Scenario, into table: inout CSVTable) {
        let layout = allocation.layout
        let stages = layout.stages.map(\.id)
        let districts = scenario.districts.map(\.id) + [DistrictsReport.allDistricts]
        let all = districts.count - 1
        let projected = max(layout.yearCount - 1, 0)
        for outcome in allocation.outcomes {
            var accumulators = Array(repeating: Array(repeating: Accumulator(firstYear: layout.baseYear + 1, years: projected),
                                                      count: stages.count), count: districts.count)
            for i in min(layout.rowsPerYear, layout.count)..<layout.count {
                let d = layout.district(i), s = layout.stage(i), year = layout.year(i)
                accumulators[d][s].add(outcome.rows, i, year: year)
                accumulators[all][s].add(outcome.rows, i, year: year)
            }
            for (d, district) in districts.enumerated() {
                for (s, stage) in stages.enumerated() {
                    let a = accumulators[d][s]
                    let (peak, year) = a.peak
                    table.append([
                        .text(outcome.plan.id), .text(district), .text(stage), .whole(a.total), .whole(peak),
                        .integer(year), .integer(a.red), .integer(a.noSchool), .integer(a.superLarge),
                        .integer(a.largest),
                    ])
                }
            }
        }
    }
}
