/// What every section of the HTML report reads: the results of a run (allocation, comparison, assumptions),
/// the scenario's names, the labels of the chosen language and the plans' styles — looked up once.
///
/// Nothing here computes a model number; it only indexes and orders the results for display.
struct ReportContext {
    let scenario: Scenario
    let allocation: Allocation
    let comparison: PlanComparison
    let labels: ReportLabels
    let names: DisplayNames
    let styles: [String: PlanStyle]
    /// The whole-scenario measures of every plan, least shortage seat-years first; on a tie the cheaper plan,
    /// then the plan id (the order `compare` prints).
    let ranked: [PlanMeasures]
    /// The zone-stages the heat maps and charts show, in file order: all of them up to `shownLimit`; beyond,
    /// only those with something to act on (see `isNotable`), at most `shownLimit`, so that a province-sized
    /// scenario still gives a page a browser opens. `capacity.csv` keeps every row.
    let shown: [(zone: Zone, stages: [Stage])]
    /// How many zone-stages there are in all.
    let zoneStageCount: Int
    static let shownLimit = 300
    /// Each plan's rows of one zone and stage, in year order, keyed by `plan␁zone␁stage`.
    private let rowsByKey: [String: [CapacityRow]]
    private let bands: [String: PupilBand]

    init(allocation: Allocation, comparison: PlanComparison, scenario: Scenario, language: ReportLanguage,
         pupilBands: [PupilBand]) {
        self.scenario = scenario
        self.allocation = allocation
        self.comparison = comparison
        labels = ReportLabels(language: language)
        names = DisplayNames(scenario)
        styles = PlanPalette.styles(allocation.outcomes.map(\.plan.id))
        ranked = comparison.ranked
        var rows: [String: [CapacityRow]] = [:]
        for outcome in allocation.outcomes {
            for row in outcome.rows {
                rows["\(outcome.plan.id)\u{1}\(row.zone)\u{1}\(row.stage)", default: []].append(row)
            }
        }
        rowsByKey = rows
        let stages = scenario.standards.stages
        zoneStageCount = scenario.zones.count * stages.count
        if zoneStageCount <= Self.shownLimit {
            shown = scenario.zones.map { ($0, stages) }
        } else {
            var chosen: [(zone: Zone, stages: [Stage])] = []
            var count = 0
            for zone in scenario.zones where count < Self.shownLimit {
                let notable = stages.filter { stage in
                    allocation.outcomes.contains { outcome in
                        (rows["\(outcome.plan.id)\u{1}\(zone.id)\u{1}\(stage.id)"] ?? []).contains(where: Self.isNotable(scenario))
                    }
                }.prefix(Self.shownLimit - count)
                if !notable.isEmpty { chosen.append((zone, Array(notable))) }
                count += notable.count
            }
            shown = chosen
        }
        bands = Dictionary(pupilBands.map { ("\($0.zone)\u{1}\($0.stage)\u{1}\($0.year)", $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// A row to act on: a projected year that is not green, or with a super-large class.
    static func isNotable(_ scenario: Scenario) -> (CapacityRow) -> Bool {
        { $0.year > scenario.baseYear && ($0.alert != .green || $0.superLargeClasses > 0) }
    }

    var shownCount: Int { shown.reduce(0) { $0 + $1.stages.count } }

    var firstProjectedYear: Int { scenario.baseYear + 1 }
    var lastYear: Int { scenario.baseYear + scenario.horizon }
    var projectedYears: [Int] { scenario.horizon > 0 ? Array(firstProjectedYear...lastYear) : [] }
    var plans: [String] { allocation.outcomes.map(\.plan.id) }

    /// The best-ranked plan other than the baseline, if any plan was run.
    var bestPlan: PlanMeasures? { ranked.first { $0.plan != Plan.baselineID } }
    var baselineMeasures: PlanMeasures? { comparison.measures(plan: Plan.baselineID) }

    /// The plan's display name: the scenario's, or the page's own words for the baseline.
    func planName(_ plan: String) -> String {
        if plan == Plan.baselineID { return labels.baselineName }
        return allocation.outcome(plan)?.plan.name ?? plan
    }

    func style(_ plan: String) -> PlanStyle { styles[plan] ?? PlanPalette.baseline }

    /// The plan's colour swatch and id, kept on one line (markup; the id escaped).
    func planTag(_ plan: String) -> String {
        "<span class=\"plan-tag\"><span class=\"swatch\" style=\"background:\(style(plan).color)\"></span>"
            + "<span class=\"plan-id\">" + HTMLText.escape(plan) + "</span></span>"
    }

    func rows(plan: String, zone: String, stage: String) -> [CapacityRow] {
        rowsByKey["\(plan)\u{1}\(zone)\u{1}\(stage)"] ?? []
    }

    /// The band of a zone, stage and year, when ranges were given.
    func band(zone: String, stage: String, year: Int) -> PupilBand? {
        bands["\(zone)\u{1}\(stage)\u{1}\(year)"]
    }

    var hasBands: Bool { !bands.isEmpty }

    func zoneName(_ zone: String) -> String { names.zone[zone] ?? zone }
    func districtName(_ district: String) -> String {
        district == PlanComparison.allDistricts ? labels.allDistricts : names.district[district] ?? district
    }
    func stageName(_ stage: String) -> String { names.stage[stage] ?? stage }

    /// Consecutive years written as ranges: `2026–2028, 2031`.
    static func yearRanges(_ years: [Int]) -> String {
        var parts: [String] = []
        var start: Int?, previous: Int?
        for year in years.sorted() + [Int.max] {
            if let p = previous, year == p + 1 { previous = year; continue }
            if let s = start, let p = previous { parts.append(s == p ? String(s) : "\(s)–\(p)") }
            start = year
            previous = year
        }
        return parts.joined(separator: ", ")
    }
}
