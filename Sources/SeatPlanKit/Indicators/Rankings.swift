/// The county ranking (考评排位, MODEL.md, *Indicators and ranking*): per plan and year, the districts ranked
/// on each indicator of `ranking` (lower is better; `general_share` on its deviation from the target; an empty
/// value ranks as 0) by `CompetitionRanking`; `score = Σ weight × rank`; the overall `rank` orders the scores
/// the same way. `ALL` is not ranked.
public struct Rankings: Sendable {
    /// One district under one plan in one year.
    public struct Row: Sendable {
        public var plan: String
        public var year: Int
        public var district: String
        /// Each ranked indicator's value as shown (`general_share`: the share), in `ranking` order.
        public var values: [Double?]
        public var ranks: [Int]
        public var score: Double
        public var rank: Int
    }

    /// The indicators ranked and their weights, as the scenario lists them.
    public let entries: [RankingEntry]
    /// Per plan, year, district (file order); empty when the scenario has no `ranking`.
    public let rows: [Row]

    public init(_ indicators: Indicators, ranking entries: [RankingEntry]) {
        self.init(indicators.rows, ranking: entries)
    }

    /// The ranking of `rows` (`Indicators.rows`: each plan and year's districts, then its `ALL`).
    init(_ indicatorRows: [DistrictIndicators], ranking entries: [RankingEntry]) {
        self.entries = entries
        guard !entries.isEmpty else {
            rows = []
            return
        }
        var rows: [Row] = []
        var group: [DistrictIndicators] = []
        func rank(_ group: [DistrictIndicators]) {
            guard !group.isEmpty else { return }
            let values = group.map { row in entries.map { row.ranked($0.indicator) } }
            let ranks = entries.indices.map { e in CompetitionRanking.ranks(values.map { $0[e].ranked ?? 0 }) }
            let scores = group.indices.map { k in entries.indices.reduce(0.0) { $0 + entries[$1].weight * Double(ranks[$1][k]) } }
            let overall = CompetitionRanking.ranks(scores)
            for (k, row) in group.enumerated() {
                rows.append(Row(plan: row.plan, year: row.year, district: row.district,
                                values: values[k].map(\.shown), ranks: entries.indices.map { ranks[$0][k] },
                                score: scores[k], rank: overall[k]))
            }
        }
        for row in indicatorRows {
            if row.district == AreaGrid.allDistricts {
                rank(group)
                group = []
            } else {
                group.append(row)
            }
        }
        self.rows = rows
    }

    /// Decimals that write every score exactly: the fewest (at most 6) that write every weight exactly, so
    /// that whole weights give whole scores.
    public var scorePlaces: Int {
        (0...6).first { places in
            let scale = pow10(places)
            return entries.allSatisfy { abs(($0.weight * scale).rounded() - $0.weight * scale) < 1e-9 * scale }
        } ?? 6
    }

    private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { acc, _ in acc * 10 } }

    /// The rows of one plan and year.
    public func rows(plan: String, year: Int) -> [Row] { rows.filter { $0.plan == plan && $0.year == year } }
}

extension Rankings {
    /// The years whose ranking the terminal prints (and the page's table shows): the year the scenario names
    /// — the earliest target year of its `advisor` (`no_super_large_from`, `no_shortage_from`), else the base
    /// year + 5 (the end of a five-year plan, 五年规划) — when it is a projected year, then the last projected
    /// year; the base year alone without a projected year.
    public static func shownYears(_ scenario: Scenario) -> [Int] {
        let first = scenario.baseYear + 1, last = scenario.baseYear + scenario.horizon
        guard last >= first else { return [scenario.baseYear] }
        let targets = [scenario.advisor?.targets.noSuperLargeFrom, scenario.advisor?.targets.noShortageFrom].compactMap { $0 }
        let named = targets.min() ?? scenario.baseYear + 5
        return (first...last).contains(named) && named != last ? [named, last] : [last]
    }
}
