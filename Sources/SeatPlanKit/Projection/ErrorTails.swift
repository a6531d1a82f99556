import Foundation

/// How heavy the tails of the ratios' errors are (docs/FORECASTING.md, "Heavy tails"): every error of one draw
/// is scaled by the same factor
///
///     v = √((ν − 2) / X),   X the chi-square quantile with ν degrees of freedom at Φ(z_v),
///
/// `z_v` a normal of the draw shared by every unit (so that the factors of levels with different `ν` rise and
/// fall together). `E v² = 1`: each error keeps its variance `σ²`, and each error and every sum of them —
/// a grade, a total, a province — is a Student t with `ν` degrees of freedom scaled to that variance (a
/// multivariate t: years of turmoil move every ratio at once). Its kurtosis is `κ = 3 + 6 / (ν − 4)`, so
/// `ν = 4 + 6 / (κ − 3)` from the errors' kurtosis (`ν = ∞`, normal errors, for `κ ≤ 3`; `ν > 4` always).
/// A P10–P90 of an error with spread `s` is then `∓ s · t₀.₉(ν) · √((ν − 2) / ν)` (`upper`), narrower than
/// the normal's `∓ 1.2816 s`: California's errors lie within ±1.28 of their spread 87 % of the time.
enum ErrorTails {
    /// The largest kurtosis a scenario may give (`uncertainty.kurtosis`): `ν = 4.06`, as heavy as the model goes.
    static let maximumKurtosis = 100.0

    /// The standard normal's 90th percentile.
    static let normalUpper = 1.2815515655446004

    /// `ν = 4 + 6 / (κ − 3)` for `κ > 3`, else `∞`; `∞` too beyond `ν = 10⁴` (an excess below 0.0006), where a
    /// t's P90 is the normal's within 5·10⁻⁵ and GSL's chi-square quantiles of extreme draws give way.
    static func degrees(kurtosis: Double) -> Double {
        guard kurtosis > 3, kurtosis.isFinite else { return .infinity }
        let nu = 4 + 6 / (kurtosis - 3)
        return nu <= 10_000 ? nu : .infinity
    }

    /// `κ = 3 + 6 / (ν − 4)` (3 for `ν = ∞`).
    static func kurtosis(degrees nu: Double) -> Double {
        nu.isFinite ? 3 + 6 / (nu - 4) : 3
    }

    /// The 90th percentile of a t with `ν` degrees of freedom and variance 1: `t₀.₉(ν) · √((ν − 2) / ν)`
    /// (`normalUpper` for `ν = ∞`).
    static func upper(degrees nu: Double) -> Double {
        guard nu.isFinite else { return normalUpper }
        return GSL.studentTQuantile(upperTail: 0.1, degreesOfFreedom: nu) * ((nu - 2) / nu).squareRoot()
    }

    /// The draw's factor `v = √((ν − 2) / X)` for its shared normal `z` (1 for `ν = ∞`).
    static func scale(degrees nu: Double, normal z: Double) -> Double {
        guard nu.isFinite else { return 1 }
        let x = GSL.chiSquareQuantile(GSL.normalProbability(z), degreesOfFreedom: nu)
        return x > 0 ? ((nu - 2) / x).squareRoot() : 1
    }

    /// `ν` of the errors of a level's units — each unit's errors by year and added up (`ErrorTotals`), divided
    /// by its own `σ_u`: the kurtosis `κ̂ = N A / B²` (`N` errors, `A = Σ r⁴/σ_u⁴`, `B = Σ r²/σ_u²`), less its noise — the
    /// excess `e = κ̂ − 3` kept as `max(0, e − Var κ̂ / e)` (0 for `e ≤ 0`), as the drift keeps `δ̂`, with
    /// `Var κ̂ = G/(G − 1) · Σ (A n + N a − 2 N A b / B)² / B⁴` over the `G` unit-years (the delta method, the
    /// years taken as independent, with the cluster-robust correction: the `G` terms add up to 0; `24 / N` for
    /// single normal errors); none from a single unit-year. A handful of years tells little of a tail: one
    /// unit's excess mostly goes as noise.
    static func estimate<Years: Sequence>(_ units: [(years: Years, totals: ErrorTotals)]) -> Double
        where Years.Element == YearErrors {
        // `N`, `A`, `B`, and over the unit-years (`n`, `a`, `b` of each) `Σ n²`, `Σ a²`, `Σ b²`, `Σ na`, `Σ nb`,
        // `Σ ab`.
        var n = 0.0, a = 0.0, b = 0.0
        var nn = 0.0, aa = 0.0, bb = 0.0, na = 0.0, nb = 0.0, ab = 0.0
        var cells = 0
        for unit in units {
            guard let sigma = unit.totals.spread, sigma > 0 else { continue }
            let v = sigma * sigma
            n += Double(unit.totals.errors.count)
            a += unit.totals.errors.quartics / (v * v)
            b += unit.totals.errors.squares / v
            for year in unit.years where year.count > 0 {
                cells += 1
                let (yn, ya, yb) = (Double(year.count), year.quartics / (v * v), year.squares / v)
                nn += yn * yn
                aa += ya * ya
                bb += yb * yb
                na += yn * ya
                nb += yn * yb
                ab += ya * yb
            }
        }
        guard n > 0, b > 0 else { return .infinity }
        let kappa = n * a / (b * b)
        let excess = kappa - 3
        guard excess > 0, excess.isFinite else { return .infinity }
        let m = 2 * n * a / b
        // Σ (A n + N a − m b)² expanded over the cells' sums.
        let spread = a * a * nn + n * n * aa + m * m * bb + 2 * a * n * na - 2 * a * m * nb - 2 * n * m * ab
        guard cells > 1 else { return .infinity }
        let variance = max(0, spread) / (b * b * b * b) * Double(cells) / Double(cells - 1)
        let kept = max(0, excess - variance / excess)
        return kept > 0 ? degrees(kurtosis: 3 + kept) : .infinity
    }
}
