import Testing
@testable import SeatPlanKit

/// The `uncertainty` keys: defaults, the values read, a district's keys over the scenario's, and `slip`.
@Suite struct UncertaintyKeysTests {
    /// `tinyScenario` with `uncertainty` at both levels and a slip on its development.
    static let withKeys = tinyScenario
        .replacingOccurrences(of: "districts:\n", with: """
            uncertainty:
              ratios: observed
              births: 0.05
              migration: 0.25
              housing_yield: { low: 0.8, high: 1.1 }
              slip: { 0: 0.7, 1: 0.3 }
              ratio_sd:
                - { stage: primary, grade: 2, sd: 0.01 }
                - { stage: junior, grade: 1, sd: 0.02 }
            districts:

            """)
        .replacingOccurrences(of: "    migration: { primary: 30 }\n", with: """
                migration: { primary: 30 }
                uncertainty:
                  ratios: 0.03
                  ratio_sd: [{ stage: junior, grade: 1, sd: 0.5 }]

            """)
        .replacingOccurrences(of: "        ramp: [0.5, 1.0]\n", with: """
                    ramp: [0.5, 1.0]
                    slip: { -1: 0.1, 0: 0.5, 2: 0.4 }

            """)

    @Test func withoutTheKeysRatiosAndBirthsVaryAndNothingElse() throws {
        let scenario = try ScenarioLoader().load(text: tinyScenario, file: "tiny.yaml")
        let settings = scenario.uncertainty.overridden(by: scenario.districts[0].uncertainty)
        #expect(settings.ratios == .observed)
        #expect(settings.births == .fit)
        #expect(settings.migration == .none && settings.housingYield == .none)
        #expect(settings.slip.isOnTime && settings.ratioSDs.isEmpty)
        #expect(scenario.districts[0].housing[0].slip == nil)
    }

    @Test func theKeysAreReadAndADistrictOverridesKeyByKey() throws {
        // (tinyScenario's only warning: dwellings completed in the base year.)
        let found = diagnostics(Self.withKeys)
        #expect(found.allSatisfy { $0.severity == .warning && !$0.message.contains("slip") }, "\(found)")
        let scenario = try ScenarioLoader().load(text: Self.withKeys, file: "tiny.yaml")
        let top = scenario.uncertainty
        #expect(top.ratios == .observed && top.births == .relative(0.05))
        #expect(top.migration == FactorRange(low: 0.75, high: 1.25))
        #expect(top.housingYield == FactorRange(low: 0.8, high: 1.1))
        #expect(top.slip.outcomes.map(\.years) == [0, 1])

        let district = top.overridden(by: scenario.districts[0].uncertainty)
        #expect(district.ratios == .sd(0.03))        // the district's own
        #expect(district.births == .relative(0.05))  // the scenario's, kept
        #expect(district.ratioSD(stage: "primary", grade: 2)?.sd == 0.01)
        #expect(district.ratioSD(stage: "junior", grade: 1)?.sd == 0.5)  // the district's wins

        let slip = try #require(scenario.districts[0].housing[0].slip)
        #expect(slip.outcomes.map(\.years) == [-1, 0, 2])
        // Cumulative: [0, 0.1) → −1, [0.1, 0.6) → 0, [0.6, 1) → 2.
        #expect(slip.years(0) == -1 && slip.years(0.099) == -1 && slip.years(0.1) == 0)
        #expect(slip.years(0.59) == 0 && slip.years(0.6) == 2 && slip.years(0.999999) == 2)
        #expect(FactorRange.none.factor(0.73) == 1)
    }

    @Test func aSlipAfterTheLastCompletionToComeIsAWarning() throws {
        let text = Self.withKeys.replacingOccurrences(of: "dwellings: { 2024: 100, 2025: 200 }",
                                                      with: "dwellings: { 2023: 100, 2024: 200 }")
        let found = diagnostics(text).filter { $0.message.contains("slip") }
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message.contains("has a 'slip' but no dwellings completed after the base year") == true)
    }
}
