extension ReportSet {
    /// Adds `report.html` to the files written at once with the CSV reports.
    public mutating func add(_ report: HTMLReport) {
        files.append(ReportFile(name: HTMLReport.fileName, data: report.data))
    }
}
