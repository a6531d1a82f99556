/// `e^x` in plain arithmetic, for loops that take hundreds of millions of exponentials of moderate numbers
/// (the backtest's drawn stage totals, `DrawnErrors.computeRanges`): `x = n · ln 2 + y` with `n` the integer
/// nearest `x / ln 2` (so `|y| ≤ ln 2 / 2`), and `e^x = 2ⁿ · Σ_{k=0…11} yᵏ / k!`. The Taylor remainder
/// `(ln 2 / 2)¹² / 12!` and the rounding of the steps keep the relative error below 10⁻¹⁴ (a test
/// checks it against the C library on a grid); `x` is clamped to `[−708, 709]`, the exponents of normal
/// numbers. No library call and no branch, so a loop over it vectorises; the library's `exp` took a quarter
/// of a `backtest --draws` run.
///
/// The `Float` one, for the draws' `Λ` (four to a vector instead of two): the same steps with `n` from
/// `1.5 · 2²³`, `ln 2` in Cephes' two parts and `Σ_{k=0…7} yᵏ / k!` (remainder `(ln 2 / 2)⁸ / 8! ≈ 5·10⁻⁹`),
/// within a few units in the last place of a `Float` (a test checks it); `x` clamped to `[−87, 88]`.
enum FastExp {
    /// `1.5 · 2⁵²`: adding it rounds a number below `2⁵¹` to an integer held in the low bits of the sum.
    private static let shifter = 6_755_399_441_055_744.0
    /// `ln 2` in two parts (fdlibm's): `n · ln2High` is exact for `|n| < 2²⁰`.
    private static let ln2High = 6.931_471_803_691_238_164_90e-01
    private static let ln2Low = 1.908_214_929_270_587_700_02e-10

    @inline(__always)
    static func exp(_ x: Double) -> Double {
        let x = Swift.min(Swift.max(x, -708), 709)
        let t = x * 1.442_695_040_888_963_407_36 + shifter
        let n = t - shifter
        let y = (x - n * ln2High) - n * ln2Low
        // Σ yᵏ/k! by Horner's scheme, written out (a loop over the coefficients would not vectorise).
        var p = 1.0 / 39_916_800
        p = p * y + 1.0 / 3_628_800
        p = p * y + 1.0 / 362_880
        p = p * y + 1.0 / 40_320
        p = p * y + 1.0 / 5_040
        p = p * y + 1.0 / 720
        p = p * y + 1.0 / 120
        p = p * y + 1.0 / 24
        p = p * y + 1.0 / 6
        p = p * y + 0.5
        p = p * y + 1
        p = p * y + 1
        // 2ⁿ: the biased exponent `n + 1023` in the exponent bits (`t`'s low bits hold `n`).
        let scale = Double(bitPattern: (t.bitPattern &- shifter.bitPattern &+ 1023) &<< 52)
        return p * scale
    }

    private static let floatShifter: Float = 12_582_912
    private static let floatLn2High: Float = 0.693_359_375
    private static let floatLn2Low: Float = -2.121_944_4e-4

    @inline(__always)
    static func exp(_ x: Float) -> Float {
        let x = Swift.min(Swift.max(x, -87), 88)
        let t = x * 1.442_695_04 + floatShifter
        let n = t - floatShifter
        let y = (x - n * floatLn2High) - n * floatLn2Low
        var p: Float = 1.0 / 5_040
        p = p * y + 1.0 / 720
        p = p * y + 1.0 / 120
        p = p * y + 1.0 / 24
        p = p * y + 1.0 / 6
        p = p * y + 0.5
        p = p * y + 1
        p = p * y + 1
        let scale = Float(bitPattern: (t.bitPattern &- floatShifter.bitPattern &+ 127) &<< 23)
        return p * scale
    }

    /// `(e^x, e^−x)` in `Float` at little more than the cost of one: with `x = n · ln 2 + y` as above,
    /// `e^±x = 2^±n · (E(y) ± O(y))`, `E` and `O` the even and odd parts of `Σ_{k=0…7} yᵏ / k!` (each by
    /// Horner's scheme in `y²`). For the antithetic pairs of `DrawnErrors`; `x` clamped to `[−87, 87]` so that
    /// both are normal numbers.
    @inline(__always)
    static func expPair(_ x: Float) -> (plus: Float, minus: Float) {
        let x = Swift.min(Swift.max(x, -87), 87)
        let t = x * 1.442_695_04 + floatShifter
        let n = t - floatShifter
        let y = (x - n * floatLn2High) - n * floatLn2Low
        let y2 = y * y
        var even: Float = 1.0 / 720
        even = even * y2 + 1.0 / 24
        even = even * y2 + 0.5
        even = even * y2 + 1
        var odd: Float = 1.0 / 5_040
        odd = odd * y2 + 1.0 / 120
        odd = odd * y2 + 1.0 / 6
        odd = odd * y2 + 1
        odd *= y
        let bits = t.bitPattern &- floatShifter.bitPattern
        let up = Float(bitPattern: (bits &+ 127) &<< 23), down = Float(bitPattern: (127 &- bits) &<< 23)
        return ((even + odd) * up, (even - odd) * down)
    }
}
