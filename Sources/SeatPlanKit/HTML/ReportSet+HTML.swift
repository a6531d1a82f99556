extension ReportSet {
    /// Adds `report.html` to the files written at once with the CSV reports.
    public mutating func add(_ report: HTMLReport) {
        files.append((HTMLReport.fileName, report.data))
    }
}
