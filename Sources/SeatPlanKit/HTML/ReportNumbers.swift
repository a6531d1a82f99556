/// How the page writes numbers: whole numbers with thousands separators (`27,466`), utilisation as a
/// percentage, axis labels compact (`1.2M` / `120万`) from a million up.
enum ReportNumbers {
    /// Rounded half away from zero (as the CSV files), with `,` between thousands.
    static func grouped(_ value: Double) -> String {
        let whole = WholeNumbers.roundToInt(value)
        let digits = String(abs(whole))
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return whole < 0 ? "-" + out : out
    }

    /// `112%`; `—` when not defined (no seats).
    static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        return grouped(value * 100) + "%"
    }

    /// A tick label: grouped below a million; above, millions (`1.2M`) in English, 万 or 亿 in Chinese.
    static func axis(_ value: Double, language: ReportLanguage) -> String {
        let magnitude = abs(value)
        guard magnitude >= 1_000_000 else { return grouped(value) }
        func short(_ x: Double) -> String {
            var text = CSVWriter.format(x, places: 2)
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return text
        }
        switch language {
        case .en: return short(value / 1_000_000) + "M"
        case .zh: return magnitude >= 100_000_000 ? short(value / 100_000_000) + "亿" : short(value / 10_000) + "万"
        }
    }

    /// A tick label with as many decimals as the step between ticks needs (`0.9825` for steps of 0.0025).
    static func tick(_ value: Double, step: Double) -> String {
        var places = 0
        while places < 6, abs((step * pow10(places)).rounded() - step * pow10(places)) > 1e-6 { places += 1 }
        return CSVWriter.format(value, places: places)
    }

    static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 10 } }

    /// A ratio with 3 decimals (`0.962`).
    static func ratio(_ value: Double) -> String {
        CSVWriter.format(value, places: 3)
    }
}
