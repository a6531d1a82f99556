import Foundation

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
            output.append(contentsOf: bytes)
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
