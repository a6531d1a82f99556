import Foundation

/// Stage 5 of the pipeline: an allocation → the report files of a run, each produced when it is written
/// (streamed into the output folder) or when its `data` is asked for.
public struct ReportSet: Sendable {
    public var files: [ReportFile]

    /// The files of a run, in the order they are listed to the user.
    public static let fileNames = ["capacity.csv", "districts.csv", "grades.csv", "summary.csv", "transfers.csv",
                                   "assumptions.csv", "indicators.csv", "rankings.csv"]
    /// The files `compare` adds.
    public static let comparisonFileNames = ["comparison.csv", "projects.csv"]

    public var names: [String] { files.map(\.name) }

    /// How much grade-level detail `grades.csv` holds.
    public enum GradesDetail: String, Sendable, CaseIterable {
        /// Every grade of every zone (the default).
        case zone
        /// Every grade of every district, summed over its zones.
        case district
        /// No `grades.csv`.
        case none
    }

    /// The run's reports (`summary.csv` formats the comparison's stage measures), and with `comparisonFiles`
    /// `comparison.csv` and `projects.csv` too. `blindSpots` (the coverage check) fills `blind_spot_areas`
    /// of `indicators.csv` (empty without it).
    public init(allocation: Allocation, scenario: Scenario, excel: Bool, comparison: PlanComparison,
                comparisonFiles: Bool, grades detail: GradesDetail = .zone, blindSpots: (any BlindSpotSource)? = nil,
                geojson: Bool = false) {
        let writer = CSVWriter(excel: excel)
        // Blind-spot areas come from the comparison's coverage unless given.
        let blindSpots = blindSpots ?? comparison.coverage
        files = [
            .csv("capacity.csv", columns: CapacityReport.columns, writer: writer,
                 rowCount: CapacityReport.rowCount(allocation)) { [fields = CapacityReport.Fields(allocation, scenario: scenario, writer: writer)] in
                CapacityReport.fill(allocation, fields: fields, rows: $0, into: &$1)
            },
            .csv("districts.csv", columns: DistrictsReport.columns, writer: writer) {
                DistrictsReport.fill(allocation, scenario: scenario, into: &$0)
            },
            .csv("summary.csv", columns: SummaryReport.columns, writer: writer) {
                SummaryReport.fill(comparison, into: &$0)
            },
            .csv("transfers.csv", columns: TransfersReport.columns, writer: writer) {
                TransfersReport.fill(allocation, into: &$0)
            },
            .csv("assumptions.csv", columns: AssumptionsReport.columns, writer: writer) {
                AssumptionsReport.fill(allocation.demand, into: &$0)
            },
            .csv("indicators.csv", columns: IndicatorsReport.columns(scenario), writer: writer) {
                IndicatorsReport.fill(Indicators(allocation, scenario: scenario, blindSpots: blindSpots), into: &$0)
            },
            .csv("rankings.csv", columns: RankingsReport.columns(scenario), writer: writer) {
                RankingsReport.fill(Rankings(Indicators(allocation, scenario: scenario, blindSpots: blindSpots),
                                             ranking: scenario.ranking), into: &$0)
            },
        ]
        switch detail {
        case .zone:
            files.insert(.csv("grades.csv", columns: GradesReport.columns, writer: writer) {
                GradesReport.fill(allocation, scenario: scenario, into: &$0)
            }, at: 2)
        case .district:
            files.insert(.csv("grades.csv", columns: GradesReport.columns, writer: writer) {
                GradesReport.fillByDistrict(allocation, scenario: scenario, into: &$0)
            }, at: 2)
        case .none: break
        }
        files += GeographyFiles.files(comparison.coverage, scenario: scenario, allocation: allocation, writer: writer,
                                      geojson: geojson)
        if comparisonFiles {
            files.append(.csv("comparison.csv", columns: ComparisonReport.columns(scenario), writer: writer) {
                ComparisonReport.fill(comparison, scenario: scenario, into: &$0)
            })
            files.append(.csv("projects.csv", columns: ProjectsReport.columns, writer: writer) {
                ProjectsReport.fill(comparison, into: &$0)
            })
        }
    }

    /// The run's reports, and with a comparison `comparison.csv` and `projects.csv` too (without one,
    /// `summary.csv` is formatted from a comparison made here).
    public init(allocation: Allocation, scenario: Scenario, excel: Bool, comparison: PlanComparison? = nil,
                grades detail: GradesDetail = .zone, blindSpots: (any BlindSpotSource)? = nil, geojson: Bool = false) {
        self.init(allocation: allocation, scenario: scenario, excel: excel,
                  comparison: comparison ?? PlanComparison(allocation, scenario: scenario),
                  comparisonFiles: comparison != nil, grades: detail, blindSpots: blindSpots, geojson: geojson)
    }

    /// Writes every file into `directory` at once (see `OutputDirectory`); returns the data rows written.
    @discardableResult
    public func write(to directory: String) throws(OutputDirectory.WriteError) -> Int {
        try OutputDirectory(path: directory).write(files)
    }
}
