internal import CGSL

/// A GSL routine reported an error status; carries GSL's own message.
public struct GSLError: Error, Sendable, CustomStringConvertible {
    public var status: Int32
    public var routine: String
    public var message: String

    public var description: String { "\(routine) failed: \(message) (GSL status \(status))" }
}

/// Where SeatPlan talks to GSL (with `RandomStream` beside it). No GSL pointer or type leaves `Numerics/`.
///
/// GSL's default error handler aborts the process; `GSL.prepare()` turns it off once, so that every
/// failure comes back as a status that is turned into a `GSLError`.
enum GSL {
    private static let handlerOff: Bool = {
        gsl_set_error_handler_off()
        return true
    }()

    /// Turns GSL's abort-on-error handler off (idempotent, thread-safe through `static let`).
    public static func prepare() {
        _ = handlerOff
    }

    static func check(_ status: Int32, _ routine: String) throws(GSLError) {
        guard status == Int32(GSL_SUCCESS) else {
            let message = gsl_strerror(status).map { String(cString: $0) } ?? "unknown error"
            throw GSLError(status: status, routine: routine, message: message)
        }
    }

    /// Result of an ordinary least-squares fit of `y = c0 + c1·x`.
    public struct LinearFit: Sendable, Equatable {
        public var c0: Double
        public var c1: Double
        /// Standard errors of `c0` and `c1` (`nil` with fewer than 3 points: no degree of freedom left).
        public var c0StandardError: Double?
        public var c1StandardError: Double?
        /// Coefficient of determination `1 − SS_res / SS_tot` (`nil` when all `y` are equal).
        public var rSquared: Double?
        public var n: Int
        /// Sum of squared residuals.
        public var sumOfSquares: Double
        /// The covariance matrix of `(c0, c1)` as `gsl_fit_linear` estimates it from the residuals
        /// (all 0 with fewer than 3 points).
        public var cov00 = 0.0, cov01 = 0.0, cov11 = 0.0

        public func value(at x: Double) -> Double { c0 + c1 * x }
    }

    /// The fitted value at `x` and its standard error with `gsl_fit_linear_est`:
    /// `σ_y(x) = √(cov00 + 2·x·cov01 + x²·cov11)`, the uncertainty of the line itself at `x` (not of a
    /// new observation around it); 0 when the fit has no degree of freedom left.
    public static func linearEstimate(_ fit: LinearFit, at x: Double) throws(GSLError) -> (value: Double, standardError: Double) {
        prepare()
        var y = 0.0, error = 0.0
        try check(gsl_fit_linear_est(x, fit.c0, fit.c1, fit.cov00, fit.cov01, fit.cov11, &y, &error),
                  "gsl_fit_linear_est")
        guard y.isFinite, error.isFinite else {
            throw GSLError(status: Int32(GSL_EOVRFLW), routine: "gsl_fit_linear_est", message: "the estimate is not finite")
        }
        return (y, error)
    }

    /// Sorts `values` in place (`gsl_sort_float`) and returns the quantiles at `fractions` with
    /// `gsl_stats_float_quantile_from_sorted_data`: for `f`, with `i = f·(n − 1)` and `δ = i − ⌊i⌋`,
    /// `q = (1 − δ)·x[⌊i⌋] + δ·x[⌊i⌋ + 1]` over the sorted values (`x[0]` the smallest). An empty
    /// buffer gives NaN.
    public static func quantilesSortingInPlace(_ values: UnsafeMutableBufferPointer<Float>, at fractions: [Double])
        -> [Double] {
        guard let base = values.baseAddress, values.count > 0 else { return fractions.map { _ in .nan } }
        gsl_sort_float(base, 1, values.count)
        return fractions.map { gsl_stats_float_quantile_from_sorted_data(base, 1, values.count, $0) }
    }

    /// The same for `Double` values (`gsl_sort`, `gsl_stats_quantile_from_sorted_data`).
    public static func quantilesSortingInPlace(_ values: UnsafeMutableBufferPointer<Double>, at fractions: [Double])
        -> [Double] {
        guard let base = values.baseAddress, values.count > 0 else { return fractions.map { _ in .nan } }
        gsl_sort(base, 1, values.count)
        return fractions.map { gsl_stats_quantile_from_sorted_data(base, 1, values.count, $0) }
    }

    /// Least-squares line through `(x_i, y_i)` with `gsl_fit_linear`; needs at least two distinct `x`.
    public static func fitLinear(x: [Double], y: [Double]) throws(GSLError) -> LinearFit {
        prepare()
        guard x.count == y.count, x.count >= 2 else {
            throw GSLError(status: Int32(GSL_EINVAL), routine: "gsl_fit_linear", message: "a line needs at least two points")
        }
        guard x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite) else {
            throw GSLError(status: Int32(GSL_EDOM), routine: "gsl_fit_linear", message: "input is not finite")
        }
        var c0 = 0.0, c1 = 0.0, cov00 = 0.0, cov01 = 0.0, cov11 = 0.0, sumsq = 0.0
        let status = x.withUnsafeBufferPointer { xs in
            y.withUnsafeBufferPointer { ys in
                gsl_fit_linear(xs.baseAddress, 1, ys.baseAddress, 1, x.count,
                               &c0, &c1, &cov00, &cov01, &cov11, &sumsq)
            }
        }
        try check(status, "gsl_fit_linear")
        guard c0.isFinite, c1.isFinite else {
            throw GSLError(status: Int32(GSL_ESING), routine: "gsl_fit_linear", message: "the years are all the same")
        }
        let meanY = try mean(y)
        let totalSquares = y.reduce(0) { $0 + ($1 - meanY) * ($1 - meanY) }
        let hasDegreesOfFreedom = x.count > 2
        return LinearFit(
            c0: c0, c1: c1,
            c0StandardError: hasDegreesOfFreedom ? cov00.squareRoot() : nil,
            c1StandardError: hasDegreesOfFreedom ? cov11.squareRoot() : nil,
            rSquared: totalSquares > 0 ? 1 - sumsq / totalSquares : nil,
            n: x.count, sumOfSquares: sumsq,
            cov00: hasDegreesOfFreedom ? cov00 : 0, cov01: hasDegreesOfFreedom ? cov01 : 0,
            cov11: hasDegreesOfFreedom ? cov11 : 0
        )
    }

    /// Arithmetic mean with `gsl_stats_mean`.
    public static func mean(_ values: [Double]) throws(GSLError) -> Double { try mean(values[...]) }

    /// The same over a slice (no copy: the ratio estimates read windows of longer series).
    public static func mean(_ values: ArraySlice<Double>) throws(GSLError) -> Double {
        prepare()
        guard !values.isEmpty else { throw emptyInput("gsl_stats_mean") }
        return values.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, $0.count) }
    }

    /// Geometric mean `exp(Σ ln x_i / n)`, the mean of the logarithms with `gsl_stats_mean`. A value of 0 makes
    /// it 0 (`ln 0 = −∞`); a negative or non-finite value is an error (`GSL_EDOM`), as is no value.
    public static func geometricMean(_ values: [Double]) throws(GSLError) -> Double { try geometricMean(values[...]) }

    public static func geometricMean(_ values: ArraySlice<Double>) throws(GSLError) -> Double {
        prepare()
        guard !values.isEmpty else { throw emptyInput("gsl_stats_mean") }
        guard values.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw GSLError(status: Int32(GSL_EDOM), routine: "gsl_stats_mean",
                           message: "a geometric mean needs values of 0 or more")
        }
        if values.contains(0) { return 0 }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: values.count) { logs in
            for (i, x) in values.enumerated() { logs[i] = log(x) }
            return exp(gsl_stats_mean(logs.baseAddress, 1, values.count))
        }
    }

    /// Weighted mean `Σ w_i x_i / Σ w_i` with `gsl_stats_wmean`.
    public static func weightedMean(_ values: [Double], weights: [Double]) throws(GSLError) -> Double {
        try weightedMean(values[...], weights: weights[...])
    }

    public static func weightedMean(_ values: ArraySlice<Double>, weights: ArraySlice<Double>) throws(GSLError) -> Double {
        prepare()
        guard !values.isEmpty, values.count == weights.count else { throw emptyInput("gsl_stats_wmean") }
        return values.withUnsafeBufferPointer { xs in
            weights.withUnsafeBufferPointer { ws in
                gsl_stats_wmean(ws.baseAddress, 1, xs.baseAddress, 1, xs.count)
            }
        }
    }

    /// The value a Student's t with `degreesOfFreedom` (any positive real) exceeds with probability
    /// `upperTail`, with `gsl_cdf_tdist_Qinv`.
    public static func studentTQuantile(upperTail: Double, degreesOfFreedom: Double) -> Double {
        prepare()
        return gsl_cdf_tdist_Qinv(upperTail, degreesOfFreedom)
    }

    /// The value a chi-square with `degreesOfFreedom` stays below with probability `probability`, with
    /// `gsl_cdf_chisq_Pinv`.
    static func chiSquareQuantile(_ probability: Double, degreesOfFreedom: Double) -> Double {
        prepare()
        return gsl_cdf_chisq_Pinv(probability, degreesOfFreedom)
    }

    /// `Φ(z)`, the standard normal's distribution function, with `gsl_cdf_ugaussian_P`.
    static func normalProbability(_ z: Double) -> Double {
        prepare()
        return gsl_cdf_ugaussian_P(z)
    }

    /// Median with `gsl_sort` and `gsl_stats_median_from_sorted_data` (mean of the middle two for an even count).
    public static func median(_ values: [Double]) throws(GSLError) -> Double { try median(values[...]) }

    public static func median(_ values: ArraySlice<Double>) throws(GSLError) -> Double {
        prepare()
        guard !values.isEmpty else { throw emptyInput("gsl_stats_median_from_sorted_data") }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: values.count) { sorted in
            _ = sorted.initialize(from: values)
            gsl_sort(sorted.baseAddress, 1, values.count)
            return gsl_stats_median_from_sorted_data(sorted.baseAddress, 1, values.count)
        }
    }

    /// Sample standard deviation with `gsl_stats_sd` (`nil` for fewer than two values).
    public static func standardDeviation(_ values: [Double]) -> Double? {
        prepare()
        guard values.count >= 2 else { return nil }
        return values.withUnsafeBufferPointer { gsl_stats_sd($0.baseAddress, 1, values.count) }
    }

    private static func emptyInput(_ routine: String) -> GSLError {
        GSLError(status: Int32(GSL_EINVAL), routine: routine, message: "no values to average")
    }
}
