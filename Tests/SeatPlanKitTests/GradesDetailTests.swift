import Testing
import TestSupport
@testable import SeatPlanKit

/// `grades.csv` per district (`--grades district`) is the zone-level file summed over each district's zones.
@Suite struct GradesDetailTests {
    @Test(arguments: InvariantTests.inputs)
    func districtRowsAreTheSumsOfTheirZones(input: String) throws {
        let (scenario, allocation) = input == "tiny" ? try simulate(tinyScenario) : try simulate(path: input)
        func grades(_ detail: ReportSet.GradesDetail) throws -> [[String: String]] {
            let files = ReportSet(allocation: allocation, scenario: scenario, excel: false, grades: detail).files
            return try CSVFile(data: try #require(files.first { $0.name == "grades.csv" }).data).rows
        }
        var sums: [String: (students: Double, pupils: Int, classes: Int, unplaced: Int)] = [:]
        for row in try grades(.zone) {
            let key = ["plan", "year", "district", "stage", "grade"].map { row[$0]! }.joined(separator: "|")
            var s = sums[key] ?? (0, 0, 0, 0)
            s.students += Double(row["students"]!)!
            s.pupils += Int(row["pupils"]!)!
            s.classes += Int(row["classes"]!)!
            s.unplaced += Int(row["unplaced"]!)!
            sums[key] = s
        }
        let districts = try grades(.district)
        #expect(districts.count == sums.count)
        for row in districts {
            let key = ["plan", "year", "district", "stage", "grade"].map { row[$0]! }.joined(separator: "|")
            let s = try #require(sums[key], "\(key)")
            #expect(row["zone"] == "")
            #expect(abs(Double(row["students"]!)! - s.students) <= 0.0005 * Double(max(1, scenario.zones.count)) + 1e-9)
            #expect(Int(row["pupils"]!)! == s.pupils && Int(row["classes"]!)! == s.classes && Int(row["unplaced"]!)! == s.unplaced)
        }
        let none = ReportSet(allocation: allocation, scenario: scenario, excel: false, grades: .none)
        #expect(!none.names.contains("grades.csv"))
    }
}
