import Testing
@testable import SeatPlanKit

/// The measures of MODEL.md's "Plans compared" on `compareScenario`, computed by hand.
@Suite struct PlanComparisonTests {
    let allocation: Allocation
    let comparison: PlanComparison

    init() throws {
        allocation = try simulate(compareScenario).1
        comparison = PlanComparison(allocation, scenario: try ScenarioLoader().load(text: compareScenario, file: "c.yaml"))
    }

    func all(_ plan: String) throws -> PlanMeasures {
        try #require(comparison.measures(plan: plan))
    }

    @Test func baselineShortageSeatYearsAndPeak() throws {
        let base = try all("baseline")
        // a2: 30 (2025) + 90 × 3 (2026–2028) = 300; peak 90, earliest in 2026.
        #expect(close(base.shortageSeatYears, 300))
        #expect(close(base.peakShortage, 90))
        #expect(base.peakYear == 2026)
        #expect(base.firstYearWithoutShortage == nil)
        #expect(base.verdict == .baseline)
        // Red: a1 (120/120) and a2 (over 100 %) every year; B at 120/180 never.
        #expect(base.redAreaYears == 8)
    }

    @Test func onTimePlanAvoidsTheNewTownShortage() throws {
        let plan = try all("on-time")
        // n1 (90 seats) opens 2026: a2 is short only in 2025 (30).
        #expect(close(plan.shortageSeatYears, 30))
        #expect(close(plan.shortageAvoided, 270))
        #expect(plan.cost == 900)
        #expect(close(plan.costPerSeatYearAvoided ?? -1, 900.0 / 270))
        #expect(plan.firstYearWithoutShortage == 2026)
        // Last year: +90 seats in A, −60 in B (b2 closed from 2027).
        #expect(close(plan.seatsAdded[0], 30))
        #expect(close(try #require(comparison.measures(plan: "on-time", district: "A")).seatsAdded[0], 90))
        #expect(close(try #require(comparison.measures(plan: "on-time", district: "B")).seatsAdded[0], -60))
        // B at 120/120 from 2027: red but not short; a1 and a2 (180/180) red every year: 4 + 4 + 2.
        #expect(plan.redAreaYears == 10)
    }

    @Test func theDelayedPlanIsWorseByTheYearsTheSchoolIsLate() throws {
        let late = try all("late"), onTime = try all("on-time")
        // n1 opens 2028: a2 short 30 + 90 + 90 = 210, i.e. 180 more than on time, all in zone a2 of district A.
        #expect(close(late.shortageSeatYears, 210))
        #expect(close(late.shortageSeatYears - onTime.shortageSeatYears, 180))
        #expect(close(try #require(comparison.measures(plan: "late", district: "A")).shortageSeatYears, 210))
        #expect(close(try #require(comparison.measures(plan: "late", district: "B")).shortageSeatYears, 0))
        #expect(close(late.costPerSeatYearAvoided ?? -1, 900.0 / 90))
        #expect(late.firstYearWithoutShortage == 2028)
        #expect(late.peakYear == 2026)
    }

    @Test func anExpansionInTheWrongZoneAvoidsNone() throws {
        let plan = try all("expand-a1")
        #expect(close(plan.shortageSeatYears, 300))
        #expect(plan.verdict == .avoidsNone)
        #expect(plan.costPerSeatYearAvoided == nil)
        #expect(plan.cost == 200)
    }

    @Test func removeLeavesOutAnInheritedProject() throws {
        let plan = try all("build-only")
        // The closure of b2 is removed: B keeps 180 seats; cost is the build's.
        #expect(close(plan.seatsAdded[0], 90))
        #expect(close(plan.shortageSeatYears, 30))
        #expect(plan.redAreaYears == 8)
        #expect(allocation.outcome("build-only")?.plan.projects.map(\.project.kind) == [.build])
    }

    @Test func plansWithTheSameClassroomsAreAllocatedOnce() {
        // baseline, on-time (= same-as-on-time), late, expand-a1, build-only, too-early: 6 distinct of 7.
        #expect(allocation.outcomes.count == 7)
        #expect(allocation.distinctNetworks == 6)
        #expect(allocation.outcome("same-as-on-time")?.rows.allSatisfy { $0.plan == "same-as-on-time" } == true)
    }

    @Test func projectsShowTheirYearsOfUseAndOverBuilding() throws {
        // n1 under 'late' opens 2028: one open year, used (a2 at 180/180).
        let late = try #require(comparison.projects.first { $0.plan == "late" && $0.school == "n1" })
        #expect(late.year == 2028 && late.plannedYear == 2026 && late.delayedBy == 2 && late.origin == "on-time")
        #expect(late.yearsOpen == [2028] && late.yearsUsed == [2028])
        #expect(!late.overBuilding)
        // 'early' adds 120 seats to a1 from 2025: a1 at 120/240 = 0.5 < 0.6 every year: over-building.
        let early = try #require(comparison.projects.first { $0.plan == "too-early" })
        #expect(early.yearsOpen == [2025, 2026, 2027, 2028] && early.yearsUsed.isEmpty)
        #expect(early.overBuilding)
        #expect(early.seats == 120 && early.cost == 400)
        // The closure removes b2's 2 rooms (60 seats) in B from 2027.
        let closure = try #require(comparison.projects.first { $0.plan == "on-time" && $0.kind == .close })
        #expect(closure.classrooms == -2 && closure.seats == -60 && closure.district == "B" && closure.year == 2027)
    }

    @Test func selectedPlansOnlyWithTheBaseline() throws {
        let scenario = try ScenarioLoader().load(text: compareScenario, file: "c.yaml")
        let some = try Pipeline().simulate(scenario, plans: ["late"])
        #expect(some.outcomes.map(\.plan.id) == ["baseline", "late"])
    }

    @Test func removeAndDelayMistakesAreErrors() {
        let both = compareScenario.replacingOccurrences(of: "    remove: [b2]", with: "    remove: [b2]\n    delay: { b2: 1 }")
        #expect(diagnostics(both).contains { $0.message.contains("'b2' is both delayed and removed") })
        let nothing = compareScenario.replacingOccurrences(of: "remove: [b2]", with: "remove: [b3]")
        let found = diagnostics(nothing).first { $0.message.contains("'remove' names 'b3'") }
        #expect(found?.location.line == 44 && found?.location.column == 14)
    }
}
