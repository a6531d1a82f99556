import Foundation

/// Stage 5 of the pipeline: an allocation → the report files of a run, rendered but not yet written.
public struct ReportSet: Sendable {
    public var files: [(name: String, data: Data)]

    /// The files of a run, in the order they are listed to the user.
    public static let fileNames = ["capacity.csv", "districts.csv", "grades.csv", "summary.csv", "assumptions.csv"]
    /// The files `compare` adds.
    public static let comparisonFileNames = ["comparison.csv", "projects.csv"]

    public var names: [String] { files.map(\.name) }

    /// The run's reports, and with a comparison `comparison.csv` and `projects.csv` too.
    /// How much grade-level detail `grades.csv` holds.
    public enum GradesDetail: String, Sendable, CaseIterable {
        /// Every grade of every zone (the default).
        case zone
        /// Every grade of every district, summed over its zones.
        case district
        /// No `grades.csv`.
        case none
    }

    public init(allocation: Allocation, scenario: Scenario, excel: Bool, comparison: PlanComparison? = nil,
                grades detail: GradesDetail = .zone) {
        let writer = CSVWriter(excel: excel)
        files = [
            ("capacity.csv", CapacityReport.table(allocation, scenario: scenario, writer: writer).data),
            ("districts.csv", DistrictsReport.table(allocation, scenario: scenario, writer: writer).data),
            ("summary.csv", SummaryReport.table(allocation, scenario: scenario, writer: writer).data),
            ("assumptions.csv", AssumptionsReport.table(allocation.demand, writer: writer).data),
        ]
        switch detail {
        case .zone: files.insert(("grades.csv", GradesReport.table(allocation, scenario: scenario, writer: writer).data), at: 2)
        case .district: files.insert(("grades.csv", GradesReport.districtTable(allocation, scenario: scenario, writer: writer).data), at: 2)
        case .none: break
        }
        if let comparison {
            files.append(("comparison.csv",
                          ComparisonReport.table(comparison, allocation: allocation, scenario: scenario, writer: writer).data))
            files.append(("projects.csv", ProjectsReport.table(comparison, writer: writer).data))
        }
    }

    /// Writes every file into `directory` at once (see `OutputDirectory`).
    public func write(to directory: String) throws(OutputDirectory.WriteError) {
        try OutputDirectory(path: directory).write(files)
    }
}
