/// Everything a Monte Carlo draw needs that is the same in every draw, built once: the central inputs of
/// each district and how far each may move (README, "Uncertainty"), and the zones whose housing varies.
///
/// A ratio's error in projected year `t` is `z(t) = √ρ · z_held + √(1 − ρ) · z_fresh(t) + √δ · Σ_{i<t} z_step(i)`,
/// each part `√c · (common) + √w · (district) + √(1 − c − w) · (own)` (`c` the district's `common_share`, `w`
/// its `district_share`, `ρ` its `lasting_share`, `δ` its `drift_share`): `z_held` drawn once, `z_fresh(t)`
/// afresh every year, and the steps `z_step` of a walk the true ratio takes away from the estimate.
///
/// Random numbers of a draw, in this order, always all of them (so that one input's spread never changes
/// what another input gets): one standard normal `z_common` shared by every district; then for each
/// district in file order, one standard normal `z_own` per ratio (stages in file order, grades in order),
/// one standard normal for births, one uniform per stage for migration, then two uniforms per development
/// in file order (yield factor, then slip). The districts' `z_district`, one each in file order, come from a
/// second stream of the draw; the fresh parts from a third, by the ziggurat: the common one of each year
/// `t`, then for each district in file order its district part of each year, then each ratio's own part of
/// each year (ratios in the order above; `DrawWorker`), drawn only when some district's `ρ` is below 1; the
/// walks' steps from a fourth, in the same order, drawn only when some district's `δ` is above 0.
struct DrawModel: Sendable {
    let baseYear: Int
    let horizon: Int
    /// Grades of each stage.
    let grades: [Int]
    let order: [Int]
    let feeders: [Int]
    let stageList: [Stage]
    /// `common_share`, `district_share`, `lasting_share`, `drift_share` and `kurtosis` as the districts'
    /// histories give them (`HistorySpread.shares`), used where `uncertainty` says `estimated` (the default).
    let estimatedShares: ErrorShares
    let districts: [DistrictModel]
    /// What each district's draws are made with and where each number comes from (`uncertainty.csv`).
    let assumptions: [DrawAssumption]
    /// Zones whose housing changes from draw to draw, and the developments (district, development) of each.
    let varyingZones: [(zone: Int, developments: [(district: Int, development: Int)])]

    /// Whether any district draws a fresh part of its ratio errors (`ρ < 1`); without, the third stream is not
    /// drawn at all (the same numbers: every fresh part would be multiplied by `√(1 − ρ) = 0`).
    let drawsFreshParts: Bool
    /// Whether any district's errors drift (`δ > 0`); without, the fourth stream is not drawn at all.
    let drawsDriftSteps: Bool
    /// Whether any district's errors have heavy tails (`ν < ∞`); without, the fifth stream is not drawn at all.
    let drawsTails: Bool

    var stageCount: Int { grades.count }
    var yearCount: Int { horizon + 1 }

    /// One district: its central projection and the spread of each input.
    struct DistrictModel: Sendable {
        var demand: DistrictDemand
        var inputs: ProjectionInputs
        /// Standard deviation of each ratio, `[stage][grade]` (for an observed spread `R̂ · s`, to first order).
        var ratioSD: [[Double]]
        /// The log spread `s` of each ratio whose spread is observed (`ratios: observed`), drawn as `R̂ · exp(s·z)`,
        /// the backtest's model; 0 where the spread is given as a standard deviation (drawn `max(0, R̂ + σ·z)`).
        var ratioLogSD: [[Double]]
        /// `c` (`common`: common to every district in a draw), `w` (`unit`: to this district's ratios beyond
        /// `c`, at most `1 − c`), `ρ` (`lasting`: held over the horizon) and `δ` (`drift`: its variance's growth
        /// with each further year) of each ratio's error, and its tails `ν` (`ErrorTails`).
        var shares: ErrorShares
        var births: [BirthsVariation]
        var migration: FactorRange
        var developments: [DevelopmentModel]
    }

    /// How one entry of `ProjectionInputs.entryBirths` moves with the district's births shock `z`.
    struct BirthsVariation: Sendable {
        enum Kind: Sendable {
            /// `max(0, mean + z·spread)`: a linear or constant trend and its standard error.
            case additive
            /// `exp(mean + z·spread)`: an exponential trend, on the log scale.
            case logAdditive
            /// `max(0, mean·(1 + z·spread))`: a relative spread.
            case relative
        }

        var stage: Int
        var t: Int
        var kind: Kind
        var mean: Double
        var spread: Double

        func value(_ z: Double) -> Double {
            let value: Double
            switch kind {
            case .additive: value = mean + z * spread
            case .logAdditive: value = Foundation.exp(mean + z * spread)
            case .relative: value = mean * (1 + z * spread)
            }
            return value.isFinite ? max(0, value) : 0
        }
    }

    struct DevelopmentModel: Sendable {
        /// The zone it names (`nil`: the district's only zone).
        var zone: String?
        var completions: [(year: Int, dwellings: Double)]
        var ramp: [Double]
        /// Pupils per 100 dwellings by stage position (0: none).
        var yields: [Double]
        var yieldRange: FactorRange
        var slip: SlipDistribution

        var varies: Bool { yieldRange != .none || !slip.isOnTime }
    }

    init(scenario: Scenario, prepared: PreparedProjection, index: ScenarioIndex) throws(GSLError) {
        let stages = scenario.standards.stages
        baseYear = scenario.baseYear
        horizon = scenario.horizon
        stageList = stages
        grades = stages.map(\.grades)
        order = prepared.order
        feeders = prepared.feeders

        // The one-year-ahead errors of every district's own method on its own history (`HistorySpread`),
        // without the years its projection left out (the listed ones and the common shocks).
        let errors = scenario.districts.indices.map { d in
            HistorySpread.errors(scenario.districts[d], stages: stages, projection: prepared.districts[d])
        }
        let estimatedShares = HistorySpread.shares(errors)
        // Each district's spread `s = √(Σ r² / n)` of its errors (`nil` with fewer than 2): drawn, and written.
        let spreads = errors.map { YearErrors.spread($0.map(\.errors)) }
        self.estimatedShares = estimatedShares
        var districts: [DistrictModel] = []
        for (d, district) in scenario.districts.enumerated() {
            districts.append(try Self.district(district, projection: prepared.districts[d], scenario: scenario,
                                               spread: spreads[d], estimatedShares: estimatedShares))
        }
        self.districts = districts
        let birthsFed = stages.contains { if case .births = $0.feed { true } else { false } }
        assumptions = scenario.districts.indices.flatMap { d in
            DrawAssumption.district(scenario.districts[d].id,
                                    settings: scenario.uncertainty.overridden(by: scenario.districts[d].uncertainty),
                                    shares: districts[d].shares, spread: spreads[d],
                                    own: errors[d], all: errors, districts: errors.count, birthsFed: birthsFed)
        }
        drawsFreshParts = districts.contains { $0.shares.lasting < 1 }
        drawsDriftSteps = districts.contains { $0.shares.drift > 0 }
        drawsTails = districts.contains { $0.shares.tails.isFinite }

        var varying: [(zone: Int, developments: [(district: Int, development: Int)])] = []
        for (z, zone) in index.zones.enumerated() {
            let d = index.districtOfZone[z]
            // The developments of the zone, as `housingDemand` picks them.
            let own = districts[d].developments.indices.filter {
                (districts[d].developments[$0].zone ?? zone.id) == zone.id
            }
            if own.contains(where: { districts[d].developments[$0].varies }) {
                varying.append((z, own.map { (d, $0) }))
            }
        }
        varyingZones = varying
    }

    private static func district(_ district: District, projection: DistrictProjection, scenario: Scenario,
                                 spread: Double?,
                                 estimatedShares: ErrorShares)
        throws(GSLError) -> DistrictModel {
        let stages = scenario.standards.stages
        let settings = scenario.uncertainty.overridden(by: district.uncertainty)
        let projectionSettings = scenario.projection.overridden(by: district.projection)

        // Ratios: a given sd; 0 for a fixed ratio; else the scenario's spread (`observed`: the spread `s` of the
        // district's one-year-ahead log errors, drawn as `R̂ · exp(s·z)`; its sd `R̂ · s` to first order).
        let historySpread = spread ?? 0
        var ratioSD: [[Double]] = stages.map { Array(repeating: 0.0, count: $0.grades) }
        var ratioLogSD = ratioSD
        for (s, stage) in stages.enumerated() {
            for g in 1...max(stage.grades, 1) where g <= stage.grades {
                if let given = settings.ratioSD(stage: stage.id, grade: g) {
                    ratioSD[s][g - 1] = given.sd
                } else if projectionSettings.fixedRatio(stage: stage.id, grade: g) != nil {
                    ratioSD[s][g - 1] = 0
                } else {
                    switch settings.ratios {
                    case .sd(let sd): ratioSD[s][g - 1] = sd
                    case .observed:
                        ratioSD[s][g - 1] = projection.inputs.ratios[s][g - 1] * historySpread
                        ratioLogSD[s][g - 1] = historySpread
                    }
                }
            }
        }

        let births = try birthsVariation(district, projection: projection, spread: settings.births, scenario: scenario)

        let developments = district.housing.map { housing in
            DevelopmentModel(zone: housing.zone, completions: housing.completions, ramp: housing.ramp,
                             yields: stages.map { max(0, housing.pupilsPer100Dwellings[$0.id] ?? 0) },
                             yieldRange: settings.housingYield, slip: housing.slip ?? settings.slip)
        }
        return DistrictModel(demand: projection.demand, inputs: projection.inputs, ratioSD: ratioSD, ratioLogSD: ratioLogSD,
                             shares: settings.shares(estimated: estimatedShares), births: births,
                             migration: settings.migration,
                             developments: developments)
    }

    /// The entries of `entryBirths` that move, and how: projected births within the trend's standard error
    /// of each year (`gsl_fit_linear_est`; `sd/√n` for `constant`), or a relative spread; listed births stay,
    /// except those from the base year on under `given` with a relative spread.
    private static func birthsVariation(_ district: District, projection: DistrictProjection,
                                        spread: UncertaintySettings.BirthsSpread, scenario: Scenario)
        throws(GSLError) -> [BirthsVariation] {
        let series = projection.births
        var line: GSL.LinearFit?
        if case .fit = spread, let fit = series.fit, fit.method == .linear || fit.method == .exponential {
            let ys = fit.method == .linear ? fit.births : fit.births.map { Foundation.log($0) }
            line = try GSL.fitLinear(x: fit.years.map(Double.init), y: ys)
        }
        var result: [BirthsVariation] = []
        for (s, stage) in scenario.standards.stages.enumerated() {
            guard case .births(let age) = stage.feed else { continue }
            for t in stride(from: 1, through: scenario.horizon, by: 1) {
                let year = scenario.baseYear + t - age
                let central = projection.inputs.entryBirths[s][t]
                if series.listed[year] != nil {
                    if series.method == .given, year >= scenario.baseYear, case .relative(let r) = spread, r > 0 {
                        result.append(BirthsVariation(stage: s, t: t, kind: .relative, mean: central, spread: r))
                    }
                    continue
                }
                guard let fit = series.fit else { continue }
                switch spread {
                case .relative(let r):
                    if r > 0 { result.append(BirthsVariation(stage: s, t: t, kind: .relative, mean: central, spread: r)) }
                case .fit:
                    switch fit.method {
                    case .linear, .exponential:
                        guard let line else { continue }
                        let trendYear = series.trendYear(year)
                        let se = try GSL.linearEstimate(line, at: Double(trendYear)).standardError
                        guard se > 0 else { continue }
                        result.append(BirthsVariation(stage: s, t: t, kind: fit.method == .linear ? .additive : .logAdditive,
                                                      mean: fit.c0 + fit.c1 * Double(trendYear), spread: se))
                    case .constant, .given:
                        guard let se = fit.c0StandardError, se > 0 else { continue }
                        result.append(BirthsVariation(stage: s, t: t, kind: .additive, mean: fit.c0, spread: se))
                    }
                }
            }
        }
        return result
    }
}

import Foundation
