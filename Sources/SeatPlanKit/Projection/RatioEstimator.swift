/// Turns the observed values of a ratio into the one value used for projection (MODEL.md, Demand item 3).
public enum RatioEstimator {
    /// The weights `1, 2, …` of `weighted_mean`, for windows up to 64 (a longer one makes its own).
    private static let weights = (1...64).map(Double.init)

    /// Estimates a ratio from observed values `x_1 … x_n` (oldest first) over the newest `window` of them (all,
    /// if fewer):
    /// - `mean`: `Σx / n` (`gsl_stats_mean`)
    /// - `weighted_mean`: `Σ k·x_k / Σ k`, weights `1…n`, newest heaviest (`gsl_stats_wmean`)
    /// - `median`: the middle value, the mean of the middle two for an even count (`gsl_stats_median_from_sorted_data`)
    /// - `geometric_mean`: `exp(Σ ln x / n)` (`gsl_stats_mean` of the logarithms); 0 when a value is 0
    /// - `last`: `x_n`
    /// - `exponential`: `s_1 = x_1`, `s_k = α·x_k + (1−α)·s_{k−1}`, result `s_n`
    ///
    /// Throws when there is no value (the validator reports that case with its location first).
    public static func estimate(_ values: [Double], using settings: RatioEstimation) throws(GSLError) -> Double {
        let xs = values.suffix(max(settings.window, 1))
        switch settings.method {
        case .mean:
            return try GSL.mean(xs)
        case .weightedMean:
            let weights = xs.count <= Self.weights.count ? Self.weights.prefix(xs.count)
                : (1...xs.count).map(Double.init)[...]
            return try GSL.weightedMean(xs, weights: weights)
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
