import Foundation
import Testing
@testable import SeatPlanKit

/// California's 58 counties, K–12, 1974–2020 (scenarios/data/ca-dof-counties, DOF 2021 series): read as a
/// plain history, its state total against published figures, and `auto` against the naive baselines.
@Suite struct CaliforniaBacktestTests {
    static let grades = ["K"] + (1...12).map(String.init)
    let history: PlainHistory

    init() throws {
        let folder = Repo.path("scenarios/data/ca-dof-counties")
        history = try PlainHistory.read(enrollment: "\(folder)/enrollment_ca_counties_k12_1974_2020.csv", births: nil,
                                        grades: Self.grades, entryAge: 5, classSizes: Array(repeating: 1, count: 13))
    }

    @Test func theStateTotalIsThePublishedOne() throws {
        // 58 counties and their sum; CDE News Release #21-32 (22 April 2021): 6,163,001 pupils in 2019–20 and
        // 6,002,523 in 2020–21 (SOURCE.txt).
        #expect(history.units.count == 59)
        let state = try #require(history.units.first { $0.id == PlainHistory.totalID })
        #expect(state.total(2019) == 6_163_001)
        #expect(state.total(2020) == 6_002_523)
        #expect(state.counts.keys.sorted() == Array(1974...2020))
    }

    @Test func autoBeatsCarryForwardForTheCounties() throws {
        let methods: [ForecastMethod] = [.auto(rule: MethodSelector.rule, births: BirthsProjection(method: .linear, fitWindow: 5)),
                                         .carryForward]
        let result = BacktestRunner().run(history.units, stages: [history.stage],
                                          options: .init(origins: Array(2000...2010), horizons: 1...3, methods: methods,
                                                         entryKnown: true, detail: .none))
        for k in 1...3 {
            let auto = try #require(result.accuracy(level: .unit, method: 0, horizon: k))
            let carry = try #require(result.accuracy(level: .unit, method: 1, horizon: k))
            #expect(auto.cases == 58 * 11)
            #expect(auto.mape < carry.mape, "h\(k): auto \(auto.mape), carry_forward \(carry.mape)")
        }
    }
}
