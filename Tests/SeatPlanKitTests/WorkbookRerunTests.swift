import Foundation
import Testing
@testable import SeatPlanKit

/// The same reports give the same `report.xlsx`, byte for byte, whenever they are written: the workbook's
/// creation time (and the zip entries' dates) is 1 January of the base year, not the clock's.
@Suite("report.xlsx reruns")
struct WorkbookRerunTests {
    @Test("two runs 2.5 s apart (more than the zip format's 2-second resolution) write identical bytes")
    func identicalBytes() throws {
        let scenario = try ScenarioLoader().load(text: tinyScenario, file: "tiny.yaml")
        var outputs: [Data] = []
        for run in 0..<2 {
            if run > 0 { Thread.sleep(forTimeInterval: 2.5) }
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("seatplan-rerun-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: out) }
            let table: ReportFile = .csv("capacity.csv", columns: ["zone", "students"], writer: CSVWriter(excel: true)) { table in
                table.append([.text("老城"), .integer(1200)])
            }
            try OutputDirectory(path: out.path).write([table, .workbook(Workbook(scenario: scenario, comparison: nil, language: .zh))])
            outputs.append(try Data(contentsOf: out.appendingPathComponent("report.xlsx")))
        }
        #expect(outputs[0].count > 1000)
        #expect(outputs[0] == outputs[1])
        #expect(Workbook.created(scenario) == 1_704_067_200)  // 2024-01-01T00:00:00Z, tiny's base year
    }
}
