/// An SVG line chart of yearly values: lines, an optional range band (e.g. P10–P90 of Monte Carlo draws),
/// shaded shortfalls where one series lies above another, and rows of per-year markers under the axis.
///
/// The y axis starts at 0 (counts of pupils and seats; or at the lowest value, for ratios) and ends at a round
/// value above every line and band; the x axis places the years evenly. `shaded` years sit on a grey
/// background (e.g. counted, not projected). Every number the chart draws is also on the page as a table;
/// the chart's own labels are `<text>`, so they can be read, searched and copied.
struct LineChart {
    struct Series {
        /// Written to `data-series` (e.g. the plan ids the line stands for).
        var key: String
        /// Shown in the line's tooltip.
        var label: String
        var values: [Double?]
        var color: String
        var width = 2.0
        var dash: String? = nil
        /// Dots at the data points.
        var dots = false
        /// Written to `data-role` (`pupils`, `seats` …).
        var role: String
        /// Decimals of the values written to `data-values` (0 for counts, rounded as the CSV files).
        var places = 0
    }

    /// A range drawn as a translucent area, `low ≤ value ≤ high` per year.
    struct Band {
        var label: String
        var low: [Double?]
        var high: [Double?]
        var color = "#4a78b5"
    }

    /// Shaded where `over` is above `under`: the area between them, crossings interpolated linearly.
    struct Shortfall {
        var key: String
        var label: String
        var over: [Double]
        var under: [Double]
        var color = "#d62728"
    }

    /// A row of short texts under the axis, one per year or none (e.g. super-large classes of one plan).
    struct MarkerRow {
        var label: String
        var color: String
        var cells: [String?]
        var titles: [String?]
    }

    var title: String
    var years: [Int]
    var series: [Series]
    var band: Band? = nil
    var shortfalls: [Shortfall] = []
    var markerRows: [MarkerRow] = []
    /// Years shaded grey with a note above them (e.g. the counted years, or the years a trend is fitted on).
    var shaded: (years: ClosedRange<Int>, label: String)? = nil
    /// A y tick's label, from its value and the distance between ticks.
    var yFormat: (_ value: Double, _ step: Double) -> String
    /// The y axis starts at 0 (counts); else it spans the values only (ratios).
    var yFromZero = true
    var yTicks = 4
    /// Attributes of the `<svg>` element (`data-…`), values escaped here.
    var attributes: [(String, String)] = []
    var cssClass = "line-chart"

    var width = 380.0
    var plotHeight = 150.0
    var left = 48.0
    /// Space between the plot's edges and the first and last year (keeps year labels clear of the y labels).
    var xInset = 0.0
    static let right = 12.0, top = 16.0
    static let axisHeight = 18.0, markerRowHeight = 15.0

    var height: Double { Self.top + plotHeight + Self.axisHeight + Double(markerRows.count) * Self.markerRowHeight + 4 }

    /// The y scale: 0 (or the lowest value) to a round value above every drawn value.
    var yScale: LinearScale {
        let lineValues = series.flatMap { $0.values.compactMap { $0 } }
        let bandValues = band.map { $0.high.compactMap { $0 } + $0.low.compactMap { $0 } } ?? []
        let values = (lineValues + bandValues).filter(\.isFinite)
        let highest = values.max() ?? 1
        let lowest = yFromZero ? 0 : values.min() ?? 0
        return LinearScale(covering: min(lowest, highest), max(highest, yFromZero ? 0 : highest), ticks: yTicks,
                           range: (Self.top + plotHeight, Self.top))
    }

    /// x position of the year at position `i`.
    func x(_ i: Int) -> Double {
        let plot = width - left - Self.right - 2 * xInset
        guard years.count > 1 else { return left + xInset + plot / 2 }
        return left + xInset + plot * Double(i) / Double(years.count - 1)
    }

    func svg() -> String {
        let y = yScale
        let plotBottom = Self.top + plotHeight
        var out = "<svg class=\"chart \(cssClass)\" viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\""
            + " role=\"img\"" + HTMLText.attribute("aria-label", title)
            + attributes.map { HTMLText.attribute($0.0, $0.1) }.joined() + ">"
        out += SVG.title(title)
        if let shaded, let first = years.firstIndex(where: { shaded.years.contains($0) }),
           let last = years.lastIndex(where: { shaded.years.contains($0) }) {
            let half = years.count > 1 ? (x(1) - x(0)) / 2 : 0
            let start = first == 0 ? left : x(first) - half
            let end = last == years.count - 1 ? width - Self.right : x(last) + half
            out += "<rect class=\"shaded\" x=\"\(SVG.number(start))\" y=\"\(SVG.number(Self.top))\" width=\"\(SVG.number(max(end - start, 0)))\" height=\"\(SVG.number(plotHeight))\"/>"
            out += SVG.text(shaded.label, x: start + 2, y: Self.top - 4, cssClass: "note")
        }
        // Grid and y labels.
        for tick in y.ticks {
            let py = y(tick)
            out += "<line class=\"grid\" x1=\"\(SVG.number(left))\" x2=\"\(SVG.number(width - Self.right))\" y1=\"\(SVG.number(py))\" y2=\"\(SVG.number(py))\"/>"
            out += SVG.text(yFormat(tick, y.step), x: left - 4, y: py + 3.5, anchor: "end", cssClass: "tick")
        }
        // x labels: every year when there is room, else every k-th.
        let spacing = years.count > 1 ? x(1) - x(0) : width
        let every = max(1, Int((30 / spacing).rounded(.up)))
        for (i, year) in years.enumerated() where i % every == 0 || i == years.count - 1 && (years.count - 1) % every == 0 {
            out += SVG.text(String(year), x: x(i), y: plotBottom + 12, anchor: "middle", cssClass: "tick")
        }
        out += "<line class=\"axis\" x1=\"\(SVG.number(left))\" x2=\"\(SVG.number(width - Self.right))\" y1=\"\(SVG.number(plotBottom))\" y2=\"\(SVG.number(plotBottom))\"/>"
        // Band, shortfalls, lines.
        if let band {
            out += bandPath(band, y)
        }
        for shortfall in shortfalls {
            for polygon in Self.shortfallPolygons(xs: years.indices.map(x), over: shortfall.over, under: shortfall.under) {
                out += "<path class=\"shortfall\"" + HTMLText.attribute("data-series", shortfall.key)
                    + " fill=\"\(shortfall.color)\" d=\"\(SVG.polygon(polygon.map { ($0.0, y($0.1)) }))\">"
                    + SVG.title(shortfall.label) + "</path>"
            }
        }
        for line in series {
            out += linePath(line, y)
        }
        // Marker rows.
        for (r, row) in markerRows.enumerated() {
            let top = plotBottom + Self.axisHeight + Double(r) * Self.markerRowHeight
            out += SVG.text(SVG.fit(row.label, width: left - 16, size: 9), x: left - 12, y: top + 10,
                            anchor: "end", cssClass: "marker-label")
            out += "<rect x=\"\(SVG.number(left - 9))\" y=\"\(SVG.number(top + 3))\" width=\"7\" height=\"8\" fill=\"\(row.color)\"/>"
            for (i, cell) in row.cells.enumerated() {
                guard let cell else { continue }
                let width = min(spacing - 2, 26)
                out += "<g class=\"marker\">"
                    + (row.titles[i].map(SVG.title) ?? "")
                    + "<rect x=\"\(SVG.number(x(i) - width / 2))\" y=\"\(SVG.number(top + 1))\" width=\"\(SVG.number(width))\" height=\"12\" rx=\"2\" fill=\"\(row.color)\"/>"
                    + SVG.text(cell, x: x(i), y: top + 10.5, anchor: "middle") + "</g>"
            }
        }
        return out + "</svg>"
    }

    func linePath(_ line: Series, _ y: LinearScale) -> String {
        // A gap (nil) breaks the line into runs.
        var runs: [[(Double, Double)]] = [[]]
        for (i, value) in line.values.enumerated() {
            if let value, value.isFinite { runs[runs.count - 1].append((x(i), y(value))) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
        }
        let d = runs.filter { !$0.isEmpty }.map(SVG.polyline).joined(separator: " ")
        let values = line.values.map { $0.map { CSVWriter.format($0, places: line.places) } ?? "" }.joined(separator: " ")
        var out = "<g class=\"series\"" + HTMLText.attribute("data-role", line.role) + HTMLText.attribute("data-series", line.key)
            + " data-values=\"\(values)\">" + SVG.title(line.label)
        out += "<path fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"\(SVG.number(line.width))\""
            + (line.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + " d=\"\(d)\"/>"
        if line.dots {
            for run in runs {
                for point in run {
                    out += "<circle cx=\"\(SVG.number(point.0))\" cy=\"\(SVG.number(point.1))\" r=\"2.4\" fill=\"\(line.color)\"/>"
                }
            }
        }
        return out + "</g>"
    }

    func bandPath(_ band: Band, _ y: LinearScale) -> String {
        let points = years.indices.compactMap { i -> (Int, Double, Double)? in
            guard i < band.low.count, i < band.high.count, let low = band.low[i], let high = band.high[i] else { return nil }
            return (i, low, high)
        }
        guard !points.isEmpty else { return "" }
        let upper = points.map { (x($0.0), y($0.2)) }
        let lower = points.reversed().map { (x($0.0), y($0.1)) }
        return "<path class=\"band\" fill=\"\(band.color)\" d=\"\(SVG.polygon(upper + lower))\">" + SVG.title(band.label) + "</path>"
    }

    /// The areas where `over > under`, as polygons of (x pixel, data value): each run of years with
    /// `over > under` is closed by the points where the two lines cross, found by linear interpolation
    /// `t = d_i / (d_i − d_{i+1})` with `d = over − under`.
    static func shortfallPolygons(xs: [Double], over: [Double], under: [Double]) -> [[(Double, Double)]] {
        let n = min(xs.count, over.count, under.count)
        var polygons: [[(Double, Double)]] = []
        var top: [(Double, Double)] = [], bottom: [(Double, Double)] = []
        func crossing(_ i: Int) -> (Double, Double) {
            let d0 = over[i] - under[i], d1 = over[i + 1] - under[i + 1]
            let t = d0 / (d0 - d1)
            return (xs[i] + t * (xs[i + 1] - xs[i]), over[i] + t * (over[i + 1] - over[i]))
        }
        for i in 0..<n {
            if over[i] - under[i] > 0 {
                if top.isEmpty, i > 0 { top.append(crossing(i - 1)) }
                top.append((xs[i], over[i]))
                bottom.append((xs[i], under[i]))
            } else if !top.isEmpty {
                top.append(crossing(i - 1))
                polygons.append(top + bottom.reversed())
                top = []
                bottom = []
            }
        }
        if !top.isEmpty {
            polygons.append(top + bottom.reversed())
        }
        return polygons
    }
}
