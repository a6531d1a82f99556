/// The text `compare` prints about coverage after the plans (`CoverageSummary`, formatted, never computed):
/// per plan, its blind spots of coverage — residential areas with a stage's pupils and no school of the
/// stage within the service radius — most dwellings first, and the townships without a public
/// kindergarten (一乡一园). Empty when the scenario has neither residential areas nor townships.
public enum TerminalCoverage {
    /// How many blind spots are named per plan.
    public static let shortListLength = 5

    public static func text(_ comparison: PlanComparison, scenario: Scenario, language: ReportLanguage = .en) -> String {
        let l = TerminalLabels(language: language)
        let summary = comparison.coverage
        let coverage = summary.coverage, townships = summary.townships
        guard !coverage.isEmpty || !townships.zones.isEmpty else { return "" }
        let stages = scenario.standards.stages
        let first = scenario.baseYear + 1, last = scenario.baseYear + scenario.horizon
        func years(_ list: [Int]) -> String {
            guard let a = list.first, let b = list.last else { return "" }
            return a == b ? "\(a)" : list.count == b - a + 1 ? "\(a)–\(b)" : "\(a)–\(b) (\(list.count) years)"
        }
        var lines = [l.coverageTitle(first, last)]
        for (p, plan) in coverage.plans.map(\.plan).enumerated() {
            let m = summary.measures(plan: plan)
            let spots = summary.blindSpots[plan] ?? []
            if !coverage.isEmpty {
                if spots.isEmpty {
                    lines.append("  \(plan): no blind spot")
                } else {
                    lines.append("  \(plan): \(spots.count) area(s), \(m?.blindSpotAreaYears ?? 0) area-years; \(WholeNumbers.roundToInt(m?.blindSpotDwellings ?? 0)) dwellings in blind spots in \(last)")
                    for spot in spots.prefix(shortListLength) {
                        let area = coverage.areas[spot.area]
                        let reach = spot.stages.map { entry -> String in
                            let stage = stages[coverage.stages[entry.stage]].id
                            let radius = WholeNumbers.roundToInt(coverage.radii[entry.stage])
                            guard let d = entry.distance else { return "\(stage) no school (radius \(radius) m)" }
                            return "\(stage) \(WholeNumbers.roundToInt(d)) m to \(entry.school ?? "") (radius \(radius) m)"
                        }
                        lines.append("    \(area.name) (\(area.id), \(WholeNumbers.roundToInt(spot.dwellings)) dwellings) \(years(spot.years)): \(reach.joined(separator: "; "))")
                    }
                    if spots.count > shortListLength {
                        lines.append("    … and \(spots.count - shortListLength) more in coverage.csv")
                    }
                }
            }
            let failing = townships.zoneIDs.enumerated().compactMap { j, zone -> (String, [Int])? in
                let without = (1..<max(1, townships.yearCount)).filter { townships.isWithout(plan: p, t: $0, township: j) }
                    .map { townships.baseYear + $0 }
                return without.isEmpty ? nil : (zone, without)
            }
            for (zone, without) in failing.prefix(shortListLength) {
                lines.append("    一乡一园: township \(zone) has no public kindergarten in \(years(without)) (townships.csv)")
            }
            if failing.count > shortListLength {
                lines.append("    一乡一园: … and \(failing.count - shortListLength) more township(s) without one in some year (townships.csv)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
