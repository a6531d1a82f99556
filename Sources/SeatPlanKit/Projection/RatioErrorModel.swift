import Foundation

/// The one-year-ahead log errors `r = ln x̂_y − ln x_y` of one unit's ratio estimates in one year `y` (the
/// later year of the ratio), summed over the unit's grades: `Σ r`, `Σ r²` and their number. What the ranges
/// of `backtest --draws` and of `run --draws` are estimated from (docs/FORECASTING.md, "Ranges").
///
/// Also the pairs `(r₁, r₂)` of one estimate, made from the values before year `y − 1`, against the ratio of
/// `y − 1` (`r₁`) and of `y` (`r₂`): how an error of the estimate lasts from one year to the next.
struct YearErrors: Sendable, Equatable {
    var sum = 0.0
    var squares = 0.0
    /// `Σ r⁴`: how heavy the errors' tails are (`ErrorTails`).
    var quartics = 0.0
    var count = 0
    /// `Σ r₁ r₂`, `Σ r₁²`, `Σ r₂²` over the pairs whose later year is this one, and their number.
    var pairProducts = 0.0
    var pairFirst = 0.0
    var pairSecond = 0.0
    var pairs = 0

    mutating func add(_ r: Double) {
        sum += r
        squares += r * r
        quartics += r * r * r * r
        count += 1
    }

    /// Adds every sum and count of `other` (the errors of other grades, years or units).
    mutating func add(_ other: YearErrors) {
        sum += other.sum
        squares += other.squares
        quartics += other.quartics
        count += other.count
        pairProducts += other.pairProducts
        pairFirst += other.pairFirst
        pairSecond += other.pairSecond
        pairs += other.pairs
    }

    mutating func addPair(_ first: Double, _ second: Double) {
        pairProducts += first * second
        pairFirst += first * first
        pairSecond += second * second
        pairs += 1
    }

    /// Records the one-year-ahead error of `estimate`, made from the newest `window` values before
    /// `series[i]`: `r` in the year of `series[i]`, and, when the next value is of the next year and the
    /// estimate had its full window (`i ≥ window`), the pair `(r, ln x̂ − ln x_{i+1})` in that year. An
    /// estimate from fewer values errs like a shorter window's, whose errors last longer (a mean over 6 of one
    /// value is `last`: ρ ≈ ½ against 1/7), so its pairs would overstate how long the method's errors last
    /// (unit totals of generated histories over-covered at horizon 3). What `MethodSelector.Scores` (the
    /// backtest) and `HistorySpread` (`run --draws`) both collect, so that their ranges rest on the same errors.
    static func record(_ estimate: Double, at i: Int, of series: [(year: Int, value: Double)], window: Int,
                       into byYear: inout [Int: YearErrors]) {
        let r = log(estimate / series[i].value)
        byYear[series[i].year, default: YearErrors()].add(r)
        if i >= window, i + 1 < series.count, series[i + 1].value > 0, series[i + 1].year == series[i].year + 1 {
            byYear[series[i + 1].year, default: YearErrors()].addPair(r, log(estimate / series[i + 1].value))
        }
    }

    /// The spread `σ = √(Σ r² / n)` over every year given (`nil` with fewer than 2 errors).
    static func spread<S: Sequence>(_ years: S) -> Double? where S.Element == YearErrors {
        ErrorTotals(years).spread
    }
}

/// A unit's `YearErrors` over a run of years added up, and the number of those years with a pair: all that
/// its spread and its part of the lasting share and the drift need (`ErrorShares.persistence`).
struct ErrorTotals: Sendable, Equatable {
    var errors = YearErrors()
    var pairYears = 0
    /// Over the years, `Σ (Σ r₂²)²`, `Σ (Σ r₂²)(Σ r₁²)` and `Σ (Σ r₁²)²` of each year's pairs: the sampling
    /// variance of `δ` (`ErrorShares.persistence`).
    var secondSquares = 0.0, secondFirst = 0.0, firstSquares = 0.0

    mutating func add(_ e: YearErrors) {
        errors.add(e)
        if e.pairs > 0 { pairYears += 1 }
        secondSquares += e.pairSecond * e.pairSecond
        secondFirst += e.pairSecond * e.pairFirst
        firstSquares += e.pairFirst * e.pairFirst
    }

    init() {}

    init<S: Sequence>(_ years: S) where S.Element == YearErrors {
        for e in years { add(e) }
    }

    /// `σ = √(Σ r² / n)` (`nil` with fewer than 2 errors): `YearErrors.spread`.
    var spread: Double? { errors.count >= 2 ? (errors.squares / Double(errors.count)).squareRoot() : nil }
}

/// How the log error of a ratio splits, as shares of its variance `σ²` (docs/FORECASTING.md, "Ranges"):
///
///     r(u, g, y) = σ_u · (√c · Z_y + √w · W_{u,y} + √(1 − c − w) · ε_{u,g,y})
///
/// `Z_y` is common to every unit in year `y`, `W_{u,y}` to the grades of unit `u` in that year, `ε` is a
/// grade's own; all independent standard normals. A draw makes its ratio multipliers `exp(r)` the same way.
///
/// Over the horizon each of the three is `√ρ · (held) + √(1 − ρ) · (fresh each year) + √δ · (a walk)`: `ρ` is
/// the share of an error that lasts (its covariance one and two years ahead over `σ²`), `δ` how much the
/// error's variance grows each further year (the walk's steps, made as the rest, from year 2 on).
struct ErrorShares: Sendable, Equatable {
    /// `c`: the share common to every unit (0 with a single unit: nothing to tell it from `w`).
    var common: Double
    /// `w`: the share the grades of one unit have in common beyond `c`.
    var unit: Double
    /// `ρ`: the share of the error held over the horizon (1: an error of the estimated ratio, the same every
    /// year; 0: independent from year to year).
    var lasting: Double = 1
    /// `δ`: how much an estimate's error variance grows with each further year ahead, as a share of `σ²`
    /// (`Var r_k = σ² (1 + (k − 1) δ)`): the true ratios drift away from any estimate (0: they stay).
    var drift: Double = 0
    /// `ν`: the degrees of freedom of the errors' tails (`ErrorTails`; `.infinity`: normal).
    var tails: Double = .infinity
    /// `1 − c − w`: a grade's own share.
    var own: Double { max(0, 1 - common - unit) }

    /// Every ratio's error its own, held over the horizon.
    static let independent = ErrorShares(common: 0, unit: 0)

    /// Method-of-moments estimates from each unit's errors by year (only the years given: a caller at origin
    /// `T` passes the years `≤ T`). With each unit's errors standardised by its own spread `σ_u` (`spread`):
    /// - the share shared by the grades of a unit, `s = c + w`, is the mean product of two different grades'
    ///   standardised errors of the same unit and year: `s = Σ_{u,y} ((Σ r)² − Σ r²) / σ_u² / Σ_{u,y} n(n − 1)`;
    /// - the common share `c` is the mean product of two different units' mean standardised errors of the same
    ///   year, `a_{u,y} = Σ r / (n σ_u)`: `c = Σ_y ((Σ_u a)² − Σ_u a²) / Σ_y U_y(U_y − 1)` (`U_y` units).
    ///
    /// - the lasting share `ρ` and the drift `δ` from every pair of errors of one estimate one and two years
    ///   ahead (`persistence`).
    ///
    /// `c`, `w`, `ρ` are clamped to `[0, 1]`, `c ≤ s` (`w = s − c`); no pair of units: `c = 0`, `w = s`; no
    /// unit with two grades in a year: `w = 0`; no pair of years: `ρ = 1`, `δ = 0`.
    static func estimate(_ units: [[(year: Int, errors: YearErrors)]]) -> ErrorShares {
        var within = 0.0, withinPairs = 0.0
        var years: [Int: (sum: Double, squares: Double, units: Int)] = [:]
        // Each unit's errors added up once: its spread `σ_u` here, and its part of `ρ` and `δ` (`persistence`).
        let totals = units.map { ErrorTotals($0.lazy.map(\.errors)) }
        for (unit, total) in zip(units, totals) {
            guard let sigma = total.spread, sigma > 0 else { continue }
            let variance = sigma * sigma
            for (year, e) in unit where e.count > 0 {
                let n = Double(e.count)
                if e.count >= 2 {
                    within += (e.sum * e.sum - e.squares) / variance
                    withinPairs += n * (n - 1)
                }
                let a = e.sum / n / sigma
                years[year, default: (0, 0, 0)].sum += a
                years[year, default: (0, 0, 0)].squares += a * a
                years[year, default: (0, 0, 0)].units += 1
            }
        }
        var cross = 0.0, crossPairs = 0.0
        for year in years.keys.sorted() {
            let y = years[year]!
            guard y.units >= 2 else { continue }
            cross += y.sum * y.sum - y.squares
            crossPairs += Double(y.units) * Double(y.units - 1)
        }
        let c = crossPairs > 0 ? clamp(cross / crossPairs) : 0
        let (rho, delta) = persistence(totals)
        let nu = ErrorTails.estimate(zip(units, totals).map { (years: $0.lazy.map(\.errors), totals: $1) })
        guard withinPairs > 0 else { return ErrorShares(common: c, unit: 0, lasting: rho, drift: delta, tails: nu) }
        let s = max(c, clamp(within / withinPairs))
        return ErrorShares(common: c, unit: s - c, lasting: rho, drift: delta, tails: nu)
    }

    /// `ρ` and `δ` from the pairs `(r₁, r₂)` of each unit's errors added up over its years (`ErrorTotals`), each
    /// unit's sums divided by its `σ_u²`. The model gives `Var r₁ = σ²`, `Cov(r₁, r₂) = ρσ²`, `Var r₂ = (1 + δ)σ²`:
    /// - `ρ = Σ r₁ r₂ / Σ r₁²`, plus the small-sample bias of a lag-one correlation, `(1 + 3ρ) / n` (Marriott
    ///   and Pope, 1954), `n` the unit-years with pairs: a single unit's ρ rests on a few years and came out
    ///   too low (its totals' ranges too narrow at long horizons); for many units the term is negligible;
    /// - `δ̂ = R − 1`, `R = Σ r₂² / Σ r₁²`, less its noise: `δ = max(0, δ̂ − Var R / δ̂)` (0 when `δ̂ ≤ 0`),
    ///   `Var R = G/(G − 1) · Σ (a − R b)² / (Σ b)²` over the `G` unit-years (`a = Σ r₂²`, `b = Σ r₁²` of the
    ///   year; `G/(G − 1)` because the `G` terms add up to 0, the cluster-robust correction) — the positive part
    ///   of `δ̂` alone widened the ranges of histories that do not drift, and one unit-year (`G = 1`, whose
    ///   single term is 0) had given its `δ̂` whole (Eau Claire's district at origin 2001: 4.4); no drift from
    ///   fewer than two. At most `maximumDrift`.
    static func persistence(_ units: [ErrorTotals]) -> (lasting: Double, drift: Double) {
        var products = 0.0, first = 0.0, second = 0.0, pairCells = 0
        var secondSquares = 0.0, secondFirst = 0.0, firstSquares = 0.0
        for unit in units {
            guard let sigma = unit.spread, sigma > 0 else { continue }
            let variance = sigma * sigma
            pairCells += unit.pairYears
            products += unit.errors.pairProducts / variance
            first += unit.errors.pairFirst / variance
            second += unit.errors.pairSecond / variance
            secondSquares += unit.secondSquares / (variance * variance)
            secondFirst += unit.secondFirst / (variance * variance)
            firstSquares += unit.firstSquares / (variance * variance)
        }
        guard first > 0, second > 0 else { return (1, 0) }
        var rho = clamp(products / first)
        if pairCells > 0 { rho = clamp(rho + (1 + 3 * rho) / Double(pairCells)) }
        let ratio = second / first
        let noise = max(0, secondSquares - 2 * ratio * secondFirst + ratio * ratio * firstSquares) / (first * first)
            * (pairCells > 1 ? Double(pairCells) / Double(pairCells - 1) : .infinity)
        let raw = ratio - 1
        let delta = raw > 0 && noise.isFinite ? max(0, raw - noise / raw) : 0
        return (rho, delta.isFinite ? min(delta, maximumDrift) : 0)
    }

    /// The largest `δ` estimated or given (`drift_share`): ten times a year's variance added each year; beyond
    /// it a history's errors say nothing a range could use (California's state, the most drifting, has about 1).
    static let maximumDrift = 10.0

    /// `x` within `[0, 1]`; 0 when not finite.
    private static func clamp(_ x: Double) -> Double { x.isFinite ? min(1, max(0, x)) : 0 }
}
