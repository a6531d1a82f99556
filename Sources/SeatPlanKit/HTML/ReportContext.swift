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
    /// The whole-scenario measures of every plan in the order `compare` prints (`PlanComparison.ranked`).
    let ranked: [PlanMeasures]
    /// A catchment area as the page shows it: a zone, a district's own rows (district-level stages) or the
    /// scenario's (`ALL`), with the stages it has rows of and their row positions in `AreaGrid`.
    struct ShownArea {
        /// The zone id, or `district:ID` for a district's or the scenario's own rows (`data-zone` on the page).
        var key: String
        var district: String
        /// Empty for a district's or the scenario's own rows.
        var zone: String
        var name: String
        var stages: [Stage]
        /// The row position within a year of each stage.
        var positions: [Int]
    }

    /// The area-stages the heat maps and charts show, in row order: all of them up to `shownLimit`; beyond,
    /// only those with something to act on (see `isNotable`), at most `shownLimit`, so that a province-sized
    /// scenario still gives a page a browser opens. `capacity.csv` keeps every row.
    let shown: [ShownArea]
    /// How many area-stages there are in all.
    let zoneStageCount: Int
    static let shownLimit = 300
    /// Each plan's rows of the shown area-stages, in year order, keyed by `plan␁area key␁stage`: built by
    /// row index for the shown rows only, never for every row of the run.
    private let rowsByKey: [String: [CapacityRow]]
    private let bands: [String: PupilBand]
    /// The coverage check's residential areas beyond reach, for the ranking (none: `blind_spot_areas` empty).
    var blindSpots: (any BlindSpotSource)? = nil
    /// With draws: their number and seed, and what each district's were made with (`uncertainty.csv`).
    var drawnWith: (draws: Int, seed: UInt64, assumptions: [DrawAssumption])? = nil

    init(allocation: Allocation, comparison: PlanComparison, scenario: Scenario, language: ReportLanguage,
         pupilBands: [PupilBand]) {
        self.scenario = scenario
        self.allocation = allocation
        self.comparison = comparison
        labels = ReportLabels(language: language)
        names = DisplayNames(scenario)
        styles = PlanPalette.styles(allocation.outcomes.map(\.plan.id))
        ranked = comparison.ranked
        let grid = allocation.grid
        zoneStageCount = grid.rowsPerYear
        // A position is notable when some plan has, in a projected year, an alert other than green or a
        // super-large class; with few positions every one is shown.
        let projected = Swift.min(grid.rowsPerYear, grid.count)..<grid.count
        var notable = Array(repeating: grid.rowsPerYear <= Self.shownLimit, count: grid.rowsPerYear)
        if grid.rowsPerYear > Self.shownLimit {
            for outcome in allocation.outcomes {
                for i in projected where outcome.rows.alert(i) != .green || outcome.rows.superLargeClasses(i) > 0 {
                    notable[grid.position(i)] = true
                }
            }
        }
        var areas: [ShownArea] = []
        var count = 0
        for r in 0..<grid.rowsPerYear where notable[r] && count < Self.shownLimit {
            let d = grid.rowDistrict[r], z = grid.rowZone[r]
            let district = grid.districtIDs[d]
            let key = z >= 0 ? grid.zoneIDs[z] : "district:" + district
            if areas.last?.key != key {
                let name = z >= 0 ? grid.zoneNames[z]
                    : d < grid.districtCount ? "\(scenario.districts[d].name) · \(labels.districtWide)" : labels.allDistricts
                areas.append(ShownArea(key: key, district: district, zone: z >= 0 ? grid.zoneIDs[z] : "", name: name,
                                       stages: [], positions: []))
            }
            areas[areas.count - 1].stages.append(grid.stages[grid.rowStage[r]])
            areas[areas.count - 1].positions.append(r)
            count += 1
        }
        shown = areas
        var rows: [String: [CapacityRow]] = [:]
        for outcome in allocation.outcomes {
            for area in areas {
                for (stage, r) in zip(area.stages, area.positions) {
                    rows["\(outcome.plan.id)\u{1}\(area.key)\u{1}\(stage.id)"] =
                        (0..<grid.yearCount).map { outcome.rows[$0 * grid.rowsPerYear + r] }
                }
            }
        }
        rowsByKey = rows
        bands = Dictionary(pupilBands.map { ("\($0.zone)\u{1}\($0.stage)\u{1}\($0.year)", $0) }, uniquingKeysWith: { a, _ in a })
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
    /// The plan's colour swatch and its display name, the id kept in `data-plan` for scripts and tests.
    func planTag(_ plan: String) -> String {
        "<span class=\"plan-tag\"" + HTMLText.attribute("data-plan-id", plan) + "><span class=\"swatch\" style=\"background:\(style(plan).color)\"></span>"
            + "<span class=\"plan-id\">" + HTMLText.escape(planName(plan)) + "</span></span>"
    }

    /// The rows of a shown area (its `key`) and stage under a plan, in year order.
    func rows(plan: String, zone: String, stage: String) -> [CapacityRow] {
        rowsByKey["\(plan)\u{1}\(zone)\u{1}\(stage)"] ?? []
    }

    /// The band of an area (its `key`), stage and year, when ranges were given.
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
