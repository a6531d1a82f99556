import Foundation
import Testing
@testable import SeatPlanKit

/// A report beyond Excel's 1,048,576 rows per sheet (1,048,575 under the header) is refused with a message
/// that says so and what to do, and nothing is written: neither the workbook, nor the CSV files, nor the
/// output folder. Exactly 1,048,575 data rows fit.
@Suite("report.xlsx row limit")
struct WorkbookLimitTests {
    func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("seatplan-workbook-\(UUID().uuidString)")
    }

    func workbook() throws -> Workbook {
        let scenario = try ScenarioLoader().load(text: tinyScenario, file: "tiny.yaml")
        return Workbook(scenario: scenario, comparison: nil, language: .en)
    }

    @Test("a table whose rows are known beforehand is refused before anything is produced")
    func knownRows() throws {
        let produced = Counter()
        let files: [ReportFile] = [.csv("capacity.csv", columns: ["n"], writer: CSVWriter(), rowCount: 1_048_576) { range, table in
            produced.add(range.count)
        }, .workbook(try workbook())]
        let out = folder()
        #expect {
            try OutputDirectory(path: out.path).write(files)
        } throws: { error in
            let text = (error as? OutputDirectory.WriteError)?.description ?? ""
            return text.contains("capacity.csv has 1,048,576 rows") && text.contains("1,048,575")
        }
        #expect(produced.value == 0, "rows were produced before the refusal")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let parent = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
        #expect(!parent.contains { $0.hasPrefix(".\(out.lastPathComponent)") }, "a staging folder was left")
    }

    /// A table of `rows` rows of one number each.
    func counting(_ rows: Int) -> ReportFile {
        .csv("grades.csv", columns: ["n"], writer: CSVWriter()) { table in
            for i in 0..<rows { table.appendRow { $0.integer(i % 10) } }
        }
    }

    @Test("a table counted only once written is refused before the workbook, and the output folder keeps what it had")
    func countedRows() throws {
        let out = folder()
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // A SeatPlan output folder (its marker), so that only the workbook's limit can refuse the run.
        try Data("before".utf8).write(to: out.appendingPathComponent("old.csv"))
        try Data(OutputDirectory.markerText.utf8).write(to: out.appendingPathComponent(OutputDirectory.markerName))
        defer { try? FileManager.default.removeItem(at: out) }
        let files = [counting(1_048_576), .workbook(try workbook())]
        #expect {
            try OutputDirectory(path: out.path).write(files)
        } throws: { error in
            (error as? OutputDirectory.WriteError)?.description.contains("grades.csv has 1,048,576 rows") == true
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == [OutputDirectory.markerName, "old.csv"])
    }

    @Test("1,048,575 data rows fit in one sheet")
    func fullSheet() throws {
        let out = folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let files = [counting(1_048_575), .workbook(try workbook())]
        try OutputDirectory(path: out.path).write(files)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == [OutputDirectory.markerName, "grades.csv", "report.xlsx"])
        let size = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("report.xlsx").path)[.size] as? Int ?? 0
        #expect(size > 1_000_000)
    }
}

/// A count shared by the parts of a table produced on several cores.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add(_ n: Int) { lock.lock(); count += n; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
