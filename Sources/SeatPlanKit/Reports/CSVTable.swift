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
/// each encoded as it is appended (no table of cells is kept in memory).
public struct CSVTable: Sendable {
    public let columns: [String]
    public let writer: CSVWriter
    public private(set) var rowCount = 0
    private var bytes: [UInt8] = []

    public init(columns: [String], writer: CSVWriter) {
        self.columns = columns
        self.writer = writer
        if writer.excel { bytes += [0xEF, 0xBB, 0xBF] }
        for (i, name) in columns.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            writer.appendField(name, to: &bytes)
        }
        bytes += [0x0D, 0x0A]
    }

    public mutating func append(_ row: [CSVCell]) {
        precondition(row.count == columns.count, "a row of \(row.count) cells for \(columns.count) columns")
        for (i, cell) in row.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            writer.append(cell, to: &bytes)
        }
        bytes += [0x0D, 0x0A]
        rowCount += 1
    }

    /// The encoded file.
    public var data: Data { Data(bytes) }
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

    func append(_ cell: CSVCell, to bytes: inout [UInt8]) {
        switch cell {
        case .text(let text): appendField(excel ? Self.formulaSafe(text) : text, to: &bytes)
        case .integer(let value): Self.appendInteger(value, to: &bytes)
        case .decimal(let value, let places): bytes += Self.format(value, places: places).utf8
        case .empty: break
        }
    }

    /// `value` rounded half away from zero (as `WholeNumbers.round`) to exactly `places` decimals,
    /// `-0.00` written `0.00`; non-finite values are empty.
    public static func format(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "" }
        let places = max(0, min(places, 9))
        var power = 1
        for _ in 0..<places { power *= 10 }
        let scaled = value * Double(power)
        guard abs(scaled) < 1e15 else { return String(format: "%.\(places)f", value) }
        let units = Int(WholeNumbers.round(scaled))
        var text = units < 0 ? "-" : ""
        text += String(abs(units) / power)
        if places > 0 {
            let fraction = String(abs(units) % power)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }

    static func appendInteger(_ value: Int, to bytes: inout [UInt8]) {
        bytes += String(value).utf8
    }

    /// `'` before text that Excel would read as a formula.
    public static func formulaSafe(_ text: String) -> String {
        guard let first = text.utf8.first, "=+-@\t\r".utf8.contains(first) else { return text }
        return "'" + text
    }

    func appendField(_ text: String, to bytes: inout [UInt8]) {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            bytes += utf8
            return
        }
        bytes.append(0x22)
        for byte in utf8 {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        bytes.append(0x22)
    }
}
