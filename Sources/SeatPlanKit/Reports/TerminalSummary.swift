import Foundation

/// The short text a run prints: per plan, the alerts of the projected years and the worst shortages.
public enum TerminalSummary {
    /// How many of the largest shortages are listed per plan.
    public static let worstCount = 5

    public static func text(_ allocation: Allocation, comparison: PlanComparison, scenario: Scenario) -> String {
        let names = DisplayNames(scenario)
        var lines: [String] = []
        let first = scenario.baseYear + 1, last = scenario.baseYear + scenario.horizon
        lines.append("\(scenario.title) — projected \(first)–\(last), \(scenario.districts.count) district(s), \(scenario.zones.count) zone(s), \(allocation.outcomes.count) plan(s) with the baseline")
        let layout = allocation.grid
        for outcome in allocation.outcomes {
            let rows = outcome.rows
            var counts = Array(repeating: 0, count: Alert.allCases.count)  // by position in Alert.allCases
            let shortage = comparison.measures(plan: outcome.plan.id)?.shortageSeatYears ?? 0
            // The worst rows so far, largest gap first (then the earlier year, then the earlier row).
            var worstRows: [Int] = []
            for i in min(layout.rowsPerYear, layout.count)..<layout.count {
                counts[rows.alert(i).position] += 1
                let gap = rows.gap(i)
                guard WholeNumbers.round(gap) > 0 else { continue }
                let position = worstRows.firstIndex { comesFirst(i, before: $0, rows) } ?? worstRows.count
                if position < worstCount {
                    worstRows.insert(i, at: position)
                    if worstRows.count > worstCount { worstRows.removeLast() }
                }
            }
            lines.append("")
            lines.append("Plan \(outcome.plan.id) (\(outcome.plan.name)): shortage \(WholeNumbers.roundToInt(shortage)) seat-years; area-stage-years red \(counts[Alert.red.position]), no school \(counts[Alert.noSchool.position]), yellow \(counts[Alert.yellow.position]), green \(counts[Alert.green.position])")
            let worst = worstRows.map { rows[$0] }
            if worst.isEmpty {
                lines.append("  no area is short of seats in any projected year")
                continue
            }
            var table = [["year", "area", "stage", "students", "seats", "gap", "use", "alert"]]
            for row in worst {
                let use = row.utilisation.map { String(format: "%.0f%%", $0 * 100) } ?? "—"
                table.append([String(row.year), names.area(district: row.district, zone: row.zone), row.stage,
                              String(WholeNumbers.roundToInt(row.students)), String(WholeNumbers.roundToInt(row.seats)),
                              String(WholeNumbers.roundToInt(row.gap)), use, row.alert.rawValue])
            }
            lines += TextTable.render(table).map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    /// Whether row `a` is listed before row `b` (`b < a`): a larger gap, or the same gap in an earlier year.
    private static func comesFirst(_ a: Int, before b: Int, _ rows: CapacityRows) -> Bool {
        (rows.gap(a), -rows.grid.year(a)) > (rows.gap(b), -rows.grid.year(b))
    }
}
