import Foundation

/// One field of a CSV file: its text (quotes removed, doubled quotes undone) and where it starts.
struct CSVField: Sendable {
    var text: String
    /// 1-based line and column (in characters of the line) of the field's first character — its
    /// opening quote when quoted.
    var line: Int
    var column: Int
    /// Written in quotes (so `""` is a value written, not a field left out).
    var quoted: Bool

    /// The text without surrounding whitespace (an ideographic space included).
    var trimmed: String {
        // Most fields start and end with a printable ASCII character: nothing to trim.
        let utf8 = text.utf8
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return text
        }
        return text.trimmingWhitespace
    }
    var isBlank: Bool { !quoted && text.isEmpty }
}

/// One row of a CSV file.
struct CSVRecord: Sendable {
    var cells: [CSVField]
    /// Where the row ends (just after its last character): where a missing field would go.
    var endLine: Int
    var endColumn: Int

    var line: Int { cells[0].line }
    var isBlank: Bool { cells.allSatisfy(\.isBlank) }
}

/// A CSV file read by `CSVTableReader`: the header row and the data rows that have as many fields.
struct CSVDocument: Sendable {
    /// The file as the user would name it (used in every diagnostic).
    var file: String
    var header: [CSVField]
    var records: [CSVRecord]
    /// Some rows were left out because they were malformed (each has its diagnostic).
    var hadErrors: Bool

    func location(_ cell: CSVField) -> SourceLocation {
        SourceLocation(file: file, line: cell.line, column: cell.column)
    }
}

/// Reads CSV text as RFC 4180 describes it, keeping the line and column of every field.
///
/// - UTF-8, with or without a byte order mark (Excel's "CSV UTF-8" writes one).
/// - Lines end with CRLF, LF or a lone CR; the last line may end without one.
/// - A field is quoted when it starts with `"`; inside, `""` is one quote and commas and line breaks are
///   text. A quote inside an unquoted field is taken as text (`5" pipe`); text after a closing quote
///   is an error.
/// - The first row that is not blank is the header; every other row must have as many fields.
///   Blank rows (nothing, or only commas) are skipped.
///
/// Problems are diagnostics at the line and column where they are: a wrong number of fields drops the
/// row and reading goes on; an unterminated quote ends the reading (the rows before it are kept); a file
/// that is not UTF-8 or has no header gives `nil`.
/// Linear in the size of the file.
enum CSVTableReader {
    static func read(_ data: Data, file: String, into diagnostics: inout DiagnosticCollector) -> CSVDocument? {
        if UTF16Detection.isUTF16(data) {
            diagnostics.add(UTF16Detection.error(file: file, what: "the table"))
            return nil
        }
        guard String(data: data, encoding: .utf8) != nil else {
            diagnostics.error(at: ScenarioLoader.firstInvalidUTF8(in: data, file: file),
                              "the file is not UTF-8 text (GBK or another legacy encoding?)",
                              hint: "save it as UTF-8 (in Excel: 'CSV UTF-8 (comma delimited)')")
            return nil
        }
        return read([UInt8](data), file: file, into: &diagnostics)
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","),
                       lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// Whether `byte` starts a character (is not a UTF-8 continuation byte).
    @inline(__always) private static func startsCharacter(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }

    private static func read(_ b: [UInt8], file: String,
                             into diagnostics: inout DiagnosticCollector) -> CSVDocument? {
        let n = b.count
        var i = n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
        var line = 1, column = 1
        var header: [CSVField]?
        var records: [CSVRecord] = []
        var hadErrors = false
        var cells: [CSVField] = []
        var rowIsBad = false
        // Rows with a wrong number of fields, by that number: reported once each, at the first such row
        // (a header with a column too many would otherwise give one error per row).
        var wrongCounts: [Int: (diagnostic: Diagnostic, rows: Int)] = [:]
        var wrongCountOrder: [Int] = []
        func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
        func reportWrongCounts() {
            for count in wrongCountOrder {
                guard let (first, rows) = wrongCounts[count] else { continue }
                var diagnostic = first
                if rows > 1 { diagnostic.message += " (in \(rows) rows; this is the first)" }
                diagnostics.add(diagnostic)
            }
        }

        while true {
            // At the start of a field.
            let fieldLine = line, fieldColumn = column
            if i < n, b[i] == quote {
                i += 1; column += 1
                var text: [UInt8] = []
                var closed = false
                while i < n {
                    let c = b[i]
                    if c == quote {
                        if i + 1 < n, b[i + 1] == quote {
                            text.append(quote); i += 2; column += 2
                            continue
                        }
                        i += 1; column += 1; closed = true
                        break
                    }
                    text.append(c); i += 1
                    if c == lf || c == cr {
                        if c == cr, i < n, b[i] == lf { text.append(lf); i += 1 }
                        line += 1; column = 1
                    } else if startsCharacter(c) {
                        column += 1
                    }
                }
                guard closed else {
                    // The rest of the file is inside the quotes: keep the rows before it.
                    diagnostics.error(at: at(fieldLine, fieldColumn), "this quoted field is not closed",
                                      hint: "add the closing '\"' (a quote inside a quoted field is written twice: \"\")")
                    reportWrongCounts()
                    return header.map { CSVDocument(file: file, header: $0, records: records, hadErrors: true) }
                }
                if i < n, b[i] != comma, b[i] != lf, b[i] != cr {
                    diagnostics.error(at: at(line, column), "text after the closing quote of a field",
                                      hint: "put the whole field in quotes and write a quote inside it twice, e.g. \"say \"\"hi\"\"\"")
                    rowIsBad = true
                    while i < n, b[i] != comma, b[i] != lf, b[i] != cr {
                        if startsCharacter(b[i]) { column += 1 }
                        i += 1
                    }
                }
                cells.append(CSVField(text: String(decoding: text, as: UTF8.self), line: fieldLine,
                                     column: fieldColumn, quoted: true))
            } else {
                let start = i
                while i < n, b[i] != comma, b[i] != lf, b[i] != cr {
                    if startsCharacter(b[i]) { column += 1 }
                    i += 1
                }
                cells.append(CSVField(text: String(decoding: b[start..<i], as: UTF8.self),
                                     line: fieldLine, column: fieldColumn, quoted: false))
            }
            if i < n, b[i] == comma {
                i += 1; column += 1
                continue
            }
            // The end of a row: a line break or the end of the file.
            let record = CSVRecord(cells: cells, endLine: line, endColumn: column)
            cells = []
            cells.reserveCapacity(header?.count ?? record.cells.count)
            if rowIsBad {
                hadErrors = true
                rowIsBad = false
            } else if record.isBlank {
                // skipped
            } else if let header {
                if record.cells.count == header.count {
                    records.append(record)
                } else if wrongCounts[record.cells.count] != nil {
                    hadErrors = true
                    wrongCounts[record.cells.count]!.rows += 1
                } else {
                    hadErrors = true
                    let names = header.map(\.trimmed).joined(separator: ", ")
                    let diagnostic: Diagnostic
                    if record.cells.count > header.count {
                        diagnostic = .error(at: at(record.cells[header.count].line, record.cells[header.count].column),
                                            "this row has \(record.cells.count) fields; the header has \(header.count) (\(names))",
                                            hint: "remove the extra fields, or put a field that contains a comma in quotes: \"a, b\"")
                    } else {
                        diagnostic = .error(at: at(record.endLine, record.endColumn),
                                            "this row has \(record.cells.count) field(s); the header has \(header.count) (\(names))",
                                            hint: "give every column a field, an empty one as nothing between two commas")
                    }
                    wrongCounts[record.cells.count] = (diagnostic, 1)
                    wrongCountOrder.append(record.cells.count)
                }
            } else {
                header = record.cells
            }
            guard i < n else { break }
            if b[i] == cr, i + 1 < n, b[i + 1] == lf { i += 2 } else { i += 1 }
            line += 1; column = 1
            guard i < n else { break }
        }
        reportWrongCounts()
        guard let header else {
            diagnostics.error(at: at(1, 1), "the file is empty; a CSV table needs a header row",
                              hint: "write the column names on the first line, e.g. id,name")
            return nil
        }
        return CSVDocument(file: file, header: header, records: records, hadErrors: hadErrors)
    }
}
