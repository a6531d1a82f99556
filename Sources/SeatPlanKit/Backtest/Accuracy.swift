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
        let finite = errors.filter(\.isFinite)
        guard !finite.isEmpty else { return nil }
        let absolute = finite.map(abs)
        cases = finite.count
        mape = absolute.reduce(0, +) / Double(finite.count)
        mpe = finite.reduce(0, +) / Double(finite.count)
        let q = GSL.quantiles(absolute, [0.5, 0.9])
        medianAPE = q[0]
        p90APE = q[1]
    }
}
