/// Pupils against seats, per district → zone → stage: one chart per zone and stage with the pupils line, one
/// seats line per plan (plans with the same seats in every year share a line), the shortage shaded, the
/// super-large classes marked under the axis (the largest class of each year that has one), the P10–P90
/// band of pupils when ranges were given, and the table of every number. In a scenario of more than
/// `ReportContext.shownLimit` zone-stages, only those with something to act on (`ReportContext.shown`).
enum CapacitySection {
    /// Plans whose seats are equal in every year: one line, one shading, one marker row.
    struct PlanGroup {
        var plans: [String]
        var rows: [CapacityRow]
        var style: PlanStyle
        var key: String { plans.joined(separator: " ") }
        /// The plans' display names (the ids stay in `key`, for scripts and tests).
        var names: [String] = []
        var label: String { names.joined(separator: " = ") }
    }

    static func groups(zone: String, stage: String, _ c: ReportContext) -> [PlanGroup] {
        var groups: [PlanGroup] = []
        for plan in c.plans {
            let rows = c.rows(plan: plan, zone: zone, stage: stage)
            if let i = groups.firstIndex(where: { $0.rows.map(\.seats) == rows.map(\.seats) }) {
                groups[i].plans.append(plan)
                groups[i].names.append(c.planName(plan))
            } else {
                groups.append(PlanGroup(plans: [plan], rows: rows, style: c.style(plan), names: [c.planName(plan)]))
            }
        }
        return groups
    }

    static func html(_ c: ReportContext) -> String {
        let l = c.labels
        var out = "<section id=\"capacity\"><h2>" + HTMLText.escape(l.capacityTitle) + "</h2>"
        out += "<p class=\"note\">" + HTMLText.escape(l.capacityNote(c.scenario.standards.superLargeClass)) + "</p>"
        out += planLegend(c)
        // With one stage, a district's zones share one grid and each card is named by its zone.
        let oneStage = c.scenario.standards.stages.count == 1
        let districts = c.scenario.districts.map { ($0.id, !$0.zones.isEmpty) } + [(PlanComparison.allDistricts, false)]
        for (districtID, hasZones) in districts {
            let zones = c.shown.filter { $0.district == districtID }
            guard !zones.isEmpty else { continue }
            out += "<div class=\"district\"" + HTMLText.attribute("data-district", districtID) + "><h3>"
                + HTMLText.escape(c.districtName(districtID)) + "</h3>"
            if oneStage { out += "<div class=\"chart-grid\">" }
            for area in zones {
                if !oneStage {
                    out += "<div class=\"zone\"" + HTMLText.attribute("data-zone", area.key) + ">"
                    if hasZones || area.zone.isEmpty {
                        out += "<h4>" + HTMLText.escape(area.name) + " <span class=\"id\">" + HTMLText.escape(area.zone.isEmpty ? area.district : area.zone) + "</span></h4>"
                    }
                    out += "<div class=\"chart-grid\">"
                }
                for stage in area.stages {
                    out += card(zone: area.key, name: area.name, district: districtID, stage: stage,
                                caption: oneStage ? area.name : c.stageName(stage.id), c)
                }
                if !oneStage { out += "</div></div>" }
            }
            out += oneStage ? "</div></div>" : "</div>"
        }
        if c.shownCount < c.zoneStageCount {
            out += "<p class=\"note\">" + HTMLText.escape(l.zoneStagesLeftOut(c.shownCount, c.zoneStageCount)) + "</p>"
        }
        return out + "</section>"
    }

    /// The plans' colours, once for the whole section.
    static func planLegend(_ c: ReportContext) -> String {
        var items = ["<li><span class=\"line-sample\" style=\"border-top:3px solid \(PlanPalette.pupils)\"></span>"
                     + HTMLText.escape(c.labels.pupils) + "</li>"]
        for plan in c.plans {
            let style = c.style(plan)
            items.append("<li><span class=\"line-sample\" style=\"border-top:3px \(style.dash == nil ? "solid" : "dashed") \(style.color)\"></span>"
                         + HTMLText.escape(c.labels.seatsOf(c.planName(plan))) + "</li>")
        }
        items.append("<li><span class=\"area-sample\" style=\"background:\(PlanPalette.shortage)\"></span>" + HTMLText.escape(c.labels.shortageShading) + "</li>")
        items.append("<li><span class=\"marker-sample\">72</span>" + HTMLText.escape(c.labels.superLargeMarker(c.scenario.standards.superLargeClass)) + "</li>")
        if c.hasBands {
            items.append("<li><span class=\"area-sample\" style=\"background:#4a78b5\"></span>" + HTMLText.escape(c.labels.bandLegend) + "</li>")
        }
        return "<ul class=\"legend plan-legend\">" + items.joined() + "</ul>"
    }

    /// The chart of one zone and stage, `caption` above it (the stage, or the zone when there is one stage).
    static func card(zone: String, name: String, district: String, stage: Stage, caption: String, _ c: ReportContext) -> String {
        let l = c.labels
        let groups = groups(zone: zone, stage: stage.id, c)
        guard let pupilsRows = groups.first?.rows else { return "" }
        let years = pupilsRows.map(\.year)
        let pupils = pupilsRows.map(\.students)
        let title = l.capacityChartTitle(zone: name, stage: c.stageName(stage.id))
        var chart = LineChart(
            title: title, years: years,
            series: [LineChart.Series(key: "pupils", label: l.pupils, values: pupils, color: PlanPalette.pupils,
                                      width: 2.4, dots: true, role: "pupils")],
            shaded: (c.scenario.baseYear...c.scenario.baseYear, l.counted),
            yFormat: { value, _ in ReportNumbers.axis(value, language: l.language) },
            attributes: [("data-district", district), ("data-zone", zone), ("data-stage", stage.id)])
        // Seats lines under the pupils line, the baseline's first (at the bottom).
        for group in groups {
            chart.series.insert(LineChart.Series(
                key: group.key, label: "\(l.seats): \(group.label)", values: group.rows.map(\.seats),
                color: group.style.color, width: 2, dash: group.style.dash, role: "seats"), at: chart.series.count - 1)
            chart.shortfalls.append(LineChart.Shortfall(key: group.key, label: l.shortUnder(group.label),
                                                        over: pupils, under: group.rows.map(\.seats)))
            if group.rows.contains(where: { $0.superLargeClasses > 0 }) {
                chart.markerRows.append(LineChart.MarkerRow(
                    label: "\(c.scenario.standards.superLargeClass)+", color: group.style.color,
                    cells: group.rows.map { $0.superLargeClasses > 0 ? String($0.organisation.maxClassSize) : nil },
                    titles: group.rows.map {
                        $0.superLargeClasses > 0
                            ? l.superLargeDetail(year: $0.year, plans: group.label, count: $0.superLargeClasses,
                                                 largest: $0.organisation.maxClassSize)
                            : nil
                    }))
            }
        }
        if c.hasBands {
            let bands = years.map { c.band(zone: zone, stage: stage.id, year: $0) }
            if bands.contains(where: { $0 != nil }) {
                chart.band = LineChart.Band(label: l.bandLegend, low: bands.map { $0?.low }, high: bands.map { $0?.high })
            }
        }
        return "<figure class=\"chart-card\"" + HTMLText.attribute("data-zone", zone) + HTMLText.attribute("data-stage", stage.id) + ">"
            + "<figcaption><span class=\"stage\">" + HTMLText.escape(caption) + "</span>" + summary(groups, c) + "</figcaption>"
            + chart.svg() + DataDetails.html(table(years: years, pupils: pupils, groups: groups, title: title, c), labels: l)
            + "</figure>"
    }

    /// A few words after the caption: the projected years short under the baseline and under the best plan
    /// (or under the first plan short, when neither is), that the best plan is never short, or that no plan is.
    static func summary(_ groups: [PlanGroup], _ c: ReportContext) -> String {
        let best = c.bestPlan?.plan
        func shortRows(_ group: PlanGroup) -> [CapacityRow] {
            group.rows.filter { $0.year > c.scenario.baseYear && WholeNumbers.round($0.gap) > 0 }
        }
        func name(_ group: PlanGroup) -> String {
            group.plans.contains(Plan.baselineID) ? Plan.baselineID : best.flatMap { group.plans.contains($0) ? $0 : nil } ?? group.plans[0]
        }
        let short = groups.filter { !shortRows($0).isEmpty }
        guard !short.isEmpty else { return "<span class=\"ok\">" + HTMLText.escape(c.labels.neverShort) + "</span>" }
        let isKey: (PlanGroup) -> Bool = { group in group.plans.contains(Plan.baselineID) || best.map(group.plans.contains) ?? false }
        let shown = short.filter(isKey).isEmpty ? [short[0]] : short.filter(isKey)
        var parts = shown.map { group -> String in
            let rows = shortRows(group)
            return "<span class=\"short\"><span class=\"swatch\" style=\"background:\(group.style.color)\"></span>"
                + HTMLText.escape(c.labels.shortYears(c.planName(name(group)), ReportContext.yearRanges(rows.map(\.year)),
                                                      peak: ReportNumbers.grouped(rows.map(\.gap).max() ?? 0))) + "</span>"
        }
        if let best, let group = groups.first(where: { $0.plans.contains(best) }), shortRows(group).isEmpty {
            parts.append("<span class=\"ok\">" + HTMLText.escape(c.labels.notShortUnder(c.planName(best))) + "</span>")
        }
        return parts.joined()
    }

    static func table(years: [Int], pupils: [Double], groups: [PlanGroup], title: String, _ c: ReportContext) -> HTMLTable {
        let l = c.labels
        var columns = [l.year, l.pupils]
        for group in groups {
            columns += [l.seatsOf(group.label), l.gapOf(group.label), l.utilisationOf(group.label), l.superLargeOf(group.label)]
        }
        let rows = years.indices.map { i -> HTMLTable.Row in
            var cells: [HTMLTable.Cell] = [.text(String(years[i])), .whole(pupils[i])]
            for group in groups {
                let row = group.rows[i]
                cells += [.whole(row.seats), .whole(row.gap), .text(ReportNumbers.percent(row.utilisation)),
                          row.superLargeClasses > 0 ? .text(l.superLargeCell(row.superLargeClasses, largest: row.organisation.maxClassSize)) : .text("0")]
            }
            return HTMLTable.Row(cells: cells, attributes: [("data-year", String(years[i]))])
        }
        return HTMLTable(caption: title, columns: columns, rows: rows)
    }
}
