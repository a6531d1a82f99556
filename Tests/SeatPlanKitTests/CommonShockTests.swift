import Foundation
import Testing
@testable import SeatPlanKit

/// Common shocks: years in which every unit's ratios moved together, found from all units at once, and
/// `auto` kept robust to one at the origin (docs/FORECASTING.md).
@Suite struct CommonShockTests {
    static let grades = 6
    let stage = Stage(id: "p", name: "p", grades: grades, feed: .births(entryAge: 6),
                      classSizes: Array(repeating: 30, count: grades), location: SourceLocation(file: "t", line: 1, column: 1))

    /// `units` units, 2000–2019, grade 1 = 100 every year, each progression ratio 1 + noise (sd 1 %), times
    /// `factor(unit, year)`.
    func panel(units: Int, factor: (Int, Int) -> Double) throws -> [UnitHistory] {
        let random = try RandomStream(seed: 11)
        return (0..<units).map { u in
            var counts: [Int: [[Double]]] = [:]
            var previous = Array(repeating: 100.0, count: Self.grades)
            for year in 2000...2019 {
                var row = [100.0]
                for g in 1..<Self.grades { row.append(previous[g - 1] * (1 + 0.01 * random.gaussian()) * factor(u, year)) }
                counts[year] = [row]
                previous = row
            }
            return UnitHistory(id: "u\(u)", level: .unit, counts: counts, births: [:])
        }
    }

    @Test func aMoveOfEveryUnitIsFoundAndItsSize() throws {
        // Every unit's ratios fall by 3 % in 2015 only: ln 0.97 = −3.05 %, far beyond the noise of the
        // common move (the median of 30 units' moves).
        let units = try panel(units: 30) { _, year in year == 2015 ? 0.97 : 1 }
        let shocks = CommonShockDetector().shocks(in: units, stages: [stage])
        #expect(shocks.map(\.year) == [2015])
        let shock = try #require(shocks.first)
        #expect(abs(shock.commonMove - log(0.97)) < 0.005)
        #expect(shock.units == 30)
        #expect(shock.sameSign == 1)
    }

    @Test func oneUnitsBreakIsNotACommonShock() throws {
        // One unit loses 40 % in 2012 (a school closing): a break of that unit, not a move of all.
        let units = try panel(units: 30) { u, year in u == 0 && year == 2012 ? 0.6 : 1 }
        #expect(CommonShockDetector().shocks(in: units, stages: [stage]).isEmpty)
        #expect(BreakDetector().breaks(in: units[0]).map(\.year).contains(2012))
    }

    @Test func aSmallCommonMoveOfTwoPercentIsFoundWhereNoUnitsBreakTestSeesIt() throws {
        // −2 % for all in 2018 (California's 2020 was −2.0 %): no unit crosses the 10 % floor of the break test.
        let units = try panel(units: 58) { _, year in year == 2018 ? 0.98 : 1 }
        #expect(units.allSatisfy { BreakDetector().breaks(in: $0).isEmpty })
        #expect(CommonShockDetector().shocks(in: units, stages: [stage]).map(\.year) == [2018])
    }

    @Test func fewerThanThreeUnitsGiveNoCommonMove() throws {
        let units = try panel(units: 2) { _, year in year == 2015 ? 0.7 : 1 }
        #expect(CommonShockDetector().shocks(in: units, stages: [stage]).isEmpty)
    }

    @Test func theRealShocksAreFound() throws {
        // Eau Claire's schools: the COVID year 2020 and the return in 2021, nothing else in 1998–2024.
        let ec = Repo.path("scenarios/data/eau-claire-wi")
        let schools = try PlainHistory.read(enrollment: "\(ec)/ecasd_school_grade_enrollment_1998_2024.csv", births: nil,
                                            grades: ["K", "1", "2", "3", "4", "5"], entryAge: 5,
                                            classSizes: Array(repeating: 26, count: 6))
        #expect(CommonShockDetector().shocks(in: schools.units, stages: [schools.stage]).map(\.year) == [2020, 2021])
        // California's counties: only 2020 in 47 years, a move of −2.0 % shared by 52 of the 58 counties.
        let ca = Repo.path("scenarios/data/ca-dof-counties")
        let counties = try PlainHistory.read(enrollment: "\(ca)/enrollment_ca_counties_k12_1974_2020.csv", births: nil,
                                             grades: ["K"] + (1...12).map(String.init), entryAge: 5,
                                             classSizes: Array(repeating: 1, count: 13))
        let shocks = CommonShockDetector().shocks(in: counties.units, stages: [counties.stage])
        #expect(shocks.map(\.year) == [2020])
        #expect(shocks.first.map { abs($0.commonMove + 0.0203) < 0.0005 && $0.sameSign == 52.0 / 58 } == true)
    }

    @Test func fromTheCOVIDOriginAutoAndTheDefaultBeatCarryForwardWithTheShockYearLeftOut() throws {
        let ec = Repo.path("scenarios/data/eau-claire-wi")
        let history = try PlainHistory.read(enrollment: "\(ec)/ecasd_school_grade_enrollment_1998_2024.csv", births: nil,
                                            grades: ["K", "1", "2", "3", "4", "5"], entryAge: 5,
                                            classSizes: Array(repeating: 26, count: 6))
        let linear = BirthsProjection(method: .linear, fitWindow: 5)
        let methods: [ForecastMethod] = [.auto(rule: MethodSelector.rule, births: linear),
                                         .cohort(ratios: ProjectionSettings.defaults.progression, births: linear), .carryForward]
        func run(excludeShocks: Bool) -> BacktestRunner.Result {
            BacktestRunner().run(history.units, stages: [history.stage],
                                 options: .init(origins: [2020], horizons: 1...4, methods: methods, entryKnown: true,
                                                excludeShocks: excludeShocks, detail: .none))
        }
        let kept = run(excludeShocks: false), left = run(excludeShocks: true)
        for level in [UnitHistory.Level.total, .unit] {
            for k in 1...4 {
                let carry = try #require(kept.accuracy(level: level, method: 2, horizon: k)).mape
                // Kept in its fit, the default carries the 2020 drop into every year …
                #expect(try #require(kept.accuracy(level: level, method: 1, horizon: k)).mape > carry)
                // … left out (the default of the backtest and of a scenario), both auto and the default win.
                #expect(try #require(left.accuracy(level: level, method: 0, horizon: k)).mape < carry)
                #expect(try #require(left.accuracy(level: level, method: 1, horizon: k)).mape < carry)
            }
        }
    }

    @Test func theBoundHoldsOneFalseAlarmInAThousandWhateverTheLength() {
        // `k_n` against Student's t quantiles computed apart (SciPy: `t.isf(0.0005, 0.4 n) · √(1 + π / (2n))`);
        // the 99.9 % quantile of `|X − median| / (1.4826 · MAD)` simulated for normal noise (400,000 trials
        // each) is 11.49 at n = 8, 5.96 at 16 and 4.18 at 40.
        for (n, expected) in [(8, 12.73), (16, 5.98), (40, 4.09)] {
            #expect(abs(CommonShockDetector().spread(earlier: n) - expected) < 0.01, "n = \(n)")
        }
    }

    @Test func ordinaryNoiseSharedByEveryUnitIsNoShock() throws {
        // 30 histories of 40 units, 2000–2029, whose ratios have ordinary noise of 2 % with a common part of
        // 0.9 % a year and no shock (`noisyPanel`), with 25 decided years each: at α = 0.1 % about 0.75 false
        // shocks in all (a fixed k = 4
        // called 21, in 2008–2011 mostly, with 4–7 earlier years).
        var found: [Int] = []
        for seed in UInt32(1)...30 {
            found += CommonShockDetector().shocks(in: try noisyPanel(common: 0.2, unit: 0.5, lastYear: 2029, seed: seed), stages: [stage]).map(\.year)
        }
        #expect(found.count <= 2, "\(found)")
    }
}
