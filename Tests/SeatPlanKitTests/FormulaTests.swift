import Foundation
import Testing
@testable import SeatPlanKit

/// Hand-computed cases of each formula of MODEL.md.
@Suite struct RatioEstimatorTests {
    let values = [0.9, 1.0, 1.1, 1.3]

    func estimate(_ method: AveragingMethod, window: Int = 3, _ values: [Double]? = nil) throws -> Double {
        try RatioEstimator.estimate(values ?? self.values, using: RatioEstimation(method: method, window: window))
    }

    @Test func meanOverTheWindow() throws {
        // (1.0 + 1.1 + 1.3) / 3
        #expect(close(try estimate(.mean), 3.4 / 3))
    }

    @Test func weightedMeanNewestHeaviest() throws {
        // (1·1.0 + 2·1.1 + 3·1.3) / 6 = 7.1 / 6
        #expect(close(try estimate(.weightedMean), 7.1 / 6))
    }

    @Test func medianOddAndEven() throws {
        #expect(close(try estimate(.median), 1.1))
        // window 4: (1.0 + 1.1) / 2
        #expect(close(try estimate(.median, window: 4), 1.05))
    }

    @Test func lastValue() throws {
        #expect(try estimate(.last) == 1.3)
    }

    @Test func exponentialSmoothingFromTheOldestInTheWindow() throws {
        // s1 = 1.0; s2 = 0.4·1.1 + 0.6·1.0 = 1.04; s3 = 0.4·1.3 + 0.6·1.04 = 1.144
        #expect(close(try estimate(.exponential), 1.144))
        let custom = try RatioEstimator.estimate(values, using: RatioEstimation(method: .exponential, window: 2, alpha: 0.5))
        // s1 = 1.1; s2 = 0.5·1.3 + 0.5·1.1 = 1.2
        #expect(close(custom, 1.2))
    }

    @Test func windowLongerThanHistoryUsesAll() throws {
        #expect(close(try estimate(.mean, window: 10), 4.3 / 4))
    }

    @Test(arguments: AveragingMethod.allCases)
    func oneYearHistoryGivesThatValue(method: AveragingMethod) throws {
        #expect(close(try estimate(method, [0.97]), 0.97))
    }

    @Test func noValueIsAnError() {
        #expect(throws: GSLError.self) { try estimate(.mean, []) }
    }
}

@Suite struct BirthsFitTests {
    @Test func linearFitWithStandardErrorsAndRSquared() throws {
        // x = 1,2,3; y = 1,2,2: c1 = Sxy/Sxx = 1/2, c0 = 5/3 − 2·0.5 = 2/3, SS_res = 1/6, s² = 1/6,
        // se(c1) = √(s²/Sxx) = √(1/12), se(c0) = √(s²(1/n + x̄²/Sxx)) = √(7/18), R² = 1 − (1/6)/(2/3) = 0.75
        let fit = try GSL.fitLinear(x: [1, 2, 3], y: [1, 2, 2])
        #expect(close(fit.c1, 0.5))
        #expect(close(fit.c0, 2.0 / 3))
        #expect(close(fit.c1StandardError ?? -1, (1.0 / 12).squareRoot()))
        #expect(close(fit.c0StandardError ?? -1, (7.0 / 18).squareRoot()))
        #expect(close(fit.rSquared ?? -1, 0.75))
    }

    @Test func twoPointsHaveNoStandardError() throws {
        let fit = try GSL.fitLinear(x: [2020, 2021], y: [100, 90])
        #expect(close(fit.c1, -10))
        #expect(fit.c0StandardError == nil && fit.c1StandardError == nil)
    }

    @Test func onePointCannotMakeALine() {
        #expect(throws: GSLError.self) { try GSL.fitLinear(x: [2020], y: [100]) }
    }

    @Test func linearTrendOverTheWindowOnly() throws {
        // Only the last 3 years (120, 130, 140) are fitted: +10 a year, 2024 → 150.
        let births: [Int: Double] = [2019: 500, 2020: 110, 2021: 120, 2022: 130, 2023: 140].filter { $0.key > 2019 }
        let fit = try BirthsTrendFit.fit(births.merging([2019: 500]) { a, _ in a }, method: .linear, window: 3)
        #expect(fit.years == [2021, 2022, 2023])
        #expect(close(fit.projected(2024), 150, 1e-6))
        #expect(close(fit.c1, 10, 1e-9))
    }

    @Test func exponentialTrendDoublesEveryYear() throws {
        let fit = try BirthsTrendFit.fit([2020: 100, 2021: 200, 2022: 400], method: .exponential, window: 5)
        #expect(close(fit.c1, log(2.0), 1e-12))
        #expect(close(fit.projected(2023), 800, 1e-6))
        #expect(close(fit.rSquared ?? 0, 1, 1e-12))
    }

    @Test func constantIsTheMeanWithItsStandardError() throws {
        let fit = try BirthsTrendFit.fit([2020: 90, 2021: 110, 2022: 100], method: .constant, window: 3)
        #expect(close(fit.projected(2030), 100))
        // sd = 10, se = 10 / √3
        #expect(close(fit.c0StandardError ?? 0, 10 / 3.0.squareRoot(), 1e-9))
    }

    @Test func projectedBirthsAreNeverNegative() throws {
        let fit = try BirthsTrendFit.fit([2020: 30, 2021: 20, 2022: 10], method: .linear, window: 3)
        #expect(close(fit.projected(2023), 0, 1e-9))
        #expect(fit.projected(2024) == 0)
    }
}

@Suite struct WholeNumberTests {
    @Test func halvesRoundAwayFromZero() {
        #expect(WholeNumbers.round(2.5) == 3)
        #expect(WholeNumbers.round(-2.5) == -3)
        #expect(WholeNumbers.round(2.49) == 2)
        #expect(WholeNumbers.round(-0.4) == 0)
    }

    @Test func aValueWithinToleranceOfAHalfIsAHalf() {
        // 3095 × 0.9 = 2785.5 in exact arithmetic, however the product is computed.
        #expect(WholeNumbers.round(3095 * 0.9) == 2786)
        #expect(WholeNumbers.round(2785.5 - 5e-10) == 2786)
        #expect(WholeNumbers.round(2785.5 - 1e-6) == 2785)
    }

    @Test func absurdValuesAreClamped() {
        #expect(WholeNumbers.roundToInt(1e300) == Int(WholeNumbers.limit))
        #expect(WholeNumbers.roundToInt(.nan) == 0)
    }
}
