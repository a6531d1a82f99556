import Foundation

/// `method: auto`: how a unit's own history, up to an origin year `T`, decides the ratios projected from `T`
/// (docs/FORECASTING.md). The scenario projection uses it with `T` = the district's last counted year; the
/// backtest's `auto` with every origin, so that what it scores is what a planner would have run then.
///
/// Candidates: mean, weighted mean, median and geometric mean over windows 2–6, the last value, exponential
/// smoothing (α = 0.4 over 6); never the naive baselines. Years in `excluded` give no ratio observation.
struct MethodSelector {
    /// The rule of `method: auto` and of the backtest's `auto` (the winner of docs/FORECASTING.md).
    static let rule = AutoRule.pooled

    struct Choice {
        var estimation: RatioEstimation
        /// Mean absolute percentage error of the chosen method, over `cases` scored cases.
        var mape: Double
        var cases: Int
        /// The second best, for the record.
        var runnerUp: (name: String, mape: Double)?
        var candidates: Int
        /// What was scored: `select` scores stage totals, the pooled rules one-year-ahead ratios.
        var scored: AutoRule = .select

        var note: String {
            let next = runnerUp.map { "; next \($0.name) \(CSVWriter.format($0.mape, places: 2)) %" } ?? ""
            let what = scored == .select ? "backtest MAPE" : "one-year-ahead ratio MAPE"
            return "auto: lowest \(what) of \(candidates) methods, \(CSVWriter.format(mape, places: 2)) % over \(cases) case(s)\(next)"
        }
    }

    /// The inner backtest's horizons (rule `select`).
    static let horizons = 1...3

    /// The averaging candidates, in the order that breaks ties.
    static let candidates: [RatioEstimation] = ForecastMethod.standardSet(entryKnown: true).compactMap {
        if case .cohort(let ratios, _) = $0 { return ratios }
        return nil
    }

    /// The choice per stage for a scenario's district, at its last counted year (`nil` where the history
    /// gives no case to score).
    static func choose(district: District, stages: [Stage], births: BirthsProjection, excluded: Set<Int>) -> [Choice?] {
        let unit = UnitHistory(district: district, stages: stages)
        let forecaster = OriginForecaster(stages: stages)
        let observations = forecaster.observations(unit, excluding: excluded)
        var contexts: [Int: OriginForecaster.Origin] = [:]
        let scores = Scores(unit, forecaster: forecaster, observations: observations, contexts: &contexts,
                            births: births, entryKnown: false, rules: [rule])
        guard let last = unit.counts.keys.max() else { return stages.map { _ in nil } }
        return scores.choices(at: last, rule: rule)
    }

    /// The record of every candidate on one unit's history, computed once and read at any origin `T`
    /// (only cases whose target year is `≤ T` count there, so a choice at `T` knows nothing later).
    struct Scores {
        let stageCount: Int
        /// Rule `select`: absolute percentage errors of stage totals by `[stage][candidate]`, as
        /// `(target year, error)`.
        private(set) var totals: [[[(year: Int, error: Double)]]]
        /// Rule `pooled`: absolute percentage errors of one-year-ahead ratio estimates by candidate and year
        /// of the estimated ratio, as sums and counts.
        private(set) var ratios: [[Int: Total]]
        /// Rule `pooled_units`: the same summed over every unit of the level (set by the backtest).
        var acrossUnits: [[Int: Total]]?
        /// With `spreads`: the log errors `r = ln x̂ − ln x_y` of the same one-year-ahead estimates, by
        /// candidate and year (`Σ r`, `Σ r²`, n: the spread of a candidate's ratios and how its errors move
        /// together, for the ranges).
        private(set) var logErrors: [[Int: YearErrors]]
        /// The years of `logErrors` of each candidate, oldest first.
        private var logYears: [[Int]] = []
        /// `cumulative[c][i]`: candidate `c`'s errors of the years `logYears[c][0...i]` added up.
        private var cumulative: [[ErrorTotals]] = []

        struct Total: Sendable {
            var sum = 0.0
            var count = 0
        }

        /// `a + b` candidate by candidate and year (in this order: sums do not depend on threads).
        static func add(_ a: [[Int: Total]], _ b: [[Int: Total]]) -> [[Int: Total]] {
            guard !a.isEmpty else { return b }
            return zip(a, b).map { x, y in
                x.merging(y) { Total(sum: $0.sum + $1.sum, count: $0.count + $1.count) }
            }
        }

        /// - Parameters:
        ///   - contexts: what is known at each year, shared with the caller's own forecasts (filled here)
        ///   - entryKnown: entry grades as counted (their ratios are then neither projected nor scored)
        init(_ unit: UnitHistory, forecaster: OriginForecaster, observations: OriginForecaster.Observations,
             contexts: inout [Int: OriginForecaster.Origin], births: BirthsProjection, entryKnown: Bool,
             rules: Set<AutoRule>, spreads: Bool = false) {
            let stages = forecaster.stages
            let candidates = MethodSelector.candidates
            stageCount = stages.count
            totals = stages.map { _ in candidates.map { _ in [] } }
            ratios = candidates.map { _ in [:] }
            logErrors = candidates.map { _ in [:] }
            if rules.contains(.select) {
                let years = unit.counts.keys.sorted()
                for origin in years.dropLast() {
                    var context = contexts[origin] ?? OriginForecaster.Origin(unit, observations: observations, year: origin)
                    for (c, estimation) in candidates.enumerated() {
                        guard let projection = forecaster.forecast(
                            unit, from: &context, horizon: MethodSelector.horizons.upperBound,
                            method: .cohort(ratios: estimation, births: births), entryKnown: entryKnown) else { continue }
                        for k in MethodSelector.horizons {
                            guard let actual = unit.counts[origin + k] else { continue }
                            for s in stages.indices {
                                let p = projection[s].reduce(0) { $0 + $1[k] }, a = actual[s].reduce(0, +)
                                if a > 0, p.isFinite { totals[s][c].append((origin + k, abs(p - a) / a * 100)) }
                            }
                        }
                    }
                    contexts[origin] = context
                }
            }
            if rules.contains(.pooled) || rules.contains(.pooledUnits) || spreads {
                for (s, stage) in observations.values.enumerated() {
                    for (g, series) in stage.enumerated() {
                        if entryKnown, forecaster.recurrence.isEntry(stage: s, grade: g) { continue }
                        let values = series.map(\.value)
                        let span = candidates.map(\.window).max() ?? 1
                        for i in values.indices.dropFirst() where values[i] > 0 {
                            // Every candidate looks at its newest `window` values only.
                            let before = Array(values[max(0, i - span)..<i])
                            for (c, estimation) in candidates.enumerated() {
                                guard let estimate = try? RatioEstimator.estimate(before, using: estimation) else { continue }
                                ratios[c][series[i].year, default: Total()].sum += abs(estimate - values[i]) / values[i] * 100
                                ratios[c][series[i].year, default: Total()].count += 1
                                if spreads, estimate > 0 { YearErrors.record(estimate, at: i, of: series, window: estimation.window, into: &logErrors[c]) }
                            }
                        }
                    }
                }
            }
            logYears = logErrors.map { $0.keys.sorted() }
            cumulative = zip(logErrors, logYears).map { errors, years in
                var running = ErrorTotals()
                return years.map { year in
                    running.add(errors[year]!)
                    return running
                }
            }
        }

        /// `estimation`'s errors of the years `≤ origin` added up (`nil` for a method that is not a candidate,
        /// without `spreads`, or with no error by then).
        func errorTotals(of estimation: RatioEstimation, upTo origin: Int) -> ErrorTotals? {
            guard let c = MethodSelector.candidates.firstIndex(of: estimation), c < logYears.count else { return nil }
            // The number of years `≤ origin` (the years are sorted).
            var low = 0, high = logYears[c].count
            while low < high {
                let middle = (low + high) / 2
                if logYears[c][middle] <= origin { low = middle + 1 } else { high = middle }
            }
            return low > 0 ? cumulative[c][low - 1] : nil
        }

        /// The spread `σ = √(Σ r² / n)` of `estimation`'s one-year-ahead log errors `r` of years `≤ origin`
        /// (`nil` for a method that is not a candidate, without `spreads`, or with fewer than 2 errors).
        func spread(of estimation: RatioEstimation, at origin: Int) -> Double? {
            errorTotals(of: estimation, upTo: origin)?.spread
        }

        /// `estimation`'s one-year-ahead log errors by year, years `≤ origin`, oldest first (none for a method
        /// that is not a candidate, or without `spreads`).
        func yearErrors(of estimation: RatioEstimation, upTo origin: Int) -> [(year: Int, errors: YearErrors)] {
            guard let c = MethodSelector.candidates.firstIndex(of: estimation), c < logYears.count else { return [] }
            return logYears[c].prefix { $0 <= origin }.map { ($0, logErrors[c][$0]!) }
        }

        /// The choice per stage at origin `T` by `rule` (`select` or `pooled`; `nil` where nothing scores).
        func choices(at origin: Int, rule: AutoRule) -> [Choice?] {
            switch rule {
            case .select:
                return (0..<stageCount).map { s in Self.best(totals[s], upTo: origin) }
            case .pooled, .pooledUnits:
                var choice = Self.best(totals: rule == .pooled ? ratios : acrossUnits ?? ratios, upTo: origin)
                choice?.scored = rule
                return (0..<stageCount).map { _ in choice }
            case .combine:
                return (0..<stageCount).map { _ in nil }
            }
        }

        /// The candidate with the lowest mean error over cases of target year `≤ origin`; ties: listed first.
        private static func best(_ errors: [[(year: Int, error: Double)]], upTo origin: Int) -> Choice? {
            var scored: [(c: Int, mape: Double, cases: Int)] = []
            for (c, cases) in errors.enumerated() {
                var sum = 0.0, n = 0
                for e in cases where e.year <= origin {
                    sum += e.error
                    n += 1
                }
                if n > 0 { scored.append((c, sum / Double(n), n)) }
            }
            return choice(scored)
        }

        private static func best(totals: [[Int: Total]], upTo origin: Int) -> Choice? {
            var scored: [(c: Int, mape: Double, cases: Int)] = []
            for (c, byYear) in totals.enumerated() {
                var sum = 0.0, n = 0
                for year in byYear.keys.sorted() where year <= origin {
                    sum += byYear[year]!.sum
                    n += byYear[year]!.count
                }
                if n > 0 { scored.append((c, sum / Double(n), n)) }
            }
            return choice(scored)
        }

        /// The lowest mean error (ties: the candidate listed first), with the runner-up.
        private static func choice(_ scored: [(c: Int, mape: Double, cases: Int)]) -> Choice? {
            let scored = scored.sorted { ($0.mape, $0.c) < ($1.mape, $1.c) }
            guard let first = scored.first else { return nil }
            let name = { (e: RatioEstimation) in "\(e.method.rawValue):\(e.window)" }
            return Choice(estimation: candidates[first.c], mape: first.mape, cases: first.cases,
                          runnerUp: scored.dropFirst().first.map { (name(candidates[$0.c]), $0.mape) },
                          candidates: candidates.count)
        }
    }
}
