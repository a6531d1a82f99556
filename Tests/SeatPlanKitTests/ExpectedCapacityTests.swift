import Foundation
import Testing
import TestSupport
@testable import SeatPlanKit

/// example-city against an independent implementation of MODEL.md (`Golden/example-city.expected-*.csv`,
/// copied from `shared/spec/`): every capacity row of every plan from the unrounded columns (pupils, seats,
/// gap, utilisation, mean class size and transfers within 1e-6, every other column exact), every transfer
/// in the order made, and every measure of "Plans compared".
@Suite struct ExpectedCapacityTests {
    static let unrounded = ["students", "seats", "gap", "utilisation", "mean_class_size", "transferred_out", "transferred_in"]

    @Test func everyRowOfEveryPlanMatchesTheIndependentImplementation() throws {
        let expected = try CSVFile(path: "\(Repo.golden)/example-city.expected-capacity.csv")
        let (_, allocation) = try simulate(path: Repo.path("scenarios/example-city.yaml"))
        let grid = allocation.grid
        #expect(allocation.outcomes.count * grid.count == expected.rows.count)
        var k = 0
        for outcome in allocation.outcomes {
            let rows = outcome.rows
            for i in rows.indices {
                guard k < expected.rows.count else { break }
                let e = expected.rows[k]
                k += 1
                let z = grid.zone(i)
                let id = ["plan", "year", "district", "zone", "stage"].map { e[$0] ?? "" }.joined(separator: " ")
                #expect(e["plan"] == outcome.plan.id && e["year"] == String(grid.year(i))
                         && e["district"] == grid.districtIDs[grid.district(i)]
                         && e["zone"] == (z >= 0 ? grid.zoneIDs[z] : "") && e["stage"] == grid.stages[grid.stage(i)].id,
                         "row \(k): \(id)")
                let actual: [String: Double?] = [
                    "students": rows.students(i), "seats": rows.seats(i), "gap": rows.gap(i),
                    "utilisation": rows.utilisation(i), "mean_class_size": rows.meanClassSize(i),
                    "transferred_out": rows.transferredOut(i), "transferred_in": rows.transferredIn(i),
                ]
                for key in Self.unrounded {
                    let x = Double(e[key] ?? "")
                    let y = actual[key] ?? nil
                    if let x, let y {
                        #expect(abs(x - y) <= 1e-6 * Swift.max(1, abs(x)), "\(id) \(key): expected \(x), got \(y)")
                    } else {
                        #expect(x == nil && y == nil, "\(id) \(key): expected \(e[key] ?? "-"), got \(String(describing: y))")
                    }
                }
                let exact: [String: String] = [
                    "classes_needed": String(rows.classesNeeded(i)), "classrooms": String(rows.classrooms(i)),
                    "classroom_shortage": String(rows.classroomShortage(i)), "large_classes": String(rows.largeClasses(i)),
                    "super_large_classes": String(rows.superLargeClasses(i)), "max_class_size": String(rows.maxClassSize(i)),
                    "unplaced": String(rows.unplaced(i)), "alert": rows.alert(i).rawValue,
                ]
                for (key, value) in exact { #expect(e[key] == value, "\(id) \(key): expected \(e[key] ?? "-"), got \(value)") }
            }
        }
    }

    @Test func everyTransferInTheOrderMade() throws {
        let expected = try CSVFile(path: "\(Repo.golden)/example-city.expected-transfers.csv")
        let (_, allocation) = try simulate(path: Repo.path("scenarios/example-city.yaml"))
        let grid = allocation.grid
        var actual: [[String: String]] = []
        var pupils: [Double] = []
        for outcome in allocation.outcomes {
            for move in outcome.rows.moves {
                actual.append([
                    "plan": outcome.plan.id, "year": String(grid.baseYear + move.t), "stage": grid.stages[move.stage].id,
                    "from_district": grid.districtIDs[grid.districtOfZone[move.from]], "from_zone": grid.zoneIDs[move.from],
                    "to_district": grid.districtIDs[grid.districtOfZone[move.to]], "to_zone": grid.zoneIDs[move.to],
                ])
                pupils.append(move.pupils)
            }
        }
        #expect(actual.count == expected.rows.count)
        for (n, e) in expected.rows.enumerated() where n < actual.count {
            for (key, value) in actual[n] { #expect(e[key] == value, "transfer \(n + 1) \(key)") }
            let x = Double(e["pupils"] ?? "") ?? .nan
            #expect(abs(x - pupils[n]) <= 1e-6, "transfer \(n + 1) pupils: expected \(x), got \(pupils[n])")
        }
    }

    @Test func everyMeasureOfPlansCompared() throws {
        let expected = try CSVFile(path: "\(Repo.golden)/example-city.expected-comparison.csv")
        let (scenario, allocation) = try simulate(path: Repo.path("scenarios/example-city.yaml"))
        let comparison = PlanComparison(allocation, scenario: scenario)
        #expect(comparison.measures.count == expected.rows.count)
        let stages = scenario.standards.stages.map(\.id)
        for (e, m) in zip(expected.rows, comparison.measures) {
            let id = "\(e["plan"] ?? "") \(e["district"] ?? "")"
            #expect(e["plan"] == m.plan && e["district"] == m.district, "\(id)")
            var numbers: [String: Double?] = [
                "cost": m.cost, "shortage_seat_years": m.shortageSeatYears, "peak_shortage": m.peakShortage,
                "pupils_transferred": m.pupilsTransferred, "shortage_seat_years_avoided": m.shortageAvoided,
                "cost_per_shortage_seat_year_avoided": m.costPerSeatYearAvoided,
                "red_area_years": Double(m.redAreaYears), "super_large_area_years": Double(m.superLargeAreaYears),
                "large_classes": Double(m.largeClasses), "super_large_classes": Double(m.superLargeClasses),
                "no_school_area_stage_years": Double(m.noSchoolAreaStageYears),
                "unplaced_pupil_years": Double(m.unplacedPupilYears),
                "peak_shortage_year": m.peakYear.map(Double.init), "first_year_no_shortage": m.firstYearWithoutShortage.map(Double.init),
            ]
            for (s, stage) in stages.enumerated() { numbers["seats_added_\(stage)"] = m.seatsAdded[s] }
            for (key, value) in numbers {
                let x = Double(e[key] ?? "")
                if let x, let value {
                    #expect(abs(x - value) <= 1e-6 * Swift.max(1, abs(x)), "\(id) \(key): expected \(x), got \(value)")
                } else {
                    #expect(x == nil && value == nil, "\(id) \(key): expected \(e[key] ?? "-"), got \(String(describing: value))")
                }
            }
            #expect(e["avoids_none"] == (m.avoidsNone ? "yes" : "no"), "\(id) avoids_none")
        }
    }
}
