import Foundation
import Testing
import TestSupport
@testable import SeatPlanKit

/// `capacity.csv` of example-city against an independent implementation of MODEL.md
/// (`Golden/example-city.expected-capacity.csv`, copied from `shared/spec/`, unrounded):
/// pupils, seats and gap within rounding, utilisation within 0.0001, mean class size within the
/// 2 written decimals, every other column exact — for every row of every plan.
@Suite struct ExpectedCapacityTests {
    @Test func everyRowOfEveryPlanMatchesTheIndependentImplementation() throws {
        let expected = try CSVFile(path: "\(Repo.golden)/example-city.expected-capacity.csv")
        let (scenario, allocation) = try simulate(path: Repo.path("scenarios/example-city.yaml"))
        let report = ReportSet(allocation: allocation, scenario: scenario, excel: false)
        let capacity = try #require(report.files.first { $0.name == "capacity.csv" })
        let actual = try CSVFile(data: capacity.data)
        #expect(actual.rows.count == expected.rows.count)
        #expect(Array(actual.header.prefix(expected.header.count)) == expected.header)
        for (e, a) in zip(expected.rows, actual.rows) {
            let id = ["plan", "year", "district", "zone", "stage"].map { e[$0] ?? "" }.joined(separator: " ")
            for key in ["plan", "year", "district", "zone", "stage"] { #expect(a[key] == e[key], "\(id) \(key)") }
            for key in ["students", "seats", "gap"] {
                let (x, y) = (Double(e[key] ?? "") ?? .nan, Double(a[key] ?? "") ?? .nan)
                #expect(abs(x - y) <= 0.5 + 1e-9, "\(id) \(key): expected \(x), got \(y)")
            }
            if e["utilisation"] == "" {
                #expect(a["utilisation"] == "", "\(id) utilisation")
            } else {
                let (x, y) = (Double(e["utilisation"]!) ?? .nan, Double(a["utilisation"] ?? "") ?? .nan)
                #expect(abs(x - y) <= 0.0001 + 1e-12, "\(id) utilisation: expected \(x), got \(y)")
            }
            let (mx, my) = (Double(e["mean_class_size"] ?? "") ?? .nan, Double(a["mean_class_size"] ?? "") ?? .nan)
            #expect(abs(mx - my) <= 0.005 + 1e-9, "\(id) mean_class_size: expected \(mx), got \(my)")
            for key in ["classes_needed", "classrooms", "classroom_shortage", "large_classes", "super_large_classes",
                        "max_class_size", "unplaced", "alert"] {
                #expect(a[key] == e[key], "\(id) \(key): expected \(e[key] ?? "-"), got \(a[key] ?? "-")")
            }
        }
    }
}
