import Foundation
import Testing
@testable import SeatPlanKit

/// `backtest --draws N --seed S`: P10–P90 of every case from ratio spreads known at the origin, their
/// coverage and width in accuracy.csv, the same bytes for the same seed.
@Suite struct BacktestRangesTests {
    static let grades = 6
    let stage = Stage(id: "p", name: "p", grades: grades, feed: .births(entryAge: 6),
                      classSizes: Array(repeating: 30, count: grades), location: SourceLocation(file: "t", line: 1, column: 1))

    @Test func theRangeOfOneRatioIsItsLognormalQuantiles() throws {
        // One grade 2 = 100 × exp(σ z): P10 = 100 · exp(−1.28155 σ), P90 = 100 · exp(1.28155 σ) (σ = 5 %);
        // 20,000 draws put the sample quantiles within 0.5 % of them.
        let sigma = 0.05
        let stream = try RandomStream(seed: 3)
        let ranges = try #require(BacktestRunner.ranges(sigma: sigma, draws: 20_000, stream: stream, stages: [stage]) { perturb in
            [(0..<Self.grades).map { g in [100, 100 * perturb[0][g]] }]
        })
        let z = 1.2815515655
        let one = ranges[0][1][1]
        #expect(abs(one.p10 / (100 * exp(-z * sigma)) - 1) < 0.005)
        #expect(abs(one.p90 / (100 * exp(z * sigma)) - 1) < 0.005)
        // The total of 6 grades with independent ratio errors is narrower than 6 times one grade's range.
        let total = ranges[0][Self.grades][1]
        #expect(total.p90 - total.p10 < 6 * (one.p90 - one.p10) * 0.5)
    }

    /// 40 units, 2000–2019, grade 1 = 1,000, each yearly progression ratio `0.99 · exp(0.02 z)`.
    func noisyPanel() throws -> [UnitHistory] {
        let random = try RandomStream(seed: 5)
        return (0..<40).map { u in
            var counts: [Int: [[Double]]] = [:]
            var previous = Array(repeating: 1000.0, count: Self.grades)
            for year in 2000...2019 {
                var row = [1000.0]
                for g in 1..<Self.grades { row.append(previous[g - 1] * 0.99 * exp(0.02 * random.gaussian())) }
                counts[year] = [row]
                previous = row
            }
            return UnitHistory(id: "u\(u)", level: .unit, counts: counts, births: [:])
        }
    }

    @Test func withKnownNoiseFourFifthsOfTheActualsFallWithinP10ToP90() throws {
        // Ratios with independent yearly noise of 2 %: the ratio spread estimated at each origin from the
        // one-year-ahead errors of the mean over 6 holds the next years' grades 80 % ± 5 points of the time.
        let linear = BirthsProjection(method: .linear, fitWindow: 5)
        let methods: [ForecastMethod] = [.cohort(ratios: RatioEstimation(method: .mean, window: 6), births: linear)]
        let result = BacktestRunner().run(try noisyPanel(), stages: [stage],
                                          options: .init(origins: Array(2010...2016), horizons: 1...3, methods: methods,
                                                         entryKnown: true, detail: .none, draws: 200, seed: 9))
        for k in 1...3 {
            let row = try #require(result.accuracy.first { $0.level == .unit && !$0.totals && $0.horizon == k })
            let coverage = try #require(row.coverage)
            #expect(coverage > 0.75 && coverage < 0.85, "h\(k): \(coverage)")
            #expect(try #require(row.meanWidth) > 0)
        }
    }

    @Test func theSameSeedGivesTheSameBytesAndAnotherSeedOtherRanges() throws {
        let units = Array(try noisyPanel().prefix(5))
        func accuracy(seed: UInt64) throws -> Data {
            let result = BacktestRunner().run(units, stages: [stage],
                                              options: .init(origins: [2015], horizons: 1...2, entryKnown: true,
                                                             detail: .all, draws: 50, seed: seed))
            let reports = BacktestReports(result)
            let cases = try #require(reports.files.first { $0.name == "backtest.csv" })
            let accuracy = try #require(reports.files.first { $0.name == "accuracy.csv" })
            return cases.data + accuracy.data
        }
        let first = try accuracy(seed: 4)
        #expect(try accuracy(seed: 4) == first)
        #expect(try accuracy(seed: 5) != first)
        let header = String(decoding: first.prefix(200), as: UTF8.self)
        #expect(header.hasPrefix("unit,level,stage,grade,origin,horizon,target_year,method,projected,actual,error,percentage_error,p10,p90"))
    }
}
