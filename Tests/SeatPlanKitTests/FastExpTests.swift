import Foundation
import Testing
@testable import SeatPlanKit

/// `FastExp.exp` against the C library's `exp`, whose error is below one unit in the last place.
@Suite struct FastExpTests {
    @Test func withinOneUnitInTheFourteenthDigitOverTheWholeRange() {
        var worst = 0.0
        var x = -708.0
        while x <= 709 {
            let exact = Foundation.exp(x)
            worst = max(worst, abs(FastExp.exp(x) - exact) / exact)
            x += 0.137
        }
        #expect(worst < 1e-14)
    }

    @Test func exactWhereItMustBe() {
        #expect(FastExp.exp(0.0) == 1)
        #expect(abs(FastExp.exp(1) - M_E) <= M_E * 1e-14)
        // Beyond the normal range the argument is clamped, never a wrong sign or a NaN.
        #expect(FastExp.exp(-1e6) == FastExp.exp(-708))
        #expect(FastExp.exp(1e6) == FastExp.exp(709))
        #expect(FastExp.exp(-1e6) > 0)
    }

    @Test func floatWithinAFewUnitsInTheLastPlace() {
        var worst: Float = 0
        var x: Float = -87
        while x <= 88 {
            let exact = Foundation.exp(Double(x))
            worst = max(worst, Float(abs(Double(FastExp.exp(x)) - exact) / exact))
            x += 0.0137
        }
        #expect(worst < 4 * Float.ulpOfOne)
        #expect(FastExp.exp(Float(0)) == 1)
        #expect(FastExp.exp(Float(-1e6)) == FastExp.exp(Float(-87)))
        #expect(FastExp.exp(Float(1e6)) == FastExp.exp(Float(88)))
        #expect(FastExp.exp(Float(-1e6)) > 0)
    }

    /// The pair `(e^x, e^−x)` within a few units in the last place of the C library's, over the whole range.
    @Test func floatPairWithinAFewUnitsInTheLastPlace() {
        var worst: Double = 0
        var x: Float = -87
        while x <= 87 {
            let (plus, minus) = FastExp.expPair(x)
            let up = Foundation.exp(Double(x)), down = Foundation.exp(-Double(x))
            worst = max(worst, abs(Double(plus) - up) / up, abs(Double(minus) - down) / down)
            x += 0.0137
        }
        #expect(worst < 4 * Double(Float.ulpOfOne), "\(worst)")
        #expect(FastExp.expPair(0) == (1, 1))
        #expect(FastExp.expPair(-1e6) == FastExp.expPair(-87) && FastExp.expPair(1e6) == FastExp.expPair(87))
        #expect(FastExp.expPair(87).minus > 0 && FastExp.expPair(-87).plus > 0)
    }
}
