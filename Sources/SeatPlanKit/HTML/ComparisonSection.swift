/// The plan comparison: cost against shortage seat-years avoided (one point per plan), the measures of
/// every plan for the whole scenario and per district (as `comparison.csv`), and every project as applied
/// with the use of its seats (as `projects.csv`).
enum ComparisonSection {
    static func html(_ c: ReportContext) -> String {
        let l = c.labels
        var out = "<section id=\"comparison\"><h2>" + HTMLText.escape(l.comparisonTitle) + "</h2>"
        out += "<p class=\"note\">" + HTMLText.escape(l.comparisonNote) + "</p>"
        let whole = c.plans.compactMap { c.comparison.measures(plan: $0) }
        let chart = ScatterChart(
            title: l.scatterTitle, xLabel: l.cost, yLabel: l.avoided,
            points: whole.map { m in
                ScatterChart.Point(
                    x: m.cost, y: m.shortageAvoided, label: m.plan, color: c.style(m.plan).color,
                    title: l.scatterPoint(plan: c.planName(m.plan), cost: ReportNumbers.grouped(m.cost),
                                          avoided: ReportNumbers.grouped(m.shortageAvoided),
                                          left: ReportNumbers.grouped(m.shortageSeatYears)),
                    attributes: [("data-plan", m.plan), ("data-cost", CSVWriter.format(m.cost, places: 0)),
                                 ("data-avoided", String(WholeNumbers.roundToInt(m.shortageAvoided))),
                                 ("data-shortage", String(WholeNumbers.roundToInt(m.shortageSeatYears)))])
            },
            xFormat: { ReportNumbers.axis($0, language: l.language) },
            yFormat: { ReportNumbers.axis($0, language: l.language) },
            attributes: [("id", "comparison-chart")])
        out += "<figure class=\"scatter-card\">" + chart.svg() + "</figure>"
        out += "<div class=\"comparison-table\">" + measuresTable(whole, c, id: "comparison-table", caption: l.comparisonTableCaption).html() + "</div>"
        out += "<div class=\"table-scroll\">" + endingTable(c).html() + "</div>"
        let districts = c.comparison.measures.filter { $0.district != PlanComparison.allDistricts }
        out += "<details class=\"data-table\"><summary>" + HTMLText.escape(l.byDistrict) + "</summary><div class=\"table-scroll\">"
            + measuresTable(districts, c, id: "comparison-districts", caption: l.byDistrict).html() + "</div></details>"
        if c.comparison.flows.values.contains(where: { !$0.isEmpty }) {
            out += "<details class=\"data-table\" open><summary>" + HTMLText.escape(l.transfersTitle) + "</summary><div class=\"table-scroll\">"
                + transfersTable(c).html() + "</div></details>"
        }
        if !c.comparison.projects.isEmpty {
            out += "<details class=\"data-table\"><summary>" + HTMLText.escape(l.projectsTitle) + "</summary><div class=\"table-scroll\">"
                + projectsTable(c).html() + "</div></details>"
        }
        return out + "</section>"
    }

    /// When each plan's shortage and super-large classes end, per stage and for all stages, and what still
    /// blocks them (`PlanComparison`'s stage measures; the leadership's question, "when does it end").
    static func endingTable(_ c: ReportContext) -> HTMLTable {
        let l = c.labels
        let words = TerminalLabels(language: l.language)
        var rows: [HTMLTable.Row] = []
        for (k, m) in c.comparison.measures.enumerated() where m.district == PlanComparison.allDistricts {
            for s in [m] + Array(c.comparison.stageMeasures(of: k)) {
                rows.append(HTMLTable.Row(cells: [
                    .markup(c.planTag(m.plan)), .text(s.stage.map(c.stageName) ?? l.allStages),
                    .text(s.firstYearWithoutShortage.map(String.init) ?? l.never),
                    .text(s.firstYearWithoutSuperLarge.map(String.init) ?? l.never),
                    .text(TerminalComparison.ending(s, names: c.names, labels: words)),
                ], attributes: [("data-plan", m.plan), ("data-stage", s.stage ?? "")]))
            }
        }
        return HTMLTable(caption: l.endingTitle, columns: [l.plan, l.stage, l.noShortageFrom, l.noSuperLargeFrom, l.note],
                         rows: rows, attributes: [("id", "ending-by-stage")])
    }

    /// Which zone sends how many pupils where, each year, under each plan (`PlanComparison.flows`).
    static func transfersTable(_ c: ReportContext) -> HTMLTable {
        let l = c.labels
        let years = c.projectedYears
        var rows: [HTMLTable.Row] = []
        for plan in c.plans {
            for flow in c.comparison.flows[plan] ?? [] where flow.projectedTotal > 0 {
                let cells: [HTMLTable.Cell] = [.markup(c.planTag(plan)), .text(c.stageName(flow.stage)),
                                               .text(c.names.area(district: flow.fromDistrict, zone: flow.fromZone)),
                                               .text(c.names.area(district: flow.toDistrict, zone: flow.toZone))]
                    + years.map { year -> HTMLTable.Cell in
                        let pupils = flow.pupilsByYear[year - flow.firstYear]
                        return pupils > 0 ? .whole(pupils) : .empty
                    } + [.whole(flow.projectedTotal)]
                rows.append(HTMLTable.Row(cells: cells, attributes: [("data-plan", plan), ("data-from", flow.fromZone),
                                                                     ("data-to", flow.toZone), ("data-stage", flow.stage)]))
            }
        }
        return HTMLTable(caption: l.transfersTitle, columns: [l.plan, l.stage, l.transferFrom, l.transferTo]
                         + years.map(String.init) + [l.total], rows: rows, attributes: [("id", "transfers")])
    }

    static func measuresTable(_ measures: [PlanMeasures], _ c: ReportContext, id: String, caption: String) -> HTMLTable {
        let l = c.labels
        let perDistrict = id != "comparison-table"
        var columns = [l.plan]
        if perDistrict { columns.append(l.district) }
        columns += [l.cost, l.seatsAdded, l.shortageSeatYears, l.avoided, l.costPerSeatYear, l.peakShortage,
                    l.redZoneYears, l.noSchoolZoneYears, l.superLargeZoneYears, l.superLargeClasses,
                    l.unplacedPupilYears, l.pupilsTransferred, l.noShortageFrom, l.noSuperLargeFrom]
        let rows = measures.map { m -> HTMLTable.Row in
            var cells: [HTMLTable.Cell] = [.markup(c.planTag(m.plan))]
            if perDistrict { cells.append(.text(c.districtName(m.district))) }
            cells += [.whole(m.cost), .whole(m.seatsAddedTotal), .whole(m.shortageSeatYears),
                      m.verdict == .baseline ? .text("—") : .whole(m.shortageAvoided),
                      OverviewSection.costPerSeatYear(m, labels: l),
                      .text(m.peakYear.map { "\(ReportNumbers.grouped(m.peakShortage)) (\($0))" } ?? "0"),
                      .integer(m.redAreaYears), .integer(m.noSchoolAreaStageYears), .integer(m.superLargeAreaYears),
                      .integer(m.superLargeClasses), .integer(m.unplacedPupilYears), .whole(m.pupilsTransferred),
                      .text(m.firstYearWithoutShortage.map(String.init) ?? l.never),
                      .text(m.firstYearWithoutSuperLarge.map(String.init) ?? l.never)]
            return HTMLTable.Row(cells: cells, attributes: [("data-plan", m.plan), ("data-district", m.district)])
        }
        return HTMLTable(caption: caption, columns: columns, rows: rows, attributes: [("id", id)])
    }

    static func projectsTable(_ c: ReportContext) -> HTMLTable {
        let l = c.labels
        let rows = c.comparison.projects.map { p -> HTMLTable.Row in
            HTMLTable.Row(cells: [
                .text(p.plan), .integer(p.number), .text(l.projectKind(p.kind)), .text(p.schoolName),
                .text(c.zoneName(p.zone)), .text(c.stageName(p.stage)), .integer(p.classrooms), .whole(p.seats),
                .text(p.delayedBy > 0 ? "\(p.plannedYear) → \(p.year)" : String(p.year)),
                p.cost.map { .whole($0) } ?? .empty,
                .text(p.kind == .close ? "—" : "\(p.yearsUsed.count)/\(p.yearsOpen.count)"),
                .text(p.overBuilding ? l.overBuilding : ""),
            ], attributes: [("data-plan", p.plan)], cssClass: p.overBuilding ? "flag" : nil)
        }
        return HTMLTable(caption: l.projectsCaption(ReportNumbers.percent(c.comparison.usedThreshold)),
                         columns: [l.plan, "#", l.kind, l.school, l.zone, l.stage, l.classrooms, l.seats, l.year, l.cost,
                                   l.yearsUsed, l.overBuildingColumn],
                         rows: rows, attributes: [("id", "projects")])
    }
}
