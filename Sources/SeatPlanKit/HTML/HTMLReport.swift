import Foundation

/// The HTML report of a comparison: one self-contained page (inline CSS and SVG, no script, no network)
/// that opens with a one-screen overview, then the early-warning map, pupils against seats per district,
/// zone and stage, the plan comparison and the assumptions — every chart with its table.
///
/// It reads results only (the allocation, the comparison, the demand's assumptions, the scenario's names
/// and listed births) and computes no model number; every text from the scenario is escaped.
public struct HTMLReport: Sendable {
    public static let fileName = "report.html"

    public var html: String

    /// - Parameter pupilBands: optional ranges of pupils (e.g. P10–P90 of Monte Carlo draws), drawn as a band
    ///   around the pupils line of the capacity charts; none by default.
    ///   `blindSpots` (the coverage check) gives the ranking its `blind_spot_areas`. `draws`: the Monte Carlo
    ///   run the bands come from, whose number, seed and spreads the assumptions section states.
    public init(allocation: Allocation, comparison: PlanComparison, scenario: Scenario, language: ReportLanguage,
                pupilBands: [PupilBand] = [], blindSpots: (any BlindSpotSource)? = nil, draws: DrawSummary? = nil) {
        var context = ReportContext(allocation: allocation, comparison: comparison, scenario: scenario,
                                    language: language, pupilBands: pupilBands)
        context.blindSpots = blindSpots ?? comparison.coverage
        context.drawnWith = draws.map { (draws: $0.draws, seed: $0.seed, assumptions: $0.assumptions) }
        html = Self.page(context)
    }

    public var data: Data { Data(html.utf8) }

    static func page(_ c: ReportContext) -> String {
        let l = c.labels
        let s = c.scenario
        let all: [(id: String, title: String, html: (ReportContext) -> String)] = [
            ("overview", l.overview, OverviewSection.html),
            ("alerts", l.alertsTitle, AlertSection.html),
            ("capacity", l.capacityTitle, CapacitySection.html),
            ("comparison", l.comparisonTitle, ComparisonSection.html),
            ("district-ranking", l.districtRankingTitle, RankingSection.html),
            ("coverage", MapSection.title(l), MapSection.html),
            ("assumptions", l.assumptionsTitle, AssumptionsSection.html),
        ]
        let sections = all.filter { $0.id != "coverage" || MapSection.isShown(c) }
        var out = "<!DOCTYPE html>\n<html lang=\"\(l.htmlLanguage)\"><head><meta charset=\"utf-8\">"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        out += "<meta name=\"generator\" content=\"SeatPlan\">"
        out += "<title>" + HTMLText.escape("\(s.title) — \(l.reportKind)") + "</title>"
        out += "<style>\n" + ReportStyle.css + "\n</style></head>\n<body"
            + HTMLText.attribute("data-scenario", s.id) + HTMLText.attribute("data-language", l.language.rawValue) + ">"
        out += "<header class=\"page\"><div class=\"kind\">" + HTMLText.escape(l.reportKind) + "</div>"
        out += "<h1>" + HTMLText.escape(s.title) + "</h1>"
        out += "<p>" + HTMLText.escape(l.subtitle(id: s.id, base: s.baseYear, first: c.firstProjectedYear, last: c.lastYear))
            + " · " + HTMLText.escape(l.counts(districts: s.districts.count, zones: s.zones.count, schools: s.schools.count,
                                               plans: c.plans.count - 1)) + "</p>"
        out += "<nav aria-label=\"" + HTMLText.escape(l.contents) + "\"><ol>"
            + sections.map { "<li><a href=\"#\($0.id)\">" + HTMLText.escape($0.title) + "</a></li>" }.joined()
            + "</ol></nav></header>\n<main>"
        for section in sections {
            out += section.html(c) + "\n"
        }
        out += "</main><footer>" + HTMLText.escape(l.footer) + "</footer></body></html>\n"
        return out
    }
}
