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
        var shortageByYear: [Int: Double] = [:]
        var red = 0
        var noSchool = 0
        var superLarge = 0
        var largest = 0

        mutating func add(_ row: CapacityRow) {
            shortageByYear[row.year, default: 0] += max(0, row.gap)
            if row.alert == .red { red += 1 }
            if row.alert == .noSchool { noSchool += 1 }
            if row.superLargeClasses > 0 { superLarge += 1 }
            largest = max(largest, row.organisation.maxClassSize)
        }

        var total: Double { shortageByYear.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value } }

        /// Largest one-year shortage and its earliest year (no year when there is no shortage).
        var peak: (Double, Int?) {
            var best: (Double, Int?) = (0, nil)
            for (year, value) in shortageByYear.sorted(by: { $0.key < $1.key }) where value > best.0 {
                best = (value, year)
            }
            return best
        }
    }

    static func fill(_ allocation: Allocation, scenario: Scenario, into table: inout CSVTable) {
        let stages = scenario.standards.stages.map(\.id)
        let districts = scenario.districts.map(\.id) + [DistrictsReport.allDistricts]
        for outcome in allocation.outcomes {
            var accumulators: [String: Accumulator] = [:]
            for row in outcome.rows where row.year > scenario.baseYear {
                accumulators["\(row.district)\u{1}\(row.stage)", default: Accumulator()].add(row)
                accumulators["\(DistrictsReport.allDistricts)\u{1}\(row.stage)", default: Accumulator()].add(row)
            }
            for district in districts {
                for stage in stages {
                    let a = accumulators["\(district)\u{1}\(stage)"] ?? Accumulator()
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
