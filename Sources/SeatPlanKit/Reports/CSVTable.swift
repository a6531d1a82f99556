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

/// A report table: a fixed list of column names and rows of cells in that order.
public struct CSVTable: Sendable {
    public let columns: [String]
    public private(set) var rows: [[CSVCell]] = []

    public init(columns: [String]) {
        self.columns = columns
    }

    public mutating func append(_ row: [CSVCell]) {
        precondition(row.count == columns.count, "a row of \(row.count) cells for \(columns.count) columns")
        rows.append(row)
    }
}

/// Renders tables as RFC 4180 CSV: UTF-8, CRLF line ends, a header row, fields quoted when they hold a
/// comma, quote, CR or LF (quotes doubled), numbers with a point and no thousands separator.
///
/// For Excel: a UTF-8 byte order mark, and text cells that start with `=`, `+`, `-`, `@`, tab or CR
/// prefixed with `'` so that Excel shows them as text and never runs them as formulas. Number cells are
/// never touched, so negative numbers stay numbers.
public struct CSVWriter: Sendable {
    public var excel: Bool

    public init(excel: Bool = false) {
        self.excel = excel
    }

    public func render(_ table: CSVTable) -> Data {
        var out = excel ? "\u{FEFF}" : ""
        out.reserveCapacity(64 * (table.rows.count + 1))
        out += table.columns.map { field($0) }.joined(separator: ",")
        out += "\r\n"
        for row in table.rows {
            var first = true
            for cell in row {
                if !first { out += "," }
                first = false
                out += render(cell)
            }
            out += "\r\n"
        }
        return Data(out.utf8)
    }

    func render(_ cell: CSVCell) -> String {
        switch cell {
        case .text(let text): return field(excel ? Self.formulaSafe(text) : text)
        case .integer(let value): return String(value)
        case .decimal(let value, let places): return Self.format(value, places: places)
        case .empty: return ""
        }
    }

    /// `value` rounded half away from zero (as `WholeNumbers.round`) to exactly `places` decimals,
    /// `-0.00` written `0.00`; non-finite values are empty.
    public static func format(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "" }
        let scale = pow(10.0, Double(places))
        let scaled = abs(value * scale) < 1e15 ? WholeNumbers.round(value * scale) / scale : value
        var text = String(format: "%.\(places)f", scaled)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }
        return text
    }

    /// `'` before text that Excel would read as a formula.
    public static func formulaSafe(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
