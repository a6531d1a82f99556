/// How observed ratios are averaged into the ratio used for projection (MODEL.md, Demand item 3).
public enum AveragingMethod: String, Sendable, CaseIterable {
    /// Arithmetic mean of the window.
    case mean
    /// Weighted mean with weights `1, 2, …, n`, newest heaviest.
    case weightedMean = "weighted_mean"
    /// Median (mean of the middle two for an even count).
    case median
    /// Geometric mean `exp(Σ ln x / n)` of the window.
    case geometricMean = "geometric_mean"
    /// The newest value.
    case last
    /// `s_1 = x_1`, `s_k = α·x_k + (1−α)·s_{k−1}` from the oldest value of the window.
    case exponential
}

/// How births after the last listed year are projected (MODEL.md, Demand item 4).
public enum BirthsTrend: String, Sendable, CaseIterable {
    /// Least squares `b = c0 + c1·year`.
    case linear
    /// Least squares of `ln b = c0 + c1·year`, then `exp`.
    case exponential
    /// The mean of the fit window.
    case constant
    /// Future births are listed; none is projected.
    case given
}

/// How one kind of ratio (entry or progression) is estimated.
public struct RatioEstimation: Sendable, Hashable {
    public var method: AveragingMethod
    /// Number of newest observed values used (all, if fewer).
    public var window: Int
    /// Smoothing constant of `exponential`.
    public var alpha: Double
    /// `method: auto`: per district and stage, the method with the lowest backtest error over the history
    /// (`method` and `window` are then the fallback when the history is too short to backtest).
    public var auto: Bool

    public init(method: AveragingMethod, window: Int, alpha: Double = 0.4, auto: Bool = false) {
        self.method = method
        self.window = window
        self.alpha = alpha
        self.auto = auto
    }
}

/// How births are projected.
public struct BirthsProjection: Sendable, Hashable {
    public var method: BirthsTrend
    /// Number of newest listed years the trend is fitted on.
    public var fitWindow: Int
    /// `extend` as written: years past the last listed birth year the trend runs (`nil`: `fitWindow`).
    public var extendSetting: Int?
    /// `method: auto`: the trend, window and `extend` chosen from the births' own history (`BirthsSelector`);
    /// `method`, `fitWindow` and `extendSetting` are then the fallback when the history is too short.
    public var auto: Bool

    public init(method: BirthsTrend, fitWindow: Int, extend: Int? = nil, auto: Bool = false) {
        self.method = method
        self.fitWindow = fitWindow
        self.extendSetting = extend
        self.auto = auto
    }

    /// Years past the last listed birth year the trend runs; later years keep the value it reached.
    public var extend: Int { extendSetting ?? fitWindow }
}

/// A ratio fixed by policy instead of estimated (grade 1 of a births-fed stage is its entry ratio).
public struct FixedRatio: Sendable {
    public var stage: String
    public var grade: Int
    public var value: Double
    public var location: SourceLocation

    public init(stage: String, grade: Int, value: Double, location: SourceLocation) {
        self.stage = stage
        self.grade = grade
        self.value = value
        self.location = location
    }
}

/// The resolved projection settings of one district.
///
/// Defaults: progression `weighted_mean` over 3, entry `mean` over 3, births `linear` over 5, α = 0.4.
public struct ProjectionSettings: Sendable {
    public var progression: RatioEstimation
    public var entry: RatioEstimation
    public var births: BirthsProjection
    public var fixedRatios: [FixedRatio]
    /// Years left out of ratio estimation (a ratio observation is skipped when either of its years is one).
    public var excludedYears: Set<Int>
    /// Leave the years of a common shock (`CommonShockDetector` over the scenario's districts) out of ratio
    /// estimation too, as if listed in `excludedYears` (default `true`).
    public var excludeShocks = true

    public init(progression: RatioEstimation, entry: RatioEstimation, births: BirthsProjection,
                fixedRatios: [FixedRatio], excludedYears: Set<Int> = []) {
        self.progression = progression
        self.entry = entry
        self.births = births
        self.fixedRatios = fixedRatios
        self.excludedYears = excludedYears
    }

    public static let defaults = ProjectionSettings(
        progression: RatioEstimation(method: .weightedMean, window: 3),
        entry: RatioEstimation(method: .mean, window: 3),
        births: BirthsProjection(method: .linear, fitWindow: 5),
        fixedRatios: []
    )

    /// These settings with the keys an override sets replaced, key by key; fixed ratios of the
    /// override win over these for the same stage and grade.
    public func overridden(by override: ProjectionOverride) -> ProjectionSettings {
        var result = self
        result.progression = override.progression.applied(to: progression)
        result.entry = override.entry.applied(to: entry)
        if let method = override.births.method { result.births.method = method }
        if let auto = override.births.auto ?? (override.births.method != nil ? false : nil) { result.births.auto = auto }
        if let window = override.births.fitWindow { result.births.fitWindow = window }
        if let extend = override.births.extend { result.births.extendSetting = extend }
        if let years = override.excludedYears { result.excludedYears = Set(years) }
        if let excludeShocks = override.excludeShocks { result.excludeShocks = excludeShocks }
        let replaced = Set(override.fixedRatios.map { "\($0.stage)#\($0.grade)" })
        result.fixedRatios = fixedRatios.filter { !replaced.contains("\($0.stage)#\($0.grade)") }
            + override.fixedRatios
        return result
    }

    /// The fixed value of a ratio, if any.
    public func fixedRatio(stage: String, grade: Int) -> FixedRatio? {
        fixedRatios.last { $0.stage == stage && $0.grade == grade }
    }
}

/// The `projection` keys as written in a file: each may be left out, then the level above applies.
public struct ProjectionOverride: Sendable {
    public struct Ratio: Sendable {
        public var method: AveragingMethod?
        public var window: Int?
        public var alpha: Double?
        /// `method: auto` (`nil`: not said here).
        public var auto: Bool?

        public init(method: AveragingMethod? = nil, window: Int? = nil, alpha: Double? = nil, auto: Bool? = nil) {
            self.method = method
            self.window = window
            self.alpha = alpha
            self.auto = auto
        }

        func applied(to base: RatioEstimation) -> RatioEstimation {
            RatioEstimation(method: method ?? base.method, window: window ?? base.window,
                            alpha: alpha ?? base.alpha, auto: auto ?? (method != nil ? false : base.auto))
        }
    }

    public struct Births: Sendable {
        public var method: BirthsTrend?
        public var fitWindow: Int?
        public var extend: Int?
        /// `method: auto` (`nil`: not said here; a `method` said here without `auto` turns it off).
        public var auto: Bool?

        public init(method: BirthsTrend? = nil, fitWindow: Int? = nil, extend: Int? = nil, auto: Bool? = nil) {
            self.method = method
            self.fitWindow = fitWindow
            self.extend = extend
            self.auto = auto
        }
    }

    public var progression = Ratio()
    public var entry = Ratio()
    public var births = Births()
    public var fixedRatios: [FixedRatio] = []
    /// `exclude_years`, replacing the level above's list when given.
    public var excludedYears: [Int]?
    /// `exclude_shocks`.
    public var excludeShocks: Bool?

    public init() {}
}
