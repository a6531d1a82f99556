/// The county ranking (考评排位) on the page: for each year of `Rankings.shownYears`, the districts in rank
/// order under the chosen plan (the best-ranked plan, as the overview's; the baseline when there is none),
/// every ranked indicator's value and rank in a cell coloured by that rank (green first … red last), the
/// score and the baseline's rank beside; then a chart of each district's overall rank over every year of the
/// rows under that plan, with its table. The numbers are `rankings.csv`'s; nothing is computed here but the
/// colour.
enum RankingSection {
    static func html(_ c: ReportContext) -> String {
        let l = c.labels
        var out = "<section id=\"district-ranking\"><h2>" + HTMLText.escape(l.districtRankingTitle) + "</h2>"
        guard !c.scenario.ranking.isEmpty else {
            return out + "<p class=\"note\">" + HTMLText.escape(l.noRanking) + "</p></section>"
        }
        let rankings = Rankings(Indicators(c.allocation, scenario: c.scenario, blindSpots: c.blindSpots),
                                ranking: c.scenario.ranking)
        let plan = c.bestPlan?.plan ?? Plan.baselineID
        let places = rankings.scorePlaces
        let weights = rankings.entries.map { "\($0.indicator) × \(CSVWriter.format($0.weight, places: places))" }
        out += "<p class=\"note\">" + HTMLText.escape(l.rankingRule(weights.joined(separator: ", "))) + "</p>"
        out += "<ul class=\"legend mini\"><li><span class=\"rank-chip\" style=\"background:\(color(0))\">1</span>"
            + HTMLText.escape(l.rankBest) + "</li><li><span class=\"rank-chip\" style=\"background:\(color(1))\">n</span>"
            + HTMLText.escape(l.rankLast) + "</li></ul>"
        for year in Rankings.shownYears(c.scenario) {
            out += table(rankings, plan: plan, year: year, c).html()
        }
        out += chart(rankings, plan: plan, c)
        return out + "</section>"
    }

    /// The background of a rank at position `t = (rank − 1) ÷ (districts − 1)`: green (#cfe8c9) at 0, pale
    /// yellow (#f7eec0) at ½, red (#f2b8b0) at 1, linear between.
    static func color(_ t: Double) -> String {
        let stops: [(Double, Double, Double)] = [(0xcf, 0xe8, 0xc9), (0xf7, 0xee, 0xc0), (0xf2, 0xb8, 0xb0)]
        let x = Swift.min(Swift.max(t, 0), 1) * 2
        let k = Swift.min(Int(x), 1), f = x - Double(k)
        let (a, b) = (stops[k], stops[k + 1])
        func hex(_ u: Double, _ v: Double) -> String {
            let n = Int((u + (v - u) * f).rounded())
            let digits = Array("0123456789abcdef")
            return String([digits[n / 16], digits[n % 16]])
        }
        return "#" + hex(a.0, b.0) + hex(a.1, b.1) + hex(a.2, b.2)
    }

    static func chip(rank: Int, of count: Int, text: String) -> HTMLTable.Cell {
        let t = count > 1 ? Double(rank - 1) / Double(count - 1) : 0
        return .markup("<span class=\"rank-chip\" style=\"background:\(color(t))\"" + HTMLText.attribute("data-rank", String(rank))
                       + ">" + HTMLText.escape(text) + "</span>")
    }

    static func table(_ rankings: Rankings, plan: String, year: Int, _ c: ReportContext) -> HTMLTable {
        let l = c.labels
        let rows = rankings.rows(plan: plan, year: year).sorted { ($0.rank, $0.score) < ($1.rank, $1.score) }
        let baseline = Dictionary(rankings.rows(plan: Plan.baselineID, year: year).map { ($0.district, $0.rank) },
                                  uniquingKeysWith: { a, _ in a })
        let n = rows.count
        let shownRows = rows.map { row -> HTMLTable.Row in
            var cells: [HTMLTable.Cell] = [chip(rank: row.rank, of: n, text: String(row.rank)),
                                           .text(c.districtName(row.district)),
                                           .decimal(row.score, places: rankings.scorePlaces)]
            for (k, entry) in rankings.entries.enumerated() {
                cells.append(chip(rank: row.ranks[k], of: n,
                                  text: "\(TerminalRanking.shown(row.values[k], indicator: entry.indicator)) (\(row.ranks[k]))"))
            }
            if plan != Plan.baselineID { cells.append(.integer(baseline[row.district])) }
            return HTMLTable.Row(cells: cells, attributes: [("data-district", row.district), ("data-district-rank", String(row.rank)),
                                                            ("data-year", String(year))])
        }
        return HTMLTable(caption: l.rankingCaption(year: year, plan: c.planName(plan)),
                         columns: ["#", l.district, l.score] + rankings.entries.map { l.indicatorName($0.indicator) }
                             + (plan == Plan.baselineID ? [] : [l.baselineRank]),
                         rows: shownRows, cssClass: "data district-ranking",
                         attributes: [("id", "district-ranking-\(year)"), ("data-plan", plan)])
    }

    /// Each district's overall rank in every year of the rows under `plan` (rank 1 at the bottom: the lower
    /// line is the better district), and the table behind it.
    static func chart(_ rankings: Rankings, plan: String, _ c: ReportContext) -> String {
        let l = c.labels
        let years = Array(c.scenario.years)
        let districts = c.scenario.districts
        var rank: [String: [Int: Int]] = [:]
        for row in rankings.rows where row.plan == plan { rank[row.district, default: [:]][row.year] = row.rank }
        let colors = PlanPalette.colors
        let series = districts.enumerated().map { d, district in
            LineChart.Series(key: district.id, label: district.name,
                             values: years.map { rank[district.id]?[$0].map(Double.init) }, color: colors[d % colors.count],
                             dash: d < colors.count ? nil : "2 2", dots: true, role: "rank")
        }
        let chart = LineChart(title: l.rankChartTitle(c.planName(plan)), years: years, series: series,
                              yFormat: { value, step in step < 1 ? CSVWriter.format(value, places: 1) : String(Int(value.rounded())) },
                              yFromZero: false, yTicks: Swift.max(1, Swift.min(districts.count - 1, 4)),
                              attributes: [("id", "district-rank-chart"), ("data-plan", plan)], width: 560)
        var out = "<figure class=\"chart-card rank-chart-card\"><figcaption>" + HTMLText.escape(l.rankChartTitle(c.planName(plan))) + "</figcaption>"
        out += "<ul class=\"legend mini\">" + series.map {
            "<li><span class=\"swatch\" style=\"background:\($0.color)\"></span>" + HTMLText.escape($0.label) + "</li>"
        }.joined() + "</ul>" + chart.svg() + "</figure>"
        let rows = districts.map { district in
            HTMLTable.Row(cells: [.text(district.name)] + years.map { .integer(rank[district.id]?[$0]) },
                          attributes: [("data-district", district.id)])
        }
        out += "<details class=\"data-table\"><summary>" + HTMLText.escape(l.dataTable) + "</summary><div class=\"table-scroll\">"
            + HTMLTable(caption: l.rankChartTitle(c.planName(plan)), columns: [l.district] + years.map(String.init), rows: rows,
                        attributes: [("id", "district-rank-table")]).html()
            + "</div></details>"
        return out
    }
}

extension ReportLabels {
    private func say(_ en: String, _ zh: String) -> String { language == .en ? en : zh }

    var districtRankingTitle: String { say("District ranking", "区县考评排位") }
    var noRanking: String {
        say("The scenario ranks no indicator: add 'ranking: [{ indicator: ID, weight: W }, …]' to rank the districts.",
            "情景未设置考评指标：在情景文件中加入 ranking: [{ indicator: 指标, weight: 权重 }, …] 即可对区县排位。")
    }
    func rankingRule(_ weights: String) -> String {
        say("Each indicator ranks the districts, lower values first (the general share by its distance from the target; an empty value ranks as 0); values equal to 9 decimals share the best rank and the next rank skips (1, 1, 3). Score = Σ weight × rank (\(weights)); the overall rank orders the scores the same way. Cells: value (rank), coloured from first (green) to last (red). Every plan and year: rankings.csv; the indicators: indicators.csv.",
            "各指标按数值由低到高对区县排位（普职比按与目标的偏差；空值按 0 计）；数值到小数点后 9 位相同者并列，并列后名次顺延（1, 1, 3）。得分 = Σ 权重 × 名次（\(weights)），总名次按得分同样排定。格内为数值（名次），由第一（绿）到末位（红）着色。各方案、各年份见 rankings.csv，各指标见 indicators.csv。")
    }
    var rankBest: String { say("first", "第一") }
    var rankLast: String { say("last", "末位") }
    var score: String { say("Score", "得分") }
    var baselineRank: String { say("Baseline rank", "现状名次") }
    func rankingCaption(year: Int, plan: String) -> String { say("\(year), under \(plan)", "\(year) 年，\(plan) 方案") }
    func rankChartTitle(_ plan: String) -> String {
        say("Each district's rank by year under \(plan) (1 = first, at the bottom)", "\(plan) 方案下各区县历年名次（1 为第一，在下方）")
    }
    func indicatorName(_ id: String) -> String {
        switch id {
        case "large_class_share": return say("Large-class share", "大班额占比")
        case "super_large_classes": return say("Super-large classes", "超大班额数")
        case "shortage_seats": return say("Seats short", "学位缺口")
        case "no_school_areas": return say("No-school areas", "无学校区域")
        case "townships_without_public_kindergarten": return say("Townships without a public kindergarten", "无公办园乡镇")
        case "blind_spot_areas": return say("Residential areas beyond reach", "服务半径盲区")
        case "general_share": return say("General share (普职比)", "普高占比（普职比）")
        case "staff_shortage": return say("Staff posts short", "教职工缺编")
        case "special_gap": return say("Special-school seats short", "特教学位缺口")
        default: return id
        }
    }
}
