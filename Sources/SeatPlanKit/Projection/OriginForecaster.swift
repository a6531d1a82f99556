/// Projects a unit's pupils from an origin year `T` with a `ForecastMethod`, using only what was known at
/// `T`: counted pupils of years up to `T`, births of calendar years up to `T` (later births from the trend
/// fitted on them). The same recurrence as the scenario projection (`CohortRecurrence`).
struct OriginForecaster {
    let stages: [Stage]
    let recurrence: CohortRecurrence

    init(stages: [Stage]) {
        self.stages = stages
        recurrence = CohortRecurrence(stages: stages)
    }

    /// Observed ratio values of one unit by `[stage][grade]`, as `(year, value)` oldest first, the year being
    /// the later one of the pair (MODEL.md, Demand items 1–2); years in `excluded` give no observation.
    struct Observations {
        var values: [[[(year: Int, value: Double)]]]

        /// The values known at `origin` (observed in `origin` or before), by `[stage][grade]`.
        func known(at origin: Int) -> [[[Double]]] {
            values.map { $0.map { $0.filter { $0.year <= origin }.map(\.value) } }
        }
    }

    /// What is known at one origin year, shared by every method projected from it.
    struct Origin {
        let year: Int
        /// Ratio values observed up to the origin, `[stage][grade]`.
        let known: [[[Double]]]
        /// Births listed up to the origin.
        let births: [Int: Double]
        private var fits: [BirthsProjection: BirthsTrendFit.Held?] = [:]
        private var ratios: [RatioEstimation: [[Double]]?] = [:]

        /// The births candidates' record on the unit's whole series, read at `year` by `auto` births (`nil`:
        /// scored from the births known at `year` when needed).
        private let birthsScores: BirthsSelector.Scores?

        init(_ unit: UnitHistory, observations: Observations, year: Int, birthsScores: BirthsSelector.Scores? = nil) {
            self.year = year
            known = observations.known(at: year)
            births = unit.births.filter { $0.key <= year }
            self.birthsScores = birthsScores
        }

        /// The births trend fitted on the listed births, with the `extend` it runs (`nil` when it cannot be
        /// fitted); with `auto`, the trend `BirthsSelector` chooses from these births. Computed once per trend.
        mutating func fit(_ trend: BirthsProjection) -> BirthsTrendFit.Held? {
            if let done = fits[trend] { return done }
            let chosen = birthsScores.map { BirthsSelector.resolve(trend, scores: $0, at: year) }
                ?? BirthsSelector.resolve(trend, births: births).0
            let fit = births.count >= BirthsTrendFit.minimumYears(for: chosen.method) && chosen.method != .given
                ? try? BirthsTrendFit.fit(births, method: chosen.method, window: chosen.fitWindow) : nil
            let held = fit.map { BirthsTrendFit.Held(fit: $0, extend: chosen.extend) }
            fits[trend] = held
            return held
        }

        /// Every ratio estimated with `estimation` (`nil` when one has no observation), computed once.
        mutating func ratios(_ estimation: RatioEstimation) -> [[Double]]? {
            if let done = ratios[estimation] { return done }
            var result: [[Double]]? = []
            for stage in known {
                var row: [Double] = []
                for values in stage {
                    guard !values.isEmpty, let r = try? RatioEstimator.estimate(values, using: estimation) else {
                        row.append(.nan)
                        continue
                    }
                    row.append(r)
                }
                result?.append(row)
            }
            ratios[estimation] = result
            return result
        }
    }

    func observations(_ unit: UnitHistory, excluding excluded: Set<Int> = []) -> Observations {
        let years = unit.counts.keys.sorted()
        var values = stages.map { Array(repeating: [(year: Int, value: Double)](), count: $0.grades) }
        for y in years where !excluded.contains(y) {
            guard let now = unit.counts[y] else { continue }
            let before = excluded.contains(y - 1) ? nil : unit.counts[y - 1]
            for (s, stage) in stages.enumerated() {
                for g in 0..<stage.grades {
                    let denominator: Double?
                    if g > 0 {
                        denominator = before?[s][g - 1]
                    } else if let f = recurrence.feeder[s] {
                        denominator = before?[f].last
                    } else if case .births(let age) = stage.feed {
                        denominator = unit.births[y - age]
                    } else {
                        denominator = nil
                    }
                    if let denominator, denominator > 0 { values[s][g].append((y, now[s][g] / denominator)) }
                }
            }
        }
        return Observations(values: values)
    }

    /// Pupils `[stage][grade][k]` for `k = 0…horizon` (`k = 0` the counted origin year), or `nil` when the
    /// method cannot project this unit from `origin` (a ratio without observation, births that cannot be
    /// fitted, an entry year not counted with `entryKnown`).
    func forecast(_ unit: UnitHistory, observations: Observations, origin: Int, horizon: Int,
                  method: ForecastMethod, entryKnown: Bool) -> [[[Double]]]? {
        var context = Origin(unit, observations: observations, year: origin)
        return forecast(unit, from: &context, horizon: horizon, method: method, entryKnown: entryKnown)
    }

    /// As above, sharing what several methods need from one origin (ratios by estimation, births fits).
    /// `auto` with a rule that chooses (`select`, `pooled`, `pooled_units`) needs the unit's `scores`.
    /// `perturb` multiplies every ratio (a draw of the backtest's ranges; an entry taken as counted is kept).
    func forecast(_ unit: UnitHistory, from context: inout Origin, horizon: Int, method: ForecastMethod,
                  entryKnown: Bool, scores: MethodSelector.Scores? = nil, perturb: [[Double]]? = nil) -> [[[Double]]]? {
        let origin = context.year
        guard let base = unit.counts[origin] else { return nil }
        var ratios = stages.map { Array(repeating: 1.0, count: $0.grades) }
        var births: BirthsTrendFit.Held?
        var birthsMethod = BirthsTrend.linear
        switch method {
        case .carryForward:
            return stages.indices.map { s in
                (0..<stages[s].grades).map { g in
                    (0...horizon).map { k in
                        if k > 0, entryKnown, recurrence.isEntry(stage: s, grade: g) {
                            return unit.counts[origin + k]?[s][0] ?? .nan
                        }
                        return base[s][g]
                    }
                }
            }
        case .cohortShift:
            break
        case .cohort(let estimation, let trend):
            guard let estimated = context.ratios(estimation),
                  let filled = try? fill(ratios, with: estimated, entryKnown: entryKnown) else { return nil }
            ratios = filled
            birthsMethod = trend.method
            if !entryKnown { births = context.fit(trend) }
        case .auto(let rule, let trend):
            guard let estimated = autoRatios(rule, context: &context, scores: scores),
                  let filled = try? fill(ratios, with: estimated, entryKnown: entryKnown) else { return nil }
            ratios = filled
            birthsMethod = trend.method
            if !entryKnown { births = context.fit(trend) }
        }
        if let perturb {
            for s in stages.indices {
                for g in 0..<stages[s].grades { ratios[s][g] *= perturb[s][g] }
            }
        }
        return run(unit, context: context, base: base, ratios: ratios, horizon: horizon, births: births,
                   birthsMethod: birthsMethod, shift: { if case .cohortShift = method { return true } else { return false } }(),
                   entryKnown: entryKnown)
    }

    /// `ratios` with every estimated ratio put in (the entry grade's only when entry is projected); throws
    /// when one that is needed has no estimate.
    private func fill(_ ratios: [[Double]], with estimated: [[Double]], entryKnown: Bool) throws -> [[Double]] {
        var ratios = ratios
        for s in stages.indices {
            for g in 0..<stages[s].grades {
                if entryKnown && recurrence.isEntry(stage: s, grade: g) { continue }
                guard estimated[s][g].isFinite else { throw Unforecastable() }
                ratios[s][g] = estimated[s][g]
            }
        }
        return ratios
    }

    /// The ratios of `auto` at the context's origin: per stage the chosen candidate's (the default
    /// `weighted_mean` over 3 where nothing could be scored), or the mean of every candidate's (`combine`).
    private func autoRatios(_ rule: AutoRule, context: inout Origin, scores: MethodSelector.Scores?) -> [[Double]]? {
        if rule == .combine {
            var sum: [[Double]]?
            for estimation in MethodSelector.candidates {
                guard let r = context.ratios(estimation) else { return nil }
                sum = sum.map { zip($0, r).map { zip($0, $1).map(+) } } ?? r
            }
            let n = Double(MethodSelector.candidates.count)
            return sum?.map { $0.map { $0 / n } }
        }
        guard let scores else { return nil }
        let fallback = ProjectionSettings.defaults.progression
        var result: [[Double]] = []
        for (s, choice) in scores.choices(at: context.year, rule: rule).enumerated() {
            guard let r = context.ratios(choice?.estimation ?? fallback) else { return nil }
            result.append(r[s])
        }
        return result
    }

    private func run(_ unit: UnitHistory, context: Origin, base: [[Double]], ratios: [[Double]], horizon: Int,
                     births: BirthsTrendFit.Held?, birthsMethod: BirthsTrend, shift isShift: Bool,
                     entryKnown: Bool) -> [[[Double]]]? {
        let origin = context.year
        let lastListed = context.births.keys.max()
        do {
            return try recurrence.run(
                base: base, ratios: ratios, horizon: horizon,
                entry: { s, k in
                    if entryKnown {
                        return unit.counts[origin + k]?[s][0] ?? .nan  // not counted: no case for that year
                    }
                    if isShift { return base[s][0] }
                    guard case .births(let age) = self.stages[s].feed else { throw Unforecastable() }
                    let year = origin + k - age
                    if year <= origin, let b = unit.births[year] { return b * ratios[s][0] }
                    guard let last = lastListed, year > last, birthsMethod != .given, let fit = births else {
                        throw Unforecastable()
                    }
                    return fit.fit.projected(year, lastListed: last, extend: fit.extend) * ratios[s][0]
                })
        } catch {
            return nil
        }
    }

    private struct Unforecastable: Error {}
}
