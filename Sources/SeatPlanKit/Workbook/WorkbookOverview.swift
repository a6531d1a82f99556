/// The workbook's first sheet, like the top of `report.html`: what was run, then the plans ranked as
/// `compare` ranks them (`PlanComparison.ranked`), with cost, unplaced pupils, shortage left and avoided, cost
/// per seat-year avoided, super-large classes and the area-years of each alert. Every number is the comparison's (`PlanMeasures`,
/// whole numbers rounded as `comparison.csv` rounds them); nothing is computed here.
struct WorkbookOverview {
    let scenario: Scenario
    let comparison: PlanComparison
    let language: ReportLanguage

    /// The row of the ranking's header (the rows above are the title, the subtitle and the ranking's title).
    static let headerRow = 4

    enum Cell {
        case text(String)
        case number(Double, format: String)
    }

    /// The ranking's column titles and rows.
    var ranking: (columns: [String], rows: [[Cell]]) {
        let l = ReportLabels(language: language)
        let columns = ["#", l.plan, language == .zh ? "方案名称" : "Plan name", l.cost, l.unplacedPupilYears,
                       l.shortageSeatYears, l.avoided, l.costPerSeatYear, l.superLargeClasses, l.redZoneYears,
                       l.noSchoolZoneYears, l.superLargeZoneYears, l.noShortageFrom, l.noSuperLargeFrom]
        let grouped = "#,##0"
        let rows = comparison.ranked.enumerated().map { rank, m -> [Cell] in
            let whole = { (value: Double) in Cell.number(Double(WholeNumbers.roundToInt(value)), format: grouped) }
            let name = m.plan == Plan.baselineID ? l.baselineName
                : scenario.plans.first { $0.id == m.plan }?.name ?? m.plan
            let costPerSeatYear: Cell
            switch m.verdict {
            case .baseline: costPerSeatYear = .text(l.baselineVerdict)
            case .avoidsShortage: costPerSeatYear = m.costPerSeatYearAvoided.map { .number($0, format: "#,##0.00") } ?? .text("—")
            case .avoidsNone: costPerSeatYear = .text(l.avoidsNone)
            case .worse: costPerSeatYear = .text(l.worseThanBaseline)
            }
            return [
                .number(Double(rank + 1), format: "0"), .text(m.plan), .text(name), whole(m.cost),
                .number(Double(m.unplacedPupilYears), format: grouped),
                whole(m.shortageSeatYears), m.verdict == .baseline ? .text("—") : whole(m.shortageAvoided),
                costPerSeatYear, .number(Double(m.superLargeClasses), format: grouped),
                .number(Double(m.redAreaYears), format: grouped),
                .number(Double(m.noSchoolAreaStageYears), format: grouped),
                .number(Double(m.superLargeAreaYears), format: grouped),
                m.firstYearWithoutShortage.map { .number(Double($0), format: "0") } ?? .text(l.never),
                m.firstYearWithoutSuperLarge.map { .number(Double($0), format: "0") } ?? .text(l.never),
            ]
        }
        return (columns, rows)
    }

    func write(into writer: XLSXWriter, sheetName: String) throws(XLSXWriter.Failure) {
        let l = ReportLabels(language: language)
        let sheet = try writer.addSheet(sheetName)
        let first = scenario.baseYear + 1, last = scenario.baseYear + scenario.horizon
        writer.string(sheet, row: 0, column: 0, l.reportKind + " — " + scenario.title, style: CellStyle(bold: true))
        writer.string(sheet, row: 1, column: 0, l.subtitle(id: scenario.id, base: scenario.baseYear, first: first, last: last))
        writer.string(sheet, row: 2, column: 0, l.rankingTitle(first, last), style: CellStyle(bold: true))
        writer.string(sheet, row: 3, column: 0, l.rankingNote)
        let (columns, rows) = ranking
        var widths = columns.map { Workbook.displayWidth($0.utf8) }
        for (c, title) in columns.enumerated() {
            writer.string(sheet, row: Self.headerRow, column: c, title, style: Workbook.headerStyle)
        }
        for (r, cells) in rows.enumerated() {
            for (c, cell) in cells.enumerated() {
                switch cell {
                case .text(let text):
                    writer.string(sheet, row: Self.headerRow + 1 + r, column: c, text)
                    widths[c] = max(widths[c], Workbook.displayWidth(text.utf8))
                case .number(let value, let format):
                    writer.number(sheet, row: Self.headerRow + 1 + r, column: c, value, style: CellStyle(numberFormat: format))
                    widths[c] = max(widths[c], String(Int(value)).count + 4)
                }
            }
        }
        writer.freezeRows(sheet, Self.headerRow + 1)
        Workbook.setWidths(widths, sheet: sheet, writer: writer)
    }
}
