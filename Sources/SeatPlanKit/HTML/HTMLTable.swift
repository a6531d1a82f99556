/// A data table of the page: the numbers behind a chart, as real text that screen readers announce and
/// readers copy. Number cells are right-aligned and keep their exact value in `data-value` (as the CSV
/// files write it), beside the grouped text shown.
struct HTMLTable {
    enum Cell {
        case text(String)
        /// `shown` is displayed; `value` goes to `data-value`.
        case number(shown: String, value: String)
        /// Markup made by the page itself (never scenario text unescaped).
        case markup(String)
        case empty

        /// A count or amount rounded to a whole number (half away from zero, as the CSV files).
        static func whole(_ value: Double) -> Cell {
            .number(shown: ReportNumbers.grouped(value), value: String(WholeNumbers.roundToInt(value)))
        }

        static func integer(_ value: Int?) -> Cell {
            value.map { .number(shown: ReportNumbers.grouped(Double($0)), value: String($0)) } ?? .empty
        }

        static func decimal(_ value: Double?, places: Int) -> Cell {
            value.map { .number(shown: CSVWriter.format($0, places: places), value: CSVWriter.format($0, places: places)) } ?? .empty
        }
    }

    struct Row {
        var cells: [Cell]
        /// Attributes of the `<tr>` (`data-…`), values escaped here.
        var attributes: [(String, String)] = []
        var cssClass: String? = nil
    }

    var caption: String?
    var columns: [String]
    var rows: [Row]
    /// The first cell of each row heads the row (`<th scope="row">`).
    var rowHeaders = true
    var cssClass = "data"
    var attributes: [(String, String)] = []

    func html() -> String {
        var out = "<table" + HTMLText.attribute("class", cssClass) + attributes.map { HTMLText.attribute($0.0, $0.1) }.joined() + ">"
        if let caption { out += "<caption>" + HTMLText.escape(caption) + "</caption>" }
        out += "<thead><tr>" + columns.map { "<th scope=\"col\">" + HTMLText.escape($0) + "</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows {
            out += "<tr" + HTMLText.attribute("class", row.cssClass) + row.attributes.map { HTMLText.attribute($0.0, $0.1) }.joined() + ">"
            for (i, cell) in row.cells.enumerated() {
                let tag = rowHeaders && i == 0 ? "th" : "td"
                let scope = tag == "th" ? " scope=\"row\"" : ""
                switch cell {
                case .text(let text): out += "<\(tag)\(scope)>" + HTMLText.escape(text) + "</\(tag)>"
                case .number(let shown, let value):
                    out += "<\(tag)\(scope) class=\"num\"" + HTMLText.attribute("data-value", value) + ">" + HTMLText.escape(shown) + "</\(tag)>"
                case .markup(let markup): out += "<\(tag)\(scope)>" + markup + "</\(tag)>"
                case .empty: out += "<\(tag)\(scope)></\(tag)>"
                }
            }
            out += "</tr>"
        }
        return out + "</tbody></table>"
    }
}
