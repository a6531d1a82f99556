import Foundation
import Testing
@testable import SeatPlanKit

/// `auto` in the backtest: chosen at each origin from the history up to it, by the rule of `method: auto`
/// (docs/FORECASTING.md) — scores worked out by hand, the choice blind to later years, the true method found
/// on generated histories.
@Suite struct AutoBacktestTests {
    /// One stage of 2 grades from age 6 (no births: entry is taken as counted).
    let stage = Stage(id: "p", name: "p", grades: 2, feed: .births(entryAge: 6), classSizes: [30, 30],
                      location: SourceLocation(file: "t", line: 1, column: 1))

    /// Grade 1 is 100 every year; grade 2 follows `second` from 2020 on.
    func unit(_ second: [Double], id: String = "u") -> UnitHistory {
        var counts: [Int: [[Double]]] = [:]
        for (i, n) in second.enumerated() { counts[2020 + i] = [[100, n]] }
        return UnitHistory(id: id, level: .unit, counts: counts, births: [:])
    }

    func autoMethod(_ rule: AutoRule) -> ForecastMethod {
        .auto(rule: rule, births: BirthsProjection(method: .linear, fitWindow: 5))
    }

    @Test func thePooledScoreByHand() throws {
        // Grade 2's ratios: 2021 1.0, 2022 1.1, 2023 1.0. One year ahead:
        // 2022 from [1.0]: every candidate says 1.0, |1.0 − 1.1| / 1.1 = 9.0909 %;
        // 2023 from [1.0, 1.1]: mean, median 1.05 (5 %), weighted mean 3.2/3 (6.667 %), geometric mean √1.1
        // (4.881 %), last 1.1 (10 %), exponential 0.4·1.1 + 0.6·1.0 = 1.04 (4 %): exponential is the lowest,
        // with (9.0909 + 4) / 2 = 6.5455 % over 2 ratios; next the geometric mean over 2, (9.0909 + 4.8809) / 2.
        let history = unit([100, 100, 110, 100])
        let forecaster = OriginForecaster(stages: [stage])
        var contexts: [Int: OriginForecaster.Origin] = [:]
        let scores = MethodSelector.Scores(history, forecaster: forecaster, observations: forecaster.observations(history),
                                           contexts: &contexts, births: BirthsProjection(method: .linear, fitWindow: 5),
                                           entryKnown: true, rules: [.pooled])
        let choice = try #require(scores.choices(at: 2023, rule: .pooled)[0])
        #expect(choice.estimation.method == .exponential && choice.estimation.window == 6)
        let firstError: Double = 100 * 0.1 / 1.1
        #expect(close(choice.mape, (firstError + 4) / 2, 1e-9))
        #expect(choice.cases == 2)
        let runnerUp = try #require(choice.runnerUp)
        #expect(runnerUp.name == "geometric_mean:2")
        let first: Double = 100 * 0.1 / 1.1
        let geometric: Double = 100 * (1.1.squareRoot() - 1)
        #expect(close(runnerUp.mape, (first + geometric) / 2, 1e-9))
        // At 2022 only the 2022 ratio is known and every candidate scored the same: the first listed wins.
        let early = try #require(scores.choices(at: 2022, rule: .pooled)[0])
        #expect(early.estimation.method == .mean && early.estimation.window == 2)
        // From 2023, auto projects 2024's grade 2 with exponential smoothing of 1.0, 1.1, 1.0:
        // s = 1.0 → 1.04 → 0.4 · 1.0 + 0.6 · 1.04 = 1.024, so 100 × 1.024 = 102.4.
        let result = BacktestRunner().run([unit([100, 100, 110, 100, 100])], stages: [stage],
                                          options: .init(origins: [2023], horizons: 1...1, methods: [autoMethod(.pooled)],
                                                         entryKnown: true))
        let projected = try #require(result.cases.first { $0.grade == 2 })
        #expect(close(projected.projected, 102.4, 1e-9))
        #expect(result.methodName(0) == "auto")
    }

    @Test func theCombinationByHand() throws {
        // Ratios 1.0, 1.1 known at 2022 (windows 2–6 all see both): 5 × mean 1.05, 5 × weighted mean 3.2/3,
        // 5 × median 1.05, 5 × geometric mean √1.1, last 1.1, exponential 1.04; their mean over 22 candidates.
        let windows: Double = 1.05 + 3.2 / 3 + 1.05 + 1.1.squareRoot()
        let expected: Double = (5 * windows + 1.1 + 1.04) / 22
        let result = BacktestRunner().run([unit([100, 100, 110, 120])], stages: [stage],
                                          options: .init(origins: [2022], horizons: 1...1, methods: [autoMethod(.combine)],
                                                         entryKnown: true))
        let projected = try #require(result.cases.first { $0.grade == 2 })
        #expect(close(projected.projected, 100 * expected, 1e-9))
        #expect(result.methodName(0) == "auto:combine")
    }

    @Test func theChoiceAtAnOriginKnowsNothingLater() throws {
        // Two units equal up to 2029, then wildly different: projected from 2029, every rule of auto gives the
        // same numbers for both (the later years are only what they are scored against).
        let past: [Double] = [100, 98, 103, 99, 101, 104, 97, 100, 102, 99]
        let calm = unit(past + [100, 100, 100], id: "calm")
        let wild = unit(past + [150, 60, 180], id: "wild")
        let methods = AutoRule.allCases.map(autoMethod)
        let result = BacktestRunner().run([calm, wild], stages: [stage],
                                          options: .init(origins: [2029], horizons: 1...3, methods: methods, entryKnown: true))
        for m in methods.indices {
            for k in 1...3 {
                let a = try #require(result.cases.first { $0.unit == "calm" && $0.method == m && $0.horizon == k && $0.grade == 2 })
                let b = try #require(result.cases.first { $0.unit == "wild" && $0.method == m && $0.horizon == k && $0.grade == 2 })
                #expect(a.projected == b.projected, "\(methods[m]) h\(k)")
            }
        }
    }

    /// A generated history: 6 grades, grade 1 constant 1,000, each progression ratio `r(y)` plus noise of
    /// standard deviation `noise` (a fixed seed).
    func generated(ratio: (Int) -> Double, noise: Double, years: Int = 20) throws -> UnitHistory {
        let grades = 6
        let random = try RandomStream(seed: 7)
        var counts: [Int: [[Double]]] = [:]
        var previous = Array(repeating: 1000.0, count: grades)
        for t in 0..<years {
            var row = [1000.0]
            for g in 1..<grades { row.append(previous[g - 1] * (ratio(t) + noise * random.gaussian())) }
            counts[2000 + t] = [row]
            previous = row
        }
        return UnitHistory(id: "g", level: .unit, counts: counts, births: [:])
    }

    func choice(_ history: UnitHistory) throws -> RatioEstimation {
        let stage = Stage(id: "p", name: "p", grades: 6, feed: .births(entryAge: 6), classSizes: Array(repeating: 30, count: 6),
                          location: SourceLocation(file: "t", line: 1, column: 1))
        let forecaster = OriginForecaster(stages: [stage])
        var contexts: [Int: OriginForecaster.Origin] = [:]
        let scores = MethodSelector.Scores(history, forecaster: forecaster, observations: forecaster.observations(history),
                                           contexts: &contexts, births: BirthsProjection(method: .linear, fitWindow: 5),
                                           entryKnown: true, rules: [MethodSelector.rule])
        return try #require(scores.choices(at: 2019, rule: MethodSelector.rule)[0]).estimation
    }

    @Test func autoFindsTheTrueMethodWhenTheNoiseIsLow() throws {
        // Ratios rising 1 point a year, barely noisy: the newest value is the best estimate of the next.
        #expect(try choice(try generated(ratio: { 0.95 + 0.01 * Double($0) }, noise: 0.0005)).method == .last)
        // A constant ratio with pure noise: the longest plain average is (the mean or geometric mean over 6).
        let steady = try choice(try generated(ratio: { _ in 0.99 }, noise: 0.01))
        #expect(steady.window == 6)
        #expect([AveragingMethod.mean, .geometricMean].contains(steady.method))
    }
}
