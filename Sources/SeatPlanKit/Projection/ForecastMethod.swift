/// A way of projecting pupils from an origin year, as compared by backtests and chosen by `method: auto`.
public enum ForecastMethod: Sendable, Hashable, CustomStringConvertible {
    /// Grade progression with averaged ratios; entry from births × averaged entry ratio (unless entry is known).
    case cohort(ratios: RatioEstimation, births: BirthsProjection)
    /// `method: auto` decided at the origin from the unit's history up to it (`MethodSelector`), entry from
    /// births with `births` (unless entry is known).
    case auto(rule: AutoRule, births: BirthsProjection)
    /// Naive baseline: every grade as last counted.
    case carryForward
    /// Naive baseline: each cohort moves up a grade unchanged (all ratios 1); entry as last counted.
    case cohortShift

    /// A stable name for reports: `weighted_mean:3 births=linear:5`, `exponential:6:a0.4 …`,
    /// `carry_forward`, `cohort_shift`; `auto` (or `auto:pooled` … for a rule other than `auto`'s own).
    public var description: String {
        switch self {
        case .auto(let rule, _):
            return rule == MethodSelector.rule ? "auto" : "auto:\(rule.rawValue)"
        case .cohort(let ratios, let births):
            let alpha = ratios.method == .exponential ? ":a\(CSVWriter.format(ratios.alpha, places: 2))" : ""
            return "\(ratios.method.rawValue):\(ratios.window)\(alpha) births=\(births.method.rawValue):\(births.fitWindow)"
        case .carryForward: return "carry_forward"
        case .cohortShift: return "cohort_shift"
        }
    }

    /// The name when entry grades are taken as counted: births play no part, so they are not named.
    public func name(entryKnown: Bool) -> String {
        guard entryKnown, case .cohort(let ratios, _) = self else { return description }
        let alpha = ratios.method == .exponential ? ":a\(CSVWriter.format(ratios.alpha, places: 2))" : ""
        return "\(ratios.method.rawValue):\(ratios.window)\(alpha)"
    }

    public var isNaive: Bool {
        switch self {
        case .cohort, .auto: return false
        case .carryForward, .cohortShift: return true
        }
    }

    /// Chosen at each origin (not one fixed method): left out of the after-the-fact best.
    public var isAuto: Bool {
        if case .auto = self { return true }
        return false
    }

    /// The methods a backtest compares: each averaging method (mean, weighted mean, median, geometric mean) over
    /// windows 2–6 (`last` over 1, exponential smoothing with α = 0.4 over 6), entry from births with a linear
    /// trend over 5 years; then each births trend (linear, exponential, constant over 3 and 5 years) with
    /// weighted means over 3; then `auto` (births `auto` too); then the two naive baselines. With entry known, the births variants
    /// are left out (they would all be the same).
    public static func standardSet(entryKnown: Bool) -> [ForecastMethod] {
        let linear5 = BirthsProjection(method: .linear, fitWindow: 5)
        var methods: [ForecastMethod] = []
        for method in [AveragingMethod.mean, .weightedMean, .median, .geometricMean] {
            for window in 2...6 { methods.append(.cohort(ratios: RatioEstimation(method: method, window: window), births: linear5)) }
        }
        methods.append(.cohort(ratios: RatioEstimation(method: .last, window: 1), births: linear5))
        methods.append(.cohort(ratios: RatioEstimation(method: .exponential, window: 6, alpha: 0.4), births: linear5))
        if !entryKnown {
            for trend in [BirthsTrend.linear, .exponential, .constant] {
                for window in [3, 5] where !(trend == .linear && window == 5) {
                    methods.append(.cohort(ratios: RatioEstimation(method: .weightedMean, window: 3),
                                           births: BirthsProjection(method: trend, fitWindow: window)))
                }
            }
        }
        return methods + [.auto(rule: MethodSelector.rule, births: autoBirths), .carryForward, .cohortShift]
    }

    /// The births of the backtest's `auto`: `births: { method: auto }` (`BirthsSelector`), chosen at each
    /// origin from the births known there (linear over 5 when too few are).
    public static let autoBirths = BirthsProjection(method: .linear, fitWindow: 5, auto: true)
}
