import Foundation

/// The text `compare` prints: the plans ranked by the shortage they leave, and for each the zones and years
/// still short.
public enum TerminalComparison {
    /// How many short zone-stages are named per plan.
    public static let shortListLength = 6

    public static func text(_ comparison: PlanComparison, allocation: Allocation, scenario: Scenario) -> String {
        let names = DisplayNames(scenario)
        let ranked = comparison.ranked
        var lines = ["Plans ranked by shortage seat-years left, \(scenario.baseYear + 1)–\(scenario.baseYear + scenario.horizon) (cost per seat-year avoided against the baseline):"]
        let header = ["#", "plan", "cost", "short seat-yrs", "avoided", "cost/seat-yr", "no shortage from"]
        var table = [header]
        for (rank, m) in ranked.enumerated() {
            let ratio: String
            switch m.verdict {
            case .baseline: ratio = "baseline"
            case .avoidsShortage: ratio = m.costPerSeatYearAvoided.map { String(WholeNumbers.roundToInt($0)) } ?? "—"
            case .avoidsNone: ratio = "avoids none"
            case .worse: ratio = "worse"
            }
            table.append([String(rank + 1), m.plan, String(WholeNumbers.roundToInt(m.cost)),
                          String(WholeNumbers.roundToInt(m.shortageSeatYears)),
                          m.verdict == .baseline ? "—" : String(WholeNumbers.roundToInt(m.shortageAvoided)),
                          ratio, m.firstYearWithoutShortage.map(String.init) ?? "never"])
        }
        lines += TextTable.render(table).map { "  " + $0 }
        for m in ranked {
            guard let outcome = allocation.outcome(m.plan) else { continue }
            let short = shortSpans(outcome, baseYear: scenario.baseYear)
            lines.append("")
            if short.isEmpty {
                lines.append("\(m.plan): no zone short in any projected year")
                continue
            }
            lines.append("\(m.plan): still short in \(short.count) zone-stage(s):")
            for span in short.prefix(shortListLength) {
                let years = span.first == span.last ? "\(span.first)" : "\(span.first)–\(span.last)"
                lines.append("  \(names.zone[span.zone] ?? span.zone) \(span.stage) \(years) (\(span.years) year(s), up to \(WholeNumbers.roundToInt(span.worst)) seats)")
            }
            if short.count > shortListLength { lines.append("  … and \(short.count - shortListLength) more in comparison.csv / capacity.csv") }
        }
        return lines.joined(separator: "\n")
    }

    struct ShortSpan {
        var zone: String
        var stage: String
        var first: Int
        var last: Int
        var years: Int
        var worst: Double
        var total: Double
    }

    /// Zone-stages with a rounded gap above 0 in some projected year, the largest total shortage first.
    static func shortSpans(_ outcome: PlanOutcome, baseYear: Int) -> [ShortSpan] {
        let rows = outcome.rows, layout = outcome.rows.layout
        // By zone-stage position `z · stages + s`, in the order first met.
        var spanOf = Array(repeating: -1, count: layout.zoneCount * layout.stageCount)
        var spans: [ShortSpan] = []
        for i in rows.indices where layout.year(i) > baseYear && WholeNumbers.round(rows.gap(i)) > 0 {
            let (year, gap) = (layout.year(i), rows.gap(i))
            let key = i % max(layout.rowsPerYear, 1)
            if spanOf[key] >= 0 {
                let k = spanOf[key]
                spans[k].first = min(spans[k].first, year)
                spans[k].last = max(spans[k].last, year)
                spans[k].years += 1
                spans[k].worst = max(spans[k].worst, gap)
                spans[k].total += gap
            } else {
                spanOf[key] = spans.count
                spans.append(ShortSpan(zone: layout.zoneIDs[layout.zone(i)], stage: layout.stages[layout.stage(i)].id,
                                       first: year, last: year, years: 1, worst: gap, total: gap))
            }
        }
        return spans.enumerated()
            .sorted { ($0.element.total, -$0.offset) > ($1.element.total, -$1.offset) }
            .map(\.element)
    }
}

/// Left-aligned text columns for the terminal; CJK characters count as two columns.
enum TextTable {
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
    }

    static func render(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { c in rows.map { c < $0.count ? width($0[c]) : 0 }.max() ?? 0 }
        return rows.map { row in
            var line = ""
            for (c, cell) in row.enumerated() {
                line += cell
                if c < row.count - 1 { line += String(repeating: " ", count: widths[c] - width(cell) + 2) }
            }
            return line
        }
    }
}
