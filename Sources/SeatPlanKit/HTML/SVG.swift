/// Small pieces of SVG markup shared by the charts: coordinates, text, paths.
///
/// Coordinates are written with at most one decimal (a tenth of a pixel is below what a screen or an A4
/// print shows) so that pages stay small and the same data always gives the same bytes.
enum SVG {
    /// `x` with one decimal, without a trailing `.0`.
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let tenths = (x * 10).rounded()
        let whole = Int(tenths) / 10, fraction = abs(Int(tenths) % 10)
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// A `<text>` element; `content` is escaped.
    static func text(_ content: String, x: Double, y: Double, anchor: String = "start", cssClass: String? = nil,
                     extra: String = "") -> String {
        "<text x=\"\(number(x))\" y=\"\(number(y))\""
            + (anchor == "start" ? "" : " text-anchor=\"\(anchor)\"")
            + HTMLText.attribute("class", cssClass) + extra + ">" + HTMLText.escape(content) + "</text>"
    }

    /// `M x y L x y …` through the points.
    static func polyline(_ points: [(Double, Double)]) -> String {
        points.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(number($0.element.0)) \(number($0.element.1))" }
            .joined(separator: " ")
    }

    /// A closed polygon path.
    static func polygon(_ points: [(Double, Double)]) -> String {
        polyline(points) + " Z"
    }

    /// A `<title>` child: the tooltip, and the accessible name of its parent.
    static func title(_ content: String) -> String {
        "<title>" + HTMLText.escape(content) + "</title>"
    }

    /// Rough width of `text` in pixels at `size`: CJK and other wide characters one em, the rest 0.58 em.
    static func textWidth(_ text: String, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 1.0 : 0.58) } * size
    }

    /// `text` cut to fit `width` pixels at `size`, with "…" where it was cut.
    static func fit(_ text: String, width: Double, size: Double) -> String {
        guard textWidth(text, size: size) > width else { return text }
        var out = ""
        for character in text {
            if textWidth(out + String(character) + "…", size: size) > width { break }
            out.append(character)
        }
        return out + "…"
    }
}
