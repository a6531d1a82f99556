import Foundation
import Testing
@testable import SeatPlanKit

@Suite struct BacktestTests {
    /// One stage of 4 grades from age 5, classes of 25.
    let stage = Stage(id: "elem", name: "elem", grades: 4, feed: .births(entryAge: 5), classSizes: [25, 25, 25, 25],
                      location: SourceLocation(file: "t", line: 1, column: 1))

    /// A history generated from known ratios: entry 0.8 × births, progression 0.98, 1.01, 0.99;
    /// births rising by exactly 10 a year (a linear trend is then exact).
    func synthetic(years: ClosedRange<Int> = 2000...2015) -> UnitHistory {
        var births: [Int: Double] = [:]
        for b in 1990...years.upperBound { births[b] = 1000 + 10 * Double(b - 1990) }
        let progression = [0.98, 1.01, 0.99]
        var counts: [Int: [[Double]]] = [:]
        var previous: [Double]?
        for y in years {
            var row = [0.8 * births[y - 5]!]
            for g in 1..<4 { row.append((previous?[g - 1] ?? 800) * progression[g - 1]) }
            counts[y] = [row]
            previous = row
        }
        return UnitHistory(id: "synthetic", level: .total, counts: counts, births: births)
    }

    @Test func aSyntheticHistoryIsRecoveredWithNearZeroError() throws {
        let unit = synthetic()
        let forecaster = OriginForecaster(stages: [stage])
        let observations = forecaster.observations(unit)
        // The observed ratios are the generating ones (from 2002 on, when every cohort is generated).
        #expect(observations.values[0][0].filter { $0.year >= 2002 }.allSatisfy { abs($0.value - 0.8) < 1e-12 })
        #expect(observations.values[0][2].filter { $0.year >= 2004 }.allSatisfy { abs($0.value - 1.01) < 1e-12 })
        let result = BacktestRunner().run([unit], stages: [stage], options: .init(origins: Array(2008...2010), horizons: 1...5))
        for method in result.methods.indices where !result.methods[method].isNaive {
            for k in 1...5 {
                let accuracy = try #require(result.accuracy(level: .total, method: method, horizon: k))
                #expect(accuracy.mape < 1e-6, "\(result.methods[method]) h\(k): \(accuracy.mape)")
            }
        }
        // The naive baselines are wrong here: births rise and ratios are not 1.
        let carry = try #require(result.methods.firstIndex(of: .carryForward))
        #expect(try #require(result.accuracy(level: .total, method: carry, horizon: 5)).mape > 1)
        let best = try #require(result.best(level: .total))
        #expect(!result.methods[best].isNaive)
        let bestRows = result.accuracy.filter { $0.level == .total && $0.totals && $0.method == best }
        #expect(bestRows.allSatisfy { $0.beatsBaselines })
    }

    @Test func methodNamesLeaveBirthsOutWhenEntryIsKnown() {
        let method = ForecastMethod.cohort(ratios: RatioEstimation(method: .weightedMean, window: 3),
                                           births: BirthsProjection(method: .linear, fitWindow: 5))
        #expect(method.name(entryKnown: false) == "weighted_mean:3 births=linear:5")
        #expect(method.name(entryKnown: true) == "weighted_mean:3")
        #expect(ForecastMethod.carryForward.name(entryKnown: true) == "carry_forward")
    }

    @Test func accuracyMeasuresByHand() throws {
        // Errors +10 %, −20 %, +5 %, 0 %: MAPE 8.75, MPE −1.25, median APE 7.5, P90 (linear) 17 %.
        let a = try #require(Accuracy(percentageErrors: [10, -20, 5, 0, .nan]))
        #expect(a.cases == 4)
        #expect(close(a.mape, 8.75))
        #expect(close(a.mpe, -1.25))
        #expect(close(a.medianAPE, 7.5))
        // sorted |e| = 0, 5, 10, 20; position 0.9 × 3 = 2.7 → 10 + 0.7 × 10 = 17
        #expect(close(a.p90APE, 17))
        #expect(Accuracy(percentageErrors: []) == nil)
    }

    @Test func carryForwardAndCohortShiftByHand() throws {
        let unit = UnitHistory(id: "u", level: .unit,
                               counts: [2020: [[100, 90, 80, 70]], 2021: [[110, 95, 92, 81]], 2022: [[120, 105, 96, 90]]],
                               births: [:])
        let forecaster = OriginForecaster(stages: [stage])
        let obs = forecaster.observations(unit)
        let carry = try #require(forecaster.forecast(unit, observations: obs, origin: 2020, horizon: 2, method: .carryForward, entryKnown: false))
        #expect(carry[0].map { $0[2] } == [100, 90, 80, 70])
        let shift = try #require(forecaster.forecast(unit, observations: obs, origin: 2020, horizon: 2, method: .cohortShift, entryKnown: false))
        // Each cohort moves up unchanged; the entry grade stays as last counted.
        #expect(shift[0].map { $0[1] } == [100, 100, 90, 80])
        #expect(shift[0].map { $0[2] } == [100, 100, 100, 90])
        // With entry known, the entry grade is the counted one.
        let known = try #require(forecaster.forecast(unit, observations: obs, origin: 2020, horizon: 2, method: .cohortShift, entryKnown: true))
        #expect(known[0].map { $0[2] } == [120, 110, 100, 90])
        // No births: a births-based entry cannot be projected.
        let method = ForecastMethod.cohort(ratios: RatioEstimation(method: .mean, window: 3), births: BirthsProjection(method: .linear, fitWindow: 5))
        #expect(forecaster.forecast(unit, observations: obs, origin: 2021, horizon: 1, method: method, entryKnown: false) == nil)
    }

    @Test func withEntryKnownTheEntryGradeIsInTheTotalButIsNoCase() throws {
        // cohort_shift from 2020, one year ahead: grades 2–4 projected 100, 90, 80 against 95, 92, 81
        // (errors +5.263 %, −2.174 %, −1.235 %: MAPE 2.8906 %); the entry grade is the counted 110, no forecast,
        // so it is neither listed nor scored. The total 110 + 270 = 380 against 378: +0.529 %.
        let unit = UnitHistory(id: "u", level: .unit,
                               counts: [2020: [[100, 90, 80, 70]], 2021: [[110, 95, 92, 81]]], births: [:])
        let result = BacktestRunner().run([unit], stages: [stage],
                                          options: .init(origins: [2020], horizons: 1...1, methods: [.cohortShift],
                                                         entryKnown: true, detail: .all))
        let grades = try #require(result.accuracy.first { $0.level == .unit && !$0.totals })
        #expect(grades.accuracy.cases == 3)
        #expect(close(grades.accuracy.mape, (500.0 / 95 + 200.0 / 92 + 100.0 / 81) / 3))
        let total = try #require(result.accuracy.first { $0.level == .unit && $0.totals })
        #expect(close(total.accuracy.mape, 200.0 / 378))
        #expect(result.cases.map(\.grade) == [2, 3, 4, nil])
        // With entry from births the entry grade is projected, so it is a case (here: none, without births).
        let fromBirths = BacktestRunner().run([unit], stages: [stage],
                                              options: .init(origins: [2020], horizons: 1...1, methods: [.cohortShift],
                                                             detail: .all))
        #expect(fromBirths.cases.map(\.grade) == [1, 2, 3, 4, nil])
    }

    @Test func aShockYearIsABreakAndCanBeLeftOutOfTheFits() {
        var unit = synthetic(years: 2000...2012)
        // 2010 counted 25 % low in every grade, back to normal in 2011.
        unit.counts[2010] = unit.counts[2010]!.map { $0.map { $0 * 0.75 } }
        let breaks = BreakDetector().breaks(in: unit)
        #expect(breaks.map(\.year) == [2010, 2011])
        #expect(close(breaks[0].change, unit.total(2010)! / unit.total(2009)! - 1))
        #expect(BreakDetector().breaks(in: synthetic()).isEmpty)
        let forecaster = OriginForecaster(stages: [stage])
        let kept = forecaster.observations(unit).values[0][1].map(\.year)
        let left = forecaster.observations(unit, excluding: [2010, 2011]).values[0][1].map(\.year)
        #expect(kept.contains(2010) && kept.contains(2011) && kept.contains(2012))
        #expect(!left.contains(2010) && !left.contains(2011) && !left.contains(2012))
    }

    @Test func autoPicksTheMethodThatWasLeastWrong() throws {
        // Progression ratios rising 2 % a year: the newest value ('last') is the closest to the next one.
        var yaml = """
        scenario: auto
        base_year: 2024
        horizon: 2
        standards:
          stages:
            - { id: p, grades: 2, entry_age: 6, class_size: 30 }
        projection:
          progression: { method: auto }
        districts:
          - id: d
            births: { 2010: 100, 2011: 100, 2012: 100, 2013: 100, 2014: 100, 2015: 100, 2016: 100, 2017: 100, 2018: 100, 2019: 100, 2020: 100 }
            enrollment:

        """
        for (i, year) in (2016...2024).enumerated() {
            yaml += "      \(year): { p: [90, \(90 * (1.0 + 0.02 * Double(i)))] }\n"
        }
        let (_, allocation) = try simulate(yaml)
        let ratio = try #require(allocation.demand.assumptions.first { $0.parameter == .progressionRatio })
        #expect(ratio.method == "last")
        #expect(ratio.note.hasPrefix("auto: lowest one-year-ahead ratio MAPE of 22 methods"))
        #expect(close(ratio.value, 1.16, 1e-9))
    }
}

/// The real Eau Claire history (scenarios/data/eau-claire-wi, 1998–2024, births 1995–2019): the accuracy
/// table of the backtest is pinned as a golden file, and the class check against real classrooms.
@Suite struct EauClaireBacktestTests {
    let history: PlainHistory
    let result: BacktestRunner.Result

    init() throws {
        let folder = Repo.path("scenarios/data/eau-claire-wi")
        history = try PlainHistory.read(enrollment: "\(folder)/ecasd_school_grade_enrollment_1998_2024.csv",
                                        births: "\(folder)/ecasd_births_1995_2019.csv", grades: ["K", "1", "2", "3", "4", "5"],
                                        entryAge: 5, classSizes: [26, 26, 26, 26, 29, 29])
        result = BacktestRunner().run(history.units, stages: [history.stage],
                                      options: .init(origins: Array(2008...2018), horizons: 1...5, detail: .none))
    }

    @Test func theDistrictTotalIsTheSumOfItsSchools() throws {
        let total = try #require(history.units.first { $0.id == PlainHistory.totalID })
        // 2019, K–5: 763 + 761 + 720 + 748 + 718 + 718 (the scenario's base year).
        #expect(total.counts[2019]?[0] == [763, 761, 720, 748, 718, 718])
        #expect(history.units.count == 17)  // 16 schools and the total
    }

    @Test func theAccuracyTableMatchesItsGoldenFile() throws {
        let reports = BacktestReports(result, classCheck: ClassCheck(history))
        let accuracy = try #require(reports.files.first { $0.name == "accuracy.csv" })
        let path = "\(Repo.golden)/eau-claire-backtest/accuracy.csv"
        if GoldenReportTests.record {
            try FileManager.default.createDirectory(atPath: "\(Repo.golden)/eau-claire-backtest", withIntermediateDirectories: true)
            try accuracy.data.write(to: URL(fileURLWithPath: path))
        }
        #expect(FileManager.default.contents(atPath: path) == accuracy.data)
    }

    @Test func theCOVIDYearIsABreak() {
        #expect(result.breaks.contains { $0.unit == PlainHistory.totalID && $0.year == 2020 && $0.change < -0.2 })
    }

    @Test func theClassModelIsCloseToTheClassroomsUsed() {
        let check = ClassCheck(history)
        #expect(check.rows.count == 2070)
        // The district ran classes below the caps: the model needs a few fewer rooms than were used.
        #expect(check.withinOneShare > 0.95)
        #expect(check.meanDifference < 0)
    }
}
