/// How the workbook shows each column of a report, chosen by the column's name: the one place that says
/// which columns are text, years, shares or counts, so that a report added later becomes a sheet with
/// the right formats without an edit here (an unknown column is a number column when its cells are
/// numbers, and text otherwise).
enum WorkbookColumn: Equatable, Sendable {
    /// Ids, names, codes and lists: always text, even when they look like numbers (`grade` 1, a zone `3301`).
    case text
    /// The alert (`green`, `yellow`, `red`, `no_school`), filled with the page's colour of the alert.
    case alert
    /// A calendar year: a number without thousands separators.
    case year
    /// A ratio shown as a percentage (`utilisation` 1.0478 → 104.78%).
    case percent
    /// A count, cost or measure: thousands separators, the decimals the CSV has.
    case number

    static let textColumns: Set<String> = [
        "plan", "plan_a", "plan_b", "district", "zone", "stage", "grade", "school", "project_id", "kind",
        "method", "parameter", "note", "observed", "years_used", "over_building", "verdict", "from_plan",
        "township", "estate", "origin", "destination", "case", "unit", "indicator", "level", "status",
    ]

    init(name: String) {
        if name == "alert" {
            self = .alert
        } else if Self.textColumns.contains(name) || name.hasSuffix("_name") || name.hasSuffix("_id")
                    || name.hasPrefix("from_") || name.hasPrefix("to_") {
            self = .text
        } else if name == "utilisation" || name.hasSuffix("_share") || name.hasPrefix("probability")
                    || name.hasSuffix("_rate") {
            self = .percent
        } else if !name.hasPrefix("cost"), name.split(separator: "_").contains("year") {
            self = .year  // year, peak_year, planned_year, first_year_without_shortage (not …_years)
        } else {
            self = .number
        }
    }

    /// The style of a number cell of this column whose CSV text has `places` decimals.
    func style(places: Int) -> CellStyle {
        let decimals = { (n: Int) in n > 0 ? "." + String(repeating: "0", count: n) : "" }
        switch self {
        case .year: return CellStyle(numberFormat: "0")
        case .percent: return CellStyle(numberFormat: "0" + decimals(max(0, places - 2)) + "%")
        case .number, .text, .alert: return CellStyle(numberFormat: "#,##0" + decimals(places))
        }
    }

    /// Characters the cell takes on screen: its text, with room for thousands separators and `%`.
    func width(ofNumber digits: Int, integerDigits: Int) -> Int {
        switch self {
        case .year: return digits
        case .percent: return digits + 1
        case .number, .text, .alert: return digits + max(0, integerDigits - 1) / 3
        }
    }
}

/// A number as `CSVWriter` writes it (`-?digits[.digits]`), parsed to the double nearest its decimal
/// value (as any correct reader would: the digits and the power of ten are both exact, and one division
/// rounds once), with its decimal places; `nil` for any other text.
struct CSVNumber {
    var value: Double
    var places: Int
    var integerDigits: Int

    init?(_ bytes: UnsafeRawBufferPointer) {
        var i = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { i = 1 }
        var mantissa: UInt64 = 0
        var digits = 0, places = 0, integerDigits = 0
        var point = false
        guard i < bytes.count else { return nil }
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "."), !point, digits > 0 {
                point = true
            } else if (0x30...0x39).contains(byte) {
                mantissa = mantissa &* 10 &+ UInt64(byte - 0x30)
                digits += 1
                if point { places += 1 } else { integerDigits += 1 }
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0, !point || places > 0 else { return nil }
        self.places = places
        self.integerDigits = integerDigits
        if digits <= 15, places <= 22 {
            var power = 1.0
            for _ in 0..<places { power *= 10 }
            value = Double(mantissa) / power
        } else {
            guard let parsed = Double(String(decoding: bytes, as: UTF8.self)) else { return nil }
            value = abs(parsed)
        }
        if negative { value = -value }
    }
}
