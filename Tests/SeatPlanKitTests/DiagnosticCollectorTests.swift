import Testing
@testable import SeatPlanKit

@Suite struct DiagnosticCollectorTests {
    /// A scenario with CSV tables reports in several files: each file's diagnostics stay together, files in
    /// the order they were first named, lines in order within a file.
    @Test func sortedGoesFileByFileThenLineAndColumn() {
        var collector = DiagnosticCollector()
        collector.error(at: SourceLocation(file: "b.csv", line: 5, column: 1), "b5", hint: "")
        collector.error(at: SourceLocation(file: "a.yaml", line: 9, column: 1), "a9", hint: "")
        collector.error(at: SourceLocation(file: "b.csv", line: 2, column: 3), "b2", hint: "")
        collector.error(at: SourceLocation(file: "a.yaml", line: 1, column: 1), "a1", hint: "")
        collector.warning(at: SourceLocation(file: "b.csv", line: 2, column: 3), "b2 warning", hint: "")
        collector.error(at: SourceLocation(file: "b.csv", line: 2, column: 1), "b2 first", hint: "")
        #expect(collector.sorted.map(\.message) == ["b2 first", "b2", "b2 warning", "b5", "a1", "a9"])
    }
}
