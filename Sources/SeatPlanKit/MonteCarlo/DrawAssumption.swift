/// One number the draws of `run --draws` were made with, for one district, and where it comes from: a row of
/// `uncertainty.csv` (README). The ranges are only as good as these; a planner reads here whether a spread
/// was estimated from the district's own history (and from how many errors of which years) or given.
public struct DrawAssumption: Sendable, Equatable {
    public enum Parameter: String, Sendable, CaseIterable {
        /// `s` of the ratios (`ratios: observed`, a ratio drawn as `R̂ · exp(s·z)`), or their given sd.
        case ratioSpread = "ratio_spread"
        /// A relative sd of projected births, or the trend's standard error (no single value).
        case birthsSpread = "births_spread"
        /// `c`, `w`, `ρ`, `δ` of `ErrorShares` and the kurtosis `κ` of `ErrorTails`.
        case commonShare = "common_share"
        case districtShare = "district_share"
        case lastingShare = "lasting_share"
        case driftShare = "drift_share"
        case kurtosis
    }

    public enum Source: String, Sendable {
        /// From the histories (`HistorySpread`); the default.
        case estimated
        /// Written in the scenario's or the district's `uncertainty`.
        case given
    }

    public var district: String
    public var parameter: Parameter
    /// `nil` where no single number stands for it (births spread by the trend's standard error).
    public var value: Double?
    public var source: Source
    /// The one-year-ahead ratio errors an estimate rests on, and the first and last of their years.
    public var errors: Int?
    public var years: ClosedRange<Int>?
    public var note: String

    /// Fewer years of errors than this, and a district's ratio spread is flagged (`uncertainty.csv`'s note, the
    /// terminal): a spread from so few years is itself uncertain — in the backtest of Eau Claire the district's
    /// ranges from two and three years of errors (origins 2001–2002) missed at h1.
    public static let fewYears = 5

    /// Whether this is a ratio spread estimated from fewer than `fewYears` years of errors.
    public var restsOnFewYears: Bool {
        parameter == .ratioSpread && source == .estimated && (years?.count ?? 0) < Self.fewYears
    }

    /// The assumptions of one district's draws: its ratios' spread, its births' spread (with a births-fed
    /// stage), then the shares and the kurtosis it draws with (`settings.shares`). `own` are the district's
    /// errors, `all` every district's (what the shares are estimated from).
    static func district(_ id: String, settings: UncertaintySettings, shares: ErrorShares, spread: Double?,
                         own: [(year: Int, errors: YearErrors)], all: [[(year: Int, errors: YearErrors)]],
                         districts: Int, birthsFed: Bool) -> [DrawAssumption] {
        let ownCount = Self.count(own), ownYears = Self.years(own)
        let allCount = all.map(Self.count).reduce(0, +)
        let allYears = all.compactMap(Self.years).reduce(nil as ClosedRange<Int>?) { found, years in
            found.map { min($0.lowerBound, years.lowerBound)...max($0.upperBound, years.upperBound) } ?? years
        }
        var rows: [DrawAssumption] = []
        let ownSDs = settings.ratioSDs.isEmpty ? "" : "; \(settings.ratioSDs.count) ratios with their own sd (ratio_sd)"
        switch settings.ratios {
        case .observed:
            let note = spread == nil
                ? "fewer than 2 one-year-ahead errors of its ratios: they do not vary\(ownSDs)"
                : "log spread s of its ratios' one-year-ahead errors (its own method): a ratio drawn as R·exp(s·z)\(ownSDs)"
            var row = DrawAssumption(district: id, parameter: .ratioSpread, value: spread ?? 0, source: .estimated,
                                     errors: ownCount, years: ownYears, note: note)
            if spread != nil, row.restsOnFewYears {
                row.note += "; only \(ownYears?.count ?? 0) year(s) of errors: the spread itself is uncertain"
            }
            rows.append(row)
        case .sd(let sd):
            rows.append(DrawAssumption(district: id, parameter: .ratioSpread, value: sd, source: .given,
                                       note: "standard deviation: a ratio drawn as max(0, R + sd·z)\(ownSDs)"))
        }
        if birthsFed {
            switch settings.births {
            case .fit:
                rows.append(DrawAssumption(district: id, parameter: .birthsSpread, value: nil, source: .estimated,
                                           note: "the births trend's standard error of each projected year (assumptions.csv)"))
            case .relative(let sd):
                rows.append(DrawAssumption(district: id, parameter: .birthsSpread, value: sd, source: .given,
                                           note: "relative standard deviation of each projected year's births"))
            }
        }
        let pooled = districts == 1 ? "from its history" : "from the \(districts) districts' histories"
        let shares: [(Parameter, UncertaintySettings.Share, Double, String)] = [
            (.commonShare, settings.commonShare, shares.common,
             "share of each ratio's error variance common to every district in a draw"
                + (districts == 1 ? " (one district: all its ratios' shared part)" : "")),
            (.districtShare, settings.districtShare, shares.unit,
             "share common to the district's ratios beyond common_share (at most 1 − common_share)"),
            (.lastingShare, settings.lastingShare, shares.lasting,
             "share of an error held over the horizon; the rest is drawn afresh every year"),
            (.driftShare, settings.driftShare, shares.drift,
             "growth of the error variance with each further year, as a share of one year's"),
            (.kurtosis, settings.kurtosis, ErrorTails.kurtosis(degrees: shares.tails),
             shares.tails.isFinite
                ? "heavy tails: every error of a draw a Student t with ν = 4 + 6/(κ − 3) = \(Assumption.plain((shares.tails * 100).rounded() / 100))"
                : "3: normal tails"),
        ]
        for (parameter, setting, value, meaning) in shares {
            let estimated = setting == .estimated
            rows.append(DrawAssumption(district: id, parameter: parameter, value: value,
                                       source: estimated ? .estimated : .given, errors: estimated ? allCount : nil,
                                       years: estimated ? allYears : nil,
                                       note: estimated ? "\(meaning); \(pooled)" : meaning))
        }
        return rows
    }

    private static func count(_ errors: [(year: Int, errors: YearErrors)]) -> Int {
        errors.map(\.errors.count).reduce(0, +)
    }

    /// The first and last year with an error (`nil`: none).
    private static func years(_ errors: [(year: Int, errors: YearErrors)]) -> ClosedRange<Int>? {
        let years = errors.filter { $0.errors.count > 0 }.map(\.year)
        guard let first = years.min(), let last = years.max() else { return nil }
        return first...last
    }
}
