/// `method: auto`: for one district, the averaging method whose projections of each stage's total were the
/// least wrong over the district's own history — a backtest from every counted origin year `T` (fitted on
/// what was known at `T`) to `T+1 … T+3`, scored by the mean absolute percentage error.
///
/// Candidates: mean, weighted mean, median and geometric mean over windows 2–6, the last value, exponential smoothing
/// (α = 0.4 over 6); entry from births with the district's births trend. A tie goes to the candidate listed
/// first. Years in `excluded` give no ratio observation.
struct MethodSelector {
    struct Choice {
        var estimation: RatioEstimation
        /// Mean absolute percentage error of the chosen method, over `cases` (origin, horizon) pairs.
        var mape: Double
        var cases: Int
        /// The second best, for the record.
        var runnerUp: (name: String, mape: Double)?
        var candidates: Int

        var note: String {
            let next = runnerUp.map { "; next \($0.name) \(CSVWriter.format($0.mape, places: 2)) %" } ?? ""
            return "auto: lowest backtest MAPE of \(candidates) methods, \(CSVWriter.format(mape, places: 2)) % over \(cases) case(s)\(next)"
        }
    }

    static let horizons = 1...3

    /// The choice per stage (`nil` where the history gives no case to score).
    static func choose(district: District, stages: [Stage], births: BirthsProjection, excluded: Set<Int>) -> [Choice?] {
        let unit = UnitHistory(district: district, stages: stages)
        let forecaster = OriginForecaster(stages: stages)
        let observations = forecaster.observations(unit, excluding: excluded)
        let candidates: [RatioEstimation] = ForecastMethod.standardSet(entryKnown: true).compactMap {
            if case .cohort(let ratios, _) = $0 { return ratios }
            return nil
        }
        let years = unit.counts.keys.sorted()
        var errors = Array(repeating: Array(repeating: [Double](), count: candidates.count), count: stages.count)
        for origin in years.dropLast() {
            var context = OriginForecaster.Origin(unit, observations: observations, year: origin)
            for (c, estimation) in candidates.enumerated() {
                guard let projection = forecaster.forecast(unit, from: &context, horizon: horizons.upperBound,
                                                           method: .cohort(ratios: estimation, births: births),
                                                           entryKnown: false) else { continue }
                for k in horizons {
                    guard let actual = unit.counts[origin + k] else { continue }
                    for s in stages.indices {
                        let p = projection[s].reduce(0) { $0 + $1[k] }, a = actual[s].reduce(0, +)
                        if a > 0, p.isFinite { errors[s][c].append(abs(p - a) / a * 100) }
                    }
                }
            }
        }
        return stages.indices.map { s in
            let scored = errors[s].enumerated().compactMap { c, e -> (Int, Double, Int)? in
                e.isEmpty ? nil : (c, e.reduce(0, +) / Double(e.count), e.count)
            }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            guard let best = scored.first else { return nil }
            let name = { (e: RatioEstimation) in "\(e.method.rawValue):\(e.window)" }
            return Choice(estimation: candidates[best.0], mape: best.1, cases: best.2,
                          runnerUp: scored.dropFirst().first.map { (name(candidates[$0.0]), $0.1) },
                          candidates: candidates.count)
        }
    }
}
