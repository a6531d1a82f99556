/// The county ranking (考评排位) as the terminal prints it: for each year of `Rankings.shownYears`, the
/// districts in rank order under the chosen plan (the best-ranked plan other than the baseline, as the
/// page's; the baseline when there is none), each with its score, its value and rank on every ranked
/// indicator, and its rank under the baseline beside it. Empty when the scenario has no `ranking`.
public enum TerminalRanking {
    /// With more districts than this, the first and the last `shownAtEachEnd` are listed.
    static let listedAll = 12
    static let shownAtEachEnd = 5

    public static func text(_ allocation: Allocation, comparison: PlanComparison, scenario: Scenario,
                            blindSpots: (any BlindSpotSource)? = nil, language: ReportLanguage = .en) -> String {
        let l = TerminalLabels(language: language)
        guard !scenario.ranking.isEmpty else { return "" }
        let rankings = Rankings(Indicators(allocation, scenario: scenario, blindSpots: blindSpots ?? comparison.coverage),
                                ranking: scenario.ranking)
        let plan = comparison.ranked.first { $0.plan != Plan.baselineID }?.plan ?? Plan.baselineID
        let names = DisplayNames(scenario)
        let weights = rankings.entries.map { "\($0.indicator) ×\(CSVWriter.format($0.weight, places: rankings.scorePlaces))" }
        var lines = [l.rankingTitle(weights.joined(separator: ", "))]
        for year in Rankings.shownYears(scenario) {
            let rows = rankings.rows(plan: plan, year: year).sorted { ($0.rank, $0.score) < ($1.rank, $1.score) }
            let baseline = Dictionary(rankings.rows(plan: Plan.baselineID, year: year).map { ($0.district, $0.rank) },
                                      uniquingKeysWith: { a, _ in a })
            lines.append(l.rankingYear(year, plan: plan))
            var table = [l.rankingColumns + rankings.entries.map(\.indicator)
                         + (plan == Plan.baselineID ? [] : [l.baselineRank])]
            let listed = rows.count > listedAll ? Array(rows.prefix(shownAtEachEnd)) + [nil] + Array(rows.suffix(shownAtEachEnd))
                                                : rows.map { Optional($0) }
            for row in listed {
                guard let row else {
                    table.append(["…", "\(rows.count - 2 * shownAtEachEnd) more in rankings.csv"])
                    continue
                }
                var cells = [String(row.rank), names.district[row.district] ?? row.district,
                             CSVWriter.format(row.score, places: rankings.scorePlaces)]
                for (k, entry) in rankings.entries.enumerated() {
                    cells.append("\(shown(row.values[k], indicator: entry.indicator)) (\(row.ranks[k]))")
                }
                if plan != Plan.baselineID { cells.append(baseline[row.district].map(String.init) ?? "—") }
                table.append(cells)
            }
            lines += TextTable.render(table).map { "    " + $0 }
        }
        lines.append(l.rankingFiles)
        return lines.joined(separator: "\n")
    }

    /// A value as the terminal shows it: counts whole, shares as percentages, amounts whole; `—` when empty.
    static func shown(_ value: Double?, indicator: String) -> String {
        guard let value else { return "—" }
        switch indicator {
        case "large_class_share", "general_share": return CSVWriter.format(value * 100, places: 1) + "%"
        default: return String(WholeNumbers.roundToInt(value))
        }
    }
}
