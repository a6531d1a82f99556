/// `coverage.csv` (MODEL.md, *Coverage*): per plan (baseline first), year of the rows, residential area
/// (per district in file order: its estates, then its housing with an `at`, housing from its first
/// completions) and stage with a service radius (stage order): the nearest open school of the stage, its
/// distance in whole metres (halves away from zero), `within_radius` (distance ≤ radius, unrounded; `no`
/// when no school of the stage is open), whether the area has pupils of the stage, and `blind_spot`
/// (pupils and not within the radius).
enum CoverageReport {
    static let columns = ["plan", "year", "district", "zone", "area", "kind", "stage", "radius_m", "school",
                          "distance_m", "within_radius", "pupils", "blind_spot"]

    static func fill(_ coverage: Coverage, scenario: Scenario, into table: inout CSVTable) {
        let stages = scenario.standards.stages
        let yesNo: (Bool) -> CSVCell = { .text($0 ? "yes" : "no") }
        for (p, plan) in coverage.plans.enumerated() {
            for (t, year) in coverage.years.enumerated() {
                for (a, area) in coverage.areas.enumerated() where area.isPresent(in: year) {
                    for (k, s) in coverage.stages.enumerated() {
                        let (school, distance) = coverage.cell(plan: p, t: t, area: a, stage: k)
                        table.append([
                            .text(plan.plan), .integer(year), .text(scenario.districts[area.district].id),
                            .text(area.zone), .text(area.id), .text(area.kind.rawValue), .text(stages[s].id),
                            radius(coverage.radii[k]), .text(school?.id ?? ""), distance.map { .whole($0) } ?? .empty,
                            yesNo(coverage.isWithin(plan: p, t: t, area: a, stage: k)), yesNo(area.hasPupils[s]),
                            yesNo(coverage.isBlindSpot(plan: p, t: t, area: a, stage: k)),
                        ])
                    }
                }
            }
        }
    }

    /// A radius in metres: whole metres as an integer, otherwise with 6 decimals.
    static func radius(_ metres: Double) -> CSVCell {
        metres == metres.rounded() && abs(metres) < 1e15 ? .integer(Int(metres)) : .decimal(metres, places: 6)
    }
}
