import Foundation
import Testing
import TestSupport
@testable import SeatPlanKit

/// The HTML report's pieces without a browser: escaping, scales, shortfall shading, number formats, and
/// the page of a small scenario (the browser tests in SeatPlanBrowserTests render example-city).
@Suite struct HTMLReportTests {
    // MARK: Escaping

    @Test func escapesMarkupQuotesAndAmpersands() {
        #expect(HTMLText.escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(HTMLText.escape("Tom & \"Jerry\" 's") == "Tom &amp; &quot;Jerry&quot; &#39;s")
        #expect(HTMLText.escape("&amp;") == "&amp;amp;")
        #expect(HTMLText.escape("") == "")
        #expect(HTMLText.escape("老城片区 (2025—2030)") == "老城片区 (2025—2030)")
    }

    @Test func replacesControlCharactersButKeepsWhitespace() {
        #expect(HTMLText.escape("a\u{0}b\u{7}c\u{7F}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
        #expect(HTMLText.escape("a\tb\nc\rd") == "a\tb\nc\rd")
    }

    @Test func attributesAreQuotedAndEscaped() {
        #expect(HTMLText.attribute("data-zone", "x\" onclick=\"y") == " data-zone=\"x&quot; onclick=&quot;y\"")
        #expect(HTMLText.attribute("data-zone", nil) == "")
    }

    // MARK: Scales

    @Test func roundStepsAreOneTwoTwoAndAHalfOrFive() {
        #expect(LinearScale.roundStep(span: 10, intervals: 5) == 2)
        #expect(LinearScale.roundStep(span: 47805, intervals: 4) == 20000)
        #expect(LinearScale.roundStep(span: 9, intervals: 4) == 2.5)
        #expect(abs(LinearScale.roundStep(span: 0.006, intervals: 2) - 0.005) < 1e-15)
        #expect(LinearScale.roundStep(span: 0, intervals: 4) == 1)
        #expect(LinearScale.roundStep(span: .nan, intervals: 4) == 1)
    }

    @Test func scaleWidensToRoundTicksAndMapsLinearly() {
        // y axis: 0 … 47,805 pupils over 150 px, pixels growing downward.
        let y = LinearScale(covering: 0, 47805, ticks: 4, range: (166, 16))
        #expect(y.lower == 0 && y.upper == 60000 && y.step == 20000)
        #expect(y.ticks == [0, 20000, 40000, 60000])
        #expect(y(0) == 166 && y(60000) == 16 && y(30000) == 91)
    }

    @Test func flatAndUndefinedDomainsStillDraw() {
        let zero = LinearScale(covering: 0, 0, ticks: 4, range: (100, 0))
        #expect(zero.lower == 0 && zero.upper > 0 && zero(0) == 100)
        let flat = LinearScale(covering: 1.02, 1.02, ticks: 2, range: (100, 0))
        #expect(flat.lower < 1.02 && flat.upper > 1.02)
        let undefined = LinearScale(covering: .nan, .infinity, ticks: 4, range: (100, 0))
        #expect(undefined.lower == 0 && undefined.upper == 1)
    }

    // MARK: Shortfall shading

    @Test func shortfallIsClosedWhereTheLinesCross() {
        // Pupils 10, 20, 10 against 15 seats: short around the middle year, crossing halfway on each side.
        let polygons = LineChart.shortfallPolygons(xs: [0, 1, 2], over: [10, 20, 10], under: [15, 15, 15])
        #expect(polygons.count == 1)
        let points = polygons[0].map { [$0.0, $0.1] }
        #expect(points == [[0.5, 15], [1, 20], [1.5, 15], [1, 15]])
    }

    @Test func shortfallCoversWholeRunsAndSkipsNoShortage() {
        #expect(LineChart.shortfallPolygons(xs: [0, 1], over: [1, 1], under: [2, 2]).isEmpty)
        #expect(LineChart.shortfallPolygons(xs: [0, 1], over: [1, 1], under: [1, 1]).isEmpty)
        let all = LineChart.shortfallPolygons(xs: [0, 1, 2], over: [5, 6, 7], under: [0, 0, 0])
        #expect(all.count == 1 && all[0].count == 6)
        // Two separate runs make two polygons.
        #expect(LineChart.shortfallPolygons(xs: [0, 1, 2, 3, 4], over: [2, 0, 0, 0, 2], under: [1, 1, 1, 1, 1]).count == 2)
    }

    // MARK: Numbers

    @Test func numbersAreGroupedAndRoundedLikeTheCSVFiles() {
        #expect(ReportNumbers.grouped(27466) == "27,466")
        #expect(ReportNumbers.grouped(445_000_000) == "445,000,000")
        #expect(ReportNumbers.grouped(-1620) == "-1,620")
        #expect(ReportNumbers.grouped(999.5) == "1,000")
        #expect(ReportNumbers.grouped(0) == "0")
        #expect(ReportNumbers.percent(1.125) == "113%")
        #expect(ReportNumbers.percent(nil) == "—")
        #expect(ReportNumbers.axis(250_000_000, language: .en) == "250M")
        #expect(ReportNumbers.axis(250_000_000, language: .zh) == "2.5亿")
        #expect(ReportNumbers.axis(1_250_000, language: .zh) == "125万")
        #expect(ReportNumbers.axis(20000, language: .en) == "20,000")
        #expect(ReportNumbers.tick(0.98575, step: 0.00025) == "0.98575")
        #expect(ReportNumbers.tick(1, step: 0.5) == "1.0")
        #expect(SVG.number(1.25) == "1.3" && SVG.number(-0.04) == "0" && SVG.number(-1.5) == "-1.5" && SVG.number(3) == "3")
    }

    // MARK: The page

    static func page(_ yaml: String, language: ReportLanguage = .en, bands: [PupilBand] = []) throws -> String {
        let (scenario, allocation) = try simulate(yaml)
        let comparison = PlanComparison(allocation, scenario: scenario)
        return HTMLReport(allocation: allocation, comparison: comparison, scenario: scenario, language: language,
                          pupilBands: bands).html
    }

    @Test func pageRanksThePlansAndIsTheSameEveryTime() throws {
        let html = try Self.page(compareScenario)
        let again = try Self.page(compareScenario)
        let same = html == again, doctype = html.hasPrefix("<!DOCTYPE html>")
        let script = html.lowercased().contains("<script"), web = html.contains("http://") || html.contains("https://")
        #expect(same && doctype && !script && !web)
        // Least shortage first; build-only, on-time and same-as-on-time tie (30 seat-years, cost 900) and go by
        // id; late (210); then the baseline (300, cost 0) before the plans that avoid nothing at a cost.
        let ranked = html.components(separatedBy: "<tr data-plan=\"").dropFirst()
            .filter { $0.contains("\" data-rank=\"") }.map { String($0.prefix { $0 != "\"" }) }
        #expect(ranked == ["build-only", "on-time", "same-as-on-time", "late", "baseline", "expand-a1", "too-early"])
        let points = html.components(separatedBy: "<circle cx=").count - 1
        #expect(points >= 7)
        // A heat-map cell per plan, zone, stage and projected year: 7 plans × 3 zones × 1 stage × 4 years.
        let cells = html.components(separatedBy: "data-alert=\"").count - 1
        #expect(cells == 84)
    }

    /// With draws, the assumptions section says what the bands were drawn with, as `uncertainty.csv` does: a
    /// ratio that moved by ±5–20 % a year (`last`), its spread `s = √(Σ ln(x_{i−1}/x_i)² / 9)` from the 9 errors
    /// of 2017–2025 as a percentage, the district's own `lasting_share: 0.5` marked given, the draws and seed.
    @Test func theAssumptionsSayWhatTheBandsWereDrawnWith() throws {
        let ratios = [0.8, 1.2, 0.9, 1.1, 1.0, 0.85, 1.15, 0.95, 1.05, 1.0]
        let text = oneRatioHistory(ratios, horizon: 1)
            .replacingOccurrences(of: "  - id: d\n", with: "  - id: d\n    uncertainty: { lasting_share: 0.5 }\n")
        let (scenario, allocation, summary) = try drawn(text, draws: 30, seed: 12)
        let comparison = PlanComparison(allocation, scenario: scenario)
        let html = HTMLReport(allocation: allocation, comparison: comparison, scenario: scenario, language: .en,
                              pupilBands: PupilBand.p10p90(summary, scenario: scenario), draws: summary).html
        let s = ((1..<ratios.count).map { pow(log(ratios[$0 - 1] / ratios[$0]), 2) }.reduce(0, +) / 9).squareRoot()
        #expect(html.contains("<span data-parameter=\"ratio_spread\">ratio spread \(String(format: "%.2f", 100 * s))% "
                              + "(estimated from 9 errors, 2017–2025)</span>"), "s = \(s)")
        #expect(html.contains("<span data-parameter=\"lasting_share\">held over the horizon 50% (given)</span>"))
        #expect(html.contains("from 30 Monte Carlo draws (seed 12)"))
        let zh = HTMLReport(allocation: allocation, comparison: comparison, scenario: scenario, language: .zh,
                            draws: summary).html
        #expect(zh.contains("逐年延续 50%（设定）") && zh.contains("（由 2017–2025 年 9 个误差估计）"))
        #expect(!(try Self.page(text)).contains("ranges-basis"))
    }

    @Test func namesFromTheScenarioAreEscapedEverywhere() throws {
        let hostile = compareScenario
            .replacingOccurrences(of: "scenario: compare-small", with: "scenario: compare-small\ntitle: \"<script>alert('t')</script>\"")
            .replacingOccurrences(of: "{ id: a1, share: 0.5 }", with: "{ id: a1, name: \"<img src=x onerror=alert(1)> & Co\", share: 0.5 }")
        let html = try Self.page(hostile)
        let script = html.lowercased().contains("<script"), image = html.contains("<img")
        #expect(!script && !image)
        let title = html.contains("<h1>&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;</h1>")
        let zone = html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; Co")
        #expect(title && zone)
    }

    @Test func bandIsDrawnOnlyWhenRangesAreGiven() throws {
        let without = try Self.page(compareScenario).contains("class=\"band\"")
        #expect(!without)
        let bands = (2024...2028).map { PupilBand(zone: "a2", stage: "primary", year: $0, low: 150, high: 250) }
        let html = try Self.page(compareScenario, bands: bands)
        let drawn = html.components(separatedBy: "class=\"band\"").count - 1, legend = html.contains("P10–P90")
        #expect(drawn == 1 && legend)
    }

    @Test func largeScenariosShowOnlyTheZoneStagesToActOn() throws {
        // 320 zones of one stage (share 1/320 = 0.003125 each, 3 pupils a grade): each has a school of one
        // classroom (green), but z7 has none — the only zone-stage with an alert.
        let zones = (0..<320).map { "      - { id: z\($0), share: 0.003125 }" }.joined(separator: "\n")
        let schools = (0..<320).filter { $0 != 7 }.map { "  - { id: s\($0), zone: z\($0), stage: primary, classrooms: 1 }" }
            .joined(separator: "\n")
        let yaml = """
        scenario: wide
        base_year: 2024
        horizon: 2
        standards:
          stages:
            - { id: primary, grades: 2, entry_age: 6, class_size: 30 }
        projection:
          births: { method: given }
          ratios:
            - { stage: primary, grade: 1, value: 1.0 }
            - { stage: primary, grade: 2, value: 1.0 }
        districts:
          - id: d
            births: { 2017: 960, 2018: 960, 2019: 960, 2020: 960 }
            enrollment:
              2024: { primary: [960, 960] }
            zones:
        \(zones)
        schools:
        \(schools)
        """
        let (scenario, allocation) = try simulate(yaml)
        let context = ReportContext(allocation: allocation, comparison: PlanComparison(allocation, scenario: scenario),
                                    scenario: scenario, language: .en, pupilBands: [])
        #expect(context.zoneStageCount == 320)
        #expect(context.shown.map(\.key) == ["z7"] && context.shownCount == 1)
        let html = HTMLReport(allocation: allocation, comparison: PlanComparison(allocation, scenario: scenario),
                              scenario: scenario, language: .en).html
        let cells = html.components(separatedBy: "data-alert=\"").count - 1, note = html.contains("1 of 320 zone-stages shown")
        #expect(cells == 2 && note)
    }

    @Test func chineseLabelsInTheChinesePage() throws {
        let html = try Self.page(compareScenario, language: .zh)
        let chinese = html.contains("<html lang=\"zh-CN\">") && html.contains("学位预警"), english = html.contains("Early warning")
        #expect(chinese && !english)
    }
}
