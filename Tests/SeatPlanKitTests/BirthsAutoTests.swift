import Foundation
import Testing
@testable import SeatPlanKit

/// `births: { method: auto }` and the births backtest (docs/FORECASTING.md, "Births"): scores and
/// projections worked out by hand, the choice blind to later years, the true process found on generated
/// births, the scenario key.
@Suite struct BirthsAutoTests {
    /// Births rising by 10 a year from 100 in 2010.
    let rising: [Int: Double] = [2010: 100, 2011: 110, 2012: 120, 2013: 130, 2014: 140]

    func trend(_ method: BirthsTrend, _ window: Int, extend: Int) -> Int {
        BirthsSelector.candidates.firstIndex { $0.method == method && $0.fitWindow == window && $0.extend == extend }!
    }

    @Test func theScoresByHand() throws {
        // Inner origins with 3 years known: 2012 (100, 110, 120) and 2013 (110, 120, 130).
        // linear:3 extend 0 holds the fitted value of the last known year:
        //   from 2012: 120 for 2013 (|120 − 130| / 130) and 2014 (|120 − 140| / 140); from 2013: 130 for 2014.
        let scores = BirthsSelector.Scores(rising)
        let e1 = 100 * 10.0 / 130, e2 = 100 * 20.0 / 140, e3 = 100 * 10.0 / 140
        let held = try #require(scores.scores(at: 2014, rule: .horizons)[trend(.linear, 3, extend: 0)])
        #expect(close(held.score, ((e1 + e3) / 2 + e2) / 2, 1e-9) && held.cases == 3)
        #expect(close(scores.scores(at: 2014, rule: .pooled)[trend(.linear, 3, extend: 0)]?.score, (e1 + e2 + e3) / 3, 1e-9))
        #expect(close(scores.scores(at: 2014, rule: .oneYear)[trend(.linear, 3, extend: 0)]?.score, (e1 + e3) / 2, 1e-9))
        // constant:3: 110 from 2012, 120 from 2013.
        let c1 = 100 * 20.0 / 130, c2 = 100 * 30.0 / 140, c3 = 100 * 20.0 / 140
        let constant = BirthsSelector.candidates.firstIndex { $0.method == .constant && $0.fitWindow == 3 }!
        #expect(close(scores.scores(at: 2014, rule: .horizons)[constant]?.score, ((c1 + c3) / 2 + c2) / 2, 1e-9))
        // linear:3 extend 2 is exact on a line, and the first exact candidate listed.
        let choice = try #require(scores.choice(at: 2014, rule: .horizons))
        #expect(choice.trend.method == .linear && choice.trend.fitWindow == 3 && choice.trend.extend == 2)
        #expect(close(choice.score, 0, 1e-9) && choice.cases == 3)
        #expect(choice.runnerUp?.trend.extend == 5 && close(choice.runnerUp?.score, 0, 1e-9))
        #expect(choice.note.hasPrefix("auto: linear:3 extend 2, lowest births MAPE (mean over horizons 1–8) of 36 trends"))
    }

    @Test func theChoiceAtAnOriginKnowsNothingLater() throws {
        // At 2013 only the case 2012 → 2013 is known; a jump in 2014 changes nothing there.
        var jumped = rising
        jumped[2014] = 400
        for rule in BirthsSelector.Rule.allCases {
            let a = BirthsSelector.Scores(rising).scores(at: 2013, rule: rule)
            let b = BirthsSelector.Scores(jumped).scores(at: 2013, rule: rule)
            #expect(a.map { $0?.score } == b.map { $0?.score })
            #expect(a.allSatisfy { $0?.cases == 1 })
        }
        // Fewer than 4 listed years: nothing to score, and `resolve` keeps the trend given beside `auto`.
        #expect(BirthsSelector.choose([2010: 100, 2011: 110, 2012: 120]) == nil)
        let given = BirthsProjection(method: .constant, fitWindow: 3, extend: 1, auto: true)
        let (kept, none) = BirthsSelector.resolve(given, births: [2010: 100, 2011: 110, 2012: 120])
        #expect(none == nil && kept == BirthsProjection(method: .constant, fitWindow: 3, extend: 1))
    }

    /// Births of 1995–2024 from `truth`, each times `1 + σ·z` (seeded normal draws).
    func generated(_ truth: (Double) -> Double, sigma: Double, seed: UInt64) throws -> [Int: Double] {
        let stream = try RandomStream(run: seed, draw: 0)
        var births: [Int: Double] = [:]
        for year in 1995...2024 { births[year] = truth(Double(year - 1995)) * (1 + sigma * stream.gaussian()) }
        return births
    }

    @Test func autoFindsTheTrueProcessWhenTheNoiseIsLow() throws {
        for seed in UInt64(1)...3 {
            // A steady fall of 25 a year: linear, carried as far as it is scored (extend 8).
            let falling = try #require(BirthsSelector.choose(try generated({ 2000 - 25 * $0 }, sigma: 0.005, seed: seed)))
            #expect(falling.trend.method == .linear && falling.trend.extend == 8, "seed \(seed): \(BirthsSelector.name(falling.trend))")
            // A level of 1500 with noise only: constant.
            let level = try #require(BirthsSelector.choose(try generated({ _ in 1500 }, sigma: 0.01, seed: seed)))
            #expect(level.trend.method == .constant, "seed \(seed): \(BirthsSelector.name(level.trend))")
            // Growth of 6 % a year: exponential, carried as far as it is scored.
            let growth = try #require(BirthsSelector.choose(try generated({ 800 * exp(0.06 * $0) }, sigma: 0.003, seed: seed)))
            #expect(growth.trend.method == .exponential && growth.trend.extend == 8, "seed \(seed): \(BirthsSelector.name(growth.trend))")
        }
    }

    /// One stage of one grade entered at age 1; births `rising`, the entry grade half the births of the
    /// year before (2011–2013), then 72 in 2015 (births of 2014: 140).
    func entryUnit() -> (UnitHistory, Stage) {
        let stage = Stage(id: "k", name: "k", grades: 1, feed: .births(entryAge: 1), classSizes: [30],
                          location: SourceLocation(file: "t", line: 1, column: 1))
        let counts: [Int: [[Double]]] = [2011: [[50]], 2012: [[55]], 2013: [[60]], 2015: [[72]]]
        return (UnitHistory(id: "u", level: .unit, counts: counts, births: rising), stage)
    }

    @Test func theBirthsBacktestByHand() throws {
        // Origin 2013: births 2010–2013 known; ρ̂ = mean(50/100, 55/110, 60/120) = 0.5. Entry of 2015
        // (born 2014, j = 1) counted 72:
        //   linear:3 extend 2: the line through 110, 120, 130 gives 140 → 70, error −2/72;
        //   constant:3: 120 → 60; last_births: 130 → 65; carry_forward: the entry of 2013, 60;
        //   births_known: 140 → 70; auto: scored on 2012 → 2013 only, linear:3 extend 2 is exact → 70.
        let (unit, stage) = entryUnit()
        let result = BirthsBacktest().run([unit], stages: [stage], origins: [2013], horizons: 1...1)
        func error(_ method: BirthsBacktest.Method, entry: Bool = true) -> Double? {
            result.methods.firstIndex(of: method).flatMap {
                result.accuracy(level: .unit, entry: entry, method: $0, birthsHorizon: 1)?.mpe
            }
        }
        let linear = BirthsProjection(method: .linear, fitWindow: 3, extend: 2)
        let constant = BirthsProjection(method: .constant, fitWindow: 3, extend: 0)
        #expect(close(error(.trend(linear)), 100 * (70 - 72) / 72.0, 1e-9))
        #expect(close(error(.trend(constant)), 100 * (60 - 72) / 72.0, 1e-9))
        #expect(close(error(.lastBirths), 100 * (65 - 72) / 72.0, 1e-9))
        #expect(close(error(.carryForward), 100 * (60 - 72) / 72.0, 1e-9))
        #expect(close(error(.birthsKnown), 100 * (70 - 72) / 72.0, 1e-9))
        #expect(close(error(.auto(.horizons)), 100 * (70 - 72) / 72.0, 1e-9))
        // Target births: 140 against the listed 140 (linear), 120 (constant); the reference is not scored.
        #expect(close(error(.trend(linear), entry: false), 0, 1e-9))
        #expect(close(error(.trend(constant), entry: false), 100 * (120 - 140) / 140.0, 1e-9))
        #expect(error(.birthsKnown, entry: false) == nil && error(.carryForward, entry: false) == nil)
        let row = try #require(result.rows.first { $0.entry && $0.method == result.methods.firstIndex(of: .trend(linear)) })
        #expect(row.horizon == 2 && row.birthsHorizon == 1 && row.accuracy.cases == 1)
        #expect(result.choices.first?.choice.trend == linear)
    }

    @Test func theBacktestHoldsTheTrendAfterExtend() throws {
        // The same unit from 2013, horizon 3: the entry of 2016 is born in 2015, two years past 2013. With
        // extend 1 the line (140 in 2014, 150 in 2015) is held at 2014: 0.5 × 140 = 70, not 75.
        let (unit, stage) = entryUnit()
        var counts = unit.counts
        counts[2016] = [[74]]
        let longer = UnitHistory(id: "u", level: .unit, counts: counts, births: rising.filter { $0.key <= 2013 })
        let methods: [ForecastMethod] = [1, 5].map {
            .cohort(ratios: RatioEstimation(method: .mean, window: 3),
                    births: BirthsProjection(method: .linear, fitWindow: 3, extend: $0))
        }
        let result = BacktestRunner().run([longer], stages: [stage],
                                          options: .init(origins: [2013], horizons: 1...3, methods: methods))
        let held = try #require(result.cases.first { $0.method == 0 && $0.horizon == 3 && $0.grade == 1 })
        let carried = try #require(result.cases.first { $0.method == 1 && $0.horizon == 3 && $0.grade == 1 })
        #expect(close(held.projected, 70, 1e-9) && close(carried.projected, 75, 1e-9))
    }

    static let scenario = """
    scenario: births-auto
    base_year: 2025
    horizon: 2
    projection:
      births: { method: auto }
    districts:
      - id: county
        births: { 2016: 500, 2017: 510, 2018: 520, 2019: 530, 2020: 540, 2021: 550, 2022: 560 }
        enrollment:
          2024: { kindergarten: [500, 505, 510], primary: [480, 490, 500, 510, 520, 530], junior: [500, 500, 500], senior: [400, 400, 400] }
          2025: { kindergarten: [520, 500, 505], primary: [470, 480, 490, 500, 510, 520], junior: [530, 500, 500], senior: [420, 400, 400] }
    schools:
      - { id: k, zone: county, stage: kindergarten, classrooms: 50 }
    """

    @Test func aScenarioWithBirthsAuto() throws {
        // Births on a line (+10 a year), listed 2016–2022. Inner origins 2018–2021 reach 4 years ahead
        // (2018 → 2022): every line held after fewer than 4 years misses; linear:3 extend 5 is the first
        // exact candidate, and projects 570 for 2023 and 580 for 2024.
        let scenario = try ScenarioLoader().load(text: Self.scenario, file: "auto.yaml")
        #expect(scenario.projection.births.auto)
        let (_, allocation) = try simulate(Self.scenario)
        let assumptions = allocation.demand.assumptions
        let slope = try #require(assumptions.first { $0.parameter == .birthsSlope })
        #expect(slope.method == "linear" && slope.window == 3 && close(slope.value, 10, 1e-9))
        #expect(slope.note.hasPrefix("auto: linear:3 extend 5, lowest births MAPE"))
        let projected = assumptions.filter { $0.parameter == .birthsProjected }
        #expect(projected.map(\.year) == [2023, 2024])
        #expect(close(projected[0].value, 570, 1e-6) && close(projected[1].value, 580, 1e-6))
    }

    @Test func aDistrictMethodTurnsTheScenariosAutoOff() throws {
        let text = Self.scenario.replacingOccurrences(
            of: "    births: { 2016",
            with: "    projection: { births: { method: constant, fit_window: 2 } }\n    births: { 2016")
        let (_, allocation) = try simulate(text)
        let slope = try #require(allocation.demand.assumptions.first { $0.parameter == .birthsIntercept })
        #expect(slope.method == "constant" && close(slope.value, 555, 1e-9) && slope.note.isEmpty)
    }

    @Test func anUnknownBirthsMethodNamesAuto() {
        let text = Self.scenario.replacingOccurrences(of: "method: auto", with: "method: autom")
        let found = diagnostics(text)
        #expect(found.contains { $0.message.contains("'autom' is not a known births method") && $0.hint.contains("auto") })
    }
}
