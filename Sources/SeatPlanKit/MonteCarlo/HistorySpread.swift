import Foundation

/// The default spreads of `run --draws` (`ratios: observed`, `common_share: estimated`), from the districts'
/// own histories the way `backtest --draws` finds them (docs/FORECASTING.md, "Ranges"): every ratio the
/// district estimates is estimated again in every counted year `y` from the values before `y` with the
/// district's own method (for `auto`, the candidate it chooses), and compared with the value of `y`.
enum HistorySpread {
    /// The one-year-ahead log errors `r = ln x̂_y − ln x_y` of a district's estimated ratios, by year, each
    /// estimated with the averaging its projection used (fixed ratios, and the years the projection left
    /// out, give none), and the pairs of one estimate against the ratios of `y` and `y + 1` (`YearErrors`).
    static func errors(_ district: District, stages: [Stage], projection: DistrictProjection)
        -> [(year: Int, errors: YearErrors)] {
        let unit = UnitHistory(district: district, stages: stages)
        let forecaster = OriginForecaster(stages: stages)
        let observations = forecaster.observations(unit, excluding: projection.excluded)
        var byYear: [Int: YearErrors] = [:]
        for s in stages.indices {
            for (g, series) in observations.values[s].enumerated() {
                guard g < projection.estimations[s].count, let estimation = projection.estimations[s][g] else { continue }
                let values = series.map(\.value)
                for i in values.indices.dropFirst() where values[i] > 0 {
                    let before = Array(values[max(0, i - estimation.window)..<i])
                    guard let estimate = try? RatioEstimator.estimate(before, using: estimation), estimate > 0 else {
                        continue
                    }
                    YearErrors.record(estimate, at: i, of: series, window: estimation.window, into: &byYear)
                }
            }
        }
        return byYear.keys.sorted().map { ($0, byYear[$0]!) }
    }

    /// The estimated shares of `z = √c · z_common + √w · z_district + √(1 − c − w) · z_own`
    /// (`ErrorShares.estimate` over the districts): `c` the share of the errors every district has in common
    /// in a year, `w` the share the ratios of one district have in common beyond it, and `ρ` the share of an
    /// error that lasts from one year to the next, `δ` how its variance grows with each further year, `ν` how
    /// heavy the errors' tails are (`ErrorTails`). With a single district nothing tells `c` and `w` apart: all
    /// of it is `c` (`c + w`, `w = 0`).
    static func shares(_ districts: [[(year: Int, errors: YearErrors)]]) -> ErrorShares {
        var shares = ErrorShares.estimate(districts)
        if districts.count == 1 {
            shares.common += shares.unit
            shares.unit = 0
        }
        return shares
    }
}
