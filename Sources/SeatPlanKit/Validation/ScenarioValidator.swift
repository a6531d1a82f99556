/// Stage 2 of the pipeline: checks that a decoded scenario means something — every reference resolves,
/// ids are unique, shares add up, history and births are there for every number the projection needs.
///
/// Returns the warnings; throws every error (and the warnings) at once.
public struct ScenarioValidator: Sendable {
    public init() {}

    /// Tolerance on `Σ share = 1` for the zones of a district.
    public static let shareTolerance = 1e-6

    @discardableResult
    public func validate(_ scenario: Scenario) throws(ScenarioError) -> [Diagnostic] {
        try compile(scenario).warnings
    }

    /// Checks `scenario` and compiles it once for the later stages (`CompiledScenario`, built from what the
    /// checks resolved); throws every error, returns the warnings with it.
    public func compile(_ scenario: Scenario) throws(ScenarioError) -> (compiled: CompiledScenario, warnings: [Diagnostic]) {
        var out = DiagnosticCollector()
        checkText(scenario, into: &out)
        let stageIDs = Set(scenario.standards.stages.map(\.id))
        checkStandards(scenario.standards, into: &out)
        checkFixedRatios(scenario.projection.fixedRatios, standards: scenario.standards, into: &out)
        let zoneIDs = checkDistricts(scenario, stageIDs: stageIDs, into: &out)
        checkSchools(scenario, zoneIDs: zoneIDs, stageIDs: stageIDs, into: &out)
        let compiled = checkPlans(scenario, into: &out)
        checkUncertainty(scenario, into: &out)
        checkCatchments(scenario, into: &out)
        checkGeography(scenario, into: &out)
        checkIndicatorSettings(scenario, into: &out)
        checkAdvisor(scenario, into: &out)
        if !out.hasErrors { checkEstimability(scenario, into: &out) }
        if out.hasErrors { throw ScenarioError(out.sorted) }
        return (compiled, out.sorted)
    }

    // MARK: Standards

    private func checkStandards(_ standards: Standards, into out: inout DiagnosticCollector) {
        var seen: Set<String> = []
        for stage in standards.stages {
            if !seen.insert(stage.id).inserted {
                out.error(at: stage.location, "duplicate stage id '\(stage.id)'", hint: "give each stage its own id")
            }
            if case .stage(let feeder) = stage.feed {
                if standards.stage(feeder) == nil {
                    out.error(at: stage.location, "stage '\(stage.id)' is fed 'from' '\(feeder)', which is not a stage",
                              hint: "name a stage listed under 'standards: stages' (\(standards.stages.map(\.id).joined(separator: ", ")))")
                } else if feedCycle(from: stage.id, standards: standards) {
                    out.error(at: stage.location, "stage '\(stage.id)' is fed through a cycle of 'from'",
                              hint: "one stage of the chain must be fed by births ('entry_age')")
                }
            }
        }
    }

    private func feedCycle(from id: String, standards: Standards) -> Bool {
        var current = id
        var visited: Set<String> = [id]
        while let stage = standards.stage(current), case .stage(let feeder) = stage.feed {
            if !visited.insert(feeder).inserted { return true }
            current = feeder
        }
        return false
    }

    private func checkFixedRatios(_ ratios: [FixedRatio], standards: Standards, into out: inout DiagnosticCollector) {
        for ratio in ratios {
            checkStageGrade(ratio.stage, ratio.grade, at: ratio.location, what: "a fixed ratio", standards: standards, into: &out)
        }
    }

    /// A stage and 1-based grade named by an entry (`what`): the stage must exist and have that grade.
    func checkStageGrade(_ stageID: String, _ grade: Int, at location: SourceLocation, what: String,
                         standards: Standards, into out: inout DiagnosticCollector) {
        guard let stage = standards.stage(stageID) else {
            out.error(at: location, "\(what) names stage '\(stageID)', which is not a stage",
                      hint: "use one of: \(standards.stages.map(\.id).joined(separator: ", "))")
            return
        }
        if grade > stage.grades {
            out.error(at: location, "\(what) names grade \(grade) of '\(stage.id)', which has \(stage.grades) grades",
                      hint: "use a grade from 1 to \(stage.grades)")
        }
    }

    // MARK: Districts

    /// Checks districts, their zones, history, migration and housing; returns every zone id.
    private func checkDistricts(_ scenario: Scenario, stageIDs: Set<String>, into out: inout DiagnosticCollector)
        -> Set<String> {
        var districtIDs: Set<String> = []
        var zoneIDs: Set<String> = []
        let stagesHint = "use one of: \(scenario.standards.stages.map(\.id).joined(separator: ", "))"
        for district in scenario.districts {
            if !districtIDs.insert(district.id).inserted {
                out.error(at: district.location, "duplicate district id '\(district.id)'", hint: "give each district its own id")
            }
            checkFixedRatios(district.projection.fixedRatios, standards: scenario.standards, into: &out)
            // Zones.
            for zone in district.effectiveZones where !zoneIDs.insert(zone.id).inserted {
                out.error(at: zone.location, "duplicate zone id '\(zone.id)'",
                          hint: "zone ids must be unique across the scenario (a district without zones is a zone named after it)")
            }
            if !district.zones.isEmpty {
                let total = district.zones.reduce(0) { $0 + $1.share }
                if abs(total - 1) > Self.shareTolerance {
                    out.error(at: district.zones[0].location,
                              "the zone shares of '\(district.id)' add up to \(Self.format(total)), not 1",
                              hint: "make the shares of the district's zones add up to 1")
                }
            }
            // Births: one unbroken run of years.
            let birthYears = district.births.keys.sorted()
            if let first = birthYears.first, let last = birthYears.last, last - first + 1 != birthYears.count {
                let missing = (first...last).filter { district.births[$0] == nil }
                out.error(at: district.birthsLocation,
                          "births of '\(district.id)' skip \(missing.map(String.init).joined(separator: ", "))",
                          hint: "list births for every year from \(first) to \(last)")
            }
            checkEnrollment(district, scenario: scenario, stageIDs: stageIDs, into: &out)
            for (stage, migration) in district.migration.sorted(by: { $0.key < $1.key }) where !stageIDs.contains(stage) {
                out.error(at: migration.location, "migration names stage '\(stage)', which is not a stage", hint: stagesHint)
            }
            checkHousing(district, scenario: scenario, stageIDs: stageIDs, into: &out)
        }
        return zoneIDs
    }

    private func checkEnrollment(_ district: District, scenario: Scenario, stageIDs: Set<String>,
                                 into out: inout DiagnosticCollector) {
        for year in district.enrollment {
            if year.year > scenario.baseYear {
                out.error(at: year.location, "enrolment of \(year.year) is after the base year \(scenario.baseYear)",
                          hint: "only counted years up to 'base_year' belong here; raise 'base_year' or remove \(year.year)")
            }
            for (stageID, row) in year.rows.sorted(by: { $0.key < $1.key }) {
                guard let stage = scenario.standards.stage(stageID) else {
                    out.error(at: row.location, "enrolment names stage '\(stageID)', which is not a stage",
                              hint: "use one of: \(scenario.standards.stages.map(\.id).joined(separator: ", "))")
                    continue
                }
                if row.counts.count != stage.grades {
                    out.error(at: row.location,
                              "the \(stageID) enrolment of \(year.year) lists \(row.counts.count) grades; '\(stageID)' has \(stage.grades)",
                              hint: "list one count per grade, first grade first")
                }
            }
        }
        guard let base = district.enrollment.first(where: { $0.year == scenario.baseYear }) else {
            out.error(at: district.location, "district '\(district.id)' has no enrolment for the base year \(scenario.baseYear)",
                      hint: "add 'enrollment: \(scenario.baseYear):' with every stage, or set 'base_year' to its latest counted year")
            return
        }
        for stage in scenario.standards.stages where base.rows[stage.id] == nil {
            out.error(at: base.location, "the base-year enrolment of '\(district.id)' has no '\(stage.id)'",
                      hint: "add '\(stage.id): [...]' with \(stage.grades) counts (zeros where the stage has no pupils)")
        }
    }

    private func checkHousing(_ district: District, scenario: Scenario, stageIDs: Set<String>,
                              into out: inout DiagnosticCollector) {
        let ownZones = Set(district.zones.map(\.id))
        for housing in district.housing {
            if let zone = housing.zone {
                let known = district.zones.isEmpty ? zone == district.id : ownZones.contains(zone)
                if !known {
                    out.error(at: housing.zoneLocation ?? housing.location,
                              "housing '\(housing.name)' names zone '\(zone)', which is not a zone of '\(district.id)'",
                              hint: district.zones.isEmpty ? "leave 'zone' out: '\(district.id)' has no zones"
                                                           : "use one of: \(district.zones.map(\.id).joined(separator: ", "))")
                }
            } else if !district.zones.isEmpty {
                out.error(at: housing.location, "housing '\(housing.name)' has no 'zone', and '\(district.id)' has zones",
                          hint: "add 'zone:' with one of: \(district.zones.map(\.id).joined(separator: ", "))")
            }
            for (stage, location) in housing.yieldLocations.sorted(by: { $0.key < $1.key }) where !stageIDs.contains(stage) {
                out.error(at: location, "housing yield names stage '\(stage)', which is not a stage",
                          hint: "use one of: \(scenario.standards.stages.map(\.id).joined(separator: ", "))")
            }
            if let early = housing.dwellings.keys.filter({ $0 <= scenario.baseYear }).min() {
                out.warning(at: housing.location,
                            "housing '\(housing.name)' has dwellings completed in \(early), in or before the base year",
                            hint: "their pupils are taken as already counted, except the part of the ramp still to come")
            }
            if let late = housing.dwellings.keys.filter({ $0 > scenario.baseYear + scenario.horizon }).min() {
                out.warning(at: housing.location, "housing '\(housing.name)' completes dwellings in \(late), after the horizon",
                            hint: "they do not show in any projected year; extend 'horizon' to see them")
            }
        }
    }

    // MARK: Schools and plans

    private func checkSchools(_ scenario: Scenario, zoneIDs: Set<String>, stageIDs: Set<String>,
                              into out: inout DiagnosticCollector) {
        var schoolIDs: Set<String> = []
        // "Did you mean" compares with every zone id: only for a list a person would read, and for the first
        // schools in error (a shifted column of a large schools table would otherwise take hours).
        // Sorted, so that a tie gives the same suggestion on every run.
        var suggestionsLeft = zoneIDs.count <= 2000 ? 100 : 0
        var candidates: [String] = []
        for school in scenario.schools {
            if !schoolIDs.insert(school.id).inserted {
                out.error(at: school.location, "duplicate school id '\(school.id)'", hint: "give each school its own id")
            }
            if !zoneIDs.contains(school.zone) {
                var suggestion = ""
                if suggestionsLeft > 0 {
                    suggestionsLeft -= 1
                    if candidates.isEmpty { candidates = zoneIDs.sorted() }
                    suggestion = YAMLReader.closest(to: school.zone, in: candidates).map { "did you mean '\($0)'? " } ?? ""
                }
                out.error(at: school.location, "school '\(school.id)' is in zone '\(school.zone)', which is not a zone",
                          hint: "\(suggestion)use a zone id of a district (or the district id, for a district without zones)")
            }
            var seen: Set<String> = []
            for entry in school.classrooms {
                if !stageIDs.contains(entry.stage) && entry.stage != specialClassroomsKey {
                    out.error(at: entry.location, "school '\(school.id)' has classrooms for stage '\(entry.stage)', which is not a stage",
                              hint: "use one of: \(scenario.standards.stages.map(\.id).joined(separator: ", "))")
                }
                if !seen.insert(entry.stage).inserted {
                    out.error(at: entry.location, "stage '\(entry.stage)' is given twice for school '\(school.id)'",
                              hint: "give each stage's classrooms once")
                }
            }
            if let closes = school.closes, closes <= scenario.baseYear {
                out.warning(at: school.location, "school '\(school.id)' closes in \(closes), not after the base year",
                            hint: "it has no seat in any reported year; remove it or correct 'closes'")
            }
        }
    }

    /// Checks the plans by compiling them (resolving `based_on`, building each network); returns the result.
    private func checkPlans(_ scenario: Scenario, into out: inout DiagnosticCollector) -> CompiledScenario {
        var planIDs: Set<String> = [Plan.baselineID]
        for plan in scenario.plans where !planIDs.insert(plan.id).inserted {
            out.error(at: plan.location,
                      plan.id == Plan.baselineID ? "the plan id 'baseline' is reserved for the run without projects"
                                                 : "duplicate plan id '\(plan.id)'",
                      hint: "give each plan its own id")
        }
        var planDiagnostics = DiagnosticCollector()
        let compiled = CompiledScenario(scenario, diagnostics: &planDiagnostics)
        let resolved = compiled.plans
        for plan in resolved {
            checkPlanCost(plan, scenario: scenario, into: &out)
        }
        let lastYear = scenario.baseYear + scenario.horizon
        for plan in scenario.plans {
            for project in plan.projects {
                if project.year > lastYear {
                    planDiagnostics.warning(at: project.location,
                                            "this \(project.kind.rawValue) takes effect in \(project.year), after the horizon (\(lastYear))",
                                            hint: "it changes no reported year; extend 'horizon' or correct the year")
                }
                if project.year <= scenario.baseYear {
                    planDiagnostics.warning(at: project.location,
                                            "this \(project.kind.rawValue) takes effect in \(project.year), not after the base year",
                                            hint: "the base year shows the plan's projects as if done; a project already done belongs under 'schools'")
                }
            }
        }
        for plan in resolved {
            for applied in plan.projects where applied.delayedBy > 0 && applied.year > lastYear
                && applied.project.year <= lastYear {
                let delay = scenario.plans.first { $0.id == plan.id }?.delays.first { $0.target == applied.project.school }
                planDiagnostics.warning(at: delay?.location ?? applied.project.location,
                                        "plan '\(plan.id)' delays '\(applied.project.school)' to \(applied.year), after the horizon (\(lastYear))",
                                        hint: "its seats show in no reported year; extend 'horizon' to see them")
            }
        }
        // A project inherited by several plans is reported once.
        var seen: Set<Diagnostic> = []
        for diagnostic in planDiagnostics.diagnostics where seen.insert(diagnostic).inserted {
            out.add(diagnostic)
        }
        return compiled
    }

    // MARK: What the projection needs

    /// Every ratio has a fixed value or an observation; births cover every entry year.
    private func checkEstimability(_ scenario: Scenario, into out: inout DiagnosticCollector) {
        for district in scenario.districts {
            let settings = scenario.projection.overridden(by: district.projection)
            for stage in scenario.standards.stages {
                for grade in 1...stage.grades where settings.fixedRatio(stage: stage.id, grade: grade) == nil {
                    let observations = RatioObservations.collect(district: district, stage: stage, grade: grade,
                                                                 standards: scenario.standards,
                                                                 excluding: settings.excludedYears)
                    guard observations.values.isEmpty else { continue }
                    let what = observations.kind == .entry
                        ? "the entry ratio of '\(stage.id)' (grade 1 ÷ births \(entryAge(stage)) years before)"
                        : "the progression ratio into grade \(grade) of '\(stage.id)'"
                    out.error(at: district.enrollmentLocation,
                              "\(what) in district '\(district.id)' cannot be estimated: no observed value and no fixed value",
                              hint: observations.kind == .entry
                                ? "list births for the years before the counted enrolment, or add '{ stage: \(stage.id), grade: 1, value: … }' under 'projection: ratios:'"
                                : "add enrolment for two consecutive years, or '{ stage: \(stage.id), grade: \(grade), value: … }' under 'projection: ratios:'")
                }
            }
            checkBirthsCoverage(district, settings: settings, scenario: scenario, into: &out)
        }
    }

    private func entryAge(_ stage: Stage) -> Int {
        if case .births(let age) = stage.feed { return age }
        return 0
    }

    private func checkBirthsCoverage(_ district: District, settings: ProjectionSettings, scenario: Scenario,
                                     into out: inout DiagnosticCollector) {
        var needed: Set<Int> = []
        for stage in scenario.standards.stages {
            guard case .births(let age) = stage.feed else { continue }
            for year in (scenario.baseYear + 1)...(scenario.baseYear + scenario.horizon) { needed.insert(year - age) }
        }
        guard let earliest = needed.min(), let latest = needed.max() else { return }
        var settings = settings
        settings.births = BirthsSelector.resolve(settings.births, births: district.births).0
        let method = settings.births.method
        guard let first = district.births.keys.min(), let last = district.births.keys.max() else {
            out.error(at: district.birthsLocation, "district '\(district.id)' lists no births, and its entry grades need births from \(earliest)",
                      hint: "add 'births: { YEAR: COUNT, … }' up to \(min(latest, scenario.baseYear))")
            return
        }
        if earliest < first {
            out.error(at: district.birthsLocation,
                      "births of '\(district.id)' start in \(first), but entries in the projected years need births from \(earliest)",
                      hint: earliest >= 1900 ? "list births from \(earliest) on"
                          : "births before 1900 cannot be listed: lower the stages' 'entry_age' or correct 'base_year'")
        }
        guard latest > last else { return }
        if method == .given {
            let missing = ((last + 1)...latest).map(String.init).joined(separator: ", ")
            out.error(at: district.birthsLocation,
                      "births method 'given' but births of '\(district.id)' are missing for \(missing)",
                      hint: "list the future births too, or project them with 'method: linear', 'exponential' or 'constant'")
            return
        }
        let window = district.births.keys.sorted().suffix(settings.births.fitWindow)
        let minimum = BirthsTrendFit.minimumYears(for: method)
        if window.count < minimum {
            out.error(at: district.birthsLocation,
                      "the \(method.rawValue) births trend of '\(district.id)' needs \(minimum) listed years to fit, and has \(window.count)",
                      hint: "list more birth years (or raise 'fit_window'), or use 'method: constant'")
        } else if method == .exponential, let zero = window.first(where: { (district.births[$0] ?? 0) <= 0 }) {
            out.error(at: district.birthsLocation,
                      "the exponential births trend of '\(district.id)' cannot use \(zero), which has 0 births (ln 0)",
                      hint: "use 'method: linear' or 'constant', or correct the births of \(zero)")
        }
        checkBirthsTrend(district, settings: settings, needed: (last + 1)...latest, into: &out)
    }

    /// Warns when the births trend, held after `extend` years, projects a year's births below half or above
    /// 1.5 times the last listed count (MODEL.md, Demand item 4): a trend carried past what its data say.
    private func checkBirthsTrend(_ district: District, settings: ProjectionSettings, needed: ClosedRange<Int>,
                                  into out: inout DiagnosticCollector) {
        guard let last = district.births.keys.max(), let lastCount = district.births[last], lastCount > 0,
              let fit = try? BirthsTrendFit.fit(district.births, method: settings.births.method,
                                                 window: settings.births.fitWindow) else { return }
        let series = BirthsSeries(listed: district.births, method: settings.births.method, fit: fit,
                                  extend: settings.births.extend)
        for year in needed {
            guard let projected = series.births(in: year) else { continue }
            let ratio = projected / lastCount
            guard ratio < 0.5 || ratio > 1.5 else { continue }
            let held = series.trendYear(year) < year ? " (the trend held from \(series.trendYear(year)))" : ""
            out.warning(at: district.birthsLocation,
                        "the \(settings.births.method.rawValue) births trend of '\(district.id)' projects \(Self.format(projected.rounded())) births for \(year)\(held), \(ratio < 0.5 ? "below half" : "above 1.5 times") the last listed (\(Self.format(lastCount)) in \(last))",
                        hint: "check that this is meant: a shorter 'extend' holds the trend sooner, 'method: constant' keeps the recent mean, or list the births of later years")
            return
        }
    }

    static func format(_ x: Double) -> String {
        let text = String(format: "%.6f", x)
        return text.contains(".") ? String(text.reversed().drop { $0 == "0" }.reversed()).trimmingSuffix(".") : text
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}

import Foundation
