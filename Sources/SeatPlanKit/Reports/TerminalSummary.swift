import Foundation

/// The short text a run prints: per plan, the alerts of the projected years and the worst shortages.
public enum TerminalSummary {
    /// How many of the largest shortages are listed per plan.
    public static let worstCount = 5

    public static func text(_ allocation: Allocation, comparison: PlanComparison, scenario: Scenario,
                            language: ReportLanguage = .en) -> String {
        let names = DisplayNames(scenario)
        let l = TerminalLabels(language: language)
        var lines: [String] = []
        let first = scenario.baseYear + 1, last = scenario.baseYear + scenario.horizon
        lines.append(l.runTitle(scenario.title, first: first, last: last, districts: scenario.districts.count,
                                zones: scenario.zones.count, plans: allocation.outcomes.count))
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
            lines.append(l.planLine(outcome.plan.id, names.plan[outcome.plan.id] ?? outcome.plan.name,
                                    shortage: WholeNumbers.roundToInt(shortage), red: counts[Alert.red.position],
                                    noSchool: counts[Alert.noSchool.position], yellow: counts[Alert.yellow.position],
                                    green: counts[Alert.green.position]))
            let worst = worstRows.map { rows[$0] }
            if worst.isEmpty {
                lines.append("  " + l.noAreaShortRun)
                continue
            }
            var table = [l.worstHeader]
            for row in worst {
                let use = row.utilisation.map { String(format: "%.0f%%", $0 * 100) } ?? "—"
                table.append([String(row.year), names.area(district: row.district, zone: row.zone), names.stage[row.stage] ?? row.stage,
                              String(WholeNumbers.roundToInt(row.students)), String(WholeNumbers.roundToInt(row.seats)),
                              String(WholeNumbers.roundToInt(row.gap)), use, l.alert(row.alert)])
            }
            lines += TextTable.render(table).map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    /// Whether row `a` is listed before row `b` (`b < a`): a larger gap, or the same gap in an earlier year.
    private static func comesFirst(_ a: Int, before b: Int, _ rows: PlanColumns) -> Bool {
        (rows.gap(a), -rows.grid.year(a)) > (rows.gap(b), -rows.grid.year(b))
    }
}
