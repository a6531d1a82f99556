/// How far the inputs of the projection may move in a Monte Carlo draw (`run --draws`): the
/// `uncertainty` keys of a scenario, with a district's own keys over the scenario's, key by key.
///
/// Defaults (a scenario without `uncertainty`): every estimated ratio varies with the spread of the
/// one-year-ahead errors of its method on the district's own history, a share of it common to every
/// district (estimated from the histories), projected births within the trend's own standard error; fixed
/// ratios, listed births, migration, housing yields and housing delivery do not vary.
public struct UncertaintySettings: Sendable {
    /// The spread of every estimated ratio.
    public enum RatioSpread: Sendable, Equatable {
        /// From the district's history: `σ = R̂ · s`, `s = √(Σ r² / n)` over the one-year-ahead log errors
        /// `r = ln x̂_y − ln x_y` of the district's own method (`HistorySpread`); none with fewer than 2.
        case observed
        /// This standard deviation (0: the ratio does not vary).
        case sd(Double)
    }

    /// The spread of projected births.
    public enum BirthsSpread: Sendable, Equatable {
        /// The trend's standard error of each projected year (`gsl_fit_linear_est`; `sd/√n` for `constant`);
        /// `given` births do not vary.
        case fit
        /// A relative standard deviation of every projected birth (of every listed birth from the base year
        /// on, for `given`); 0: births do not vary.
        case relative(Double)
    }

    public var ratios: RatioSpread
    /// Standard deviations of single ratios (fixed ones included), over `ratios`.
    public var ratioSDs: [RatioSD]
    public var births: BirthsSpread
    /// Factor on migration, drawn uniformly between `low` and `high` per district and stage.
    public var migration: FactorRange
    /// Factor on the yields of a development, drawn uniformly between `low` and `high` per development.
    public var housingYield: FactorRange
    /// Delivery slip of the developments that have no `slip` of their own.
    public var slip: SlipDistribution
    /// `c`: the share of each ratio's variance common to every district in a draw,
    /// `z = √c · z_common + √w · z_district + √(1 − c − w) · z_own`.
    public var commonShare: Share
    /// `w`: the share common to the ratios of one district in a draw, beyond `c` (at most `1 − c`).
    public var districtShare: Share
    /// `ρ`: the share of each ratio's error held over the horizon; the rest is drawn afresh every year,
    /// `z(t) = √ρ · z_held + √(1 − ρ) · z_fresh(t)` (each with the shares `c`, `w` above).
    public var lastingShare: Share
    /// `δ`: how much each ratio's error variance grows with each further year, as a share of `σ²` (the true
    /// ratios drift away from the estimate): `z(t) = √ρ · z_held + √(1 − ρ) · z_fresh(t) + √δ · Σ_{i<t} z_step(i)`.
    public var driftShare: Share
    /// `κ`: the kurtosis of the ratios' errors (3: normal; above: heavy tails, every error of a draw scaled by
    /// one factor so that each is a Student t with `ν = 4 + 6 / (κ − 3)`, `ErrorTails`).
    public var kurtosis: Share

    /// `common_share`, `district_share`, `lasting_share`, `drift_share`, `kurtosis`.
    public enum Share: Sendable, Equatable {
        /// From the districts' histories (`HistorySpread.shares`).
        case estimated
        /// This share (from 0 to 1; `drift_share` up to 10; `kurtosis` from 3 to 100).
        case share(Double)

        /// The share itself, or `estimated` where the histories decide.
        func value(estimated: Double) -> Double {
            switch self {
            case .estimated: return estimated
            case .share(let share): return share
            }
        }
    }

    public init(ratios: RatioSpread, ratioSDs: [RatioSD], births: BirthsSpread, migration: FactorRange,
                housingYield: FactorRange, slip: SlipDistribution, commonShare: Share = .estimated,
                districtShare: Share = .estimated, lastingShare: Share = .estimated, driftShare: Share = .estimated,
                kurtosis: Share = .estimated) {
        self.commonShare = commonShare
        self.districtShare = districtShare
        self.lastingShare = lastingShare
        self.driftShare = driftShare
        self.kurtosis = kurtosis
        self.ratios = ratios
        self.ratioSDs = ratioSDs
        self.births = births
        self.migration = migration
        self.housingYield = housingYield
        self.slip = slip
    }

    /// The shares `(c, w, ρ, δ)` and the tails `ν` a draw uses, `estimated` standing for the histories' where
    /// these settings say so; `w` at most `1 − c` (a district's own `district_share` may meet the scenario's
    /// `common_share`); a given kurtosis `κ` becomes `ν = 4 + 6 / (κ − 3)`.
    func shares(estimated: ErrorShares) -> ErrorShares {
        let c = commonShare.value(estimated: estimated.common)
        return ErrorShares(common: c, unit: min(districtShare.value(estimated: estimated.unit), 1 - c),
                           lasting: lastingShare.value(estimated: estimated.lasting),
                           drift: driftShare.value(estimated: estimated.drift),
                           tails: tails(estimated: estimated.tails))
    }

    /// `ν` of the tails: the histories' where `kurtosis` says `estimated`, else `4 + 6 / (κ − 3)`.
    private func tails(estimated: Double) -> Double {
        switch kurtosis {
        case .estimated: return estimated
        case .share(let kappa): return ErrorTails.degrees(kurtosis: kappa)
        }
    }

    public static let defaults = UncertaintySettings(ratios: .observed, ratioSDs: [], births: .fit,
                                                     migration: .none, housingYield: .none, slip: .onTime)

    /// These settings with the keys an override sets replaced; its `ratio_sd` entries win over these for
    /// the same stage and grade.
    public func overridden(by override: UncertaintyOverride) -> UncertaintySettings {
        var result = self
        if let ratios = override.ratios { result.ratios = ratios }
        if let births = override.births { result.births = births }
        if let migration = override.migration { result.migration = migration }
        if let housingYield = override.housingYield { result.housingYield = housingYield }
        if let slip = override.slip { result.slip = slip }
        if let share = override.commonShare { result.commonShare = share }
        if let share = override.districtShare { result.districtShare = share }
        if let share = override.lastingShare { result.lastingShare = share }
        if let share = override.driftShare { result.driftShare = share }
        if let kurtosis = override.kurtosis { result.kurtosis = kurtosis }
        let replaced = Set(override.ratioSDs.map { "\($0.stage)#\($0.grade)" })
        result.ratioSDs = ratioSDs.filter { !replaced.contains("\($0.stage)#\($0.grade)") } + override.ratioSDs
        return result
    }

    /// The standard deviation given for one ratio, if any.
    public func ratioSD(stage: String, grade: Int) -> RatioSD? {
        ratioSDs.last { $0.stage == stage && $0.grade == grade }
    }
}

/// The `uncertainty` keys as written (in the scenario or a district): each may be left out.
public struct UncertaintyOverride: Sendable {
    public var ratios: UncertaintySettings.RatioSpread?
    public var ratioSDs: [RatioSD] = []
    public var births: UncertaintySettings.BirthsSpread?
    public var migration: FactorRange?
    public var housingYield: FactorRange?
    public var slip: SlipDistribution?
    public var commonShare: UncertaintySettings.Share?
    public var districtShare: UncertaintySettings.Share?
    public var lastingShare: UncertaintySettings.Share?
    public var driftShare: UncertaintySettings.Share?
    public var kurtosis: UncertaintySettings.Share?

    public init() {}
}

/// `{ stage, grade, sd }`: the standard deviation of one ratio (grade 1 of a births-fed stage is its
/// entry ratio).
public struct RatioSD: Sendable {
    public var stage: String
    public var grade: Int
    public var sd: Double
    public var location: SourceLocation

    public init(stage: String, grade: Int, sd: Double, location: SourceLocation) {
        self.stage = stage
        self.grade = grade
        self.sd = sd
        self.location = location
    }
}

/// A factor drawn uniformly in `[low, high]` (`± p` is `[1 − p, 1 + p]`).
public struct FactorRange: Sendable, Equatable {
    public var low: Double
    public var high: Double

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// No variation: the factor is 1.
    public static let none = FactorRange(low: 1, high: 1)

    /// `low + (high − low)·u` for `u` uniform in `[0, 1)`; exactly 1 for `none`.
    public func factor(_ u: Double) -> Double { low + (high - low) * u }
}

/// Whole years by which a development's completions move, with their probabilities (adding up to 1);
/// positive is late.
public struct SlipDistribution: Sendable {
    public var outcomes: [(years: Int, probability: Double)]
    public var location: SourceLocation?

    public init(outcomes: [(years: Int, probability: Double)], location: SourceLocation? = nil) {
        self.outcomes = outcomes.sorted { $0.years < $1.years }
        self.location = location
    }

    /// On time, always.
    public static let onTime = SlipDistribution(outcomes: [(0, 1)])

    /// Whether every outcome is "on time".
    public var isOnTime: Bool { outcomes.allSatisfy { $0.years == 0 || $0.probability == 0 } }

    /// The slip for `u` uniform in `[0, 1)`: the first outcome (shortest slip first) whose cumulative
    /// probability exceeds `u` (the last one when rounding leaves `u` above the total).
    public func years(_ u: Double) -> Int {
        var cumulative = 0.0
        for outcome in outcomes {
            cumulative += outcome.probability
            if u < cumulative { return outcome.years }
        }
        return outcomes.last { $0.probability > 0 }?.years ?? 0
    }
}
