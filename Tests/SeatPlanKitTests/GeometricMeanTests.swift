import Foundation
import Testing
@testable import SeatPlanKit

/// `geometric_mean`: `exp(Σ ln x / n)` over the newest `window` ratios, in the estimator, the scenario
/// projection and the backtest's methods — every expected number worked out by hand.
@Suite struct GeometricMeanTests {
    @Test func theGeometricMeanByHand() throws {
        // √(1 × 1.21) = 1.1; ∛(2 × 4 × 8) = ∛64 = 4 (window 3 drops the oldest value, 1).
        #expect(close(try GSL.geometricMean([1, 1.21]), 1.1, 1e-12))
        #expect(close(try RatioEstimator.estimate([1, 2, 4, 8], using: RatioEstimation(method: .geometricMean, window: 3)), 4, 1e-12))
        // One value is itself; a window longer than the history uses all: ∜(1·2·4·8) = ∜64 = 2√2.
        #expect(close(try RatioEstimator.estimate([0.97], using: RatioEstimation(method: .geometricMean, window: 5)), 0.97, 1e-15))
        #expect(close(try RatioEstimator.estimate([1, 2, 4, 8], using: RatioEstimation(method: .geometricMean, window: 6)),
                      2 * 2.0.squareRoot(), 1e-12))
        // Never above the arithmetic mean: (0.9 + 1.1) / 2 = 1, √0.99 ≈ 0.994987.
        #expect(close(try GSL.geometricMean([0.9, 1.1]), 0.99.squareRoot(), 1e-12))
    }

    @Test func specialValues() {
        #expect((try? GSL.geometricMean([1.2, 0, 0.9])) == 0)
        #expect(throws: GSLError.self) { try GSL.geometricMean([]) }
        #expect(throws: GSLError.self) { try GSL.geometricMean([1, -0.5]) }
        #expect(throws: GSLError.self) { try GSL.geometricMean([1, .nan]) }
    }

    @Test func aScenarioProjectsWithTheGeometricMean() throws {
        // One stage of 2 grades; grade 2's progression ratios 2021–2024: 90/90 = 1, 99/90 = 1.1, 108.9/90 = 1.21,
        // 90/90 = 1 (grade 1 stays 90). Window 3: ∛(1.1 × 1.21 × 1) = ∛1.331 = 1.1; 2025's grade 2 = 90 × 1.1 = 99.
        let yaml = """
        scenario: geo
        base_year: 2024
        horizon: 1
        standards:
          stages:
            - { id: p, grades: 2, entry_age: 6, class_size: 30 }
        projection:
          progression: { method: geometric_mean, window: 3 }
        districts:
          - id: d
            births: { 2014: 100, 2015: 100, 2016: 100, 2017: 100, 2018: 100, 2019: 100 }
            enrollment:
              2020: { p: [90, 90] }
              2021: { p: [90, 90] }
              2022: { p: [90, 99] }
              2023: { p: [90, 108.9] }
              2024: { p: [90, 90] }
        """
        let (_, allocation) = try simulate(yaml)
        let ratio = try #require(allocation.demand.assumptions.first { $0.parameter == .progressionRatio && $0.grade == 2 })
        #expect(ratio.method == "geometric_mean")
        #expect(ratio.window == 3)
        #expect(close(ratio.value, 1.1, 1e-12))
    }

    @Test func theBacktestComparesGeometricMeansOverWindowsTwoToSix() throws {
        let names = ForecastMethod.standardSet(entryKnown: true).map { $0.name(entryKnown: true) }
        #expect(names.filter { $0.hasPrefix("geometric_mean:") } == (2...6).map { "geometric_mean:\($0)" })
        // Grade 1 is 100 every year; grade 2 is 80 in 2023 and 125 in 2024: its newest two ratios are 0.8 and
        // 1.25 (product 1). From 2024, 2025's grade 2 is 100 × √(0.8 × 1.25) = 100 with the geometric mean over
        // 2, and 100 × (0.8 + 1.25) / 2 = 102.5 with the mean over 2.
        let stage = Stage(id: "p", name: "p", grades: 2, feed: .births(entryAge: 6), classSizes: [30, 30],
                          location: SourceLocation(file: "t", line: 1, column: 1))
        let counts: [Int: [[Double]]] = [2021: [[100, 100]], 2022: [[100, 100]], 2023: [[100, 80]], 2024: [[100, 125]],
                                         2025: [[100, 100]]]
        let unit = UnitHistory(id: "u", level: .unit, counts: counts, births: [:])
        let methods: [ForecastMethod] = [
            .cohort(ratios: RatioEstimation(method: .geometricMean, window: 2), births: BirthsProjection(method: .linear, fitWindow: 5)),
            .cohort(ratios: RatioEstimation(method: .mean, window: 2), births: BirthsProjection(method: .linear, fitWindow: 5)),
        ]
        let result = BacktestRunner().run([unit], stages: [stage],
                                          options: .init(origins: [2024], horizons: 1...1, methods: methods, entryKnown: true))
        let geo = try #require(result.cases.first { $0.method == 0 && $0.grade == 2 })
        let mean = try #require(result.cases.first { $0.method == 1 && $0.grade == 2 })
        #expect(close(geo.projected, 100, 1e-9))
        #expect(close(mean.projected, 102.5, 1e-9))
    }
}
