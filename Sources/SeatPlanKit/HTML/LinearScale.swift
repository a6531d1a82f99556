import Foundation

/// A linear map from data values to pixels, `px = r₀ + (v − d₀) · (r₁ − r₀) / (d₁ − d₀)`, over a domain
/// widened to round tick values (steps of 1, 2, 2.5 or 5 × 10ᵏ).
///
/// Edge cases: a domain of zero width becomes `[v − 1, v + 1]` (or `[0, 1]` at 0) so that a flat series sits
/// in the middle instead of dividing by zero; non-finite bounds become `[0, 1]`.
struct LinearScale: Sendable, Equatable {
    var lower: Double
    var upper: Double
    /// Pixel positions of `lower` and `upper` (`rangeStart > rangeEnd` for a y axis, whose pixels grow downward).
    var rangeStart: Double
    var rangeEnd: Double
    /// Distance between ticks.
    var step: Double

    /// A scale whose domain covers `lower…upper`, widened outward to whole multiples of a round step chosen to
    /// give about `ticks` intervals.
    init(covering lower: Double, _ upper: Double, ticks: Int = 5, range: (Double, Double)) {
        var (low, high) = (min(lower, upper), max(lower, upper))
        if !low.isFinite || !high.isFinite { (low, high) = (0, 1) }
        if high - low < 1e-12 { (low, high) = low == 0 ? (0, 1) : (low - abs(low) * 0.05, high + abs(high) * 0.05) }
        let step = Self.roundStep(span: high - low, intervals: max(ticks, 1))
        self.lower = (low / step).rounded(.down) * step
        self.upper = (high / step).rounded(.up) * step
        self.step = step
        rangeStart = range.0
        rangeEnd = range.1
    }

    /// The smallest round step (1, 2, 2.5 or 5 × 10ᵏ) that divides `span` into at most `intervals` parts.
    static func roundStep(span: Double, intervals: Int) -> Double {
        guard span > 0, span.isFinite else { return 1 }
        let raw = span / Double(intervals)
        let power = Foundation.pow(10, (Foundation.log10(raw)).rounded(.down))
        for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where factor * power >= raw * (1 - 1e-12) {
            return factor * power
        }
        return 10 * power
    }

    func callAsFunction(_ value: Double) -> Double {
        rangeStart + (value - lower) * (rangeEnd - rangeStart) / (upper - lower)
    }

    /// `lower, lower + step, …, upper`.
    var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded())
        return (0...max(count, 0)).map { lower + Double($0) * step }
    }
}
