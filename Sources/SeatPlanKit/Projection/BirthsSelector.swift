/// `births: { method: auto }`: how a births series, up to its last known year `T`, decides the births trend
/// projected from `T` (docs/FORECASTING.md, "Births"). The scenario projection applies it to a district's
/// listed births (`T` = the last listed year); the backtest's `auto` at every origin, to the births known
/// there (calendar years `≤ T`), so that what it scores is what a planner would have run then.
///
/// - **Candidates** (`candidates`, in the order that breaks ties): `linear` and `exponential` over fit windows
///   3, 5, 8 and all listed years, each with `extend` 0, 2, 5 and 8; then `constant` over the same windows
///   (its `extend` changes nothing). Never `given`.
/// - **Inner origins**: every listed year `t < T` with at least 3 listed years up to it; each candidate is
///   fitted on the births of years `≤ t` and projects `t + j`, `j` in `horizons` (1…8), for every listed
///   `t + j ≤ T`.
/// - **Score** (`rule`): the absolute percentage error `|b̂ − b| / b · 100` of each projected year, averaged
///   per horizon `j`; the score is the mean of these per-horizon MAPEs (each horizon counts once, however
///   many cases it has, so that `extend` — which only tells from horizon `extend + 1` on — is judged).
/// - **Choice**: the lowest score; a tie goes to the candidate listed first. Nothing to score (fewer than 4
///   listed years): `nil`, and the caller keeps the `method` / `fit_window` / `extend` given beside `auto`.
public enum BirthsSelector {
    /// How the candidates' errors are turned into one score (`rule` is `auto`'s; the others are compared by
    /// the births backtest).
    public enum Rule: String, Sendable, CaseIterable {
        /// Mean over horizons `j = 1…8` of the MAPE of the projections `j` years ahead.
        case horizons
        /// MAPE of the one-year-ahead projections only.
        case oneYear = "one_year"
        /// MAPE of every projection `1…8` years ahead, pooled (short horizons, having more cases, weigh more).
        case pooled
    }

    /// The rule of `births: { method: auto }` and of the backtest's `auto` (docs/FORECASTING.md, "Births").
    public static let rule = Rule.horizons
    /// Years ahead scored from each inner origin.
    public static let horizons = 1...8
    /// `fit_window` standing for "all listed years" (the largest a scenario accepts).
    public static let allYears = 100
    /// Listed years an inner origin needs up to it.
    static let minimumYears = 3

    /// The candidate trends, in the order that breaks ties.
    public static let candidates: [BirthsProjection] = {
        let windows = [3, 5, 8, allYears]
        var result: [BirthsProjection] = []
        for method in [BirthsTrend.linear, .exponential] {
            for window in windows {
                for extend in [0, 2, 5, 8] { result.append(BirthsProjection(method: method, fitWindow: window, extend: extend)) }
            }
        }
        for window in windows { result.append(BirthsProjection(method: .constant, fitWindow: window, extend: 0)) }
        return result
    }()

    /// A short name: `linear:5 extend 2`, `exponential:all extend 8`, `constant:3`.
    public static func name(_ trend: BirthsProjection) -> String {
        let window = trend.fitWindow >= allYears ? "all" : "\(trend.fitWindow)"
        return trend.method == .constant || trend.method == .given
            ? "\(trend.method.rawValue):\(window)" : "\(trend.method.rawValue):\(window) extend \(trend.extend)"
    }

    /// What `auto` chose and why.
    public struct Choice: Sendable {
        public var trend: BirthsProjection
        /// The chosen candidate's score (%), over `cases` projected years.
        public var score: Double
        public var cases: Int
        public var runnerUp: (trend: BirthsProjection, score: Double)?
        public var rule: Rule

        /// For `assumptions.csv`: `auto: lowest births MAPE (mean over horizons 1–8) of 36 trends, …`.
        public var note: String {
            let what: String
            switch rule {
            case .horizons: what = "births MAPE (mean over horizons \(horizons.lowerBound)–\(horizons.upperBound))"
            case .oneYear: what = "one-year-ahead births MAPE"
            case .pooled: what = "births MAPE (horizons \(horizons.lowerBound)–\(horizons.upperBound) pooled)"
            }
            let next = runnerUp.map { "; next \(BirthsSelector.name($0.trend)) \(CSVWriter.format($0.score, places: 2)) %" } ?? ""
            return "auto: \(BirthsSelector.name(trend)), lowest \(what) of \(candidates.count) trends, "
                + "\(CSVWriter.format(score, places: 2)) % over \(cases) case(s)\(next)"
        }
    }

    /// The trend a district projects with: `projection` itself, or with `auto` the choice from `births` (the
    /// `method`, `fit_window` and `extend` given beside `auto` when nothing can be scored), and the choice.
    public static func resolve(_ projection: BirthsProjection, births: [Int: Double]) -> (BirthsProjection, Choice?) {
        guard projection.auto else { return (projection, nil) }
        var fallback = projection
        fallback.auto = false
        guard let choice = choose(births) else { return (fallback, nil) }
        return (choice.trend, choice)
    }

    /// The same from a series' `scores` read at `origin` (births of years `≤ origin` only): what `resolve`
    /// gives on the births known at `origin`, without scoring the candidates again for every origin.
    static func resolve(_ projection: BirthsProjection, scores: Scores, at origin: Int) -> BirthsProjection {
        guard projection.auto else { return projection }
        var fallback = projection
        fallback.auto = false
        return scores.choice(at: origin, rule: rule)?.trend ?? fallback
    }

    /// The choice for births listed up to their last year (a scenario's district); `nil` with nothing to score.
    public static func choose(_ births: [Int: Double], rule: Rule = rule) -> Choice? {
        guard let last = births.keys.max() else { return nil }
        return Scores(births).choice(at: last, rule: rule)
    }

    /// Every candidate's errors on one births series, computed once and read at any origin `T` (only
    /// projected years `≤ T` count there, so a choice at `T` knows nothing later).
    public struct Scores: Sendable {
        /// `[candidate]` → `(target year, horizon, absolute percentage error)`.
        private(set) var errors: [[(year: Int, horizon: Int, error: Double)]]
        /// Running sums of `errors` at `((candidate · (H + 1)) + horizon) · span + year − firstYear` (`H` the
        /// last horizon): the sum and number of the errors at that horizon with target years up to that
        /// year, added in year order — the order in which a scan of `errors` meets them, so the sums are the
        /// same to the last bit. One flat array: read for every origin of every unit.
        private var cumulative: [(sum: Double, count: Int)] = []
        private var firstYear = 0, span = 0

        public init(_ births: [Int: Double]) {
            let candidates = BirthsSelector.candidates
            errors = candidates.map { _ in [] }
            let years = births.keys.sorted()
            guard years.count > BirthsSelector.minimumYears else { return }
            let values = years.map { births[$0]! }
            // One fit per method and window at each inner origin, shared by the `extend`s (keyed by the
            // index of the first candidate with that method and window).
            let fitIndex = candidates.map { trend in
                candidates.firstIndex { $0.method == trend.method && $0.fitWindow == trend.fitWindow }!
            }
            var fits = [BirthsTrendFit??](repeating: nil, count: candidates.count)
            for i in (BirthsSelector.minimumYears - 1)..<(years.count - 1) {
                let t = years[i]
                for f in fits.indices { fits[f] = nil }
                for (c, trend) in candidates.enumerated() {
                    let f = fitIndex[c]
                    if fits[f] == nil {
                        fits[f] = .some(try? BirthsTrendFit.fit(years: years[...i], births: values[...i],
                                                                method: trend.method, window: trend.fitWindow))
                    }
                    guard let fit = fits[f]! else { continue }
                    for j in BirthsSelector.horizons {
                        guard let actual = births[t + j], actual > 0 else { continue }
                        let projected = fit.projected(t + j, lastListed: t, extend: trend.extend)
                        errors[c].append((t + j, j, abs(projected - actual) / actual * 100))
                    }
                }
            }
            firstYear = years[0]
            span = years[years.count - 1] - firstYear + 1
            let rows = BirthsSelector.horizons.upperBound + 1
            cumulative = Array(repeating: (0, 0), count: candidates.count * rows * span)
            for (c, cases) in errors.enumerated() {
                for e in cases {
                    cumulative[(c * rows + e.horizon) * span + e.year - firstYear].sum += e.error
                    cumulative[(c * rows + e.horizon) * span + e.year - firstYear].count += 1
                }
                for h in 0..<rows {
                    let row = (c * rows + h) * span
                    for y in 1..<span {
                        cumulative[row + y].sum = cumulative[row + y - 1].sum + cumulative[row + y].sum
                        cumulative[row + y].count += cumulative[row + y - 1].count
                    }
                }
            }
        }

        /// Each candidate's score at origin `T` by `rule`, with its number of cases (`nil`: none).
        public func scores(at origin: Int, rule: Rule) -> [(score: Double, cases: Int)?] {
            let rows = BirthsSelector.horizons.upperBound + 1
            let y = Swift.min(origin - firstYear, span - 1)
            return errors.indices.map { c in
                guard y >= 0 else { return nil }
                // Per horizon in order: the rule's sum (of the sums, or of the per-horizon means) and the cases.
                var total = 0.0, n = 0, scored = 0
                for h in 0..<rows where rule != .oneYear || h == 1 {
                    let (sum, count) = cumulative[(c * rows + h) * span + y]
                    guard count > 0 else { continue }
                    n += count
                    scored += 1
                    total += rule == .horizons ? sum / Double(count) : sum
                }
                guard n > 0 else { return nil }
                return rule == .horizons ? (total / Double(scored), n) : (total / Double(n), n)
            }
        }

        /// The candidate with the lowest score at origin `T` (ties: listed first), with the runner-up.
        public func choice(at origin: Int, rule: Rule) -> Choice? {
            let ranked = scores(at: origin, rule: rule).enumerated()
                .compactMap { c, s in s.map { (c: c, score: $0.score, cases: $0.cases) } }
                .sorted { ($0.score, $0.c) < ($1.score, $1.c) }
            guard let first = ranked.first else { return nil }
            let candidates = BirthsSelector.candidates
            return Choice(trend: candidates[first.c], score: first.score, cases: first.cases,
                          runnerUp: ranked.dropFirst().first.map { (candidates[$0.c], $0.score) }, rule: rule)
        }
    }
}
