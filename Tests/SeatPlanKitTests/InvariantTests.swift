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

    /// Components add up: cohort + migration + housing + transfer = the grade's pupils, exactly before
    /// rounding and within the rounding of the written figures in `grades.csv`.
    @Test(arguments: inputs)
    func componentsAddUpInGrades(input: String) throws {
        let (scenario, allocation) = try load(input)
        let grades = try CSVFile(data: ReportSet(allocation: allocation, scenario: scenario, excel: false)
            .files.first { $0.name == "grades.csv" }!.data)
        var checked = 0
        for row in grades.rows {
            let parts = ["cohort", "migration", "housing", "transfer"].map { Double(row[$0] ?? "") ?? .nan }
            let total = Double(row["students"] ?? "") ?? .nan
            #expect(abs(parts.reduce(0, +) - total) <= 0.002 + 1e-9, "\(row)")
            checked += 1
        }
        #expect(checked > 0)
        for outcome in allocation.outcomes {
            for row in outcome.rows {
                #expect(close(row.students, row.grades.reduce(0) { $0 + $1.cohort + $1.migration + $1.housing + $1.transfer }, 1e-9))
            }
        }
    }

    /// No pupil is lost or created between the district's cohort and its areas: for each district, stage and
    /// year, Σ cohort and migration over its rows (its zones', or its own for a district-level stage) = the
    /// district's, and the rows of a scenario-level stage hold Σ over every district; every row's pupils =
    /// Σ grades.
    @Test(arguments: inputs)
    func zonesAddUpToTheirDistrict(input: String) throws {
        let (scenario, allocation) = try load(input)
        let grid = allocation.grid
        let baseline = allocation.outcomes[0].rows
        for (s, stage) in scenario.standards.stages.enumerated() {
            for t in 0..<allocation.demand.yearCount {
                var byDistrict = Array(repeating: 0.0, count: grid.districtCount + 1), housing = 0.0, total = 0.0
                for r in 0..<grid.rowsPerYear where grid.rowStage[r] == s {
                    let row = baseline[t * grid.rowsPerYear + r]
                    byDistrict[grid.rowDistrict[r]] += row.grades.reduce(0) { $0 + $1.cohort + $1.migration }
                    housing += row.grades.reduce(0) { $0 + $1.housing }
                    total += row.grades.reduce(0) { $0 + $1.total - $1.transfer }
                    #expect(close(row.students, row.grades.reduce(0) { $0 + $1.total }, 1e-9))
                }
                var all = 0.0
                for (d, district) in scenario.districts.enumerated() {
                    let demand = allocation.demand.districts[d]
                    let own = (0..<stage.grades).reduce(0.0) { $0 + demand.cohort[s][$1][t] + demand.migration[s][$1][t] }
                    all += own
                    if grid.catchments[s] != .scenario {
                        #expect(abs(byDistrict[d] - own) <= 1e-6 * max(1, own), "\(district.id) \(stage.id) \(t)")
                    }
                }
                let rowsAll = byDistrict.reduce(0, +)
                #expect(abs(rowsAll - all) <= 1e-6 * max(1, all), "\(stage.id) \(t)")
                #expect(abs(total - all - housing) <= 1e-6 * max(1, total))
            }
        }
    }

    /// Transfers conserve pupils per plan, year and stage (Σ sent = Σ received); no zone both sends and
    /// receives; a receiver never passes utilisation 1; only zone rows of stages with `overflow: neighbours` move.
    @Test(arguments: inputs)
    func transfersConservePupils(input: String) throws {
        let (scenario, allocation) = try load(input)
        let grid = allocation.grid
        for outcome in allocation.outcomes {
            let rows = outcome.rows
            for t in 0..<grid.yearCount {
                for s in 0..<grid.stageCount {
                    var sent = 0.0, received = 0.0
                    for r in 0..<grid.rowsPerYear where grid.rowStage[r] == s {
                        let i = t * grid.rowsPerYear + r
                        let (out, into) = (rows.transferredOut(i), rows.transferredIn(i))
                        sent += out
                        received += into
                        #expect(out == 0 || into == 0, "\(outcome.plan.id) row \(i) both sends and receives")
                        if into > 0 { #expect((rows.utilisation(i) ?? 0) <= 1 + 1e-9) }
                        if out > 0 || into > 0 {
                            #expect(scenario.standards.stages[s].overflow == .neighbours && grid.rowZone[r] >= 0)
                        }
                        let net = (0..<grid.stages[s].grades).reduce(0.0) { $0 + rows.gradePupils(i, grade: $1).transfer }
                        #expect(abs(net - (into - out)) <= 1e-6, "\(outcome.plan.id) row \(i): grades' transfers add up")
                    }
                    #expect(abs(sent - received) <= 1e-6 * max(1, sent), "\(outcome.plan.id) \(t) \(s)")
                }
            }
        }
    }

    /// `districts.csv` is the sum of `capacity.csv` over a district's areas, and `ALL` the sum over every row
    /// (pupils and seats within the rounding of the written figures: half a pupil per area summed).
    @Test(arguments: inputs)
    func writtenZonesAddUpToWrittenDistricts(input: String) throws {
        let (scenario, allocation) = try load(input)
        let files = ReportSet(allocation: allocation, scenario: scenario, excel: false).files
        let capacity = try CSVFile(data: files.first { $0.name == "capacity.csv" }!.data).rows
        let districts = try CSVFile(data: files.first { $0.name == "districts.csv" }!.data).rows
        var sums: [String: (students: Double, seats: Double, classrooms: Int, zones: Int)] = [:]
        for row in capacity {
            for d in Set([row["district"]!, "ALL"]) {
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

    /// Projected pupils are never negative, and every plan sees the same pupils before its transfers.
    @Test(arguments: inputs)
    func demandIsTheSameForEveryPlanAndNeverNegative(input: String) throws {
        let (_, allocation) = try load(input)
        let baseline = allocation.outcomes[0].rows
        for outcome in allocation.outcomes {
            for (a, b) in zip(outcome.rows, baseline) {
                let before = { (row: CapacityRow) in row.students - row.transferredIn + row.transferredOut }
                #expect(abs(before(a) - before(b)) <= 1e-9 * max(1, a.students))
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
