import Foundation
import Testing
@testable import SeatPlanKit

/// Reports produced for scale (#7): streamed into files, in parts on every core, numbers written digit by
/// digit — byte for byte what the plain, in-memory way gives.
@Suite("Streamed and parallel reports")
struct StreamingReportTests {
    /// A table of `count` rows with text that needs quoting, negative and padded decimals, and integers.
    static func fillRows(_ range: Range<Int>, into table: inout CSVTable) {
        for k in range {
            table.append([.text("z\(k % 7), \"q\""), .integer(k - 50_000), .decimal(Double(k) / 1000 - 3, places: 3),
                          .decimal(k % 5 == 0 ? nil : Double(k % 97) / 7, places: 2), .text(k % 3 == 0 ? "=SUM(A1)" : "ok")])
        }
    }

    static let columns = ["zone", "n", "x", "y", "note"]

    @Test("a table produced in parts on every core is the table produced in one piece", arguments: [0, 1, 65_535, 65_536, 200_001])
    func partsGiveTheSameBytes(count: Int) {
        for excel in [false, true] {
            let writer = CSVWriter(excel: excel)
            let whole = ReportFile.csv("t.csv", columns: Self.columns, writer: writer) { Self.fillRows(0..<count, into: &$0) }
            let parts = ReportFile.csv("t.csv", columns: Self.columns, writer: writer, rowCount: count) {
                Self.fillRows($0, into: &$1)
            }
            #expect(whole.data == parts.data, "\(count) rows, excel \(excel)")
        }
    }

    @Test("files streamed into the output folder hold what their data says, and the rows written are counted")
    func streamedFilesEqualTheirData() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("seatplan-stream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let count = 40_000  // about 2 MB: more than one 1 MiB flush
        let files = [
            ReportFile.csv("serial.csv", columns: Self.columns, writer: CSVWriter()) { Self.fillRows(0..<count, into: &$0) },
            ReportFile.csv("parts.csv", columns: Self.columns, writer: CSVWriter(), rowCount: count) { Self.fillRows($0, into: &$1) },
            ReportFile(name: "page.html", data: Data("<p>ä</p>".utf8)),
        ]
        let rows = try OutputDirectory(path: folder.path).write(files)
        #expect(rows == 2 * count)
        for file in files {
            let written = try Data(contentsOf: folder.appendingPathComponent(file.name))
            #expect(written == file.data, "\(file.name)")
        }
        #expect(try Data(contentsOf: folder.appendingPathComponent("serial.csv")).count > ReportOutput.flushSize)
    }

    @Test("integers and decimals written digit by digit read as String(format:) writes them")
    func digitsMatchTheFormatter() {
        #expect(CSVWriter.format(0.05, places: 2) == "0.05")
        #expect(CSVWriter.format(-0.05, places: 2) == "-0.05")
        #expect(CSVWriter.format(-0.004, places: 2) == "0.00")
        #expect(CSVWriter.format(12_345_678.25, places: 1) == "12345678.3")  // half away from zero
        for value in [0, 7, -7, 10, 99, 100, -1000, Int.max, Int.min, 1 << 53] {
            let output = ReportOutput()
            CSVWriter.appendInteger(value, to: output)
            #expect(String(decoding: output.bytes, as: UTF8.self) == String(value))
        }
        var random = SplitMix64(seed: 7)
        for _ in 0..<20_000 {
            // Values a whole step plus a quarter away from any rounding tie, so that both ways must agree.
            let places = Int.random(in: 0...4, using: &random)
            let units = Int.random(in: -10_000_000...10_000_000, using: &random)
            var power = 1.0
            for _ in 0..<places { power *= 10 }
            let value = (Double(units) + 0.25) / power
            #expect(CSVWriter.format(value, places: places) == String(format: "%.\(places)f", value), "\(value)")
        }
    }

    @Test("ids and names encoded once are quoted and made formula-safe as text cells are")
    func encodedFields() {
        let texts = ["plain", "a, b", "say \"hi\"", "=1+1", "-3", "西城", ""]
        for excel in [false, true] {
            let writer = CSVWriter(excel: excel)
            let fields = EncodedFields(texts, writer: writer)
            #expect(fields.count == texts.count)
            for (k, text) in texts.enumerated() {
                let once = ReportOutput(), cell = ReportOutput()
                fields.append(k, to: once)
                writer.append(.text(text), to: cell)
                #expect(once.bytes == cell.bytes, "\(text), excel \(excel)")
            }
        }
    }

    @Test("the chunks of parallel work cover every position once", arguments: [0, 1, 4_095, 4_097, 100_003])
    func chunksCoverEveryPosition(count: Int) {
        let seen = [Int](settingEvery: count) { marks in
            Parallel.forEachChunk(count: count) { range in
                for k in range { marks.buffer[k] = k }
            }
        }
        #expect(seen == Array(0..<count))
    }
}

/// The columns every plan's rows keep (for speed at national scale) say what the full rows say.
@Suite("Capacity rows as columns")
struct CapacityColumnsTests {
    @Test("every column of every row agrees with the row's grades and class organisation, in both example scenarios",
          arguments: Repo.scenarios)
    func columnsEqualRows(path: String) throws {
        let (scenario, allocation) = try simulate(path: path)
        let standards = scenario.standards
        var shortRows = 0
        for outcome in allocation.outcomes {
            let rows = outcome.rows
            #expect(rows.count == allocation.grid.count)
            for i in rows.indices {
                let row = rows[i]
                let organisation = row.organisation
                // The columns come from the demand cells and `ClassSummary`; the detail from the demand per
                // grade and `ClassOrganisation`: two ways to the same numbers.
                let stage = scenario.standards.stages[allocation.grid.stage(i)]
                #expect(close(rows.students(i), row.grades.reduce(0) { $0 + $1.total }, 1e-9))
                #expect(rows.seats(i) == Double(rows.classrooms(i)) * stage.seatsPerClassroom)
                #expect(rows.wholePupils(i) == organisation.pupils.reduce(0, +))
                #expect(organisation.pupils == row.grades.map { WholeNumbers.roundToInt($0.total) })
                #expect(rows.classesNeeded(i) == organisation.classesNeeded)
                #expect(rows.classroomShortage(i) == max(0, organisation.classesNeeded - rows.classrooms(i)))
                #expect(rows.classesFormed(i) == organisation.classesFormed)
                #expect(rows.maxClassSize(i) == organisation.maxClassSize)
                #expect(rows.unplaced(i) == organisation.unplaced && rows.placed(i) == organisation.placed)
                #expect(rows.meanClassSize(i) == organisation.meanClassSize)
                let s = allocation.grid.stage(i), z = allocation.grid.zone(i)
                #expect(rows.largeClasses(i) == organisation.classes(atLeast: standards.largeClass(of: s)))
                #expect(rows.superLargeClasses(i) == organisation.classes(atLeast: standards.superLargeClass(of: s)))
                #expect(row.year == allocation.grid.year(i) && row.zone == (z >= 0 ? allocation.grid.zoneIDs[z] : "")
                        && row.stage == stage.id)
                if row.classrooms < row.classesNeeded { shortRows += 1 }
            }
        }
        if path.hasSuffix("example-city.yaml") {
            #expect(shortRows > 0, "the example must exercise rooms handed out by highest averages")
        }
    }

    @Test("the classrooms of every row are the open schools' classrooms of that stage and year, in the schools' catchment area")
    func classroomTableIsTheSchoolsSum() throws {
        let (_, allocation) = try simulate(path: Repo.path("scenarios/example-city.yaml"))
        let grid = allocation.grid
        for outcome in allocation.outcomes {
            let table = Allocator.classroomTable(outcome.network, grid: grid)
            var expected = Array(repeating: 0, count: grid.count)
            for school in outcome.network.schools {
                for t in 0..<grid.yearCount {
                    for s in 0..<grid.stageCount {
                        // The school's zone, its district or the scenario, as the stage's catchment says.
                        let area = grid.catchments[s] == .zone ? school.zone
                            : grid.catchments[s] == .district ? grid.zoneCount + grid.districtOfZone[school.zone]
                            : grid.zoneCount + grid.districtCount
                        let i = try #require(grid.row(t: t, area: area, stage: s))
                        expected[i] += school.classrooms(stage: s, year: grid.baseYear + t)
                    }
                }
            }
            #expect(table == expected, "\(outcome.plan.id)")
        }
    }
}
