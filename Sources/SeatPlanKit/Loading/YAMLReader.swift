internal import Yams

/// Reads typed values out of a YAML node tree, recording a diagnostic with the node's line and
/// column for everything that is missing, of the wrong type, out of range or not allowed.
///
/// Every read returns `nil` after recording its error, so that loading goes on and the user sees
/// all the errors of a file at once.
struct YAMLReader {
    let file: String
    private(set) var diagnostics = DiagnosticCollector()

    init(file: String) {
        self.file = file
    }

    func location(_ node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    mutating func error(_ node: Node, _ message: String, hint: String) {
        diagnostics.error(at: location(node), message, hint: hint)
    }

    mutating func error(at location: SourceLocation, _ message: String, hint: String) {
        diagnostics.error(at: location, message, hint: hint)
    }

    // MARK: Mappings

    /// A mapping whose keys are checked against the keys allowed at this place.
    struct Mapping {
        let node: Node
        let location: SourceLocation
        /// Key text → (key node, value node), in file order.
        let entries: [(key: String, keyNode: Node, value: Node)]

        func value(_ key: String) -> Node? { entries.first { $0.key == key }?.value }
        func has(_ key: String) -> Bool { value(key) != nil }
        func keyNode(_ key: String) -> Node? { entries.first { $0.key == key }?.keyNode }
    }

    /// Reads `node` as a mapping with the given keys; unknown and missing required keys are errors.
    mutating func mapping(_ node: Node, what: String, required: [String] = [], optional: [String] = []) -> Mapping? {
        guard let entries = rawMapping(node, what: what) else { return nil }
        let allowed = required + optional
        for entry in entries where !allowed.contains(entry.key) {
            if let message = Self.punctuationMistake(inKey: entry.key) {
                error(entry.keyNode, message.what, hint: message.fix)
                continue
            }
            let suggestion = Self.closest(to: entry.key, in: allowed).map { "did you mean '\($0)'? " } ?? ""
            error(entry.keyNode, "unknown key '\(entry.key)' in \(what)",
                  hint: "\(suggestion)allowed keys here: \(allowed.joined(separator: ", "))")
        }
        for key in required where !entries.contains(where: { $0.key == key }) {
            error(node, "\(what) has no '\(key)'", hint: "add '\(key):' to it")
        }
        return Mapping(node: node, location: location(node), entries: entries)
    }

    /// Reads `node` as a mapping with free keys (years, stage ids …), in file order.
    mutating func rawMapping(_ node: Node, what: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = resolved(node) else {
            error(node, "\(what) must be a mapping (key: value lines or { key: value })",
                  hint: "found \(describe(node)); write it as a mapping")
            return nil
        }
        var entries: [(key: String, keyNode: Node, value: Node)] = []
        var seen: Set<String> = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                error(key, "a key in \(what) must be plain text", hint: "write the key as a word or a number")
                continue
            }
            if !seen.insert(scalar.string).inserted {
                error(key, "duplicate key '\(scalar.string)' in \(what)",
                      hint: "keep one entry per key; merge the values or remove the extra line")
                continue
            }
            entries.append((scalar.string, key, value))
        }
        return entries
    }

    // MARK: Sequences

    /// Whether `node` is a list with no item (so that "is empty" is not said of a list whose items all
    /// failed to decode: those have their own errors).
    func isEmptyList(_ node: Node) -> Bool {
        if case .sequence(let sequence) = node { return sequence.isEmpty }
        return false
    }

    mutating func sequence(_ node: Node, what: String) -> [Node]? {
        guard case .sequence(let sequence) = resolved(node) else {
            error(node, "\(what) must be a list (lines starting with '- ' or [a, b])",
                  hint: "found \(describe(node)); write it as a list")
            return nil
        }
        return Array(sequence)
    }

    // MARK: Scalars

    /// Non-empty text (ids, names).
    mutating func string(_ node: Node, what: String) -> String? {
        guard case .scalar(let scalar) = resolved(node), !isNull(scalar) else {
            error(node, "\(what) must be text", hint: "found \(describe(node)); write a word or a quoted text")
            return nil
        }
        let text = scalar.string.trimmingWhitespace
        guard !text.isEmpty else {
            error(node, "\(what) is empty", hint: "write a non-empty text")
            return nil
        }
        return text
    }

    /// A whole number from `min` to `max`. Without `max`, the number must only be whole and exact
    /// (below 2⁵³); a caller with a meaningful limit passes it, so that the message states it truly.
    mutating func int(_ node: Node, what: String, min: Int? = nil, max: Int? = nil) -> Int? {
        guard let number = plainNumber(node, what: what, whole: true) else { return nil }
        if let min, number < Double(min) {
            error(node, "\(what) must be \(min) or more", hint: "found \(Self.format(number)); correct the value")
            return nil
        }
        if let max, number > Double(max) {
            error(node, "\(what) of \(Self.format(number)) is beyond the plausible", hint: "write at most \(max)")
            return nil
        }
        guard number.rounded() == number, abs(number) < 9_007_199_254_740_992, let value = Int(exactly: number) else {
            if number.rounded() == number {
                error(node, "\(what) of \(Self.format(number)) is too large to mean anything here", hint: "correct the value")
            } else {
                error(node, "\(what) must be a whole number", hint: "found \(number); write it without decimals")
            }
            return nil
        }
        return value
    }

    /// A finite number from `min` to `max` (each optional).
    mutating func double(_ node: Node, what: String, min: Double? = nil, max: Double? = nil) -> Double? {
        guard let value = plainNumber(node, what: what, whole: false) else { return nil }
        if let max, value > max {
            error(node, "\(what) of \(Self.format(value)) is beyond the plausible", hint: "write at most \(Self.format(max))")
            return nil
        }
        if let min, value < min {
            let bound = min == 0 ? "0 or more (not negative)" : "\(min) or more"
            error(node, "\(what) must be \(bound)", hint: "found \(Self.format(value)); correct the value")
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node, what: String) -> Bool? {
        if case .scalar(let scalar) = resolved(node), scalar.style == .plain {
            switch scalar.string.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        error(node, "\(what) must be true or false", hint: "found \(describe(node)); write true or false")
        return nil
    }

    /// A year used as a key or value: a whole number from 1900 to 2200.
    mutating func year(_ node: Node, what: String) -> Int? {
        guard let number = plainNumber(node, what: what, whole: true) else { return nil }
        guard (1900...2200).contains(number), let year = Int(exactly: number) else {
            error(node, "\(what) \(Self.format(number)) is not a plausible year",
                  hint: "write a four-digit year from 1900 to 2200, such as 2025")
            return nil
        }
        return year
    }

    /// A year written as a mapping key (`2014: 2433`).
    mutating func yearKey(_ key: String, node: Node, what: String) -> Int? {
        guard let year = Int(key.trimmingWhitespace), (1900...2200).contains(year) else {
            error(node, "'\(key)' is not a year in \(what)", hint: "use four-digit years as keys, e.g. 2025: 1200")
            return nil
        }
        return year
    }

    // MARK: Helpers

    private mutating func plainNumber(_ node: Node, what: String, whole: Bool) -> Double? {
        let kind = whole ? "a whole number" : "a number"
        guard case .scalar(let scalar) = resolved(node), !isNull(scalar) else {
            error(node, "\(what) must be \(kind)", hint: "found \(describe(node)); write \(kind)")
            return nil
        }
        guard scalar.style == .plain else {
            error(node, "\(what) must be \(kind), not quoted text", hint: "remove the quotes around '\(scalar.string)'")
            return nil
        }
        let text = scalar.string.replacingUnderscores
        guard let value = Double(text), value.isFinite,
              text.allSatisfy({ "0123456789+-.eE".contains($0) }) else {
            if Self.hasThousandsSeparators(scalar.string) {
                let plain = scalar.string.filter { $0 != "," && $0 != "，" && $0 != " " }
                error(node, "\(what) is written with thousands separators ('\(scalar.string)')",
                      hint: "numbers take no thousands separators: write \(plain)")
            } else {
                error(node, "\(what) must be \(kind)", hint: "found '\(scalar.string)'; write digits only, e.g. 1200 or 0.95")
            }
            return nil
        }
        return value
    }

    /// `150,000,000` or `150，000`: digits in groups of three after the first, separated by commas.
    static func hasThousandsSeparators(_ text: String) -> Bool {
        let digit = { (c: Character) in c.isASCII && c.isNumber }
        let groups = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == "，" })
        guard groups.count > 1, let first = groups.first, !first.isEmpty, first.count <= 3,
              first.allSatisfy(digit) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 && $0.allSatisfy(digit) }
    }

    /// What a key says of a punctuation slip: the rest of a number written with thousands separators in a
    /// flow mapping (`cost: 150,000,000` reads as `cost: 150` and keys `000`), or a full-width colon.
    static func punctuationMistake(inKey key: String) -> (what: String, fix: String)? {
        if key.count == 3, key.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return ("'\(key)' reads as a key: a number before it was written with thousands separators",
                    "numbers take no thousands separators: write e.g. cost: 150000000, not 150,000,000")
        }
        if key.contains("：") {
            return ("the key '\(key)' holds a full-width colon '：' (U+FF1A), which YAML does not read as ':'",
                    "write the ASCII colon and a space: '\(key.replacingOccurrences(of: "：", with: ": "))'")
        }
        if key.contains("，") {
            return ("the key '\(key)' holds a full-width comma '，' (U+FF0C), which YAML does not read as ','",
                    "write the ASCII comma ',' between the entries")
        }
        return nil
    }

    private func resolved(_ node: Node) -> Node {
        node
    }

    private func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if isNull(scalar) { return "nothing" }
            return "'\(scalar.string.prefix(40))'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias (*name)"
        }
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }

    /// The allowed key closest to a misspelt one (edit distance at most 2), for "did you mean".
    static func closest(to key: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(key.lowercased(), $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2 else { return nil }
        return best.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1,
                                       previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension String {
    var trimmingWhitespace: String {
        // Most cells begin and end with a printable ASCII byte: nothing to trim, and no look-up of Unicode
        // properties (a table of a million rows trims three cells a row).
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    fileprivate var replacingUnderscores: String {
        String(filter { $0 != "_" })
    }
}
