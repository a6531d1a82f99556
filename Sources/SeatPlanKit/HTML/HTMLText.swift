/// Text made safe to place in an HTML or SVG document, as element content or a quoted attribute value.
///
/// Every string that comes from a scenario (ids, names, titles) goes through `escape` before it reaches
/// the page, so that a school called `<script>alert(1)</script>` shows as those characters and never
/// becomes markup: `&` → `&amp;`, `<` → `&lt;`, `>` → `&gt;`, `"` → `&quot;`, `'` → `&#39;`. Control
/// characters that HTML does not allow (all of C0 but tab, line feed and carriage return, and DEL) become
/// U+FFFD, so the page stays well-formed whatever bytes a name holds.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out.unicodeScalars.append("\u{FFFD}")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// ` name="value"` with the value escaped; empty when `value` is `nil`.
    static func attribute(_ name: String, _ value: String?) -> String {
        guard let value else { return "" }
        return " \(name)=\"\(escape(value))\""
    }
}
