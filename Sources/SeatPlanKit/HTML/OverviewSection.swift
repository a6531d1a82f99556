/// The first screen of the page: what was run, the headline numbers of the best plan against the baseline,
/// the plans ranked by the shortage they leave (with cost and cost per seat-year avoided), and the
/// zone-stages still short under the best plan.
enum OverviewSection {
    /// How many still-short zone-stages are listed.
    static let worstCount = 6

    static func html(_ c: ReportContext) -> String {
        let l = c.labels
        var out = "<section id=\"overview\" class=\"overview\"><h2>\(HTMLText.escape(l.overview))</h2>"
        out += keyFigures(c)
        out += "<h3>" + HTMLText.escape(l.rankingTitle(c.firstProjectedYear, c.lastYear)) + "</h3>"
        out += "<p class=\"note\">" + HTMLText.escape(l.rankingNote) + "</p>"
        out += ranking(c).html()
        out += worstZones(c)
        return out + "</section>"
    }

    /// Shortage seat-years, red, no-school and super-large zone-years: the best plan, with the baseline beside it.
    static func keyFigures(_ c: ReportContext) -> String {
        guard let base = c.baselineMeasures else { return "" }
        let best = c.bestPlan
        let figures: [(String, String, (PlanMeasures) -> Double)] = [
            ("shortage", c.labels.shortageSeatYears, { $0.shortageSeatYears }),
            ("unplaced", c.labels.unplacedPupilYears, { Double($0.unplacedPupilYears) }),
            ("red", c.labels.redZoneYears, { Double($0.redAreaYears) }),
            ("no-school", c.labels.noSchoolZoneYears, { Double($0.noSchoolAreaStageYears) }),
            ("super-large", c.labels.superLargeZoneYears, { Double($0.superLargeAreaYears) }),
        ]
        var out = "<div class=\"key-figures\">"
        for (key, label, value) in figures {
            let shown = best ?? base
            out += "<div class=\"figure\"" + HTMLText.attribute("data-figure", key) + ">"
                + "<div class=\"figure-label\">" + HTMLText.escape(label) + "</div>"
                + "<div class=\"figure-value\"" + HTMLText.attribute("data-value", String(WholeNumbers.roundToInt(value(shown)))) + ">"
                + HTMLText.escape(ReportNumbers.grouped(value(shown))) + "</div>"
                + "<div class=\"figure-note\">"
            if let best {
                out += HTMLText.escape(c.labels.underPlan(c.planName(best.plan))) + " · "
                    + HTMLText.escape(c.labels.baselineWas(ReportNumbers.grouped(value(base))))
            } else {
                out += HTMLText.escape(c.labels.baselineName)
            }
            out += "</div></div>"
        }
        return out + "</div>"
    }

    static func ranking(_ c: ReportContext) -> HTMLTable {
        let l = c.labels
        let most = c.ranked.map(\.shortageSeatYears).max() ?? 0
        let rows = c.ranked.enumerated().map { rank, m -> HTMLTable.Row in
            let share = most > 0 ? m.shortageSeatYears / most : 0
            let bar = "<span class=\"bar-track\"><span class=\"bar\" style=\"width:\(SVG.number(share * 100))%\"></span></span>"
            return HTMLTable.Row(cells: [
                .integer(rank + 1),
                .markup(c.planTag(m.plan) + " "
                        + "<span class=\"plan-name\">" + HTMLText.escape(c.planName(m.plan)) + "</span>"),
                .whole(m.cost),
                .markup("<span class=\"bar-cell\">" + bar + "<span class=\"bar-value\" data-value=\"\(WholeNumbers.roundToInt(m.shortageSeatYears))\">"
                        + HTMLText.escape(ReportNumbers.grouped(m.shortageSeatYears)) + "</span></span>"),
                m.verdict == .baseline ? .text("—") : .whole(m.shortageAvoided),
                costPerSeatYear(m, labels: l),
                .integer(m.unplacedPupilYears), .integer(m.superLargeClasses), .whole(m.pupilsTransferred),
                .integer(m.redAreaYears), .integer(m.noSchoolAreaStageYears), .integer(m.superLargeAreaYears),
                .text(m.firstYearWithoutShortage.map(String.init) ?? l.never),
                .text(m.firstYearWithoutSuperLarge.map(String.init) ?? l.never),
            ], attributes: [("data-plan", m.plan), ("data-rank", String(rank + 1))])
        }
        return HTMLTable(caption: nil, columns: [
            "#", l.plan, l.cost, l.shortageSeatYears, l.avoided, l.costPerSeatYear, l.unplacedPupilYears,
            l.superLargeClasses, l.pupilsTransferred, l.redZoneYears, l.noSchoolZoneYears, l.superLargeZoneYears,
            l.noShortageFrom, l.noSuperLargeFrom,
        ], rows: rows, cssClass: "data ranking", attributes: [("id", "ranking")])
    }

    /// The cost per seat-year avoided, or what the plan does instead when the ratio means nothing.
    static func costPerSeatYear(_ m: PlanMeasures, labels l: ReportLabels) -> HTMLTable.Cell {
        switch m.verdict {
        case .baseline: return .text(l.baselineVerdict)
        case .avoidsShortage:
            guard let ratio = m.costPerSeatYearAvoided else { return .text("—") }
            return .number(shown: ReportNumbers.grouped(ratio), value: CSVWriter.format(ratio, places: 2))
        case .avoidsNone: return .text(l.avoidsNone)
        case .worse: return .text(l.worseThanBaseline)
        }
    }

    /// The area-stages short in some projected year under the best plan (`PlanComparison.spans`, the same
    /// the terminal lists), the most seat-years first, with the baseline's shortage there beside it.
    static func worstZones(_ c: ReportContext) -> String {
        let l = c.labels
        guard let best = c.bestPlan ?? c.baselineMeasures else { return "" }
        var out = "<h3>" + HTMLText.escape(l.stillShortTitle(best.plan == Plan.baselineID ? best.plan : c.planName(best.plan))) + "</h3>"
        out += "<p class=\"note\">" + HTMLText.escape(TerminalComparison.ending(best, names: c.names, labels: TerminalLabels(language: c.labels.language))) + "</p>"
        let worst = (c.comparison.spans[best.plan] ?? []).filter { $0.years > 0 }
        guard !worst.isEmpty else {
            return out + "<p class=\"good\">" + HTMLText.escape(l.noZoneShort) + "</p>"
        }
        let baseline = c.comparison.spans[Plan.baselineID] ?? []
        let rows = worst.prefix(worstCount).map { s in
            let base = baseline.first { $0.district == s.district && $0.zone == s.zone && $0.stage == s.stage }
            return HTMLTable.Row(cells: [
                .text(c.names.area(district: s.district, zone: s.zone)), .text(c.districtName(s.district)),
                .text(c.stageName(s.stage)), .text(ReportContext.yearRanges(s.shortYears)), .whole(s.worst),
                .whole(s.seatYears), .whole(base?.seatYears ?? 0),
            ], attributes: [("data-zone", s.zone.isEmpty ? "district:" + s.district : s.zone), ("data-stage", s.stage)])
        }
        out += HTMLTable(caption: nil, columns: [l.zone, l.district, l.stage, l.yearsShort, l.peakGap,
                                                 l.shortageSeatYears, l.baselineShortage],
                         rows: Array(rows), cssClass: "data worst", attributes: [("id", "worst-zones")]).html()
        if worst.count > worstCount {
            out += "<p class=\"note\">" + HTMLText.escape(l.andMore(worst.count - worstCount)) + "</p>"
        }
        return out
    }
}
