import Foundation
import Testing
import TestSupport
@testable import SeatPlanKit

/// The ranking section of report.html against the independent implementation's `rankings.csv` for
/// example-city: the tables of 2030 and 2035 under layout-plan (the best-ranked plan), and the chart of each
/// district's rank in every year.
@Suite struct RankingSectionTests {
    static func examplePage() throws -> String {
        let (scenario, allocation) = try simulate(path: Repo.path("scenarios/example-city.yaml"))
        return HTMLReport(allocation: allocation, comparison: PlanComparison(allocation, scenario: scenario),
                          scenario: scenario, language: .zh).html
    }

    static func matches(_ pattern: String, in text: String) throws -> [[String]] {
        let regex = try NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).map { m in
            (1..<m.numberOfRanges).map { String(text[Range(m.range(at: $0), in: text)!]) }
        }
    }

    @Test func tablesListTheDistrictsInRankOrderAsRankingsCSV() throws {
        let html = try Self.examplePage()
        let expected = try CSVFile(path: "\(Repo.golden)/example-city.expected-rankings.csv").rows
        for year in [2030, 2035] {
            let start = try #require(html.range(of: "id=\"district-ranking-\(year)\""))
            let table = String(html[start.lowerBound...]).components(separatedBy: "</table>")[0]
            let rows = try Self.matches("<tr data-district=\"([a-z]+)\" data-district-rank=\"([0-9]+)\"", in: table)
            let want = expected.filter { $0["plan"] == "layout-plan" && $0["year"] == String(year) }
                .sorted { Int($0["rank"]!)! < Int($1["rank"]!)! }
            #expect(rows.map { $0[0] } == want.map { $0["district"]! })
            #expect(rows.map { $0[1] } == want.map { $0["rank"]! })
        }
    }

    @Test func chartDrawsEachDistrictsRankInEveryYear() throws {
        let html = try Self.examplePage()
        let expected = try CSVFile(path: "\(Repo.golden)/example-city.expected-rankings.csv").rows
            .filter { $0["plan"] == "layout-plan" }
        let chart = try #require(html.range(of: "id=\"district-rank-chart\""))
        let series = try Self.matches("data-role=\"rank\" data-series=\"([a-z]+)\" data-values=\"([0-9 ]+)\"",
                                      in: String(html[chart.lowerBound...]))
        #expect(series.map { $0[0] } == ["central", "east", "south"])
        for s in series {
            let want = expected.filter { $0["district"] == s[0] }.map { $0["rank"]! }.joined(separator: " ")
            #expect(s[1] == want, "\(s[0])")
        }
    }

    @Test func rankColoursRunFromGreenToRed() {
        #expect(RankingSection.color(0) == "#cfe8c9")
        #expect(RankingSection.color(0.5) == "#f7eec0")
        #expect(RankingSection.color(1) == "#f2b8b0")
    }
}
