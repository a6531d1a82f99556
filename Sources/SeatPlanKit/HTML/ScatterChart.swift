/// An SVG scatter chart of labelled points (e.g. plans: cost against shortage avoided).
///
/// Both axes run from 0 (or the lowest value, when below 0) to a round value above the highest; each
/// point carries its label as `<text>` beside it, on the left when it sits in the right quarter.
struct ScatterChart {
    struct Point {
        var x: Double
        var y: Double
        var label: String
        var color: String
        var title: String
        /// Attributes of the point's `<circle>` (`data-…`), values escaped here.
        var attributes: [(String, String)]
    }

    var title: String
    var xLabel: String
    var yLabel: String
    var points: [Point]
    var xFormat: (Double) -> String
    var yFormat: (Double) -> String
    var attributes: [(String, String)] = []

    static let width = 560.0, height = 300.0
    static let left = 66.0, right = 20.0, top = 14.0, bottom = 40.0

    var xScale: LinearScale {
        let xs = points.map(\.x).filter(\.isFinite)
        return LinearScale(covering: min(xs.min() ?? 0, 0), max(xs.max() ?? 1, 0), ticks: 5,
                           range: (Self.left, Self.width - Self.right))
    }

    var yScale: LinearScale {
        let ys = points.map(\.y).filter(\.isFinite)
        return LinearScale(covering: min(ys.min() ?? 0, 0), max(ys.max() ?? 1, 0), ticks: 5,
                           range: (Self.height - Self.bottom, Self.top))
    }

    func svg() -> String {
        let (x, y) = (xScale, yScale)
        var out = "<svg class=\"chart scatter\" viewBox=\"0 0 \(SVG.number(Self.width)) \(SVG.number(Self.height))\""
            + " role=\"img\"" + HTMLText.attribute("aria-label", title)
            + attributes.map { HTMLText.attribute($0.0, $0.1) }.joined() + ">" + SVG.title(title)
        for tick in y.ticks {
            out += "<line class=\"\(tick == 0 ? "axis" : "grid")\" x1=\"\(SVG.number(Self.left))\" x2=\"\(SVG.number(Self.width - Self.right))\" y1=\"\(SVG.number(y(tick)))\" y2=\"\(SVG.number(y(tick)))\"/>"
            out += SVG.text(yFormat(tick), x: Self.left - 5, y: y(tick) + 3.5, anchor: "end", cssClass: "tick")
        }
        for tick in x.ticks {
            out += "<line class=\"\(tick == 0 ? "axis" : "grid")\" x1=\"\(SVG.number(x(tick)))\" x2=\"\(SVG.number(x(tick)))\" y1=\"\(SVG.number(Self.top))\" y2=\"\(SVG.number(Self.height - Self.bottom))\"/>"
            out += SVG.text(xFormat(tick), x: x(tick), y: Self.height - Self.bottom + 14, anchor: "middle", cssClass: "tick")
        }
        out += SVG.text(xLabel, x: (Self.left + Self.width - Self.right) / 2, y: Self.height - 6, anchor: "middle",
                        cssClass: "axis-label")
        out += SVG.text(yLabel, x: 0, y: 0, anchor: "middle", cssClass: "axis-label",
                        extra: " transform=\"translate(12 \(SVG.number((Self.top + Self.height - Self.bottom) / 2))) rotate(-90)\"")
        for point in points where point.x.isFinite && point.y.isFinite {
            let (px, py) = (x(point.x), y(point.y))
            let onLeft = px > Self.left + (Self.width - Self.left - Self.right) * 0.75
            out += "<g class=\"point\">" + SVG.title(point.title)
                + "<circle cx=\"\(SVG.number(px))\" cy=\"\(SVG.number(py))\" r=\"5\" fill=\"\(point.color)\""
                + point.attributes.map { HTMLText.attribute($0.0, $0.1) }.joined() + "/>"
                + SVG.text(SVG.fit(point.label, width: 150, size: 11), x: px + (onLeft ? -8 : 8), y: py + 4,
                           anchor: onLeft ? "end" : "start", cssClass: "point-label")
                + "</g>"
        }
        return out + "</svg>"
    }
}
