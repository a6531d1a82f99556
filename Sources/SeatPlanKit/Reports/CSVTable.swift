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

/// A report table being written: a fixed list of column names, then rows of cells in that order,
/// each encoded as it is appended into the table's `ReportOutput` (no table of cells is kept in memory;
/// streamed to a file, no table of bytes either).
public struct CSVTable {
    public let columns: [String]
    public let writer: CSVWriter
    public private(set) var rowCount = 0
    private(set) var output: ReportOutput

    /// A table kept in memory (`data`).
    public init(columns: [String], writer: CSVWriter) {
        self.init(columns: columns, writer: writer, output: ReportOutput())
    }

    init(columns: [String], writer: CSVWriter, output: ReportOutput) {
        self.columns = columns
        self.writer = writer
        self.output = output
        if writer.excel { self.output.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        for (i, name) in columns.enumerated() {
            if i > 0 { self.output.append(UInt8(ascii: ",")) }
            writer.appendField(name, to: &self.output)
        }
        self.output.append(contentsOf: [0x0D, 0x0A])
    }

    public mutating func append(_ row: [CSVCell]) {
        precondition(row.count == columns.count, "a row of \(row.count) cells for \(columns.count) columns")
        for (i, cell) in row.enumerated() {
            if i > 0 { output.append(UInt8(ascii: ",")) }
            writer.append(cell, to: &output)
        }
        output.append(contentsOf: [0x0D, 0x0A])
        rowCount += 1
        output.flushIfFull()
    }

    /// The encoded file (of a table kept in memory).
    public var data: Data { output.data }
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

    func append(_ cell: CSVCell, to output: inout ReportOutput) {
        switch cell {
        case .text(let text): appendField(excel ? Self.formulaSafe(text) : text, to: &output)
        case .integer(let value): Self.appendInteger(value, to: &output)
        case .decimal(let value, let places): Self.appendDecimal(value, places: places, to: &output)
        case .empty: break
        }
    }

    /// `format(value, places:)`, appended digit by digit (no string made below 10¹⁵).
    static func appendDecimal(_ value: Double, places: Int, to output: inout ReportOutput) {
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
        appendDigits(abs(units) / power, minimumCount: 1, to: &output)
        if places > 0 {
            output.append(UInt8(ascii: "."))
            appendDigits(abs(units) % power, minimumCount: places, to: &output)
        }
    }

    /// The decimal digits of `value ≥ 0`, zero-padded on the left to `minimumCount`.
    private static func appendDigits(_ value: Int, minimumCount: Int, to output: inout ReportOutput) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits, no heap
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0 && count < 24
            while count < minimumCount && count < 24 {
                buffer[23 - count] = UInt8(ascii: "0")
                count += 1
            }
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }

    /// `value` rounded half away from zero (as `WholeNumbers.round`) to exactly `places` decimals,
    /// `-0.00` written `0.00`; non-finite values are empty.
    public static func format(_ value: Double, places: Int) -> String {
        var output = ReportOutput()
        appendDecimal(value, places: places, to: &output)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    static func appendInteger(_ value: Int, to output: inout ReportOutput) {
        if value < 0 {
            guard value != .min else { return output.append(contentsOf: String(value).utf8) }
            output.append(UInt8(ascii: "-"))
        }
        appendDigits(abs(value), minimumCount: 1, to: &output)
    }

    /// `'` before text that Excel would read as a formula.
    public static func formulaSafe(_ text: String) -> String {
        guard let first = text.utf8.first, "=+-@\t\r".utf8.contains(first) else { return text }
        return "'" + text
    }

    func appendField(_ text: String, to output: inout ReportOutput) {
        let utf8 = text.utf8
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
