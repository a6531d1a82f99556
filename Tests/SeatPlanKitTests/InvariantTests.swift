import Foundation
import Testing
import TestSupport
@testable import SeatPlanKit

/// MODEL.md's invariants on every scenario of `scenarios/` (and the tiny test scenario).
@Suite struct InvariantTests {
    static let inputs: [String] = Repo.scenarios + ["tiny"]

    func load(_ input: String) throws -> (Scenario, Allocation) {
        input == "tiny" ? try simulate(tinyScenario) : try simulate(path: input)
    }

    /// Components add up: cohort + migration + housing = the grade's pupils, exactly before rounding and
    /// within the rounding of the written figures in `grades.csv`.
    @Test(arguments: inputs)
    func componentsAddUpInGrades(input: String) throws {
        let (scenario, allocation) = try load(input)
        let grades = try CSVFile(data: ReportSet(allocation: allocation, scenario: scenario, excel: false)
            .files.first { $0.name == "grades.csv" }!.data)
        var checked = 0
        for row in grades.rows {
            let parts = ["cohort", "migration", "housing"].map { Double(row[$0] ?? "") ?? .nan }
            let total = Double(row["students"] ?? "") ?? .nan
            #expect(abs(parts.reduce(0, +) - total) <= 0.0015 + 1e-9, "\(row)")
            checked += 1
        }
        #expect(checked > 0)
        for outcome in allocation.outcomes {
            for row in outcome.rows {
                #expect(close(row.students, row.grades.reduce(0) { $0 + $1.cohort + $1.migration + $1.housing }, 1e-9))
            }
        }
    }

    /// No pupil is lost or created between the district's cohort and its zones: Σ_zones share-split cohort
    /// and migration = the district's, and every row's pupils = Σ grades.
    @Test(arguments: inputs)
    func zonesAddUpToTheirDistrict(input: String) throws {
        let (scenario, allocation) = try load(input)
        let index = ScenarioIndex(scenario)
        let baseline = allocation.outcomes[0]
        for (d, district) in scenario.districts.enumerated() {
            let demand = allocation.demand.districts[d]
            for (s, stage) in scenario.standards.stages.enumerated() {
                for t in 0..<allocation.demand.yearCount {
                    let year = allocation.demand.year(t)
                    var zonesCohort = 0.0, zonesTotal = 0.0, housing = 0.0
                    for z in index.zonesOfDistrict[d] {
                        let row = baseline.rows.first { $0.year == year && $0.zone == index.zones[z].id && $0.stage == stage.id }!
                        zonesCohort += row.grades.reduce(0) { $0 + $1.cohort + $1.migration }
                        zonesTotal += row.students
                        housing += row.grades.reduce(0) { $0 + $1.housing }
                    }
                    let districtCohort = (0..<stage.grades).reduce(0.0) {
                        $0 + demand.cohort[s][$1][t] + demand.migration[s][$1][t]
                    }
                    #expect(abs(zonesCohort - districtCohort) <= 1e-6 * max(1, districtCohort), "\(district.id) \(stage.id) \(year)")
                    #expect(abs(zonesTotal - districtCohort - housing) <= 1e-6 * max(1, zonesTotal))
                }
            }
        }
    }

    /// `districts.csv` is the sum of `capacity.csv` over zones, and `ALL` the sum over districts
    /// (pupils and seats within the rounding of the written figures: half a pupil per zone summed).
    @Test(arguments: inputs)
    func writtenZonesAddUpToWrittenDistricts(input: String) throws {
        let (scenario, allocation) = try load(input)
        let files = ReportSet(allocation: allocation, scenario: scenario, excel: false).files
        let capacity = try CSVFile(data: files.first { $0.name == "capacity.csv" }!.data).rows
        let districts = try CSVFile(data: files.first { $0.name == "districts.csv" }!.data).rows
        var sums: [String: (students: Double, seats: Double, classrooms: Int, zones: Int)] = [:]
        for row in capacity {
            for d in [row["district"]!, "ALL"] {
                let key = [row["plan"]!, row["year"]!, d, row["stage"]!].joined(separator: "|")
                var s = sums[key] ?? (0, 0, 0, 0)
                s.students += Double(row["students"]!)!
                s.seats += Double(row["seats"]!)!
                s.classrooms += Int(row["classrooms"]!)!
                s.zones += 1
                sums[key] = s
            }
        }
        #expect(districts.count == sums.count)
        for row in districts {
            let key = [row["plan"]!, row["year"]!, row["district"]!, row["stage"]!].joined(separator: "|")
            let s = try #require(sums[key])
            #expect(abs(Double(row["students"]!)! - s.students) <= 0.5 * Double(s.zones) + 0.5, "\(key)")
            #expect(abs(Double(row["seats"]!)! - s.seats) <= 0.5 * Double(s.zones) + 0.5, "\(key)")
            #expect(Int(row["classrooms"]!)! == s.classrooms, "\(key)")
        }
    }

    /// Projected pupils are never negative, and every plan sees the same pupils.
    @Test(arguments: inputs)
    func demandIsTheSameForEveryPlanAndNeverNegative(input: String) throws {
        let (_, allocation) = try load(input)
        let baseline = allocation.outcomes[0].rows
        for outcome in allocation.outcomes {
            for (a, b) in zip(outcome.rows, baseline) {
                #expect(a.students == b.students)
                #expect(a.grades.allSatisfy { $0.cohort >= 0 && $0.migration >= 0 && $0.housing >= 0 })
            }
        }
    }

    /// The same scenario gives byte-identical reports, run twice.
    @Test(arguments: inputs)
    func runsAreByteIdentical(input: String) throws {
        let first = try load(input), second = try load(input)
        let a = ReportSet(allocation: first.1, scenario: first.0, excel: true).files
        let b = ReportSet(allocation: second.1, scenario: second.0, excel: true).files
        #expect(a.map(\.name) == b.map(\.name))
        for (x, y) in zip(a, b) { #expect(x.data == y.data, "\(x.name)") }
    }
}
