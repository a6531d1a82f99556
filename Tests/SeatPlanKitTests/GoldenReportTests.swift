import Foundation
import Testing
@testable import SeatPlanKit

/// Every report of every scenario in `scenarios/` (those of `run` and of `compare`), and the text `compare`
/// prints (`compare.txt`, a snapshot of the terminal), against the committed files in `Golden/<scenario>/`.
///
/// After a deliberate change of the numbers, re-record with `SEATPLAN_RECORD_GOLDEN=1 swift test`
/// and review the diff of `Tests/SeatPlanKitTests/Golden/` before committing it.
@Suite struct GoldenReportTests {
    static let record = ProcessInfo.processInfo.environment["SEATPLAN_RECORD_GOLDEN"] == "1"

    @Test(arguments: Repo.scenarios)
    func reportsMatchTheGoldenFiles(path: String) throws {
        let (scenario, allocation) = try simulate(path: path)
        let comparison = PlanComparison(allocation, scenario: scenario)
        let reports = ReportSet(allocation: allocation, scenario: scenario, excel: scenario.output.excel,
                                comparison: comparison)
        let folder = "\(Repo.golden)/\(scenario.id)"
        if Self.record {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let terminal = Data((TerminalComparison.text(comparison, allocation: allocation, scenario: scenario) + "\n").utf8)
        for (name, data) in reports.files.map({ ($0.name, $0.data) }) + [("compare.txt", terminal)] {
            let goldenPath = "\(folder)/\(name)"
            if Self.record {
                try data.write(to: URL(fileURLWithPath: goldenPath))
                continue
            }
            let golden = try #require(FileManager.default.contents(atPath: goldenPath), "missing golden file \(goldenPath)")
            if golden != data {
                let separator = name.hasSuffix(".txt") ? "\n" : "\r\n"
                let expected = String(decoding: golden, as: UTF8.self).split(separator: separator, omittingEmptySubsequences: false)
                let actual = String(decoding: data, as: UTF8.self).split(separator: separator, omittingEmptySubsequences: false)
                let first = zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }
                Issue.record("""
                    \(scenario.id)/\(name) differs from its golden file (\(expected.count) vs \(actual.count) lines)\
                    \(first.map { "; first difference at line \($0.offset + 1):\n- \($0.element.0)\n+ \($0.element.1)" } ?? "")
                    """)
            }
        }
    }
}
