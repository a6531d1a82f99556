import Foundation
import Testing
@testable import SeatPlanKit

/// A scenario projection leaves a common shock of its districts out of the ratios by default
/// (`projection: exclude_shocks`, docs/FORECASTING.md), and keeps it when told to.
@Suite struct ShockExclusionTests {
    /// Four districts counted 2010–2020, 100 pupils in each of 3 grades every year (every ratio 1), except
    /// in 2020 when grades 2 and 3 hold 90: every district's progression ratios fall to 0.9 at once.
    static func scenario(_ projection: String = "", districts: Int = 4) -> String {
        var text = """
        scenario: shock
        base_year: 2020
        horizon: 2
        standards:
          stages:
            - { id: primary, grades: 3, entry_age: 6, class_size: 30 }
        projection:
          progression: { method: weighted_mean, window: 3 }
        \(projection)
        districts:

        """
        for d in 0..<districts {
            text += "  - id: d\(d)\n    births: {"
            text += (2004...2016).map { " \($0): 100" }.joined(separator: ",") + " }\n    enrollment:\n"
            for year in 2010...2020 {
                text += "      \(year): { primary: \(year == 2020 ? "[100, 90, 90]" : "[100, 100, 100]") }\n"
            }
        }
        return text
    }

    func progressionRatios(_ text: String) throws -> [Assumption] {
        let scenario = try ScenarioLoader().load(text: text, file: "shock.yaml")
        _ = try ScenarioValidator().validate(scenario)
        return try DemandProjector().project(scenario).assumptions.filter { $0.parameter == .progressionRatio }
    }

    @Test func theShockYearIsLeftOutByDefault() throws {
        let ratios = try progressionRatios(Self.scenario())
        #expect(ratios.count == 8)
        for ratio in ratios {
            // Weighted mean over 3 of the pairs ending 2017, 2018, 2019 (2020 left out): all 1.
            #expect(abs(ratio.value - 1) < 1e-12)
            #expect(ratio.observed.map(\.year) == [2017, 2018, 2019])
            #expect(ratio.note.contains("years 2020 excluded (common shock 2020"))
            #expect(ratio.note.contains("4 of 4 the same way"))
        }
    }

    @Test func keptWhenTold() throws {
        let ratios = try progressionRatios(Self.scenario("  exclude_shocks: false"))
        for ratio in ratios {
            // (1·1 + 2·1 + 3·0.9) / 6 = 0.95
            #expect(abs(ratio.value - 0.95) < 1e-12)
            #expect(!ratio.note.contains("excluded"))
        }
    }

    /// The draws' default spreads leave the shock out too: every other year's ratio is exactly 1, so the
    /// one-year-ahead errors are all 0 and no ratio varies; kept, the 2020 errors make them vary.
    @Test func theDrawsSpreadsLeaveTheShockOutToo() throws {
        func progressionSpreads(_ text: String) throws -> [Double] {
            let scenario = try ScenarioLoader().load(text: text, file: "shock.yaml")
            let model = try DrawModel(scenario: scenario, prepared: try DemandProjector().prepare(scenario),
                                      index: ScenarioIndex(scenario))
            return model.districts.flatMap { $0.ratioSD[0].dropFirst() }
        }
        #expect(try progressionSpreads(Self.scenario()).allSatisfy { $0 == 0 })
        #expect(try progressionSpreads(Self.scenario("  exclude_shocks: false")).allSatisfy { $0 > 0.01 })
    }

    @Test func twoDistrictsCannotTellAShockFromTheirOwnBreak() throws {
        // The detector needs at least three units moving together.
        for ratio in try progressionRatios(Self.scenario(districts: 2)) {
            #expect(abs(ratio.value - 0.95) < 1e-12)
        }
    }
}
