import Foundation

/// One CSV table of a scenario (`tables:`), its header checked against the columns its kind allows, with
/// typed reads of its cells that record a diagnostic at the cell for every value that is missing, of the
/// wrong type or out of range — the CSV counterpart of `YAMLReader`.
struct ScenarioTable {
    /// The tables a scenario may take from CSV, and their columns.
    enum Kind: String, CaseIterable, Sendable {
        case districts, zones, births, enrollment, migration, schools, housing

        var required: [String] {
            switch self {
            case .districts: ["id"]
            case .zones: ["district", "id", "share"]
            case .births: ["district", "year", "births"]
            case .enrollment: ["year", "district", "stage", "grade", "students"]
            case .migration: ["district", "stage", "pupils"]
            case .schools: ["id", "zone", "stage", "classrooms"]
            case .housing: ["district", "development", "year", "dwellings", "pupils_per_100_dwellings"]
            }
        }

        var optional: [String] {
            switch self {
            case .districts: ["name"]
            case .zones: ["name", "neighbours", "township", "longitude", "latitude"]
            case .births: []
            case .enrollment: ["zone"]
            case .migration: ["year"]
            case .schools: ["name", "closes", "public", "longitude", "latitude"]
            case .housing: ["zone", "ramp"]
            }
        }

        /// The columns in the order the README lists them (for hints).
        var columns: [String] {
            switch self {
            case .districts: ["id", "name"]
            case .zones: ["district", "id", "name", "share", "neighbours", "township", "longitude", "latitude"]
            case .births: ["district", "year", "births"]
            case .enrollment: ["year", "district", "zone", "stage", "grade", "students"]
            case .migration: ["district", "stage", "year", "pupils"]
            case .schools: ["id", "name", "zone", "stage", "classrooms", "closes", "public", "longitude", "latitude"]
            case .housing: ["district", "zone", "development", "year", "dwellings", "pupils_per_100_dwellings", "ramp"]
            }
        }
    }

    let kind: Kind
    let document: CSVDocument
    /// Column name and position in a row (a handful: comparing names is cheaper than hashing them).
    private let position: [(name: String, index: Int)]
    /// What went wrong in this table (moved to the scenario's diagnostics when the table is done).
    private(set) var diagnostics = DiagnosticCollector()
    /// Errors that many rows may repeat (an unknown district …): reported once, at the first row, with
    /// the number of rows.
    private var repeated: [String: (diagnostic: Diagnostic, rows: Int)] = [:]
    private var repeatedOrder: [String] = []

    var file: String { document.file }
    var records: [CSVRecord] { document.records }
    /// Some row or cell of the table was rejected, so checks over the whole table (a grade missing …)
    /// would only repeat those errors.
    var hadErrors: Bool { document.hadErrors || diagnostics.hasErrors || !repeated.isEmpty }

    /// Reads and checks the header: unknown, duplicate and missing columns are errors. `nil` when the rows
    /// cannot be read (not CSV, a required column missing, a column given twice).
    static func read(_ data: Data, kind: Kind, file: String, into out: inout DiagnosticCollector) -> ScenarioTable? {
        var reading = DiagnosticCollector()
        let document = CSVTableReader.read(data, file: file, into: &reading)
        var position: [String: Int] = [:]
        var usable = true
        let allowed = kind.columns
        // A header naming none of the columns: another separator, or not a scenario table at all. Nothing
        // of the file is quoted (not even in the reader's errors about its rows), so that naming a file by
        // mistake shows none of its content.
        guard let document, document.header.contains(where: { allowed.contains($0.trimmed) }) else {
            guard let document else {
                for diagnostic in reading.diagnostics { out.add(diagnostic) }
                return nil
            }
            let start = SourceLocation(file: file, line: document.header[0].line, column: 1)
            let line = document.header.map(\.text).joined(separator: ",")
            if let separator = [";", "\t"].first(where: { line.contains($0) }) {
                out.error(at: start, "the \(kind.rawValue) table is separated by \(separator == ";" ? "';'" : "tabs"), not commas",
                          hint: "save it as comma-separated CSV (in Excel: 'CSV UTF-8 (comma delimited)')")
            } else {
                out.error(at: start, "this file is not a \(kind.rawValue) table: its first row names none of its columns",
                          hint: "check the path under 'tables:'; the header must name \(kind.required.joined(separator: ", "))")
            }
            return nil
        }
        for diagnostic in reading.diagnostics { out.add(diagnostic) }
        for (i, cell) in document.header.enumerated() {
            let name = cell.trimmed
            let place = document.location(cell)
            if name.isEmpty {
                out.error(at: place, "column \(i + 1) of the header has no name",
                          hint: "name it; the columns of \(kind.rawValue) are: \(allowed.joined(separator: ", "))")
                usable = false
            } else if !allowed.contains(name) {
                let suggestion = YAMLReader.closest(to: name, in: allowed).map { "did you mean '\($0)'? " } ?? ""
                out.error(at: place, "unknown column '\(name)' in the \(kind.rawValue) table",
                          hint: "\(suggestion)allowed columns: \(allowed.joined(separator: ", "))")
            } else if let first = position[name] {
                out.error(at: place, "column '\(name)' is given twice (first as column \(first + 1))",
                          hint: "keep one column of each name")
                usable = false
            } else {
                position[name] = i
            }
        }
        let missing = kind.required.filter { position[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map { "'\($0)'" }.joined(separator: ", ")
            out.error(at: document.location(document.header[0]),
                      "the \(kind.rawValue) table has no column \(names)",
                      hint: "the header must name \(kind.required.joined(separator: ", "))"
                        + (kind.optional.isEmpty ? "" : ", and may name \(kind.optional.joined(separator: ", "))"))
            usable = false
        }
        guard usable else { return nil }
        return ScenarioTable(kind: kind, document: document, position: position.map { ($0.key, $0.value) })
    }

    // MARK: Cells

    func location(_ cell: CSVField) -> SourceLocation { document.location(cell) }

    /// The cell of `column` in a row; `nil` when the table has no such column.
    func cell(_ record: CSVRecord, _ column: String) -> CSVField? {
        for (name, index) in position where name == column { return record.cells[index] }
        return nil
    }

    mutating func error(_ cell: CSVField, _ message: String, hint: String) {
        diagnostics.error(at: location(cell), message, hint: hint)
    }

    /// An error that every row naming the same wrong thing would repeat: reported once, at its first
    /// row, saying how many rows have it (see `finish()`).
    mutating func repeatedError(_ cell: CSVField, _ message: String, hint: @autoclosure () -> String) {
        if repeated[message] != nil {
            repeated[message]!.rows += 1
            return
        }
        repeated[message] = (.error(at: location(cell), message, hint: hint()), 1)
        repeatedOrder.append(message)
    }

    /// The diagnostics of the table, the repeated errors included.
    func finish() -> [Diagnostic] {
        diagnostics.diagnostics + repeatedOrder.compactMap { key in
            guard let (first, rows) = repeated[key] else { return nil }
            var diagnostic = first
            if rows > 1 { diagnostic.message += " (in \(rows) rows; this is the first)" }
            return diagnostic
        }
    }

    /// Non-empty text of a column every row must fill.
    mutating func text(_ record: CSVRecord, _ column: String) -> String? {
        guard let cell = cell(record, column) else { return nil }
        let text = cell.trimmed
        guard !text.isEmpty else {
            error(cell, "'\(column)' is empty", hint: "write the \(column) in every row")
            return nil
        }
        return text
    }

    /// Text of a column that may be left empty (or left out); `nil` when empty.
    func optionalText(_ record: CSVRecord, _ column: String) -> String? {
        guard let text = cell(record, column)?.trimmed, !text.isEmpty else { return nil }
        return text
    }

    /// A number from `min` to `max` (`nil` after an error, or when the cell is empty and `optional`).
    mutating func number(_ record: CSVRecord, _ column: String, min: Double = 0, max: Double = 1e9,
                         optional: Bool = false) -> Double? {
        guard let cell = cell(record, column) else { return nil }
        let text = cell.trimmed
        if text.isEmpty {
            if !optional { error(cell, "'\(column)' is empty", hint: "write a number in every row") }
            return nil
        }
        return number(text, at: cell, what: "'\(column)'", min: min, max: max)
    }

    /// A number from `min` to `max` written as `text` in `cell` (also used for parts of a cell).
    mutating func number(_ text: String, at cell: CSVField, what: String, min: Double, max: Double) -> Double? {
        guard text.utf8.allSatisfy(Self.isNumberByte), let value = Double(text), value.isFinite else {
            error(cell, "\(what) must be a number",
                  hint: "found '\(text.prefix(40))'; write digits only, e.g. 1200 or 0.95 (no thousands separators)")
            return nil
        }
        if value < min {
            let bound = min == 0 ? "0 or more (not negative)" : "\(YAMLReader.format(min)) or more"
            error(cell, "\(what) must be \(bound)", hint: "found \(YAMLReader.format(value)); correct the value")
            return nil
        }
        if value > max {
            error(cell, "\(what) of \(YAMLReader.format(value)) is beyond the plausible",
                  hint: "write at most \(YAMLReader.format(max))")
            return nil
        }
        return value
    }

    /// Digits, sign, decimal point and exponent: what `Double(_:)` may read here (not `inf`, `nan`, hex).
    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || byte == 0x2B || byte == 0x2D || byte == 0x2E || byte == 0x65 || byte == 0x45
    }

    /// A whole number from `min` to `max`.
    mutating func whole(_ record: CSVRecord, _ column: String, min: Int = 0, max: Int = 1_000_000_000,
                        optional: Bool = false) -> Int? {
        guard let value = number(record, column, min: Double(min), max: Double(max), optional: optional) else {
            return nil
        }
        guard value.rounded() == value, let whole = Int(exactly: value) else {
            if let cell = cell(record, column) {
                error(cell, "'\(column)' must be a whole number", hint: "found \(value); write it without decimals")
            }
            return nil
        }
        return whole
    }

    /// A year from 1900 to 2200.
    mutating func year(_ record: CSVRecord, _ column: String, optional: Bool = false) -> Int? {
        guard let cell = cell(record, column) else { return nil }
        let text = cell.trimmed
        if text.isEmpty {
            if !optional { error(cell, "'\(column)' is empty", hint: "write a four-digit year such as 2025") }
            return nil
        }
        guard let year = Int(text), (1900...2200).contains(year) else {
            error(cell, "'\(text.prefix(40))' is not a year", hint: "write a four-digit year such as 2025")
            return nil
        }
        return year
    }
}
