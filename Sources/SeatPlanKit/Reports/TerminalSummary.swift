import Foundation

/// The short text a run prints: per plan, the alerts of the projected years and the worst shortages.
public enum TerminalSummary {
    /// How many of the largest shortages are listed per plan.
    public static let worstCount = 5

    public static func text(_ allocation: Allocation, scenario: Scenario) -> String {
        let names = DisplayNames(scenario)
        var lines: [String] = []
        let first = scenario.baseYear + 1, last = scenario.baseYear + scenario.horizon
        lines.append("\(scenario.title) — projected \(first)–\(last), \(scenario.districts.count) district(s), \(scenario.zones.count) zone(s), \(allocation.outcomes.count) plan(s) with the baseline")
        for outcome in allocation.outcomes {
            let projected = outcome.rows.filter { $0.year > scenario.baseYear }
            var counts: [Alert: Int] = [:]
            for row in projected { counts[row.alert, default: 0] += 1 }
            let shortage = projected.reduce(0) { $0 + max(0, $1.gap) }
            lines.append("")
            lines.append("Plan \(outcome.plan.id) (\(outcome.plan.name)): shortage \(WholeNumbers.roundToInt(shortage)) seat-years; zone-stage-years red \(counts[.red] ?? 0), no school \(counts[.noSchool] ?? 0), yellow \(counts[.yellow] ?? 0), green \(counts[.green] ?? 0)")
            let worst = projected.filter { WholeNumbers.round($0.gap) > 0 }
                .sorted { ($0.gap, -$0.year) > ($1.gap, -$1.year) }
                .prefix(worstCount)
            if worst.isEmpty {
                lines.append("  no zone is short of seats in any projected year")
                continue
            }
            var table = [["year", "zone", "stage", "students", "seats", "gap", "use", "alert"]]
            for row in worst {
                let use = row.utilisation.map { String(format: "%.0f%%", $0 * 100) } ?? "—"
                table.append([String(row.year), names.zone[row.zone] ?? row.zone, row.stage,
                              String(WholeNumbers.roundToInt(row.students)), String(WholeNumbers.roundToInt(row.seats)),
                              String(WholeNumbers.roundToInt(row.gap)), use, row.alert.rawValue])
            }
            lines += TextTable.render(table).map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }
}
