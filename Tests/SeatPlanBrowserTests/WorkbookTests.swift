import Foundation
import Testing
import TestSupport

/// `report.xlsx` opened by a real office reader, Python's openpyxl: every sheet's cells are the CSV
/// reports' (numbers as number cells, empty cells empty, Chinese text intact), the alert cells are filled
/// with the page's colours, the header row is frozen and filtered, and the overview ranks the plans with
/// the numbers of comparison.csv.
///
/// Each scenario is run once for the suite, under `.build/workbook-tests/` (kept after the run).
@Suite("report.xlsx in openpyxl")
struct WorkbookTests {
    /// A workbook as openpyxl reads it, dumped to JSON by the script below.
    struct Sheet: Decodable {
        var title: String
        var freeze: String?
        var filter: String?
        /// Cell values row by row (`null` for an empty cell); numbers are JSON numbers.
        var rows: [[Value?]]
        /// Per cell: `[row, column, number format, fill]` for the cells that are not plain (1-based).
        var styles: [[Value]]
    }

    enum Value: Decodable, Equatable, CustomStringConvertible {
        case number(Double)
        case text(String)
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) { self = .number(number) } else { self = .text(try container.decode(String.self)) }
        }
        var description: String {
            switch self {
            case .number(let n): return "\(n)"
            case .text(let t): return "'\(t)'"
            }
        }
        var text: String? { if case .text(let t) = self { t } else { nil } }
    }

    /// Dumps each sheet: title, frozen cell, filter range, values, and the number format and fill of the
    /// cells that have one.
    static let dumpScript = """
    import json, sys, openpyxl
    wb = openpyxl.load_workbook(sys.argv[1])
    out = []
    for ws in wb.worksheets:
        rows, styles = [], []
        for r, row in enumerate(ws.iter_rows(), start=1):
            values = []
            for c, cell in enumerate(row, start=1):
                values.append(cell.value)
                fill = cell.fill.fgColor.rgb if cell.fill is not None and cell.fill.fill_type == 'solid' else None
                if cell.value is not None and (cell.number_format != 'General' or fill):
                    styles.append([r, c, cell.number_format, fill or ''])
            rows.append(values)
        out.append({'title': ws.title, 'freeze': ws.freeze_panes, 'filter': ws.auto_filter.ref, 'rows': rows, 'styles': styles})
    json.dump(out, sys.stdout, ensure_ascii=False)
    """

    struct Run: Sendable {
        let out: URL
        let sheets: [Sheet]
        let names: [String]
    }

    static func run(_ label: String, _ arguments: [String], prepare: (URL) throws -> Void = { _ in }) throws -> Run {
        let folder = Programs.root.appendingPathComponent(".build/workbook-tests/\(label)")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try prepare(folder)
        let out = folder.appendingPathComponent("report")
        let run = try Programs.run(Programs.seatplan, arguments + ["--out", out.path, "--xlsx"], in: folder)
        guard run.status == 0 else {
            throw Programs.Failure(description: "seatplan failed (\(run.status)): \(String(decoding: run.stderr, as: UTF8.self))")
        }
        let dump = try Programs.run("/usr/bin/env", ["python3", "-c", dumpScript, out.appendingPathComponent("report.xlsx").path],
                                    in: folder)
        guard dump.status == 0 else {
            throw Programs.Failure(description: "openpyxl could not read report.xlsx: \(String(decoding: dump.stderr, as: UTF8.self))")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        return Run(out: out, sheets: try JSONDecoder().decode([Sheet].self, from: dump.stdout), names: names)
    }

    static let exampleCity = Result {
        try run("example-city", ["report", "scenarios/example-city.yaml", "--draws", "20", "--lang", "zh"])
    }
    /// Example-city with names that Excel would take for formulas (formula-safe CSV writes them with `'`).
    static let formulaNames = Result {
        try run("formula-names", ["run", ".build/workbook-tests/formula-names/city.yaml", "--lang", "en"]) { folder in
            let text = try String(contentsOf: Programs.root.appendingPathComponent("scenarios/example-city.yaml"), encoding: .utf8)
            let changed = text.replacingOccurrences(of: "name: 老城片区", with: "name: \"=老城片区\"")
                .replacingOccurrences(of: "name: 中心城区", with: "name: \"-中心城区\"")
            try changed.write(to: folder.appendingPathComponent("city.yaml"), atomically: true, encoding: .utf8)
        }
    }
    static let eauClaire = Result { try run("eau-claire", ["compare", "scenarios/eau-claire-wi.yaml", "--lang", "en"]) }

    /// The sheet titles expected in Chinese, written out here (not read from the program's table).
    static let zhSheets = [
        "capacity.csv": "学位供需", "districts.csv": "区县汇总", "grades.csv": "年级明细", "summary.csv": "缺口汇总",
        "assumptions.csv": "预测假设", "comparison.csv": "方案比较", "projects.csv": "建设项目", "ranges.csv": "区间预测",
        "summary_ranges.csv": "缺口区间", "plan_probabilities.csv": "方案优劣概率", "uncertainty.csv": "区间参数",
        "transfers.csv": "跨片区就学",
        "indicators.csv": "办学条件指标", "rankings.csv": "排名", "coverage.csv": "服务半径覆盖", "townships.csv": "一乡一园",
    ]

    /// The page's alert colours (AlertSection), as openpyxl gives them (ARGB).
    static let alertFills = ["green": "FFCFE8CC", "yellow": "FFFBD872", "red": "FFC8331F", "no_school": "FF333333"]

    /// Excel's name of column `n` (1-based): A … Z, AA … AZ, BA …
    static func columnName(_ n: Int) -> String {
        var n = n, name = ""
        while n > 0 {
            let letter = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + letter))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// Compares one sheet with its CSV file cell by cell; returns the number of cells compared.
    func expectSheet(_ sheet: WorkbookTests.Sheet, equals path: URL) throws -> Int {
        let csv = try CSVFile(path: path.path)
        #expect(sheet.rows.count == csv.records.count + 1, "\(sheet.title): \(sheet.rows.count) rows for \(csv.records.count) + 1")
        #expect(sheet.freeze == "A2", "\(sheet.title)")
        let lastColumn = Self.columnName(csv.header.count)
        #expect(sheet.filter == "A1:\(lastColumn)\(csv.records.count + 1)", "\(sheet.title)")
        #expect(sheet.rows.first?.count == csv.header.count)
        var styles: [String: (format: String, fill: String)] = [:]
        for s in sheet.styles {
            if case .number(let r) = s[0], case .number(let c) = s[1], let format = s[2].text, let fill = s[3].text {
                styles["\(Int(r)),\(Int(c))"] = (format, fill)
            }
        }
        let textColumns: Set<String> = ["plan", "district", "zone", "stage", "grade", "school", "plan_a", "plan_b", "alert"]
        var compared = 0
        for (r, record) in csv.records.enumerated() {
            let row = sheet.rows[r + 1]
            for (c, expected) in record.enumerated() {
                let column = csv.header[c]
                let cell = c < row.count ? row[c] : nil
                compared += 1
                if expected.isEmpty {
                    #expect(cell == nil, "\(sheet.title) row \(r + 2) \(column): \(String(describing: cell)) for an empty CSV cell")
                    continue
                }
                if let number = Double(expected), !textColumns.contains(column), !column.hasSuffix("_name") {
                    #expect(cell == .number(number), "\(sheet.title) row \(r + 2) \(column): \(String(describing: cell)) for \(expected)")
                } else {
                    // Formula-safe CSV puts ' before =, +, -, @; the workbook's text cell needs none.
                    let text = expected.hasPrefix("'") && "=+-@".contains(expected.dropFirst().first ?? " ") ? String(expected.dropFirst()) : expected
                    #expect(cell == .text(text), "\(sheet.title) row \(r + 2) \(column): \(String(describing: cell)) for \(expected)")
                }
                if column == "alert" {
                    #expect(styles["\(r + 2),\(c + 1)"]?.fill == Self.alertFills[expected], "\(sheet.title) row \(r + 2): \(expected)")
                }
                if column == "utilisation" || column.hasPrefix("probability") {
                    #expect(styles["\(r + 2),\(c + 1)"]?.format.hasSuffix("%") == true, "\(sheet.title) row \(r + 2) \(column)")
                }
                if column == "seats" || column == "cost" {
                    #expect(styles["\(r + 2),\(c + 1)"]?.format.hasPrefix("#,##0") == true, "\(sheet.title) row \(r + 2) \(column)")
                }
            }
        }
        return compared
    }

    @Test("example-city in Chinese: the overview, then a sheet per CSV report, each cell the CSV's")
    func exampleCitySheets() throws {
        let run = try Self.exampleCity.get()
        let csvs = ["capacity.csv", "districts.csv", "grades.csv", "summary.csv", "transfers.csv", "assumptions.csv",
                    "indicators.csv", "rankings.csv", "coverage.csv", "townships.csv", "comparison.csv", "projects.csv",
                    "ranges.csv", "summary_ranges.csv", "plan_probabilities.csv", "uncertainty.csv"]
        #expect(Set(run.names) == Set(csvs + [".seatplan-output", "map.geojson", "report.html", "report.xlsx"]))
        #expect(run.sheets.map(\.title) == ["概览"] + csvs.map { Self.zhSheets[$0]! })
        var cells = 0
        for (sheet, name) in zip(run.sheets.dropFirst(), csvs) {
            cells += try expectSheet(sheet, equals: run.out.appendingPathComponent(name))
        }
        #expect(cells > 50_000)
        let capacity = run.sheets[1]
        #expect(capacity.rows[0].prefix(9).map { $0?.text } == ["方案", "年份", "区县", "片区", "学段", "学生数", "学位数", "缺口", "学位使用率"])
        // Chinese names intact, and every alert fill seen.
        #expect(capacity.rows.contains { $0.contains(.text("老城片区")) })
        let alerts = Set(capacity.rows.dropFirst().compactMap { $0[17]?.text })
        #expect(alerts.isSuperset(of: ["green", "yellow", "red"]))
    }

    @Test("the overview ranks the plans with the numbers of comparison.csv")
    func overview() throws {
        let run = try Self.exampleCity.get()
        let overview = run.sheets[0]
        #expect(overview.freeze == "A6")
        let whole = try CSVFile(path: run.out.appendingPathComponent("comparison.csv").path).rows.filter { $0["district"] == "ALL" }
        let ranked = overview.rows.dropFirst(5)
        #expect(ranked.count == whole.count)
        var previous = -Double.infinity
        for (rank, row) in ranked.enumerated() {
            #expect(row[0] == .number(Double(rank + 1)))
            guard let plan = row[1]?.text, let expected = whole.first(where: { $0["plan"] == plan }) else {
                Issue.record("no comparison.csv row for \(String(describing: row[1]))")
                continue
            }
            // Columns: #, plan, name, cost, unplaced, shortage, avoided, cost per seat-year, super-large classes, red …
            let shortage = Double(expected["shortage_seat_years"]!)!
            #expect(row[3] == .number(Double(expected["cost"]!)!))
            #expect(row[4] == .number(Double(expected["unplaced_pupil_years"]!)!))
            #expect(row[5] == .number(shortage.rounded()))
            #expect(shortage >= previous, "ranked by shortage seat-years (no plan leaves a pupil unplaced)")
            previous = shortage
            #expect(row[8] == .number(Double(expected["super_large_classes"]!)!))
            #expect(row[9] == .number(Double(expected["red_area_years"]!)!))
            if let ratio = Double(expected["cost_per_shortage_seat_year_avoided"] ?? ""), case .number(let shown) = row[7] {
                #expect(abs(shown - ratio) < 0.005)
            }
        }
    }

    @Test("eau-claire in English: sheets named as the files, columns as the CSV's")
    func eauClaireSheets() throws {
        let run = try Self.eauClaire.get()
        let csvs = ["capacity.csv", "districts.csv", "grades.csv", "summary.csv", "transfers.csv", "assumptions.csv",
                    "indicators.csv", "rankings.csv", "comparison.csv", "projects.csv"]
        #expect(run.sheets.map(\.title) == ["overview"] + csvs.map { String($0.dropLast(4)) })
        for (sheet, name) in zip(run.sheets.dropFirst(), csvs) {
            _ = try expectSheet(sheet, equals: run.out.appendingPathComponent(name))
            let header = try CSVFile(path: run.out.appendingPathComponent(name).path).header
            #expect(sheet.rows[0].map { $0?.text } == header.map { Optional($0) })
        }
        #expect(run.sheets[0].rows[4].first == .text("#"))
    }

    @Test("names that look like formulas: text cells as written, without the CSV's formula-safe quote")
    func formulaLikeNames() throws {
        let run = try Self.formulaNames.get()
        let csvs = ["capacity.csv", "districts.csv", "grades.csv", "summary.csv", "transfers.csv", "assumptions.csv",
                    "indicators.csv", "rankings.csv", "coverage.csv", "townships.csv"]
        #expect(run.sheets.map(\.title) == csvs.map { String($0.dropLast(4)) })
        let capacity = try String(contentsOf: run.out.appendingPathComponent("capacity.csv"), encoding: .utf8)
        #expect(capacity.contains(",'-中心城区,'=老城片区,"), "the CSV is formula-safe")
        for (sheet, name) in zip(run.sheets, csvs) {
            _ = try expectSheet(sheet, equals: run.out.appendingPathComponent(name))
        }
        #expect(run.sheets[0].rows[1].contains(.text("=老城片区")))
        #expect(run.sheets[0].rows[1].contains(.text("-中心城区")))
    }
}
