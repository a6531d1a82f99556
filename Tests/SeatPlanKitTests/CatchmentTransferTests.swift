import Foundation
import Testing
@testable import SeatPlanKit

/// Catchment areas, transfers, per-stage bands and births held after `extend`, on a scenario small enough
/// to follow by hand (MODEL.md, *Catchment areas*, *Transfers*, Demand item 4). Every expected number is
/// derived in the comments from the scenario text, not taken from the program.
///
/// District d1 has zones z1, z2, z3 (shares 0.5, 0.3, 0.2); d2 has no zones. Base year 2025:
/// - primary (2 grades, classes of 10, `overflow: neighbours`): d1 counts [60, 40] → z1 (30, 20) = 50,
///   z2 (18, 12) = 30, z3 (12, 8) = 20; d2 [20, 20] = 40. Seats: z1 2 rooms = 20, z2 50, z3 10, d2 60.
///   Neighbours: z1 [z3, z2]; z3 [z2, d2] (d2 is in the other district).
/// - kg (1 grade, classes of 10, `catchment: district`, its own bands 11 / 12): d1 25 (over its zones),
///   d2 10; seats d1 20 (k1 in z1), d2 10.
/// - voc (1 grade, classes of 10, `catchment: scenario`): 10 + 8 = 18 against v1 (z2) and v2 (d2), 20 seats.
@Suite struct CatchmentTransferTests {
    static func scenario(births: String = "", extend: String = "", horizon: Int = 1) -> String {
        let constant = (2008...2024).map { "\($0): 100" }.joined(separator: ", ")
        return """
        scenario: areas
        base_year: 2025
        horizon: \(horizon)
        standards:
          stages:
            - { id: primary, grades: 2, entry_age: 6, class_size: 10, overflow: neighbours }
            - { id: kg, grades: 1, entry_age: 3, class_size: 10, catchment: district, large_class: 11, super_large_class: 12 }
            - { id: voc, grades: 1, entry_age: 15, class_size: 10, catchment: scenario }
          large_class: 56
          super_large_class: 66
        projection:
          births: { method: linear, fit_window: 5\(extend) }
        districts:
          - id: d1
            births: { \(births.isEmpty ? constant : births) }
            enrollment:
              2024: { primary: [60, 40], kg: [25], voc: [10] }
              2025: { primary: [60, 40], kg: [25], voc: [10] }
            zones:
              - { id: z1, share: 0.5, neighbours: [z3, z2] }
              - { id: z2, share: 0.3 }
              - { id: z3, share: 0.2, neighbours: [z2, d2] }
          - id: d2
            births: { \(constant) }
            enrollment:
              2024: { primary: [20, 20], kg: [10], voc: [8] }
              2025: { primary: [20, 20], kg: [10], voc: [8] }
        schools:
          - { id: s1, zone: z1, stage: primary, classrooms: 2 }
          - { id: s2, zone: z2, stage: primary, classrooms: 5 }
          - { id: s3, zone: z3, stage: primary, classrooms: 1 }
          - { id: s4, zone: d2, stage: primary, classrooms: 6 }
          - { id: k1, zone: z1, stage: kg, classrooms: 2 }
          - { id: k2, zone: d2, stage: kg, classrooms: 1 }
          - { id: v1, zone: z2, stage: voc, classrooms: 1 }
          - { id: v2, zone: d2, stage: voc, classrooms: 1 }
        """
    }

    /// Each row of the base year as (district, zone, stage).
    static func rows(_ allocation: Allocation) -> [(String, String, String)] {
        let grid = allocation.grid
        return (0..<grid.rowsPerYear).map { r in
            let z = grid.zone(r)
            return (grid.districtIDs[grid.district(r)], z >= 0 ? grid.zoneIDs[z] : "", grid.stages[grid.stage(r)].id)
        }
    }

    @Test func eachCatchmentLevelHasItsOwnRowsInMODELsOrder() throws {
        let (_, allocation) = try simulate(Self.scenario())
        // Zone stages per zone, then the district's own rows (empty zone), districts in file order, ALL last.
        let expected = [("d1", "z1", "primary"), ("d1", "z2", "primary"), ("d1", "z3", "primary"), ("d1", "", "kg"),
                        ("d2", "d2", "primary"), ("d2", "", "kg"), ("ALL", "", "voc")]
        #expect(Self.rows(allocation).map { "\($0.0)/\($0.1)/\($0.2)" } == expected.map { "\($0.0)/\($0.1)/\($0.2)" })
        let rows = allocation.outcomes[0].rows
        // d1's kindergarten: 25 pupils of all its zones against the 2 rooms of k1 (20 seats).
        #expect(close(rows.students(3), 25) && rows.seats(3) == 20)
        // The city's vocational area: 10 + 8 pupils, v1 + v2 = 20 seats.
        #expect(close(rows.students(6), 18) && rows.seats(6) == 20)
    }

    @Test func transfersFollowTheSenderAndNeighbourOrder() throws {
        let (_, allocation) = try simulate(Self.scenario())
        let rows = allocation.outcomes[0].rows
        let grid = allocation.grid
        // Excess: z1 50 − 20 = 30, z3 20 − 10 = 10; spare: z2 50 − 30 = 20, d2 60 − 40 = 20.
        // z1 first (largest excess): z3 has no spare, z2 takes 20 (all its spare); 10 of z1's excess stay.
        // z3 then: z2 is full, d2 takes 10. Were z3 first, it would have filled z2 with 10.
        let moves = rows.moves.filter { $0.t == 0 }.map { "\(grid.zoneIDs[$0.from])>\(grid.zoneIDs[$0.to]) \($0.pupils)" }
        #expect(moves == ["z1>z2 20.0", "z3>d2 10.0"])
        #expect(close(rows.transferredOut(0), 20) && close(rows.transferredIn(1), 20))
        #expect(close(rows.transferredOut(2), 10) && close(rows.transferredIn(4), 10))
        // After the pass: z1 30 (short by 10, red), z2 50 = its seats (red, full), z3 10 = its seats (red),
        // d2 50 of 60 (0.83: green, below the yellow 0.90).
        #expect(close(rows.students(0), 30) && close(rows.gap(0), 10))
        #expect(close(rows.students(1), 50) && rows.alert(1) == .red && close(rows.utilisation(1) ?? 0, 1))
        #expect(close(rows.students(2), 10) && rows.alert(2) == .red)
        #expect(close(rows.students(4), 50) && rows.alert(4) == .green)
    }

    @Test func aTransferTakesFromEachGradeInProportion() throws {
        let (_, allocation) = try simulate(Self.scenario())
        let rows = allocation.outcomes[0].rows
        let grades = { (i: Int) in (0..<2).map { rows.gradePupils(i, grade: $0).total } }
        // z1 (30, 20) sends 20: 20 · 30/50 = 12 and 20 · 20/50 = 8 → (18, 12); z2 (18, 12) receives → (30, 20).
        #expect(zip(grades(0), [18.0, 12]).allSatisfy { close($0, $1) })
        #expect(zip(grades(1), [30.0, 20]).allSatisfy { close($0, $1) })
        // z3 (12, 8) sends 10: (6, 4) stay, and d2 (20, 20) receives (6, 4) → (26, 24).
        #expect(zip(grades(2), [6.0, 4]).allSatisfy { close($0, $1) })
        #expect(zip(grades(4), [26.0, 24]).allSatisfy { close($0, $1) })
        // The moved pupils are the rows' `transfer` component.
        #expect(close(rows.gradePupils(0, grade: 0).transfer, -12) && close(rows.gradePupils(4, grade: 1).transfer, 4))
    }

    @Test func aStageCountsClassesWithItsOwnBands() throws {
        let (_, allocation) = try simulate(Self.scenario())
        let rows = allocation.outcomes[0].rows
        // d1's kindergarten: 25 pupils in 2 rooms → classes of 13 and 12; with the stage's bands (large 11,
        // super-large 12) both are super-large; with the scenario's (56, 66) neither would be.
        #expect(rows.maxClassSize(3) == 13 && rows.classesFormed(3) == 2)
        #expect(rows.largeClasses(3) == 2 && rows.superLargeClasses(3) == 2)
        // Primary keeps the scenario's bands: z1's 30 pupils in 2 rooms make classes of 18 and 12 — neither large.
        #expect(rows.largeClasses(0) == 0)
    }

    @Test func birthsAreHeldAfterExtendAndAWarningSaysWhenTheTrendRunsAway() throws {
        // d1's births fall by 10 a year over the fit window 2020–2024 (140 … 100): the line gives 90 in 2025,
        // 80 in 2026, … With extend 2 the trend stops at 2026 (80) and every later year keeps 80.
        let falling = (2008...2024).map { "\($0): \(100 + 10 * (2024 - $0))" }.joined(separator: ", ")
        let (_, held) = try simulate(Self.scenario(births: falling, extend: ", extend: 2", horizon: 10))
        let projected = held.demand.assumptions.filter { $0.district == "d1" && $0.parameter == .birthsProjected }
        let byYear = Dictionary(uniqueKeysWithValues: projected.compactMap { a in a.year.map { ($0, a.value) } })
        #expect(close(byYear[2025], 90, 1e-6) && close(byYear[2026], 80, 1e-6))
        #expect(close(byYear[2027], 80, 1e-6) && close(byYear[2032], 80, 1e-6))
        // Without `extend` (the fit window's 5 years), the trend stops at 2029 with 50: exactly half of 2024's
        // 100, no warning — although kindergarten entries to 2035 need births to 2032.
        let five = diagnostics(Self.scenario(births: falling, horizon: 10))
        #expect(!five.contains { $0.severity == .error }, "\(five)")
        #expect(!five.contains { $0.message.contains("births trend") })
        // extend 6: 2030 gets 40, below half of 100 → one warning at d1's births.
        let six = diagnostics(Self.scenario(births: falling, extend: ", extend: 6", horizon: 10))
        #expect(!six.contains { $0.severity == .error }, "\(six)")
        let warnings = six.filter { $0.message.contains("births trend") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("projects 40 births for 2030, below half the last listed (100 in 2024)") == true,
                "\(warnings.map(\.message))")
    }
}
