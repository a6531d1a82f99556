/// Accuracy of one method at one horizon over a set of backtest cases (percentage errors
/// `100 · (projected − actual) / actual`, cases with `actual = 0` left out):
/// - `mape`: mean absolute percentage error
/// - `mpe`: mean percentage error (bias: positive = projections too high)
/// - `medianAPE`, `p90APE`: median and 90th percentile of the absolute percentage errors
///   (`gsl_stats_quantile_from_sorted_data`, linear interpolation between order statistics)
public struct Accuracy: Sendable, Equatable {
    public var cases: Int
    public var mape: Double
    public var mpe: Double
    public var medianAPE: Double
    public var p90APE: Double

    public init?(percentageErrors errors: [Double]) {
        self.init(parts: [errors])
    }

    /// The same over the errors of `parts` taken in order, as if joined (no joined copy is made).
    init?(parts: [[Double]]) {
        var absolute: [Double] = []
        absolute.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        var sum = 0.0, absoluteSum = 0.0
        for errors in parts {
            for e in errors where e.isFinite {
                sum += e
                absoluteSum += abs(e)
                absolute.append(abs(e))
            }
        }
        guard !absolute.isEmpty else { return nil }
        cases = absolute.count
        mape = absoluteSum / Double(cases)
        mpe = sum / Double(cases)
        // The order statistics selected, not the whole sample sorted: the same numbers as GSL on sorted data.
        let q = absolute.withUnsafeMutableBufferPointer { SampleQuantiles.quantiles($0, at: [0.5, 0.9]).quantiles }
        medianAPE = q[0]
        p90APE = q[1]
    }
}
