import Foundation

/// The text `compare` prints: the plans ranked (`PlanComparison.ranked`), and for each when its shortage and
/// super-large classes end and the areas still short (`PlanComparison.spans`) — formatted, never computed.
public enum TerminalComparison {
    /// How many short area-stages are named per plan.
    public static let shortListLength = 6

    public static func text(_ comparison: PlanComparison, allocation: Allocation, scenario: Scenario) -> String {
        let names = DisplayNames(scenario)
        let ranked = comparison.ranked
        var lines = ["Plans ranked, \(scenario.baseYear + 1)–\(scenario.baseYear + scenario.horizon): fewest pupils without a class first (unplaced pupil-years), then shortage seat-years, then super-large classes, then cost:"]
        let header = ["#", "plan", "cost", "unplaced", "short seat-yrs", "avoided", "cost/seat-yr", "super-large",
                      "transferred", "no shortage from", "no super-large from"]
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
                          String(m.unplacedPupilYears), String(WholeNumbers.roundToInt(m.shortageSeatYears)),
                          m.verdict == .baseline ? "—" : String(WholeNumbers.roundToInt(m.shortageAvoided)),
                          ratio, String(m.superLargeClasses), String(WholeNumbers.roundToInt(m.pupilsTransferred)),
                          m.firstYearWithoutShortage.map(String.init) ?? "never",
                          m.firstYearWithoutSuperLarge.map(String.init) ?? "never"])
        }
        lines += TextTable.render(table).map { "  " + $0 }
        for m in ranked {
            lines.append("")
            lines.append("\(m.plan): " + ending(m, names: names))
            let spans = comparison.spans[m.plan] ?? []
            let listed = spans.filter { $0.years > 0 }
            if listed.isEmpty {
                lines.append("  no area short in any projected year")
            } else {
                lines.append("  still short in \(listed.count) area-stage(s):")
                for span in listed.prefix(shortListLength) {
                    let years = span.first == span.last ? "\(span.first!)" : "\(span.first!)–\(span.last!)"
                    lines.append("  \(names.area(district: span.district, zone: span.zone)) \(span.stage) \(years) (\(span.years) year(s), \(WholeNumbers.roundToInt(span.seatYears)) seat-years, up to \(WholeNumbers.roundToInt(span.worst)) seats)")
                }
                if listed.count > shortListLength {
                    let rest = listed.dropFirst(shortListLength).reduce(0) { $0 + $1.seatYears }
                    lines.append("  … and \(listed.count - shortListLength) more (\(WholeNumbers.roundToInt(rest)) seat-years) in comparison.csv / capacity.csv")
                }
            }
            let transferred = allocation.outcome(m.plan)?.rows.moves ?? []
            if !transferred.isEmpty {
                lines.append("  pupils sent to neighbouring zones: \(WholeNumbers.roundToInt(m.pupilsTransferred)) pupil-years in \(transferred.count) move(s) (transfers.csv)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// When the shortage and the super-large classes end, or what still blocks them in the last year.
    static func ending(_ m: PlanMeasures, names: DisplayNames) -> String {
        func blocker(_ b: PlanMeasures.Blocker?, unit: String) -> String {
            guard let b else { return "" }
            return " (in \(b.year): \(names.area(district: b.district, zone: b.zone)) \(b.stage), \(WholeNumbers.roundToInt(b.figure)) \(unit))"
        }
        let shortage = m.firstYearWithoutShortage.map { "no shortage from \($0)" }
            ?? "shortage never ends" + blocker(m.shortageBlocker, unit: "seats short")
        let superLarge = m.firstYearWithoutSuperLarge.map { "no super-large class from \($0)" }
            ?? "super-large classes never end" + blocker(m.superLargeBlocker, unit: "super-large classes")
        return "\(shortage); \(superLarge)"
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
