/// What text from a scenario may hold, checked by the validator: ids and names are written into CSV
/// files, an HTML page and the terminal, and the scenario id names a folder.
///
/// - Every id and name: no control character (C0 other than tab and line feed, DEL, C1) and no
///   bidirectional override, embedding or isolate (U+202A–U+202E, U+2066–U+2069), which would retitle or
///   clear a terminal, end a C string or show a name reversed; ids at most `maximumIDLength` characters,
///   names at most `maximumNameLength`.
/// - The scenario id, which names the output folder `output/<id>/`: letters, digits, `-`, `_` and `.`,
///   not starting with `.` (so neither `.` nor `..`), at most `maximumScenarioIDLength` characters.
public enum TextChecks {
    public static let maximumScenarioIDLength = 64
    public static let maximumIDLength = 100
    public static let maximumNameLength = 200

    /// Whether `scalar` may not appear in an id or a name (see the type's comment).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `text` with every unsafe scalar written as `\u{…}`, so that a message can name it harmlessly.
    public static func visible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// What is wrong with an id or a name (`what`, e.g. "school id"), if anything.
    static func problem(_ text: String, what: String, maximumLength: Int) -> (message: String, hint: String)? {
        if let bad = text.unicodeScalars.first(where: isUnsafe) {
            let code = "U+" + String(repeating: "0", count: max(0, 4 - String(bad.value, radix: 16).count))
                + String(bad.value, radix: 16, uppercase: true)
            let kind = (0x202A...0x2069).contains(bad.value) ? "a text-direction override" : "a control character"
            return ("the \(what) holds \(kind) (\(code)): '\(shortened(text))'",
                    "remove it: ids and names are plain text, shown in the terminal, the CSV files and the page")
        }
        if text.count > maximumLength {
            return ("the \(what) is \(text.count) characters long: '\(shortened(text))'",
                    "shorten it to at most \(maximumLength) characters")
        }
        return nil
    }

    /// What is wrong with the scenario id as a folder name, if anything.
    static func scenarioIDProblem(_ id: String) -> (message: String, hint: String)? {
        if let problem = problem(id, what: "scenario id", maximumLength: Int.max) { return problem }
        let allowed = id.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_.".unicodeScalars.contains($0)
        }
        if !allowed || id.hasPrefix(".") {
            return ("the scenario id '\(shortened(id))' cannot name the output folder output/<id>/",
                    "use letters, digits, '-', '_' and '.' only, not starting with '.', e.g. 'scenario: my-city-2025'")
        }
        return problem(id, what: "scenario id", maximumLength: maximumScenarioIDLength)
    }

    /// The first 40 characters of `text`, with unsafe scalars made visible.
    static func shortened(_ text: String) -> String {
        visible(text.count > 40 ? String(text.prefix(40)) + "…" : text)
    }
}
