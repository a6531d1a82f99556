import Testing
@testable import SeatPlanKit

/// Each formula of MODEL.md checked on `tinyScenario` against numbers computed by hand.
@Suite struct ScenarioFormulaTests {
    let allocation: Allocation
    let demand: DistrictDemand

    init() throws {
        allocation = try simulate(tinyScenario).1
        demand = allocation.demand.districts[0]
    }

    /// Stage 0 = primary, 1 = junior; t = 0 is 2024.
    func cohort(_ stage: Int, _ grade: Int, _ t: Int) -> Double { demand.cohort[stage][grade - 1][t] }
    func migration(_ stage: Int, _ grade: Int, _ t: Int) -> Double { demand.migration[stage][grade - 1][t] }

    @Test func entryRatioIsTheMeanOfEnrolmentOverBirths() {
        // ρ = mean(90/births 2017, 95/births 2018) = mean(0.9, 0.95) = 0.925
        let rho = allocation.demand.assumptions.first { $0.parameter == .entryRatio && $0.stage == "primary" }
        #expect(close(rho?.value, 0.925))
        #expect(rho?.observed.map(\.year) == [2023, 2024])
        // E(primary, 1, 2025) = births(2019) × ρ = 120 × 0.925 = 111; 2026: 130 × 0.925 = 120.25
        #expect(close(cohort(0, 1, 1), 111))
        #expect(close(cohort(0, 1, 2), 120.25))
    }

    @Test func progressionCarriesTheCohortForward() {
        // R(primary, 2) = 92/90 (one pair): E(p,2,2025) = 95 × 92/90; E(p,2,2026) = 111 × 92/90
        #expect(close(cohort(0, 2, 1), 95 * 92 / 90.0))
        #expect(close(cohort(0, 2, 2), 111 * 92 / 90.0))
        // R(primary, 3) = 98/100: E(p,3,2025) = 92 × 0.98 = 90.16
        #expect(close(cohort(0, 3, 1), 90.16))
    }

    @Test func aStageFedByAnotherStartsFromItsLastGrade() {
        // R(junior, 1) = E(j,1,2024) / E(p,3,2023) = 99/100: E(j,1,2025) = 98 × 0.99; 2026: 90.16 × 0.99
        #expect(close(cohort(1, 1, 1), 97.02))
        #expect(close(cohort(1, 1, 2), 90.16 * 0.99))
        // R(junior, 2) = 96/95: E(j,2,2025) = 99 × 96/95
        #expect(close(cohort(1, 2, 1), 99 * 96 / 95.0))
    }

    @Test func migrationIsSpreadOverGradesAndCarriedForward() {
        // 30 a year over 3 grades: +10 each grade each projected year.
        #expect(close(migration(0, 1, 1), 10))
        #expect(close(migration(0, 2, 1), 10))
        // 2026 grade 2: 10 × 92/90 + 10; junior grade 1: 10 (primary grade 3 in 2025) × 0.99
        #expect(close(migration(0, 2, 2), 10 * 92 / 90.0 + 10))
        #expect(close(migration(1, 1, 2), 9.9))
        // Nothing in the base year.
        #expect(migration(0, 1, 0) == 0)
    }

    @Test func housingIsAStockWithARamp() throws {
        // 2025: 200 × 15/100 × ramp[0] = 15, plus the 2024 dwellings' ramp still to come:
        //       100 × 15/100 × (ramp[1] − ramp[0]) = 7.5 → 22.5 over 3 grades = 7.5 each
        // 2026: 200 × 0.15 × 1.0 = 30, plus 7.5 → 37.5 → 12.5 each (not progressed from 2025)
        let z2 = try #require(allocation.row(year: 2025, zone: "z2", stage: "primary"))
        #expect(z2.grades.allSatisfy { close($0.housing, 7.5) })
        let later = try #require(allocation.row(year: 2026, zone: "z2", stage: "primary"))
        #expect(later.grades.allSatisfy { close($0.housing, 12.5) })
        // The base year already counts them.
        #expect(allocation.row(year: 2024, zone: "z2", stage: "primary")?.grades.allSatisfy { $0.housing == 0 } == true)
        // Housing lands only in its zone.
        #expect(allocation.row(year: 2026, zone: "z1", stage: "primary")?.grades.allSatisfy { $0.housing == 0 } == true)
    }

    @Test func zonesTakeTheirShareOfCohortAndMigration() throws {
        // z1 primary grade 1, 2025: 0.75 × (111 + 10) = 90.75; z2: 0.25 × 121 + 7.5 = 37.75
        let z1 = try #require(allocation.row(year: 2025, zone: "z1", stage: "primary"))
        let z2 = try #require(allocation.row(year: 2025, zone: "z2", stage: "primary"))
        #expect(close(z1.grades[0].total, 90.75))
        #expect(close(z2.grades[0].total, 37.75))
        // Base year: the counted pupils split by share, 0.75 × (95 + 92 + 98)
        #expect(close(allocation.row(year: 2024, zone: "z1", stage: "primary")?.students, 0.75 * 285))
    }

    @Test func baseYearClassesWhenRoomsAreShort() throws {
        // z1 primary 2024: 0.75 × [95, 92, 98] = [71.25, 69, 73.5] → whole [71, 69, 74]; 6 rooms < 9 needed
        let row = try #require(allocation.row(year: 2024, zone: "z1", stage: "primary"))
        #expect(row.organisation.pupils == [71, 69, 74])
        #expect(row.classesNeeded == 9)
        #expect(row.classrooms == 6)
        #expect(row.classroomShortage == 3)
        #expect(row.organisation.classes == [2, 2, 2])
        #expect(row.largeClasses == 3 && row.superLargeClasses == 2)
        #expect(row.organisation.maxClassSize == 37)
        #expect(row.seats == 180)
        #expect(close(row.utilisation, 213.75 / 180))
        #expect(row.alert == .red)
    }

    @Test func expansionAddsClassroomsFromItsYear() throws {
        // j1 (4 rooms) + 2 from 2026 under plan 'build'; nine-year school's junior 2 + 1 from 2025 in z2.
        #expect(allocation.row(plan: "build", year: 2025, zone: "z1", stage: "junior")?.classrooms == 4)
        #expect(allocation.row(plan: "build", year: 2026, zone: "z1", stage: "junior")?.classrooms == 6)
        #expect(allocation.row(plan: "build", year: 2025, zone: "z2", stage: "junior")?.seats == 120)
        #expect(allocation.row(year: 2025, zone: "z2", stage: "junior")?.seats == 80)
    }

    @Test func closureTakesTheSchoolAndItsExpansions() throws {
        // j1 closes in 2027 on its own: in 2027 neither its 4 rooms nor the plan's 2 count.
        #expect(allocation.row(plan: "build", year: 2027, zone: "z1", stage: "junior")?.classrooms == 0)
        #expect(allocation.row(year: 2027, zone: "z1", stage: "junior")?.classrooms == 0)
        // The plan closes p1 from 2026: z1 primary has no seat left — a blind spot.
        let row = try #require(allocation.row(plan: "build", year: 2026, zone: "z1", stage: "primary"))
        #expect(row.seats == 0)
        #expect(row.utilisation == nil)
        #expect(row.alert == .noSchool)
        #expect(row.organisation.unplaced == row.wholePupils)
    }

    @Test func buildOpensInItsYearAndDelayMovesIt() throws {
        // 'new' (3 primary rooms in z2) opens 2026 under 'build', 2027 under 'late'.
        #expect(allocation.row(plan: "build", year: 2025, zone: "z2", stage: "primary")?.classrooms == 3)
        #expect(allocation.row(plan: "build", year: 2026, zone: "z2", stage: "primary")?.classrooms == 6)
        #expect(allocation.row(plan: "late", year: 2026, zone: "z2", stage: "primary")?.classrooms == 3)
        #expect(allocation.row(plan: "late", year: 2027, zone: "z2", stage: "primary")?.classrooms == 6)
        // The inherited closure of p1 is delayed too: p1 still open in 2026 under 'late'.
        #expect(allocation.row(plan: "late", year: 2026, zone: "z1", stage: "primary")?.classrooms == 6)
        #expect(allocation.row(plan: "late", year: 2027, zone: "z1", stage: "primary")?.classrooms == 0)
    }

    @Test func baselineIsAlwaysRunFirst() {
        #expect(allocation.outcomes.map(\.plan.id) == ["baseline", "build", "late"])
    }
}

/// Scenario-level edge cases: empty grades, zero seats, projected births.
@Suite struct ScenarioEdgeCaseTests {
    @Test func birthsAreProjectedByTheFittedTrend() throws {
        // Births 2015–2019 rise by 10 a year; entry in 2026 (age 6) needs 2020 = 150 from the linear fit.
        let yaml = tinyScenario
            .replacingOccurrences(of: "births: { 2017: 100, 2018: 100, 2019: 120, 2020: 130, 2021: 140 }",
                                  with: "births: { 2015: 110, 2016: 120, 2017: 100, 2018: 100, 2019: 140 }")
            .replacingOccurrences(of: "births: { method: linear, fit_window: 3 }",
                                  with: "births: { method: linear, fit_window: 3 }\n  ratios: []")
        let (_, allocation) = try simulate(yaml)
        // Fit over 2017–2019: (100, 100, 140): slope 20, 2020 → 100 + 20·(… ) = mean 113.33 + 20·2 = 153.33
        let projected = allocation.demand.assumptions.filter { $0.parameter == .birthsProjected }
        #expect(projected.map { $0.year } == [2020, 2021])
        #expect(close(projected.first?.value, 340.0 / 3 + 40, 1e-6))
        let slope = allocation.demand.assumptions.first { $0.parameter == .birthsSlope }
        #expect(close(slope?.value, 20, 1e-9))
        #expect(slope?.rSquared != nil && slope?.standardError != nil)
        // Entry ratio now: mean(90/100 (2017), 95/100 (2018)) → E(p,1,2025) = births 2019 × 0.925
        #expect(close(allocation.demand.districts[0].cohort[0][0][1], 140 * 0.925))
        #expect(close(allocation.demand.districts[0].cohort[0][0][2], (340.0 / 3 + 40) * 0.925, 1e-6))
    }

    @Test func emptyGradesWithFixedRatiosProjectZero() throws {
        let yaml = tinyScenario
            .replacingOccurrences(of: "junior: [95, 100] }", with: "junior: [0, 0] }")
            .replacingOccurrences(of: "junior: [99, 96] }", with: "junior: [0, 0] }")
            .replacingOccurrences(of: "  births: { method: linear, fit_window: 3 }",
                                  with: "  births: { method: linear, fit_window: 3 }\n  ratios: [{ stage: junior, grade: 2, value: 1.0 }]")
        let (_, allocation) = try simulate(yaml)
        // Junior grade 1 still has observations (0 / 100); grade 2 has only zero denominators: fixed 1.0.
        let row = try #require(allocation.row(year: 2024, zone: "z1", stage: "junior"))
        #expect(row.students == 0 && row.classesNeeded == 0 && row.organisation.maxClassSize == 0)
        #expect(row.organisation.meanClassSize == 0)
        #expect(row.alert == .green)
        let fixed = allocation.demand.assumptions.first { $0.stage == "junior" && $0.grade == 2 }
        #expect(fixed?.method == "fixed" && fixed?.value == 1.0)
    }

    @Test func gradeWithOnlyZeroDenominatorsAndNoFixedRatioIsAnError() {
        let yaml = tinyScenario
            .replacingOccurrences(of: "junior: [95, 100] }", with: "junior: [0, 0] }")
            .replacingOccurrences(of: "junior: [99, 96] }", with: "junior: [0, 0] }")
        let found = diagnostics(yaml)
        #expect(found.contains { $0.severity == .error && $0.message.contains("progression ratio into grade 2 of 'junior'") })
    }

    @Test func oneYearOfHistoryNeedsFixedProgressionRatios() {
        let yaml = tinyScenario.replacingOccurrences(of: "      2023: { primary: [90, 100, 100], junior: [95, 100] }\n", with: "")
        let found = diagnostics(yaml).filter { $0.severity == .error }
        // Four progression ratios have no pair of years; the entry ratio still has 2024.
        #expect(found.count == 4)
        #expect(found.allSatisfy { $0.message.contains("cannot be estimated") && $0.location.line == 18 && $0.location.column == 5 })
    }

    @Test func missingBirthsForAnEntryYearIsAnError() {
        let yaml = tinyScenario.replacingOccurrences(of: "births: { method: linear, fit_window: 3 }",
                                                     with: "births: { method: given }")
        // Entries 2025–2027 need births 2019–2021, listed: fine. Drop 2021:
        let missing = yaml.replacingOccurrences(of: ", 2021: 140 }", with: " }")
        #expect(diagnostics(yaml).filter { $0.severity == .error }.isEmpty)
        let found = diagnostics(missing)
        #expect(found.contains { $0.message.contains("'given'") && $0.message.contains("2021") })
    }

    @Test func aDelayPastTheHorizonIsAWarning() {
        let yaml = tinyScenario.replacingOccurrences(of: "delay: { new: 1, p1: 1 }", with: "delay: { new: 5, p1: 1 }")
        let found = diagnostics(yaml)
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(found.contains { $0.message.contains("delays 'new' to 2031, after the horizon (2027)") })
    }
}
