/// Checks of `ranking` beyond its indicator ids (MODEL.md, *Indicators and ranking*).
extension ScenarioValidator {
    /// An indicator ranked twice would count twice in the score and repeat its columns in `rankings.csv`;
    /// `general_share` without `standards.upper_secondary` is empty for every district (every district ranks 1).
    func checkRanking(_ scenario: Scenario, into out: inout DiagnosticCollector) {
        var seen: Set<String> = []
        for entry in scenario.ranking where !seen.insert(entry.indicator).inserted {
            out.error(at: entry.location, "the ranking names '\(entry.indicator)' twice",
                      hint: "list each indicator once, with the weight it should carry")
        }
        if scenario.standards.upperSecondary == nil,
           let entry = scenario.ranking.first(where: { $0.indicator == "general_share" }) {
            out.warning(at: entry.location, "the ranking names 'general_share' but 'standards' has no 'upper_secondary'",
                        hint: "add 'upper_secondary: { general: STAGE, vocational: STAGE, target: 0.5 }' under 'standards', or leave 'general_share' out; without it every district ranks first on it")
        }
    }
}
