/// Stage 3 of the pipeline: validated scenario → `Demand` (MODEL.md, "Demand" and "Zones").
///
/// For each district and projected year `Y` (position `t`):
/// - entry grade of a births-fed stage: `E(s,1,Y) = births(Y − A) × ρ_s`
/// - any other grade: `E(s,g,Y) = E(s,g−1,Y−1) × R_{s,g}` (for `g = 1`, the last grade of the feeding stage)
/// - migration: `M(s,Y) / G_s` added to every grade, then carried forward with the cohort
/// - zone demand: `share_z × (cohort + migration) + housing_z`
public struct DemandProjector: Sendable {
    public init() {}

    public func project(_ scenario: Scenario) throws(ScenarioError) -> Demand {
        try prepare(scenario).demand
    }

    /// The projection of every district with the inputs it ran on (`ProjectionInputs`), for draws to vary.
    func prepare(_ scenario: Scenario) throws(ScenarioError) -> PreparedProjection {
        let recurrence = CohortRecurrence(stages: scenario.standards.stages)
        let (order, feeders) = (recurrence.order, recurrence.feeders)
        let shocks = Self.commonShocks(scenario)
        var projections: [DistrictProjection] = []
        var diagnostics = DiagnosticCollector()
        for district in scenario.districts {
            do {
                projections.append(try projectDistrict(district, scenario: scenario, order: order, feeders: feeders,
                                                       shocks: shocks))
            } catch let failure as ProjectionFailure {
                diagnostics.add(failure.diagnostic)
            } catch {
                diagnostics.error(at: district.location, "projection failed: \(error)",
                                  hint: "check this district's history and projection settings")
            }
        }
        if diagnostics.hasErrors { throw ScenarioError(diagnostics.sorted) }
        let demand = Demand(baseYear: scenario.baseYear, horizon: scenario.horizon,
                            districts: projections.map(\.demand), assumptions: projections.flatMap(\.assumptions))
        return PreparedProjection(districts: projections, demand: demand, order: order, feeders: feeders)
    }

    /// Projected pupils stop meaning anything beyond `PlausibilityLimits.pupils` in one grade (ratios
    /// compounding over many years can get there from plausible inputs): an error that says where and what
    /// to check, never a number written as if it were a projection.
    static func checkPlausible(cohort: [[[Double]]], migration: [[[Double]]], district: District, scenario: Scenario)
        throws(ProjectionFailure) {
        for (s, stage) in scenario.standards.stages.enumerated() where s < cohort.count {
            for g in cohort[s].indices {
                for t in cohort[s][g].indices {
                    let pupils = cohort[s][g][t] + migration[s][g][t]
                    guard !pupils.isFinite || pupils > PlausibilityLimits.pupils else { continue }
                    throw ProjectionFailure(diagnostic: .error(
                        at: district.enrollmentLocation,
                        "the projection of '\(district.id)' reaches \(pupils.isFinite ? String(Int(pupils)) : "an infinite number of") pupils in grade \(g + 1) of '\(stage.id)' in \(scenario.baseYear + t), beyond the \(Int(PlausibilityLimits.pupils)) pupils a grade may plausibly hold",
                        hint: "check the ratios and the births trend of this district (assumptions.csv): a ratio far above 1 compounds year after year; fix them with 'projection: ratios' or a shorter horizon"))
                }
            }
        }
    }

    struct ProjectionFailure: Error {
        var diagnostic: Diagnostic
    }

    /// The common shocks of the scenario's counted years (`CommonShockDetector` over its districts: it finds
    /// none among fewer than three); not looked for when no district leaves them out (`exclude_shocks`).
    private static func commonShocks(_ scenario: Scenario) -> [CommonShockDetector.Shock] {
        let settings = scenario.districts.map { scenario.projection.overridden(by: $0.projection) }
        guard settings.contains(where: \.excludeShocks) else { return [] }
        let stages = scenario.standards.stages
        return CommonShockDetector().shocks(in: scenario.districts.map { UnitHistory(district: $0, stages: stages) },
                                            stages: stages).filter { $0.year <= scenario.baseYear }
    }

    private func projectDistrict(_ district: District, scenario: Scenario, order: [Int], feeders: [Int],
                                 shocks: [CommonShockDetector.Shock]) throws -> DistrictProjection {
        let stages = scenario.standards.stages
        let horizon = scenario.horizon
        let settings = scenario.projection.overridden(by: district.projection)
        let exclusion = RatioExclusion(settings: settings, shocks: shocks)
        var assumptions: [Assumption] = []
        let births = try birthsSeries(district, settings: settings, scenario: scenario, assumptions: &assumptions)

        // Ratios, by stage and grade (with `method: auto`, the averaging chosen per stage by a backtest).
        let choices = settings.progression.auto || settings.entry.auto
            ? MethodSelector.choose(district: district, stages: stages, births: settings.births,
                                    excluded: exclusion.years)
            : []
        var ratios: [[Double]] = stages.map { Array(repeating: 0, count: $0.grades) }
        var estimations: [[RatioEstimation?]] = stages.map { Array(repeating: nil, count: $0.grades) }
        for s in order {
            let stage = stages[s]
            let choice = s < choices.count ? choices[s] : nil
            for g in 1...stage.grades {
                let (ratio, estimation, assumption) = try estimateRatio(district: district, stage: stage, grade: g,
                                                                        settings: settings, exclusion: exclusion,
                                                                        standards: scenario.standards, choice: choice)
                ratios[s][g - 1] = ratio
                estimations[s][g - 1] = estimation
                assumptions.append(assumption)
            }
        }

        var cohort = stages.map { Array(repeating: Array(repeating: 0.0, count: horizon + 1), count: $0.grades) }
        var migration = cohort
        for (s, stage) in stages.enumerated() {
            let counts = district.enrollment(year: scenario.baseYear, stage: stage.id) ?? []
            for g in 0..<min(stage.grades, counts.count) { cohort[s][g][0] = counts[g] }
        }
        let inputs = try self.inputs(district, ratios: ratios, births: births, scenario: scenario, order: order)
        Self.projectCohorts(inputs, stages: stages, order: order, feeders: feeders, horizon: horizon,
                            cohort: &cohort, migration: &migration)

        let zones = district.effectiveZones
        let housing = zones.map { zone in
            housingDemand(district.housing.filter { ($0.zone ?? zone.id) == zone.id },
                          stages: stages, baseYear: scenario.baseYear, horizon: horizon)
        }
        try Self.checkPlausible(cohort: cohort, migration: migration, district: district, scenario: scenario)
        let demand = DistrictDemand(cohort: cohort, migration: migration, zoneShares: zones.map(\.share),
                                    zoneHousing: housing)
        assumptions += Self.housingAndMigration(district, migration: migration, scenario: scenario)
        return DistrictProjection(inputs: inputs, births: births, demand: demand, assumptions: assumptions,
                                  estimations: estimations, excluded: exclusion.years)
    }

    /// The assumptions behind housing and migration, per stage and projected year: each development's pupils
    /// (`Housing.pupils`, with its dwellings, yield and ramp), the migration pupils newly admitted, and what
    /// the cohorts have carried of them so far.
    static func housingAndMigration(_ district: District, migration: [[[Double]]], scenario: Scenario) -> [Assumption] {
        var result: [Assumption] = []
        let years = stride(from: 1, through: scenario.horizon, by: 1).map { scenario.baseYear + $0 }
        for development in district.housing {
            let completions = development.completions.map { (year: $0.year, value: $0.dwellings) }
            let ramp = development.ramp.isEmpty ? "full from completion"
                : development.ramp.map(Assumption.plain).joined(separator: ",")
            for stage in scenario.standards.stages {
                guard let yield = development.pupilsPer100Dwellings[stage.id], yield > 0 else { continue }
                for year in years {
                    let pupils = development.pupils(completions: development.completions, yield: yield, year: year,
                                                    baseYear: scenario.baseYear)
                    result.append(Assumption(
                        district: district.id, stage: stage.id, grade: nil, parameter: .housingPupils, year: year,
                        value: pupils, method: development.id ?? development.name, window: nil, observed: completions,
                        note: "zone \(development.zone ?? district.id); \(Assumption.plain(yield)) pupils per 100 dwellings; ramp \(ramp)"))
                }
            }
        }
        for (s, stage) in scenario.standards.stages.enumerated() {
            guard let entry = district.migration[stage.id] else { continue }
            for (t, year) in zip(1..., years) {
                result.append(Assumption(district: district.id, stage: stage.id, grade: nil, parameter: .migrationAdded,
                                         year: year, value: entry.pupils(in: year), method: "given", window: nil,
                                         observed: [], note: "spread evenly over the \(stage.grades) grades"))
                let carried = (0..<stage.grades).reduce(0.0) { $0 + migration[s][$1][t] }
                result.append(Assumption(district: district.id, stage: stage.id, grade: nil, parameter: .migrationCarried,
                                         year: year, value: carried, method: "cohorts", window: nil, observed: [],
                                         note: "migration pupils of every year so far, carried with their cohorts"))
            }
        }
        return result
    }

    /// The births series of a district, with its trend fit (and its assumptions) when births must be projected.
    private func birthsSeries(_ district: District, settings: ProjectionSettings, scenario: Scenario,
                              assumptions: inout [Assumption]) throws -> BirthsSeries {
        let (trend, choice) = BirthsSelector.resolve(settings.births, births: district.births)
        let method = trend.method
        var series = BirthsSeries(listed: district.births, method: method, fit: nil, extend: trend.extend)
        let entryAges = scenario.standards.stages.compactMap { stage -> Int? in
            if case .births(let age) = stage.feed { return age } else { return nil }
        }
        guard let youngest = entryAges.min(), let last = series.lastListedYear else { return series }
        let lastNeeded = scenario.baseYear + scenario.horizon - youngest
        guard lastNeeded > last, method != .given else { return series }
        let fit: BirthsTrendFit
        do {
            fit = try BirthsTrendFit.fit(district.births, method: method, window: trend.fitWindow)
        } catch {
            throw ProjectionFailure(diagnostic: .error(
                at: district.birthsLocation, "the \(method.rawValue) births trend cannot be fitted: \(error.message)",
                hint: "list more birth years or choose 'method: constant'"))
        }
        series.fit = fit
        let note = choice?.note
            ?? (settings.births.auto ? "auto: fewer than 4 listed birth years to backtest; the given trend is used" : "")
        let observed = zip(fit.years, fit.births).map { (year: $0, value: $1) }
        assumptions.append(Assumption(district: district.id, stage: nil, grade: nil, parameter: .birthsIntercept,
                                      value: fit.c0, method: method.rawValue, window: trend.fitWindow,
                                      observed: observed, standardError: fit.c0StandardError, rSquared: fit.rSquared,
                                      note: note))
        assumptions.append(Assumption(district: district.id, stage: nil, grade: nil, parameter: .birthsSlope,
                                      value: fit.c1, method: method.rawValue, window: trend.fitWindow,
                                      observed: observed, standardError: fit.c1StandardError, rSquared: fit.rSquared,
                                      note: note))
        for year in (last + 1)...lastNeeded {
            assumptions.append(Assumption(district: district.id, stage: nil, grade: nil, parameter: .birthsProjected,
                                          year: year, value: series.births(in: year) ?? 0, method: method.rawValue,
                                          window: trend.fitWindow, observed: []))
        }
        return series
    }

    private func estimateRatio(district: District, stage: Stage, grade: Int, settings: ProjectionSettings,
                               exclusion: RatioExclusion, standards: Standards,
                               choice: MethodSelector.Choice?) throws
        -> (value: Double, estimation: RatioEstimation?, assumption: Assumption) {
        var observations = RatioObservations.collect(district: district, stage: stage, grade: grade, standards: standards,
                                                     excluding: exclusion.years)
        var excluded = exclusion
        if observations.values.isEmpty, !exclusion.shocks.isEmpty {
            // A ratio counted only around the shock keeps its observations (only listed years are left out).
            excluded = RatioExclusion(settings: settings, shocks: [])
            observations = RatioObservations.collect(district: district, stage: stage, grade: grade, standards: standards,
                                                     excluding: excluded.years)
        }
        let parameter: Assumption.Parameter = observations.kind == .entry ? .entryRatio : .progressionRatio
        let pairs = zip(observations.years, observations.values).map { (year: $0, value: $1) }
        if let fixed = settings.fixedRatio(stage: stage.id, grade: grade) {
            return (fixed.value, nil, Assumption(district: district.id, stage: stage.id, grade: grade, parameter: parameter,
                                                 value: fixed.value, method: "fixed", window: nil, observed: []))
        }
        var estimation = observations.kind == .entry ? settings.entry : settings.progression
        var note = ""
        if estimation.auto {
            if let choice {
                estimation = choice.estimation
                note = choice.note
            } else {
                note = "auto: the history gives no case to backtest; the default \(estimation.method.rawValue) over \(estimation.window) is used"
            }
        }
        if let said = excluded.note { note += (note.isEmpty ? "" : "; ") + said }
        guard !observations.values.isEmpty else {
            throw ProjectionFailure(diagnostic: .error(
                at: district.enrollmentLocation,
                "the \(parameter.rawValue) of \(district.id) \(stage.id) grade \(grade) cannot be estimated: no observed value",
                hint: "add enrolment history for consecutive years or a fixed value under 'projection: ratios:'"))
        }
        let value = try RatioEstimator.estimate(observations.values, using: estimation)
        let used = Array(pairs.suffix(max(estimation.window, 1)))
        return (value, estimation, Assumption(district: district.id, stage: stage.id, grade: grade, parameter: parameter,
                                              value: value, method: estimation.method.rawValue,
                                              window: estimation.window, observed: used, note: note))
    }

    /// Housing pupils of one zone, `[stage][grade][t]`: `Σ_c dwellings_c × yield/100 × Δramp / G_s`, where
    /// `Δramp = ramp(Y−c)` for completion after the base year and `ramp(Y−c) − ramp(base−c)` otherwise.
    func housingDemand(_ developments: [Housing], stages: [Stage], baseYear: Int, horizon: Int) -> [[[Double]]] {
        var result = stages.map { Array(repeating: Array(repeating: 0.0, count: horizon + 1), count: $0.grades) }
        for (s, stage) in stages.enumerated() {
            for development in developments {
                guard let yield = development.pupilsPer100Dwellings[stage.id], yield > 0 else { continue }
                for t in stride(from: 1, through: horizon, by: 1) {
                    let year = baseYear + t
                    let pupils = development.pupils(completions: development.completions, yield: yield, year: year,
                                                     baseYear: baseYear)
                    for g in 0..<stage.grades { result[s][g][t] += pupils / Double(stage.grades) }
                }
            }
        }
        return result
    }
}
