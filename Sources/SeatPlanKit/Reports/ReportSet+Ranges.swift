/// The files `--draws` adds to a run: written with the others, at once.
extension ReportSet {
    public static let rangeFileNames = ["ranges.csv", "summary_ranges.csv", "plan_probabilities.csv"]

    public mutating func addRanges(_ summary: DrawSummary, scenario: Scenario, excel: Bool) {
        let writer = CSVWriter(excel: excel)
        files.append(("ranges.csv", RangesReport.table(summary, scenario: scenario, writer: writer).data))
        files.append(("summary_ranges.csv", SummaryRangesReport.table(summary, scenario: scenario, writer: writer).data))
        files.append(("plan_probabilities.csv", PlanProbabilitiesReport.table(summary, writer: writer).data))
    }
}
