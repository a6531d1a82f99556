/// Turns the observed values of a ratio into the one value used for projection (MODEL.md, Demand item 3).
public enum RatioEstimator {
    /// The newest `window` values of `values` (all, if fewer), oldest first.
    public static func window(_ values: [Double], size: Int) -> [Double] {
        Array(values.suffix(max(size, 1)))
    }

    /// Estimates a ratio from observed values `x_1 … x_n` (oldest first) over the last `window` of them:
    /// - `mean`: `Σx / n` (`gsl_stats_mean`)
    /// - `weighted_mean`: `Σ k·x_k / Σ k`, weights `1…n`, newest heaviest (`gsl_stats_wmean`)
    /// - `median`: the middle value, the mean of the middle two for an even count (`gsl_stats_median_from_sorted_data`)
    /// - `geometric_mean`: `exp(Σ ln x / n)` (`gsl_stats_mean` of the logarithms); 0 when a value is 0
    /// - `last`: `x_n`
    /// - `exponential`: `s_1 = x_1`, `s_k = α·x_k + (1−α)·s_{k−1}`, result `s_n`
    ///
    /// Throws when there is no value (the validator reports that case with its location first).
    public static func estimate(_ values: [Double], using settings: RatioEstimation) throws(GSLError) -> Double {
        let xs = window(values, size: settings.window)
        switch settings.method {
        case .mean:
            return try GSL.mean(xs)
        case .weightedMean:
            return try GSL.weightedMean(xs, weights: (1...max(xs.count, 1)).prefix(xs.count).map(Double.init))
        case .median:
            return try GSL.median(xs)
        case .geometricMean:
            return try GSL.geometricMean(xs)
        case .last:
            guard let last = xs.last else { return try GSL.mean(xs) }
            return last
        case .exponential:
            guard var smoothed = xs.first else { return try GSL.mean(xs) }
            for x in xs.dropFirst() {
                smoothed = settings.alpha * x + (1 - settings.alpha) * smoothed
            }
            return smoothed
        }
    }
}
