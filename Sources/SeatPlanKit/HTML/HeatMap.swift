/// An SVG grid of coloured cells with a short text in each (rows × columns, e.g. zones × years), so that a
/// reader who cannot tell the colours apart still reads every cell. Rows may be grouped under headings.
struct HeatMap {
    struct Cell {
        var text: String
        var fill: String
        var textColor: String
        /// Tooltip (and accessible name) of the cell.
        var title: String
        /// Attributes of the cell's `<rect>` (`data-…`), values escaped here.
        var attributes: [(String, String)]
    }

    struct Row {
        var label: String
        /// A heading drawn above the first row of each group (e.g. the district).
        var group: String?
        var cells: [Cell]
    }

    var title: String
    var columns: [String]
    var rows: [Row]
    var attributes: [(String, String)] = []

    static let cellWidth = 37.0, cellHeight = 17.0, gap = 1.5
    static let headerHeight = 15.0, groupHeight = 14.0
    static let fontSize = 10.0

    /// Width of the row labels: the longest label, between 70 and 170 pixels.
    var labelWidth: Double {
        let widest = rows.map { SVG.textWidth($0.label, size: Self.fontSize) }.max() ?? 0
        return min(max(widest + 10, 70), 170)
    }

    func svg() -> String {
        let labels = labelWidth
        var y = Self.headerHeight
        var body = ""
        var lastGroup: String?? = .none
        for row in rows {
            if let group = row.group, lastGroup != .some(group) {
                body += SVG.text(SVG.fit(group, width: labels + Double(columns.count) * Self.cellWidth, size: Self.fontSize),
                                 x: 0, y: y + 10.5, cssClass: "group")
                y += Self.groupHeight
            }
            lastGroup = .some(row.group)
            body += SVG.text(SVG.fit(row.label, width: labels - 8, size: Self.fontSize), x: labels - 6, y: y + 11.8,
                             anchor: "end", cssClass: "row-label", extra: "")
            for (c, cell) in row.cells.enumerated() {
                let x = labels + Double(c) * Self.cellWidth
                body += "<g class=\"cell\">" + SVG.title(cell.title)
                    + "<rect x=\"\(SVG.number(x))\" y=\"\(SVG.number(y))\" width=\"\(SVG.number(Self.cellWidth - Self.gap))\" height=\"\(SVG.number(Self.cellHeight - Self.gap))\" fill=\"\(cell.fill)\""
                    + cell.attributes.map { HTMLText.attribute($0.0, $0.1) }.joined() + "/>"
                    + SVG.text(cell.text, x: x + (Self.cellWidth - Self.gap) / 2, y: y + 11.8, anchor: "middle",
                               extra: " style=\"fill:\(cell.textColor)\"")
                    + "</g>"
            }
            y += Self.cellHeight
        }
        var header = ""
        for (c, column) in columns.enumerated() {
            header += SVG.text(column, x: labels + (Double(c) + 0.5) * Self.cellWidth - Self.gap / 2, y: 10.5,
                               anchor: "middle", cssClass: "tick")
        }
        let width = labels + Double(columns.count) * Self.cellWidth
        return "<svg class=\"chart heat-map\" viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(y + 2))\""
            + " style=\"max-width:\(SVG.number(width * 1.25))px\" role=\"img\"" + HTMLText.attribute("aria-label", title)
            + attributes.map { HTMLText.attribute($0.0, $0.1) }.joined() + ">"
            + SVG.title(title) + header + body + "</svg>"
    }
}
