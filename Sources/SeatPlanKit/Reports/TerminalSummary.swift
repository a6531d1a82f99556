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
        let layout = allocation.layout
        for outcome in allocation.outcomes {
            let rows = outcome.rows
            var counts = Array(repeating: 0, count: Alert.allCases.count)  // by position in Alert.allCases
            var shortage = 0.0
            // The worst rows so far, largest gap first (then the earlier year, then the earlier row).
            var worstRows: [Int] = []
            for i in min(layout.rowsPerYear, layout.count)..<layout.count {
                counts[rows.alert(i).position] += 1
                let gap = rows.gap(i)
                shortage += max(0, gap)
                guard WholeNumbers.round(gap) > 0 else { continue }
                let position = worstRows.firstIndex { comesFirst(i, before: $0, rows) } ?? worstRows.count
                if position < worstCount {
                    worstRows.insert(i, at: position)
                    if worstRows.count > worstCount { worstRows.removeLast() }
                }
            }
            lines.append("")
            lines.append("Plan \(outcome.plan.id) (\(outcome.plan.name)): shortage \(WholeNumbers.roundToInt(shortage)) seat-years; zone-stage-years red \(counts[Alert.red.position]), no school \(counts[Alert.noSchool.position]), yellow \(counts[Alert.yellow.position]), green \(counts[Alert.green.position])")
            let worst = worstRows.map { rows[$0] }
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

    /// Whether row `a` is listed before row `b` (`b < a`): a larger gap, or the same gap in an earlier year.
    private static func comesFirst(_ a: Int, before b: Int, _ rows: CapacityRows) -> Bool {
        (rows.gap(a), -rows.layout.year(a)) > (rows.gap(b), -rows.layout.year(b))
    }
}
