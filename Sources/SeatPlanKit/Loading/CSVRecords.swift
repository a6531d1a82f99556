import Foundation

/// A CSV file read as RFC 4180 (UTF-8, optional BOM, CRLF or LF, quoted fields with doubled quotes), every
/// cell keeping its line and column so that errors point into the file.
public struct CSVRecords: Sendable {
    public struct Cell: Sendable {
        public var text: String
        public var line: Int
        public var column: Int
    }

    public var file: String
    public var header: [Cell]
    public var rows: [[Cell]]

    /// Reads `path`; errors (unreadable, not UTF-8, unterminated quote, empty) are diagnostics.
    public static func read(path: String) throws(ScenarioError) -> CSVRecords {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError([.error(at: start, "cannot read the CSV file", hint: "check the path and that the file is readable")])
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw ScenarioError([.error(at: ScenarioLoader.firstInvalidUTF8(in: data, file: path),
                                        "the file is not UTF-8 text", hint: "export it as UTF-8 CSV")])
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws(ScenarioError) -> CSVRecords {
        var records: [[Cell]] = []
        var record: [Cell] = []
        var field = "", fieldLine = 1, fieldColumn = 1
        var line = 1, column = 1
        var quoted = false, quoteLine = 1, quoteColumn = 1, atFieldStart = true
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return scalars.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    let following = next()
                    if following == "\"" { field.unicodeScalars.append("\""); column += 2; continue }
                    quoted = false
                    column += 1
                    pending = following
                    continue
                }
                field.unicodeScalars.append(c)
                if c == "\n" { line += 1; column = 1 } else { column += 1 }
                continue
            }
            if atFieldStart { fieldLine = line; fieldColumn = column; atFieldStart = false }
            switch c {
            case "\"" where field.isEmpty:
                quoted = true
                quoteLine = line
                quoteColumn = column
                column += 1
            case ",":
                record.append(Cell(text: field, line: fieldLine, column: fieldColumn))
                field = ""
                column += 1
                atFieldStart = true
            case "\r", "\n":
                if c == "\r" {
                    let following = next()
                    if following != "\n" { pending = following }
                }
                record.append(Cell(text: field, line: fieldLine, column: fieldColumn))
                if !(record.count == 1 && record[0].text.isEmpty) { records.append(record) }
                record = []
                field = ""
                line += 1
                column = 1
                atFieldStart = true
            default:
                field.unicodeScalars.append(c)
                column += 1
            }
        }
        if quoted {
            throw ScenarioError([.error(at: SourceLocation(file: file, line: quoteLine, column: quoteColumn),
                                        "a quoted field is never closed", hint: "add the closing '\"'")])
        }
        if !atFieldStart || !record.isEmpty {
            record.append(Cell(text: field, line: fieldLine, column: fieldColumn))
            if !(record.count == 1 && record[0].text.isEmpty) { records.append(record) }
        }
        guard let header = records.first else {
            throw ScenarioError([.error(at: SourceLocation(file: file, line: 1, column: 1), "the CSV file is empty",
                                        hint: "write a header row and the data")])
        }
        return CSVRecords(file: file, header: header, rows: Array(records.dropFirst()))
    }

    public func location(_ cell: Cell) -> SourceLocation {
        SourceLocation(file: file, line: cell.line, column: cell.column)
    }

    /// The position of the first header among `names` (aliases of one column), if any.
    public func column(_ names: [String]) -> Int? {
        header.firstIndex { names.contains($0.text.trimmingWhitespace.lowercased()) }
    }
}
