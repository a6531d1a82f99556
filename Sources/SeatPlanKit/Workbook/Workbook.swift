import Foundation

/// `report.xlsx`: the run's reports in one workbook for Excel or WPS — an overview sheet of the ranked
/// plans (with a comparison), then one sheet per CSV report of the run, in the order they are listed.
///
/// The sheets are made from the CSV files themselves, once they are written into the staging folder, so
/// every report a run writes (those added later too) becomes a sheet, and its cells are the CSV's: number
/// cells for numbers (the value the CSV text denotes), empty cells left empty, text as written (without
/// the `'` that formula-safe CSV puts before `=`, `+`, `-`, `@`: a workbook's text cell is never a
/// formula). Each column's format follows its name (`WorkbookColumn`); the header row is frozen, has
/// filter buttons and titles in the chosen language (`WorkbookTitles`); column widths fit the longest cell.
///
/// A sheet holds at most 1,048,576 rows (Excel's limit), the header included: a larger report is refused,
/// with nothing written, never truncated.
public struct Workbook: Sendable {
    public static let fileName = "report.xlsx"
    /// Data rows a sheet holds under its header row.
    public static let maxDataRows = XLSXWriter.maxRows - 1

    let scenario: Scenario
    let comparison: PlanComparison?
    let language: ReportLanguage

    public init(scenario: Scenario, comparison: PlanComparison?, language: ReportLanguage) {
        self.scenario = scenario
        self.comparison = comparison
        self.language = language
    }

    static func tooLarge(_ file: String, rows: Int) -> OutputDirectory.WriteError {
        OutputDirectory.WriteError(description: "\(fileName) not written: \(file) has \(rows.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) rows, "
            + "more than the \(maxDataRows.formatted(.number.locale(Locale(identifier: "en_US")))) an Excel sheet holds under its header — "
            + "leave out --xlsx (the CSV files hold every row) or make the run smaller (--plans, --grades district)")
    }

    /// Refuses, before anything is written, a report whose rows are known beforehand and are too many.
    func check(_ files: [ReportFile]) throws(OutputDirectory.WriteError) {
        for file in files where file.name.hasSuffix(".csv") {
            if let rows = file.rowCount, rows > Self.maxDataRows { throw Self.tooLarge(file.name, rows: rows) }
        }
    }

    /// Writes `report.xlsx` into `folder` from the CSV files `reports` there.
    func write(folder: String, reports: [String]) throws(OutputDirectory.WriteError) {
        let csvNames = reports.filter { $0.hasSuffix(".csv") }
        var tables: [(name: String, data: Data)] = []
        for name in csvNames {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else {
                throw OutputDirectory.WriteError(description: "\(Self.fileName) not written: cannot read \(name) back")
            }
            let rows = data.withUnsafeBytes { ReportCSVRows(bytes: $0).count } - 1
            if rows > Self.maxDataRows { throw Self.tooLarge(name, rows: rows) }
            tables.append((name, data))
        }
        let path = (folder as NSString).appendingPathComponent(Self.fileName)
        do throws(XLSXWriter.Failure) {
            let writer = try XLSXWriter(path: path, temporaryFolder: folder, title: scenario.title,
                                        created: Self.created(scenario))
            let titles = WorkbookTitles(language: language)
            if let comparison {
                try WorkbookOverview(scenario: scenario, comparison: comparison, language: language)
                    .write(into: writer, sheetName: titles.overview)
            }
            for table in tables {
                let added = table.data.withUnsafeBytes { bytes in
                    Result { () throws(XLSXWriter.Failure) in
                        try Self.addSheet(ReportCSVRows(bytes: bytes), name: titles.sheet(table.name), titles: titles, to: writer)
                    }
                }
                try added.get()
            }
            try writer.close()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw OutputDirectory.WriteError(description: "cannot write \(Self.fileName): \(error.reason)")
        }
    }

    /// The workbook's creation time: 1 January of the base year, 00:00 UTC (a fixed date, so that the same
    /// run gives the same bytes; `SOURCE_DATE_EPOCH` overrides it, as in reproducible builds).
    static func created(_ scenario: Scenario) -> Int {
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int(text), seconds > 0 {
            return seconds
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(from: DateComponents(year: scenario.baseYear, month: 1, day: 1)) ?? Date(timeIntervalSince1970: 0)
        return max(Int(date.timeIntervalSince1970), 1)
    }

    /// The header row's style: bold on the page's soft grey, a rule below.
    static let headerStyle = CellStyle(bold: true, fill: 0xF5F7F9, ruleBelow: true)

    /// Fill and font of each alert, the colours of the page's early-warning map.
    static let alertStyles: [String: CellStyle] = Dictionary(uniqueKeysWithValues: Alert.allCases.map { alert in
        let (fill, text) = AlertSection.colors(alert)
        return (alert.rawValue, CellStyle(fill: rgb(fill), font: rgb(text)))
    })

    /// `#rrggbb` as `0xRRGGBB`.
    static func rgb(_ hex: String) -> UInt32 { UInt32(hex.dropFirst(), radix: 16) ?? 0 }

    /// Characters `utf8` takes on screen: Chinese (three-byte) characters count two.
    static func displayWidth<C: Collection>(_ utf8: C) -> Int where C.Element == UInt8 {
        utf8.reduce(0) { $0 + ($1 < 0x80 ? 1 : $1 >= 0xE0 ? 2 : $1 >= 0xC0 ? 1 : 0) }
    }

    /// Sets column widths that fit `widths` characters (with a margin, at most 60).
    static func setWidths(_ widths: [Int], sheet: Int, writer: XLSXWriter) {
        for (column, width) in widths.enumerated() {
            writer.setWidth(sheet, column: column, Double(min(max(width + 2, 6), 60)))
        }
    }

    /// One sheet of a CSV report: the header row of titles, then the rows, each cell as its column says.
    static func addSheet(_ csv: ReportCSVRows, name: String, titles: WorkbookTitles,
                         to writer: XLSXWriter) throws(XLSXWriter.Failure) {
        let sheet = try writer.addSheet(name)
        let formulaSafe = csv.bytes.starts(with: [0xEF, 0xBB, 0xBF])  // written for Excel: `'` before `=+-@`
        var columns: [WorkbookColumn] = []
        var widths: [Int] = []
        var text: [UInt8] = []
        var lastRow = 0
        csv.forEach { row, fields in
            lastRow = row
            for (c, field) in fields.enumerated() {
                csv.text(field, into: &text)
                if row == 0 {
                    let name = String(decoding: text, as: UTF8.self)
                    let title = titles.column(name)
                    columns.append(WorkbookColumn(name: name))
                    widths.append(displayWidth(title.utf8) + 2)  // room for the filter button
                    writer.string(sheet, row: 0, column: c, title, style: headerStyle)
                    continue
                }
                guard c < columns.count, !text.isEmpty else { continue }
                let column = columns[c]
                if column != .text, column != .alert, !field.quoted,
                   let number = text.withUnsafeBytes({ CSVNumber($0) }) {
                    writer.number(sheet, row: row, column: c, number.value, style: column.style(places: number.places))
                    widths[c] = max(widths[c], column.width(ofNumber: text.count, integerDigits: number.integerDigits))
                    continue
                }
                if formulaSafe, text.count > 1, text[0] == UInt8(ascii: "'"), CSVWriter.formulaStarts.contains(text[1]) {
                    text.removeFirst()
                }
                let style = column == .alert ? alertStyles[String(decoding: text, as: UTF8.self)] : nil
                text.withUnsafeBytes { writer.string(sheet, row: row, column: c, utf8: $0, style: style) }
                widths[c] = max(widths[c], displayWidth(text))
            }
        }
        writer.freezeRows(sheet, 1)
        if !columns.isEmpty { writer.autofilter(sheet, headerRow: 0, lastRow: lastRow, lastColumn: columns.count - 1) }
        setWidths(widths, sheet: sheet, writer: writer)
    }
}

extension ReportSet {
    /// Adds `report.xlsx`, made from the CSV reports of the set (those added after this call too) once they
    /// are written, with them, at once.
    public mutating func add(_ workbook: Workbook) {
        files.append(.workbook(workbook))
    }
}

extension ReportFile {
    /// `report.xlsx`, made from the other files of its set once they are written.
    static func workbook(_ workbook: Workbook) -> ReportFile {
        ReportFile(madeFromOthers: Workbook.fileName, check: { files throws(OutputDirectory.WriteError) in
            try workbook.check(files)
        }, make: { folder, names throws(OutputDirectory.WriteError) in
            try workbook.write(folder: folder, reports: names)
        })
    }
}
