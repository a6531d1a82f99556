/// `rankings.csv`: per plan, year and district, each ranked indicator's value (as `indicators.csv` writes
/// it; `general_share` the share, ranked on its deviation) and rank, the score `Σ weight × rank` and the
/// overall rank (`Rankings`). Without `ranking` in the scenario, the header alone.
enum RankingsReport {
    static func columns(_ scenario: Scenario) -> [String] {
        ["plan", "year", "district"] + scenario.ranking.flatMap { [$0.indicator, "\($0.indicator)_rank"] } + ["score", "rank"]
    }

    static func fill(_ rankings: Rankings, into table: inout CSVTable) {
        let places = rankings.scorePlaces
        let indicators = rankings.entries.map(\.indicator)
        for row in rankings.rows {
            var cells: [CSVCell] = [.text(row.plan), .integer(row.year), .text(row.district)]
            for (k, indicator) in indicators.enumerated() {
                let value = row.values[k]
                cells.append(DistrictIndicators.isCount(indicator)
                             ? .integer(value.map { Int($0) }) : .decimal(value, places: 6))
                cells.append(.integer(row.ranks[k]))
            }
            cells += [.decimal(row.score, places: places), .integer(row.rank)]
            table.append(cells)
        }
    }
}
