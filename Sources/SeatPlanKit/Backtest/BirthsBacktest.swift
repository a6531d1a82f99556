/// Which births trend forecasts the entry grade best: for each origin `T` (births known for calendar years
/// `≤ T`, at least 3 of them; counted pupils up to `T`) and births horizon `j`, the entry grade of year
/// `T + A + j` — children born in `T + j`, `j` years after the last birth year known at `T` — is projected
/// as `Ê = ρ̂_T × b̂_T(T + j)` and compared with the counted one (target `entry` of `births.csv`,
/// docs/FORECASTING.md "Births"). Target `births` compares `b̂_T(T + j)` with the births listed for `T + j`
/// (every births series once: a unit whose births are those of the total is not scored again), which needs
/// no enrolment after the births.
///
/// - `ρ̂_T`: the entry ratio, MODEL's default estimate (`mean` of the newest 3 of the observed
///   `E(s, 1, y) / births(y − A)`, `y ≤ T`; years of a common shock left out, as `auto` does), the same for
///   every method, so that only the births differ;
/// - `b̂_T`: each candidate trend of `BirthsSelector` fitted on the births `≤ T` (held after `extend` years);
///   `auto` (and `auto:RULE`) the candidate `BirthsSelector` chooses at `T` from those births alone;
/// - naive baselines: `carry_forward` (the entry grade as counted at `T`) and `last_births` (the births of
///   `T` held: `constant` over 1);
/// - reference, not a method: `births_known` (`ρ̂_T` × the births later listed): the error left when the
///   births are right, which no trend can remove.
public struct BirthsBacktest: Sendable {
    public enum Method: Sendable, Hashable {
        case trend(BirthsProjection)
        case auto(BirthsSelector.Rule)
        case carryForward
        case lastBirths
        case birthsKnown

        /// `method` in `births.csv`: the trend (`linear`, `exponential`, `constant`), `auto`, `auto:RULE`,
        /// `carry_forward`, `last_births` or `births_known`.
        public var name: String {
            switch self {
            case .trend(let trend): return trend.method.rawValue
            case .auto(let rule): return rule == BirthsSelector.rule ? "auto" : "auto:\(rule.rawValue)"
            case .carryForward: return "carry_forward"
            case .lastBirths: return "last_births"
            case .birthsKnown: return "births_known"
            }
        }

        /// A name with the window and `extend`: `linear:5 extend 2`.
        public var label: String {
            if case .trend(let trend) = self { return BirthsSelector.name(trend) }
            return name
        }

        /// Not a forecast (it reads births listed after the origin): never ranked.
        public var isReference: Bool { self == .birthsKnown }
        public var isNaive: Bool { self == .carryForward || self == .lastBirths }
    }

    /// Every candidate trend, then `auto` and the other rules, the naive baselines and the reference.
    public static let methods: [Method] = BirthsSelector.candidates.map { .trend($0) }
        + [.auto(BirthsSelector.rule)] + BirthsSelector.Rule.allCases.filter { $0 != BirthsSelector.rule }.map { .auto($0) }
        + [.carryForward, .lastBirths, .birthsKnown]

    /// Accuracy of one method at one births horizon for one level, stage and target.
    public struct Row: Sendable {
        public var level: UnitHistory.Level
        public var stage: Int
        /// `true`: the entry grade; `false`: the births themselves.
        public var entry: Bool
        public var method: Int
        /// `j`: years past the last birth year known at the origin (the entry year is `T + A + j`).
        public var birthsHorizon: Int
        /// Years after the origin of the entry year, `A + j` (the horizon of `accuracy.csv`; `nil` for births).
        public var horizon: Int?
        public var accuracy: Accuracy
        /// 1 = lowest MAPE at this level, stage and horizon (`nil` for the reference `births_known`).
        public var rank: Int?
    }

    /// `auto`'s choice at one origin, for one unit's births.
    public struct Choice: Sendable {
        public var unit: String
        public var origin: Int
        public var choice: BirthsSelector.Choice
    }

    public struct Result: Sendable {
        public var stages: [Stage]
        public var methods: [Method]
        public var origins: [Int]
        public var horizons: ClosedRange<Int>
        public var rows: [Row]
        /// `auto`'s choices, for the units of the top level (every unit when all are of one level).
        public var choices: [Choice]

        public func accuracy(level: UnitHistory.Level, stage: Int = 0, entry: Bool = true, method: Int,
                             birthsHorizon: Int) -> Accuracy? {
            rows.first {
                $0.level == level && $0.stage == stage && $0.entry == entry && $0.method == method && $0.birthsHorizon == birthsHorizon
            }?.accuracy
        }

        /// The fixed trend with the lowest mean MAPE over the births horizons at `level` (those with cases;
        /// ties: listed first): the best after the fact.
        public func best(level: UnitHistory.Level, stage: Int = 0, entry: Bool = true) -> Int? {
            var sums: [Int: (Double, Int)] = [:]
            for row in rows where row.level == level && row.stage == stage && row.entry == entry {
                guard case .trend = methods[row.method] else { continue }
                let sum = sums[row.method, default: (0, 0)]
                sums[row.method] = (sum.0 + row.accuracy.mape, sum.1 + 1)
            }
            let most = sums.values.map(\.1).max() ?? 0
            return sums.filter { $0.value.1 == most }.min { ($0.value.0, $0.key) < ($1.value.0, $1.key) }?.key
        }
    }

    public init() {}

    /// What a fit depends on: the trend and its window (not `extend`, which only reads the fit).
    static func fitKey(_ trend: BirthsProjection) -> BirthsProjection {
        BirthsProjection(method: trend.method, fitWindow: trend.fitWindow)
    }

    /// - Parameters:
    ///   - horizons: births horizons `j` (years past the last birth year known at the origin)
    ///   - excluded: years whose entry ratios are left out of `ρ̂` (the common shocks)
    public func run(_ units: [UnitHistory], stages: [Stage], origins: [Int], horizons: ClosedRange<Int>,
                    excluded: Set<Int> = []) -> Result {
        let methods = Self.methods
        let levels = UnitHistory.Level.allCases
        let forecaster = OriginForecaster(stages: stages)
        let entryRatio = ProjectionSettings.defaults.entry
        let top = units.first { $0.level != .unit }
        let autoIndex = BirthsSelector.Rule.allCases.firstIndex(of: BirthsSelector.rule)!
        // Percentage errors by [level][stage, then the births target at `stages.count`][method][j − lower],
        // per unit, merged in unit order.
        struct Partial {
            var errors: [[[[[Double]]]]]
            var choices: [Choice] = []
        }
        let empty = levels.map { _ in (0...stages.count).map { _ in methods.map { _ in horizons.map { _ in [Double]() } } } }
        // Every fit a method may need, by `(method, fit_window)`, numbered once (the listed trends, and whatever
        // `auto` may choose: a candidate or the default): each origin fits each at most once.
        let trends = methods.compactMap { method -> BirthsProjection? in
            if case .trend(let trend) = method { return trend }
            return nil
        }
        let fitSlot = (trends + BirthsSelector.candidates + [ProjectionSettings.defaults.births])
            .reduce(into: [BirthsProjection: Int]()) { slots, trend in
                if slots[Self.fitKey(trend)] == nil { slots[Self.fitKey(trend)] = slots.count }
            }
        let partials = Blocks<Partial>(count: units.count)
        Parallel.forEach(count: units.count) { u in
            let unit = units[u]
            var partial = Partial(errors: empty)
            defer { partials.set(u, partial) }
            let level = levels.firstIndex(of: unit.level) ?? 0
            // A series already scored as the total's is not scored again (nor are its choices listed).
            let ownBirths = top == nil || unit.level != .unit || unit.births != top!.births
            let observations = forecaster.observations(unit, excluding: excluded)
            let scores = BirthsSelector.Scores(unit.births)
            let years = unit.births.keys.sorted()
            let values = years.map { unit.births[$0]! }
            for origin in origins {
                guard unit.births[origin] != nil else { continue }
                // The births known at the origin: the listed years up to it, in order.
                let known = years.prefix { $0 <= origin }.count
                guard known >= BirthsSelector.minimumYears else { continue }
                var fits = [BirthsTrendFit??](repeating: nil, count: fitSlot.count)
                let chosen = BirthsSelector.Rule.allCases.map { scores.choice(at: origin, rule: $0) }
                if ownBirths, let mine = chosen[autoIndex] {
                    partial.choices.append(Choice(unit: unit.id, origin: origin, choice: mine))
                }
                // Each method's trend at this origin (`auto`'s choice resolved) and the slot of its fit, found
                // once for all horizons; `nil` for the methods that are not a trend.
                let trendAt = methods.map { method -> (trend: BirthsProjection, fit: Int)? in
                    var trend: BirthsProjection
                    switch method {
                    case .trend(let t): trend = t
                    case .auto(let rule):
                        trend = chosen[BirthsSelector.Rule.allCases.firstIndex(of: rule)!]?.trend ?? ProjectionSettings.defaults.births
                    case .lastBirths, .birthsKnown, .carryForward: return nil
                    }
                    trend.auto = false
                    return fitSlot[Self.fitKey(trend)].map { (trend, $0) }
                }
                /// `b̂(T + j)` of method `m` (`nil`: none; `carry_forward` is not a births forecast).
                func births(_ m: Int, j: Int) -> Double? {
                    switch methods[m] {
                    case .lastBirths: return unit.births[origin]
                    case .birthsKnown: return unit.births[origin + j]
                    case .carryForward: return nil
                    case .trend, .auto: break
                    }
                    guard let (trend, f) = trendAt[m] else { return nil }
                    if fits[f] == nil { fits[f] = .some(try? BirthsTrendFit.fit(
                        years: years[..<known], births: values[..<known], method: trend.method, window: trend.fitWindow)) }
                    return fits[f]!.map { $0.projected(origin + j, lastListed: origin, extend: trend.extend) }
                }
                for j in horizons {
                    let k = j - horizons.lowerBound
                    if ownBirths, let actual = unit.births[origin + j], actual > 0 {
                        for (m, method) in methods.enumerated() where !method.isReference {
                            guard let b = births(m, j: j), b.isFinite else { continue }
                            partial.errors[level][stages.count][m][k].append(100 * (b - actual) / actual)
                        }
                    }
                    guard let base = unit.counts[origin] else { continue }
                    for (s, stage) in stages.enumerated() {
                        guard case .births(let age) = stage.feed,
                              let actual = unit.counts[origin + age + j]?[s][0], actual > 0 else { continue }
                        let ratios = observations.values[s][0].filter { $0.year <= origin }.map(\.value)
                        guard !ratios.isEmpty, let rho = try? RatioEstimator.estimate(ratios, using: entryRatio) else { continue }
                        for (m, method) in methods.enumerated() {
                            let projected = method == .carryForward ? base[s][0] : births(m, j: j).map { rho * $0 }
                            guard let projected, projected.isFinite else { continue }
                            partial.errors[level][s][m][k].append(100 * (projected - actual) / actual)
                        }
                    }
                }
            }
        }
        let done = partials.values
        let choices = done.flatMap(\.choices)
        // Accuracy of every (level, target, method, horizon), its errors gathered in unit order, on every core.
        let targets = stages.count + 1, horizonCount = horizons.count
        let flat = Parallel.map(count: levels.count * targets * methods.count * horizonCount) { i in
            let k = i % horizonCount, m = i / horizonCount % methods.count
            let s = i / (horizonCount * methods.count) % targets, l = i / (horizonCount * methods.count * targets)
            return Accuracy(parts: done.map { $0.errors[l][s][m][k] })
        }
        func accuracy(_ l: Int, _ s: Int, _ m: Int, _ k: Int) -> Accuracy? {
            flat[((l * targets + s) * methods.count + m) * horizonCount + k]
        }
        var rows: [Row] = []
        for (l, level) in levels.enumerated() {
            for s in 0...stages.count {
                let entry = s < stages.count
                var age: Int?
                if entry {
                    guard case .births(let a) = stages[s].feed else { continue }
                    age = a
                }
                for j in horizons {
                    let found = methods.indices.compactMap { m in
                        accuracy(l, s, m, j - horizons.lowerBound).map { (m, $0) }
                    }
                    let ranked = found.filter { !methods[$0.0].isReference }.sorted { ($0.1.mape, $0.0) < ($1.1.mape, $1.0) }
                    let rank = Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($1.0, $0 + 1) })
                    for (m, accuracy) in found {
                        rows.append(Row(level: level, stage: entry ? s : 0, entry: entry, method: m, birthsHorizon: j,
                                        horizon: age.map { $0 + j }, accuracy: accuracy, rank: rank[m]))
                    }
                }
            }
        }
        rows.sort {
            ($0.level.rawValue, $0.entry ? 0 : 1, $0.stage, $0.method, $0.birthsHorizon)
                < ($1.level.rawValue, $1.entry ? 0 : 1, $1.stage, $1.method, $1.birthsHorizon)
        }
        return Result(stages: stages, methods: methods, origins: origins, horizons: horizons, rows: rows, choices: choices)
    }
}
