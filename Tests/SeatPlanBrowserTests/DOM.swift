import Foundation

/// The elements of a serialised DOM (Chromium's `--dump-dom`), found without a parser: every start tag
/// with its name and attributes (values unescaped), in document order. Quoted attribute values are skipped
/// whole, so a `<` inside a value is never taken for a tag.
struct DOM {
    struct Element {
        var name: String
        var attributes: [String: String]
        /// Offset of the tag in the text.
        var offset: Int
        subscript(_ attribute: String) -> String? { attributes[attribute] }
    }

    let text: String
    let elements: [Element]

    init(_ text: String) {
        self.text = text
        var elements: [Element] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count, Self.isLetter(bytes[i + 1]) else { i += 1; continue }
            let start = i
            i += 1
            let nameStart = i
            while i < bytes.count, Self.isNameByte(bytes[i]) { i += 1 }
            let name = String(decoding: bytes[nameStart..<i], as: UTF8.self).lowercased()
            var attributes: [String: String] = [:]
            while i < bytes.count, bytes[i] != UInt8(ascii: ">") {
                if Self.isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "/") { i += 1; continue }
                let keyStart = i
                while i < bytes.count, !Self.isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">") { i += 1 }
                let key = String(decoding: bytes[keyStart..<i], as: UTF8.self).lowercased()
                var value = ""
                if i < bytes.count, bytes[i] == UInt8(ascii: "=") {
                    i += 1
                    if i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                        let quote = bytes[i]
                        i += 1
                        let valueStart = i
                        while i < bytes.count, bytes[i] != quote { i += 1 }
                        value = String(decoding: bytes[valueStart..<min(i, bytes.count)], as: UTF8.self)
                        i += 1
                    } else {
                        let valueStart = i
                        while i < bytes.count, !Self.isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
                        value = String(decoding: bytes[valueStart..<i], as: UTF8.self)
                    }
                }
                if !key.isEmpty { attributes[key] = Self.unescape(value) }
            }
            elements.append(Element(name: name, attributes: attributes, offset: start))
            i += 1
        }
        self.elements = elements
    }

    /// Elements named `name` that have every attribute of `having` (any value).
    func all(_ name: String, having: [String] = []) -> [Element] {
        elements.filter { element in element.name == name && having.allSatisfy { element.attributes[$0] != nil } }
    }

    /// The text between the end of the start tag at `element` and the next `</name>` (entities decoded,
    /// tags inside removed).
    func innerText(of element: Element) -> String {
        let utf8 = Array(text.utf8)
        guard let open = utf8[element.offset...].firstIndex(of: UInt8(ascii: ">")) else { return "" }
        let rest = String(decoding: utf8[(open + 1)...], as: UTF8.self)
        let inner = rest.range(of: "</\(element.name)>").map { String(rest[..<$0.lowerBound]) } ?? rest
        return Self.unescape(inner.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression))
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&nbsp;", with: "\u{A0}").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    static func isNameByte(_ b: UInt8) -> Bool { isLetter(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") }
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
}
