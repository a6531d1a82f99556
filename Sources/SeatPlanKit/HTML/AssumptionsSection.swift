/// Where the numbers come from (as `assumptions.csv`): per district, the births with the fitted trend and the
/// years it projects, and each entry and progression ratio as a small chart of the observed values used
/// beside the value the projection uses; a table lists every assumption with its method and window.
enum AssumptionsSection {
    static func html(_ c: ReportContext) -> String {
        let l = c.labels
        var out = "<section id=\"assumptions\"><h2>" + HTMLText.escape(l.assumptionsTitle) + "</h2>"
        out += "<p class=\"note\">" + HTMLText.escape(l.assumptionsNote) + "</p>"
        if let drawn = c.drawnWith {
            out += "<p class=\"note ranges-basis\">" + HTMLText.escape(l.rangesDrawn(draws: drawn.draws, seed: drawn.seed)) + "</p>"
        }
        for district in c.scenario.districts {
            let assumptions = c.allocation.demand.assumptions.filter { $0.district == district.id }
            out += "<div class=\"district\"" + HTMLText.attribute("data-district", district.id) + "><h3>"
                + HTMLText.escape(c.districtName(district.id)) + "</h3><div class=\"assumption-grid\">"
            out += births(district, assumptions, c)
            for a in assumptions where a.parameter == .entryRatio || a.parameter == .progressionRatio {
                out += ratio(a, c)
            }
            out += "</div>"
            out += housingAndMigration(assumptions, c)
            out += rangesBasis(district.id, c)
            out += DataDetails.html(table(assumptions, district: district.id, c), labels: l)
            out += "</div>"
        }
        return out + "</section>"
    }

    /// With draws, one line of what the district's were made with (`uncertainty.csv`): its ratios' spread and
    /// where it comes from, then the shares and the kurtosis, each marked when given.
    static func rangesBasis(_ district: String, _ c: ReportContext) -> String {
        guard let drawn = c.drawnWith else { return "" }
        let l = c.labels
        let parts = drawn.assumptions.filter { $0.district == district && $0.parameter != .birthsSpread }.map { a in
            let value: String
            switch a.parameter {
            case .kurtosis: value = CSVWriter.format(a.value ?? 3, places: 1)
            case .ratioSpread where a.source == .given: value = "sd " + CSVWriter.format(a.value ?? 0, places: 4)
            default: value = CSVWriter.format(100 * (a.value ?? 0), places: a.parameter == .ratioSpread ? 2 : 0) + "%"
            }
            var source = a.source == .given ? l.given : l.estimated
            if a.parameter == .ratioSpread, a.source == .estimated, let n = a.errors {
                source = l.estimatedFrom(errors: n, years: a.years.map { "\($0.lowerBound)–\($0.upperBound)" })
            }
            return "<span" + HTMLText.attribute("data-parameter", a.parameter.rawValue) + ">"
                + HTMLText.escape(l.withSource("\(l.drawParameter(a.parameter)) \(value)", source)) + "</span>"
        }
        guard !parts.isEmpty else { return "" }
        return "<p class=\"note ranges-basis\"" + HTMLText.attribute("data-district", district) + ">"
            + HTMLText.escape(l.rangesDrawnWith) + parts.joined(separator: " · ") + "</p>"
    }

    /// The listed births, and the trend's projected births after them, with the fit window shaded.
    static func births(_ district: District, _ assumptions: [Assumption], _ c: ReportContext) -> String {
        let l = c.labels
        let projected = assumptions.filter { $0.parameter == .birthsProjected }.compactMap { a in a.year.map { ($0, a.value) } }
        let listed = district.births.sorted { $0.key < $1.key }
        guard let first = listed.first?.key, let lastListed = listed.last?.key else { return "" }
        let last = max(lastListed, projected.map(\.0).max() ?? lastListed)
        let years = Array(first...last)
        let listedValues = years.map { district.births[$0] }
        let projectedValues = years.map { year -> Double? in
            year == lastListed && !projected.isEmpty ? district.births[year] : projected.first { $0.0 == year }?.1
        }
        let fit = assumptions.first { $0.parameter == .birthsIntercept }
        let slope = assumptions.first { $0.parameter == .birthsSlope }
        var chart = LineChart(
            title: l.birthsTitle(c.districtName(district.id)), years: years,
            series: [LineChart.Series(key: "listed", label: l.birthsListed, values: listedValues, color: "#1f1f1f",
                                      width: 1.8, dots: true, role: "births")],
            yFormat: { value, _ in ReportNumbers.axis(value, language: l.language) },
            attributes: [("data-district", district.id), ("data-parameter", "births")], cssClass: "line-chart births")
        if !projected.isEmpty {
            chart.series.append(LineChart.Series(key: "projected", label: l.birthsProjected, values: projectedValues,
                                                 color: "#0072b2", width: 1.8, dash: "4 3", dots: true, role: "births-projected"))
        }
        if let fit, let firstFit = fit.observed.first?.year, let lastFit = fit.observed.last?.year {
            chart.shaded = (firstFit...lastFit, l.fitWindow)
        }
        var caption = HTMLText.escape(l.births)
        if let fit, let slope {
            caption += " <span class=\"method\">" + HTMLText.escape(l.birthsFit(method: l.methodName(fit.method), n: fit.n,
                c0: CSVWriter.format(fit.value, places: 4), c1: CSVWriter.format(slope.value, places: 5),
                r2: fit.rSquared.map { CSVWriter.format($0, places: 3) })) + "</span>"
        } else {
            caption += " <span class=\"method\">" + HTMLText.escape(l.birthsNotProjected) + "</span>"
        }
        var legend = "<ul class=\"legend mini\"><li><span class=\"line-sample\" style=\"border-top:2px solid #1f1f1f\"></span>"
            + HTMLText.escape(l.birthsListed) + "</li>"
        if !projected.isEmpty {
            legend += "<li><span class=\"line-sample\" style=\"border-top:2px dashed #0072b2\"></span>" + HTMLText.escape(l.birthsProjected) + "</li>"
        }
        legend += "</ul>"
        return "<figure class=\"births-card\"><figcaption>" + caption + "</figcaption>" + legend + chart.svg() + "</figure>"
    }

    /// One ratio: the observed values used (dots) and the value used (dashed line), or the fixed value.
    static func ratio(_ a: Assumption, _ c: ReportContext) -> String {
        let l = c.labels
        let stage = a.stage.flatMap { c.scenario.standards.stage($0) }
        let grade = a.grade.flatMap { g in stage.map { g - 1 < $0.gradeNames.count ? $0.gradeNames[g - 1] : String(g) } } ?? ""
        let name = "\(c.stageName(a.stage ?? "")) · \(l.grade(grade))"
        let kind = a.parameter == .entryRatio ? l.entryRatio : l.progressionRatio
        let method = a.method == "fixed" ? l.fixed : l.ratioMethod(l.methodName(a.method), window: a.window ?? 0, n: a.n)
        let out = "<figure class=\"ratio-card\"" + HTMLText.attribute("data-district", a.district) + HTMLText.attribute("data-stage", a.stage) + HTMLText.attribute("data-grade", a.grade.map(String.init))
            + HTMLText.attribute("data-parameter", a.parameter.rawValue) + HTMLText.attribute("data-value", CSVWriter.format(a.value, places: 6)) + ">"
            + "<figcaption><span class=\"ratio-name\">" + HTMLText.escape(name) + "</span>"
            + "<span class=\"ratio-value\">" + HTMLText.escape(ReportNumbers.ratio(a.value)) + "</span>"
            + "<span class=\"method\">" + HTMLText.escape("\(kind) · \(method)") + "</span></figcaption>"
        guard !a.observed.isEmpty else { return out + "</figure>" }
        let years = a.observed.map(\.year)
        let chart = LineChart(
            title: "\(name) \(kind): \(ReportNumbers.ratio(a.value))", years: years,
            series: [
                LineChart.Series(key: "used", label: "\(l.valueUsed) \(ReportNumbers.ratio(a.value))",
                                 values: years.map { _ in a.value }, color: "#c8331f", width: 1.4, dash: "4 2", role: "used",
                                 places: 6),
                LineChart.Series(key: "observed", label: l.observed, values: a.observed.map(\.value), color: "#1f1f1f",
                                 width: 1.2, dots: true, role: "observed", places: 6),
            ],
            yFormat: ReportNumbers.tick, yFromZero: false, yTicks: 2, cssClass: "line-chart ratio",
            width: 200, plotHeight: 54, left: 40, xInset: 18)
        return out + chart.svg() + "</figure>"
    }

    /// Each development's and each stage's migration pupils in the last projected year, by stage (as
    /// `assumptions.csv`'s `housing_pupils`, `migration_added` and `migration_carried`).
    static func housingAndMigration(_ assumptions: [Assumption], _ c: ReportContext) -> String {
        let last = c.lastYear
        let rows = assumptions.filter { $0.year == last && [.housingPupils, .migrationAdded, .migrationCarried].contains($0.parameter) }
        guard !rows.isEmpty else { return "" }
        let table = HTMLTable(caption: c.labels.housingAndMigrationTitle(last),
                              columns: [c.labels.parameter, c.labels.source, c.labels.stage, c.labels.value, c.labels.note],
                              rows: rows.map { a in
                                  HTMLTable.Row(cells: [.text(c.labels.parameterName(a.parameter)),
                                                        .text(a.parameter == .housingPupils ? a.method : ""),
                                                        .text(a.stage.map(c.stageName) ?? ""), .decimal(a.value, places: 1),
                                                        .text(a.note)],
                                                attributes: [("data-parameter", a.parameter.rawValue)])
                              })
        return table.html()
    }

    static func table(_ assumptions: [Assumption], district: String, _ c: ReportContext) -> HTMLTable {
        let l = c.labels
        let rows = assumptions.map { a -> HTMLTable.Row in
            HTMLTable.Row(cells: [
                .text(l.parameterName(a.parameter)), .text(a.stage.map(c.stageName) ?? ""), .integer(a.grade),
                .integer(a.year), .decimal(a.value, places: a.parameter == .birthsProjected ? 0 : 6),
                .text(l.methodName(a.method)), .integer(a.window), .integer(a.observed.isEmpty ? nil : a.n),
                .text(a.observed.map { "\($0.year): \(AssumptionsReport.compact($0.value))" }.joined(separator: "; ")),
                .decimal(a.standardError, places: 6), .decimal(a.rSquared, places: 4), .text(a.note),
            ])
        }
        return HTMLTable(caption: l.assumptionsCaption(c.districtName(district)),
                         columns: [l.parameter, l.stage, l.gradeColumn, l.year, l.value, l.method, l.window, "n", l.observed,
                                   l.standardError, "R²", l.note],
                         rows: rows, rowHeaders: false)
    }
}
