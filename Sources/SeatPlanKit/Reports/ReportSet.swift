import Foundation

/// Stage 5 of the pipeline: an allocation → the report files of a run, rendered but not yet written.
public struct ReportSet: Sendable {
    public var files: [(name: String, data: Data)]

    /// The files of a run, in the order they are listed to the user.
    public static let fileNames = ["capacity.csv", "districts.csv", "grades.csv", "summary.csv", "assumptions.csv"]

    public init(allocation: Allocation, scenario: Scenario, excel: Bool) {
        let writer = CSVWriter(excel: excel)
        let tables: [(String, CSVTable)] = [
            ("capacity.csv", CapacityReport.table(allocation, scenario: scenario)),
            ("districts.csv", DistrictsReport.table(allocation, scenario: scenario)),
            ("grades.csv", GradesReport.table(allocation, scenario: scenario)),
            ("summary.csv", SummaryReport.table(allocation, scenario: scenario)),
            ("assumptions.csv", AssumptionsReport.table(allocation.demand)),
        ]
        files = tables.map { ($0.0, writer.render($0.1)) }
    }

    /// Writes every file into `directory` at once (see `OutputDirectory`).
    public func write(to directory: String) throws(OutputDirectory.WriteError) {
        try OutputDirectory(path: directory).write(files)
    }
}
