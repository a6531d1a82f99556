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
        #expect(FastExp.exp(0) == 1)
        #expect(abs(FastExp.exp(1) - M_E) <= M_E * 1e-14)
        // Beyond the normal range the argument is clamped, never a wrong sign or a NaN.
        #expect(FastExp.exp(-1e6) == FastExp.exp(-708))
        #expect(FastExp.exp(1e6) == FastExp.exp(709))
        #expect(FastExp.exp(-1e6) > 0)
    }
}
