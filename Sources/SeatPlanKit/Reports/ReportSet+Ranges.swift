/// The files `--draws` adds to a run: written with the others, at once.
extension ReportSet {
    public static let rangeFileNames = ["ranges.csv", "summary_ranges.csv", "plan_probabilities.csv", "uncertainty.csv"]

    public mutating func addRanges(_ summary: DrawSummary, scenario: Scenario, excel: Bool) {
        let writer = CSVWriter(excel: excel)
        files.append(.csv("ranges.csv", columns: RangesReport.columns, writer: writer) {
            RangesReport.fill(summary, scenario: scenario, into: &$0)
        })
        files.append(.csv("summary_ranges.csv", columns: SummaryRangesReport.columns, writer: writer) {
            SummaryRangesReport.fill(summary, scenario: scenario, into: &$0)
        })
        files.append(.csv("plan_probabilities.csv", columns: PlanProbabilitiesReport.columns, writer: writer) {
            PlanProbabilitiesReport.fill(summary, into: &$0)
        })
        files.append(.csv("uncertainty.csv", columns: UncertaintyReport.columns, writer: writer) {
            UncertaintyReport.fill(summary, scenario: scenario, into: &$0)
        })
    }
}
