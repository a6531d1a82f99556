/// A chart's table folded under a "Data table" toggle: closed by default, so the page stays short, and still
/// in the document, so that screen readers, search and copying reach every number.
enum DataDetails {
    static func html(_ table: HTMLTable, labels: ReportLabels) -> String {
        "<details class=\"data-table\"><summary>" + HTMLText.escape(labels.dataTable) + "</summary>"
            + "<div class=\"table-scroll\">" + table.html() + "</div></details>"
    }
}
