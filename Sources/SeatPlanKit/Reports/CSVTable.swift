import Foundation

/// One cell of a report: text, or a number with a fixed number of decimals.
public enum CSVCell: Sendable, Equatable {
    case text(String)
    case integer(Int)
    /// A number written with exactly `places` decimals (`-0` written as `0`).
    case decimal(Double, places: Int)
    case empty

    /// A number or empty when `nil`.
    public static func decimal(_ value: Double?, places: Int) -> CSVCell {
        value.map { .decimal($0, places: places) } ?? .empty
    }

    public static func integer(_ value: Int?) -> CSVCell {
        value.map { .integer($0) } ?? .empty
    }

    /// A pupil or seat count, rounded half away from zero to a whole number.
    public static func whole(_ value: Double) -> CSVCell {
        .integer(WholeNumbers.roundToInt(value))
    }
}

/// The encoded bytes of one text cell (quoted and formula-safe as its writer requires).
/// Text cells encoded once, into one block of bytes: the ids and names written on millions of rows.
public struct EncodedFields: Sendable {
    private let bytes: [UInt8]
    /// Field `k` is `bytes[ends[k − 1] ..< ends[k]]` (from 0 for the first).
    private let ends: [Int]

    /// `texts` as `writer` writes text cells (quoted, formula-safe).
    public init(_ texts: [String], writer: CSVWriter) {
        let output = ReportOutput()
        var ends: [Int] = []
        ends.reserveCapacity(texts.count)
        for text in texts {
            writer.append(.text(text), to: output)
            ends.append(output.count)
        }
        bytes = output.bytes
        self.ends = ends
    }

    public var count: Int { ends.count }

    /// Appends field `k`.
    @inline(__always)
    func append(_ k: Int, to output: ReportOutput) {
        let start = k > 0 ? ends[k - 1] : 0
        bytes.withUnsafeBytes { output.append(UnsafeRawBufferPointer(rebasing: $0[start..<ends[k]])) }
    }
}

/// A report table being written: a fixed list of column names, then rows of cells in that order,
/// each encoded as it is appended into the table's `ReportOutput` (no table of cells is kept in memory;
/// streamed to a file, no table of bytes either).
public struct CSVTable {
    public let columns: [String]
    public let writer: CSVWriter
    public private(set) var rowCount = 0
    let output: ReportOutput

    /// A table kept in memory (`data`).
    public init(columns: [String], writer: CSVWriter) {
        self.init(columns: columns, writer: writer, output: ReportOutput())
    }

    init(columns: [String], writer: CSVWriter, output: ReportOutput, header: Bool = true) {
        self.columns = columns
        self.writer = writer
        self.output = output
        guard header else { return }
        if writer.excel { output.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        for (i, name) in columns.enumerated() {
            if i > 0 { output.append(UInt8(ascii: ",")) }
            writer.appendField(name, to: output)
        }
        output.append(contentsOf: [0x0D, 0x0A])
    }

    public mutating func append(_ row: [CSVCell]) {
        appendRow { cells in
            for cell in row { cells.cell(cell) }
        }
    }

    /// Appends one row whose cells `fill` writes in column order, straight into the output (no array of
    /// cells: the way for reports of millions of rows).
    public mutating func appendRow(_ fill: (inout CSVRowWriter) -> Void) {
        var cells = startRow()
        fill(&cells)
        end(cells)
    }

    /// The writer of the next row's cells; `end(_:)` closes the row. (In the loops of millions of rows,
    /// this pair instead of `appendRow`: no closure context copied per row.)
    public func startRow() -> CSVRowWriter {
        CSVRowWriter(output: output, writer: writer)
    }

    public mutating func end(_ cells: CSVRowWriter) {
        precondition(cells.count == columns.count, "a row of \(cells.count) cells for \(columns.count) columns")
        output.append(0x0D)
        output.append(0x0A)
        rowCount += 1
        output.flushIfFull()
    }

    /// The encoded file (of a table kept in memory).
    public var data: Data { output.data }
}

/// Writes the cells of one row in column order, with the separators between them.
public struct CSVRowWriter {
    let output: ReportOutput
    let writer: CSVWriter
    private(set) var count = 0

    init(output: ReportOutput, writer: CSVWriter) {
        self.output = output
        self.writer = writer
    }

    @inline(__always)
    private mutating func next() {
        if count > 0 { output.append(UInt8(ascii: ",")) }
        count += 1
    }

    public mutating func cell(_ cell: CSVCell) {
        next()
        writer.append(cell, to: output)
    }

    /// Field `k` of text encoded once.
    @inline(__always)
    public mutating func field(_ fields: EncodedFields, _ k: Int) {
        next()
        fields.append(k, to: output)
    }

    public mutating func text(_ text: String) { cell(.text(text)) }

    @inline(__always)
    public mutating func integer(_ value: Int) {
        next()
        CSVWriter.appendInteger(value, to: output)
    }

    /// A number with exactly `places` decimals, or empty when `nil`.
    @inline(__always)
    public mutating func decimal(_ value: Double?, places: Int) {
        next()
        if let value { CSVWriter.appendDecimal(value, places: places, to: output) }
    }

    /// A pupil or seat count, rounded half away from zero to a whole number.
    @inline(__always)
    public mutating func whole(_ value: Double) { integer(WholeNumbers.roundToInt(value)) }
}

/// Encodes report cells as RFC 4180 CSV: UTF-8, CRLF line ends, a header row, fields quoted when they
/// hold a comma, quote, CR or LF (quotes doubled), numbers with a point and no thousands separator.
///
/// For Excel: a UTF-8 byte order mark, and text cells that start with `=`, `+`, `-`, `@`, tab or CR
/// prefixed with `'` so that Excel shows them as text and never runs them as formulas. Number cells are
/// never touched, so negative numbers stay numbers.
public struct CSVWriter: Sendable {
    public var excel: Bool

    public init(excel: Bool = false) {
        self.excel = excel
    }

    func append(_ cell: CSVCell, to output: ReportOutput) {
        switch cell {
        case .text(let text): appendField(excel ? Self.formulaSafe(text) : text, to: output)
        case .integer(let value): Self.appendInteger(value, to: output)
        case .decimal(let value, let places): Self.appendDecimal(value, places: places, to: output)
        case .empty: break
        }
    }

    /// `format(value, places:)`, appended digit by digit (no string made below 10¹⁵).
    static func appendDecimal(_ value: Double, places: Int, to output: ReportOutput) {
        guard value.isFinite else { return }
        let places = max(0, min(places, 9))
        var power = 1
        for _ in 0..<places { power *= 10 }
        let scaled = value * Double(power)
        guard abs(scaled) < 1e15 else {
            output.append(contentsOf: String(format: "%.\(places)f", value).utf8)
            return
        }
        let units = Int(WholeNumbers.round(scaled))
        if units < 0 { output.append(UInt8(ascii: "-")) }
        output.appendDigits(abs(units) / power)
        if places > 0 {
            output.append(UInt8(ascii: "."))
            output.appendDigits(abs(units) % power, minimumCount: places)
        }
    }

    /// `value` rounded half away from zero (as `WholeNumbers.round`) to exactly `places` decimals,
    /// `-0.00` written `0.00`; non-finite values are empty.
    public static func format(_ value: Double, places: Int) -> String {
        let output = ReportOutput()
        appendDecimal(value, places: places, to: output)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    @inline(__always)
    static func appendInteger(_ value: Int, to output: ReportOutput) {
        if value < 0 {
            guard value != .min else { return output.append(contentsOf: String(value).utf8) }
            output.append(UInt8(ascii: "-"))
        }
        output.appendDigits(abs(value))
    }

    /// The first characters that make Excel read a text cell as a formula.
    static let formulaStarts = Array("=+-@\t\r".utf8)

    /// `'` before text that Excel would read as a formula.
    public static func formulaSafe(_ text: String) -> String {
        guard let first = text.utf8.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    func appendField(_ text: String, to output: ReportOutput) {
        let utf8 = text.utf8
        let plain = utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D { return false }
            output.append(UnsafeRawBufferPointer(bytes))
            return true
        }
        if plain == true { return }
        guard utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            output.append(contentsOf: utf8)
            return
        }
        output.append(0x22)
        for byte in utf8 {
            if byte == 0x22 { output.append(0x22) }
            output.append(byte)
        }
        output.append(0x22)
    }
}
