/// Rounding of fractional pupils to whole ones, as MODEL.md prescribes.
public enum WholeNumbers {
    /// Tolerance within which a value counts as exactly half (so 3095 × 0.9 = 2785.5 however computed).
    public static let halfTolerance = 1e-9

    /// Rounds half away from zero; a fraction within 10⁻⁹ of ½ counts as ½.
    public static func round(_ x: Double) -> Double {
        guard x.isFinite else { return x }
        let magnitude = abs(x)
        let floor = magnitude.rounded(.down)
        let rounded = magnitude - floor >= 0.5 - halfTolerance ? floor + 1 : floor
        return x < 0 ? -rounded : rounded
    }

    /// Magnitude beyond which whole numbers are clamped, so that sums and products of pupils, classes and
    /// class sizes stay far from `Int` overflow whatever a scenario asks for.
    public static let limit = 1.0e15

    /// `round(x)` as an `Int`, clamped to `±limit` (0 for NaN).
    public static func roundToInt(_ x: Double) -> Int {
        let r = round(x)
        guard !r.isNaN else { return 0 }
        return Int(max(min(r, limit), -limit))
    }
}
