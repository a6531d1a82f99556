import Testing
@testable import SeatPlanKit

/// Chinese national defaults when `standards` or `projection` are left out, and district overrides key by key.
@Suite struct DefaultsTests {
    static let minimal = """
    scenario: minimal
    base_year: 2025
    horizon: 2
    districts:
      - id: county
        births: { 2016: 500, 2017: 510, 2018: 520, 2019: 530, 2020: 540, 2021: 550, 2022: 560 }
        enrollment:
          2024: { kindergarten: [500, 505, 510], primary: [480, 490, 500, 510, 520, 530], junior: [500, 500, 500], senior: [400, 400, 400] }
          2025: { kindergarten: [520, 500, 505], primary: [470, 480, 490, 500, 510, 520], junior: [530, 500, 500], senior: [420, 400, 400] }
        projection:
          progression: { method: median }
    schools:
      - { id: k, zone: county, stage: kindergarten, classrooms: 50 }
    """

    @Test func standardsDefaultToTheNationalOnes() throws {
        let scenario = try ScenarioLoader().load(text: Self.minimal, file: "minimal.yaml")
        let stages = scenario.standards.stages
        #expect(stages.map(\.id) == ["kindergarten", "primary", "junior", "senior"])
        #expect(stages.map(\.grades) == [3, 6, 3, 3])
        #expect(stages.map { $0.classSizes[0] } == [30, 45, 50, 50])
        #expect(stages[0].feed == .births(entryAge: 3) && stages[1].feed == .births(entryAge: 6))
        #expect(stages[2].feed == .stage("primary") && stages[3].feed == .stage("junior"))
        #expect(scenario.standards.largeClass == 56 && scenario.standards.superLargeClass == 66)
        #expect(scenario.standards.alerts.yellow == 0.9 && scenario.standards.alerts.red == 1.0)
    }

    @Test func projectionDefaultsAndADistrictOverridingOneKey() throws {
        let (_, allocation) = try simulate(Self.minimal)
        let assumptions = allocation.demand.assumptions
        // The district sets only the progression method: the scenario's (default) window of 3 stays.
        let progression = try #require(assumptions.first { $0.parameter == .progressionRatio })
        #expect(progression.method == "median" && progression.window == 3)
        let entry = try #require(assumptions.first { $0.parameter == .entryRatio })
        #expect(entry.method == "mean" && entry.window == 3)
        // Entry ratio of primary: 2024: 480 / births 2018 (520), 2025: 470 / 530.
        let primary = try #require(assumptions.first { $0.parameter == .entryRatio && $0.stage == "primary" })
        #expect(close(primary.value, (480.0 / 520 + 470.0 / 530) / 2))
        // Births are listed up to 2022; kindergarten (age 3) needs them to 2024: linear over 5 → +10 a year.
        let projected = assumptions.filter { $0.parameter == .birthsProjected }
        #expect(projected.map { $0.year } == [2023, 2024])
        #expect(close(projected.first?.value, 570, 1e-6))
        // Zones default to the district; no school of a stage → no_school.
        #expect(allocation.row(year: 2026, zone: "county", stage: "primary")?.alert == .noSchool)
        #expect(allocation.row(year: 2026, zone: "county", stage: "kindergarten")?.seats == 1500)
    }
}

/// A list whose items all fail is not also reported as empty (one mistake, one error).
@Suite struct CascadeTests {
    @Test func aBrokenOnlyDistrictIsOneError() {
        let yaml = "scenario: x\nbase_year: 2024\nhorizon: 2\ndistricts:\n  - { id: d, enrollment: { 2024: { primary: [1] } }, bogus: 1 }\n"
        let found = diagnostics(yaml)
        #expect(found.count == 1)
        #expect(found.first?.message == "unknown key 'bogus' in a district")
        #expect(diagnostics("scenario: x\nbase_year: 2024\nhorizon: 2\ndistricts: []\n").first?.message == "'districts' is empty")
    }
}
