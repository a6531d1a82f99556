import Foundation

/// The text `compare` prints: the plans ranked (`PlanComparison.ranked`), and for each when its shortage and
/// super-large classes end and the areas still short (`PlanComparison.spans`) — formatted, never computed.
public enum TerminalComparison {
    /// How many short area-stages are named per plan.
    public static let shortListLength = 6

    public static func text(_ comparison: PlanComparison, allocation: Allocation, scenario: Scenario,
                            language: ReportLanguage = .en) -> String {
        let names = DisplayNames(scenario)
        let l = TerminalLabels(language: language)
        let ranked = comparison.ranked
        var lines = [l.ranked(scenario.baseYear + 1, scenario.baseYear + scenario.horizon)]
        var table = [l.rankingHeader]
        for (rank, m) in ranked.enumerated() {
            let ratio: String
            switch m.verdict {
            case .baseline: ratio = l.baseline
            case .avoidsShortage: ratio = m.costPerSeatYearAvoided.map { String(WholeNumbers.roundToInt($0)) } ?? "—"
            case .avoidsNone: ratio = l.avoidsNone
            case .worse: ratio = l.worse
            }
            table.append([String(rank + 1), m.plan, String(WholeNumbers.roundToInt(m.cost)),
                          String(m.unplacedPupilYears), String(WholeNumbers.roundToInt(m.shortageSeatYears)),
                          m.verdict == .baseline ? "—" : String(WholeNumbers.roundToInt(m.shortageAvoided)),
                          ratio, String(m.superLargeClasses), String(WholeNumbers.roundToInt(m.pupilsTransferred)),
                          m.firstYearWithoutShortage.map(String.init) ?? l.never,
                          m.firstYearWithoutSuperLarge.map(String.init) ?? l.never,
                          m.plan == Plan.baselineID ? l.baseline : names.plan[m.plan] ?? m.plan])
        }
        lines += TextTable.render(table).map { "  " + $0 }
        for m in ranked {
            lines.append("")
            lines.append("\(m.plan): " + ending(m, names: names, labels: l))
            // Per stage: when its shortage and super-large classes end, or what blocks them.
            if scenario.standards.stages.count > 1,
               let k = comparison.measures.firstIndex(where: { $0.plan == m.plan && $0.district == m.district }) {
                lines.append(l.byStage)
                for s in comparison.stageMeasures(of: k) {
                    lines.append("    \(names.stage[s.stage ?? ""] ?? s.stage ?? ""): " + ending(s, names: names, labels: l))
                }
            }
            let spans = comparison.spans[m.plan] ?? []
            let listed = spans.filter { $0.years > 0 }
            if listed.isEmpty {
                lines.append("  " + l.noAreaShort)
            } else {
                lines.append("  " + l.stillShort(listed.count))
                for span in listed.prefix(shortListLength) {
                    let years = span.first == span.last ? "\(span.first!)" : "\(span.first!)–\(span.last!)"
                    lines.append("  " + l.span(names.area(district: span.district, zone: span.zone),
                                               names.stage[span.stage] ?? span.stage, years, count: span.years,
                                               seatYears: WholeNumbers.roundToInt(span.seatYears),
                                               worst: WholeNumbers.roundToInt(span.worst)))
                }
                if listed.count > shortListLength {
                    let rest = listed.dropFirst(shortListLength).reduce(0) { $0 + $1.seatYears }
                    lines.append("  " + l.andMore(listed.count - shortListLength, seatYears: WholeNumbers.roundToInt(rest)))
                }
            }
            let transferred = allocation.outcome(m.plan)?.rows.moves ?? []
            if !transferred.isEmpty {
                lines.append("  " + l.transferred(WholeNumbers.roundToInt(m.pupilsTransferred), moves: transferred.count))
                // Which zone sends how many where, each projected year.
                for flow in comparison.flows[m.plan] ?? [] where flow.projectedTotal > 0 {
                    let years = flow.pupilsByYear.enumerated().dropFirst().filter { $0.element > 0 }
                        .map { "\(flow.firstYear + $0.offset) \(WholeNumbers.roundToInt($0.element))" }.joined(separator: ", ")
                    lines.append(l.flow(names.area(district: flow.fromDistrict, zone: flow.fromZone),
                                        names.area(district: flow.toDistrict, zone: flow.toZone),
                                        names.stage[flow.stage] ?? flow.stage, years,
                                        total: WholeNumbers.roundToInt(flow.projectedTotal)))
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// When the shortage and the super-large classes end, or what still blocks them in the last year.
    static func ending(_ m: PlanMeasures, names: DisplayNames, labels l: TerminalLabels = TerminalLabels(language: .en)) -> String {
        func blocker(_ b: PlanMeasures.Blocker?, seats: Bool) -> String {
            guard let b else { return "" }
            return l.blocker(year: b.year, area: names.area(district: b.district, zone: b.zone),
                             stage: names.stage[b.stage] ?? b.stage, figure: WholeNumbers.roundToInt(b.figure), seats: seats)
        }
        let shortage = m.firstYearWithoutShortage.map(l.noShortageFrom) ?? l.shortageNeverEnds + blocker(m.shortageBlocker, seats: true)
        let superLarge = m.firstYearWithoutSuperLarge.map(l.noSuperLargeFrom)
            ?? l.superLargeNeverEnds + blocker(m.superLargeBlocker, seats: false)
        return shortage + l.separator + superLarge
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
