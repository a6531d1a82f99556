/// The early-warning map (学位预警): for each plan a heat map of zones (and their stages) × projected years,
/// each cell coloured by its alert and labelled with its utilisation (or "no school"), so that the alert
/// reads without colour; a legend states the thresholds, and a table repeats every cell.
enum AlertSection {
    /// Fill and text colour of each alert.
    static func colors(_ alert: Alert) -> (fill: String, text: String) {
        switch alert {
        case .green: return ("#cfe8cc", "#1b4d1b")
        case .yellow: return ("#fbd872", "#4d3800")
        case .red: return ("#c8331f", "#ffffff")
        case .noSchool: return ("#333333", "#ffffff")
        }
    }

    static func html(_ c: ReportContext) -> String {
        let l = c.labels
        var out = "<section id=\"alerts\"><h2>" + HTMLText.escape(l.alertsTitle) + "</h2>"
        out += "<p class=\"note\">" + HTMLText.escape(l.alertsNote) + "</p>"
        out += legend(c)
        if c.shownCount < c.zoneStageCount {
            out += "<p class=\"note\">" + HTMLText.escape(l.zoneStagesLeftOut(c.shownCount, c.zoneStageCount)) + "</p>"
        }
        out += "<div class=\"heat-maps\">"
        for outcome in c.allocation.outcomes {
            out += planMap(outcome.plan.id, c)
        }
        return out + "</div></section>"
    }

    static func legend(_ c: ReportContext) -> String {
        let t = c.scenario.standards.alerts
        let items: [(Alert, String)] = [
            (.green, c.labels.greenLegend(ReportNumbers.percent(t.yellow))),
            (.yellow, c.labels.yellowLegend(ReportNumbers.percent(t.yellow), ReportNumbers.percent(t.red))),
            (.red, c.labels.redLegend(ReportNumbers.percent(t.red))),
            (.noSchool, c.labels.noSchoolLegend),
        ]
        return "<ul class=\"legend alert-legend\">" + items.map { alert, text in
            let (fill, color) = colors(alert)
            let sample = alert == .noSchool ? c.labels.noSchoolCell : alert == .green ? "75%" : alert == .yellow ? "95%" : "112%"
            return "<li><span class=\"cell-sample\" style=\"background:\(fill);color:\(color)\">" + HTMLText.escape(sample)
                + "</span> " + HTMLText.escape(text) + "</li>"
        }.joined() + "</ul>"
    }

    /// One plan's map. With several stages a row is a zone's stage, under a heading per zone; with one stage
    /// a row is a zone, under a heading per district.
    static func planMap(_ plan: String, _ c: ReportContext) -> String {
        let l = c.labels
        let years = c.projectedYears
        let stages = c.scenario.standards.stages
        let byStage = stages.count > 1
        let manyDistricts = c.scenario.districts.count > 1
        var mapRows: [HeatMap.Row] = []
        var tableRows: [HTMLTable.Row] = []
        for area in c.shown {
            let zoneName = area.name
            let heading = byStage
                ? (manyDistricts && !area.zone.isEmpty && area.zone != area.district ? "\(c.districtName(area.district)) · \(zoneName)" : zoneName)
                : (manyDistricts ? c.districtName(area.district) : nil)
            for stage in area.stages {
                let rows = c.rows(plan: plan, zone: area.key, stage: stage.id)
                var cells: [HeatMap.Cell] = []
                var tableCells: [HTMLTable.Cell] = byStage ? [.text(zoneName), .text(c.stageName(stage.id))] : [.text(zoneName)]
                for year in years {
                    guard let row = rows.first(where: { $0.year == year }) else {
                        cells.append(HeatMap.Cell(text: "", fill: "#eeeeee", textColor: "#000", title: "", attributes: []))
                        tableCells.append(.empty)
                        continue
                    }
                    let (fill, color) = colors(row.alert)
                    let text = row.alert == .noSchool ? l.noSchoolCell : ReportNumbers.percent(row.utilisation)
                    let detail = l.cellDetail(alert: l.alertName(row.alert), use: text, pupils: ReportNumbers.grouped(row.students),
                                              seats: ReportNumbers.grouped(row.seats))
                    cells.append(HeatMap.Cell(
                        text: text, fill: fill, textColor: color,
                        title: "\(zoneName) · \(c.stageName(stage.id)) · \(year): \(detail)",
                        attributes: [("data-plan", plan), ("data-zone", area.key), ("data-stage", stage.id),
                                     ("data-year", String(year)), ("data-alert", row.alert.rawValue)]))
                    tableCells.append(.text("\(l.alertName(row.alert)) \(text)"))
                }
                mapRows.append(HeatMap.Row(label: byStage ? c.stageName(stage.id) : zoneName, group: heading, cells: cells))
                tableRows.append(HTMLTable.Row(cells: tableCells, attributes: [("data-zone", area.key), ("data-stage", stage.id)]))
            }
        }
        let title = l.alertMapTitle(c.planName(plan))
        let map = HeatMap(title: title, columns: years.map(String.init), rows: mapRows, attributes: [("data-plan", plan)])
        let table = HTMLTable(caption: title, columns: (byStage ? [l.zone, l.stage] : [l.zone]) + years.map(String.init),
                              rows: tableRows, attributes: [("data-plan", plan)])
        return "<figure class=\"heat-map-card\"" + HTMLText.attribute("data-plan", plan) + ">"
            + "<figcaption>" + c.planTag(plan) + " " + HTMLText.escape(c.planName(plan)) + "</figcaption>"
            + map.svg() + DataDetails.html(table, labels: l) + "</figure>"
    }
}
