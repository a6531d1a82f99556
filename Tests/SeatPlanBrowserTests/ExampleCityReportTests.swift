import Foundation
import Testing
import TestSupport

/// `seatplan report` on example-city, opened in headless Chromium: the page renders (a screenshot), and the
/// DOM Chromium built holds the charts, the heat map and the comparison with the numbers of the CSV files
/// written in the same run.
///
/// The report is written, photographed and dumped once for the suite, under `.build/browser-tests/` (kept
/// after the run, so that the screenshot can be looked at).
@Suite("Example-city report in Chromium")
struct ExampleCityReportTests {
    struct Rendered: Sendable {
        let folder: URL
        let out: URL
        let screenshot: URL
        let dom: DOM

        init() throws {
            folder = Programs.root.appendingPathComponent(".build/browser-tests/example-city")
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            out = folder.appendingPathComponent("report")
            let run = try Programs.run(Programs.seatplan, ["report", "scenarios/example-city.yaml", "--out", out.path, "--lang", "en"],
                                       in: folder)
            guard run.status == 0 else {
                throw Programs.Failure(description: "seatplan report failed (\(run.status)): \(String(decoding: run.stderr, as: UTF8.self))")
            }
            let page = out.appendingPathComponent("report.html")
            screenshot = folder.appendingPathComponent("report.png")
            let shot = try Programs.chromium(["--screenshot=\(screenshot.path)", "--window-size=1280,2400"], page: page, in: folder)
            let dump = try Programs.chromium(["--dump-dom"], page: page, in: folder)
            guard shot.status == 0, dump.status == 0 else {
                throw Programs.Failure(description: "chromium failed: \(String(decoding: shot.stderr + dump.stderr, as: UTF8.self).suffix(2000))")
            }
            dom = DOM(String(decoding: dump.stdout, as: UTF8.self))
        }
    }

    static let rendered = Result { try Rendered() }

    let folder: URL
    let out: URL
    let rendered: Rendered

    init() throws {
        rendered = try Self.rendered.get()
        folder = rendered.folder
        out = rendered.out
    }

    func csv(_ name: String) throws -> [[String: String]] { try CSVFile(path: out.appendingPathComponent(name).path).rows }

    func dom() throws -> DOM { rendered.dom }

    @Test("the page is written with the CSV files, at once")
    func writtenWithTheReports() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == [".seatplan-output", "assumptions.csv", "capacity.csv", "comparison.csv", "coverage.csv", "districts.csv",
                          "grades.csv", "indicators.csv", "map.geojson", "projects.csv", "rankings.csv", "report.html",
                          "summary.csv", "townships.csv", "transfers.csv"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test("a 1280 × 2400 screenshot shows a page, not a blank")
    func screenshot() throws {
        let png = try Data(contentsOf: rendered.screenshot)
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // IHDR: width and height, big-endian, at bytes 16–23.
        let size = png.count >= 24 ? (png[16..<20].reduce(0) { $0 << 8 | Int($1) }, png[20..<24].reduce(0) { $0 << 8 | Int($1) }) : (0, 0)
        #expect(size == (1280, 2400))
        // A blank page of this size compresses to a few kilobytes; text, tables and charts take far more.
        #expect(png.count > 60_000, "\(png.count) bytes")
    }

    @Test("the DOM holds the ranking, the comparison and the scatter with the numbers of comparison.csv")
    func comparison() throws {
        let dom = try dom()
        let whole = try csv("comparison.csv").filter { $0["district"] == "ALL" }
        func number(_ row: [String: String], _ column: String) -> Double { Double(row[column] ?? "") ?? .nan }
        func rounded(_ row: [String: String], _ column: String) -> String {
            row[column].flatMap(Double.init).map { String(Int(($0 + 0.5).rounded(.down))) } ?? ""
        }
        // README's rule: fewer unplaced pupil-years, then fewer shortage seat-years, then fewer super-large
        // classes, then the lower cost.
        let expectedOrder = whole.sorted {
            (number($0, "unplaced_pupil_years"), number($0, "shortage_seat_years"), number($0, "super_large_classes"),
             number($0, "cost"), $0["plan"]!)
                < (number($1, "unplaced_pupil_years"), number($1, "shortage_seat_years"), number($1, "super_large_classes"),
                   number($1, "cost"), $1["plan"]!)
        }.map { $0["plan"]! }
        #expect(expectedOrder == ["layout-plan", "layout-plan-delayed", "expand-only", "baseline"])

        let ranking = dom.all("tr", having: ["data-rank"])
        #expect(ranking.map { $0["data-plan"] ?? "" } == expectedOrder)
        #expect(ranking.map { $0["data-rank"] ?? "" } == ["1", "2", "3", "4"])
        // The shortage of each ranked row, as the bar's number.
        let bars = dom.elements.filter { $0.name == "span" && $0["class"] == "bar-value" }.map { $0["data-value"] ?? "" }
        #expect(bars == expectedOrder.map { plan in whole.first { $0["plan"] == plan }.map { rounded($0, "shortage_seat_years") } ?? "?" })
        // shared/spec/example-city.expected-comparison.csv: 24,396.49 (layout-plan) and 40,336.64 (baseline).
        #expect(bars.first == "24396" && bars.last == "40337")

        // The comparison table: each plan's row carries the numbers of its comparison.csv row.
        let stages = ["kindergarten", "primary", "junior", "senior", "vocational"]
        let table = try #require(dom.all("table").first { $0["id"] == "comparison-table" })
        for row in whole {
            let plan = row["plan"]!
            let tr = try #require(dom.all("tr", having: ["data-plan", "data-district"]).first {
                $0["data-plan"] == plan && $0["data-district"] == "ALL" && $0.offset > table.offset
            })
            let next = dom.elements.first { $0.name == "tr" && $0.offset > tr.offset }?.offset ?? Int.max
            let values = dom.elements.filter { $0.offset > tr.offset && $0.offset < next && $0.name == "td" }.compactMap { $0["data-value"] }
            let added = stages.reduce(0.0) { $0 + number(row, "seats_added_\($1)") }
            var expected = [rounded(row, "cost"), String(Int(added.rounded())), rounded(row, "shortage_seat_years")]
            if plan != "baseline" { expected.append(rounded(row, "shortage_seat_years_avoided")) }
            if let ratio = row["cost_per_shortage_seat_year_avoided"].flatMap(Double.init) { expected.append(String(format: "%.2f", ratio)) }
            expected += ["red_area_years", "no_school_area_stage_years", "super_large_area_years", "super_large_classes",
                         "unplaced_pupil_years"].map { row[$0]! }
            expected.append(rounded(row, "pupils_transferred"))
            #expect(values == expected, "\(plan)")
        }

        // The scatter: one point per plan at its cost and shortage avoided.
        let points = dom.all("circle", having: ["data-plan", "data-cost"])
        #expect(points.count == whole.count)
        for row in whole {
            let point = try #require(points.first { $0["data-plan"] == row["plan"] })
            #expect(point["data-cost"] == rounded(row, "cost") && point["data-shortage"] == rounded(row, "shortage_seat_years")
                    && point["data-avoided"] == rounded(row, "shortage_seat_years_avoided"), "\(row["plan"]!)")
        }
        #expect(!dom.elements.contains { $0.name == "script" })
    }

    /// The page names an area by its zone, or `district:ID` for a district's or the scenario's own rows.
    static func areaKey(_ row: [String: String]) -> String {
        let zone = row["zone"] ?? ""
        return zone.isEmpty ? "district:\(row["district"] ?? "")" : zone
    }

    @Test("the DOM holds a heat-map cell per plan, area, stage and projected year with the alert of capacity.csv")
    func heatMap() throws {
        let dom = try dom()
        let projected = try csv("capacity.csv").filter { Int($0["year"] ?? "") ?? 0 > 2025 }
        let cells = dom.all("rect", having: ["data-alert"])
        // 4 plans × 19 area-stages (5 zones × 3 zone stages, 3 districts' senior, the city's vocational) × 10 years.
        #expect(cells.count == 760 && projected.count == 760)
        var alerts: [String: String] = [:]
        for row in projected { alerts["\(row["plan"]!) \(Self.areaKey(row)) \(row["stage"]!) \(row["year"]!)"] = row["alert"] }
        for cell in cells {
            let key = "\(cell["data-plan"] ?? "") \(cell["data-zone"] ?? "") \(cell["data-stage"] ?? "") \(cell["data-year"] ?? "")"
            #expect(cell["data-alert"] == alerts[key], "\(key)")
        }
        // Each cell says its utilisation or "none" in text, not by colour alone.
        let cellTexts = dom.elements.filter { $0.name == "g" && $0["class"] == "cell" }.count
        #expect(cellTexts == 760)
        #expect(dom.all("svg").filter { $0["class"] == "chart heat-map" }.count == 4)
    }

    @Test("the DOM holds a chart per area and stage: pupils and each plan's seats as in capacity.csv, tables behind")
    func capacityCharts() throws {
        let dom = try dom()
        let capacity = try csv("capacity.csv")
        let charts = dom.all("svg", having: ["data-zone", "data-stage"]).filter { $0["class"] == "chart line-chart" }
        #expect(charts.count == 19)
        let svgStarts = dom.all("svg").map(\.offset)
        for chart in charts {
            let zone = chart["data-zone"]!, stage = chart["data-stage"]!
            let end = svgStarts.first { $0 > chart.offset } ?? Int.max
            let inside = dom.elements.filter { $0.offset > chart.offset && $0.offset < end }
            func values(_ plan: String, _ column: String) -> String {
                capacity.filter { $0["plan"] == plan && Self.areaKey($0) == zone && $0["stage"] == stage }.map { $0[column]! }
                    .joined(separator: " ")
            }
            let series = inside.filter { $0.name == "g" && $0["class"] == "series" }
            #expect(series.first { $0["data-role"] == "pupils" }?["data-values"] == values("baseline", "students"), "\(zone) \(stage)")
            let seats = series.filter { $0["data-role"] == "seats" }
            let plans = seats.flatMap { ($0["data-series"] ?? "").split(separator: " ").map(String.init) }
            #expect(Set(plans) == ["baseline", "layout-plan", "layout-plan-delayed", "expand-only"], "\(zone) \(stage)")
            for line in seats {
                for plan in (line["data-series"] ?? "").split(separator: " ") {
                    #expect(line["data-values"] == values(String(plan), "seats"), "\(zone) \(stage) \(plan)")
                }
            }
            // Super-large classes are marked in the years they occur, once per seats line.
            let expectedMarks = seats.reduce(0) { sum, line in
                let first = String((line["data-series"] ?? "").split(separator: " ").first ?? "")
                return sum + capacity.filter { $0["plan"] == first && Self.areaKey($0) == zone && $0["stage"] == stage
                    && (Int($0["super_large_classes"] ?? "") ?? 0) > 0 }.count
            }
            #expect(inside.filter { $0.name == "g" && $0["class"] == "marker" }.count == expectedMarks, "\(zone) \(stage)")
            #expect(inside.contains { $0.name == "text" } && inside.contains { $0.name == "title" })
        }
        // River-west's kindergarten (its own band: super-large from 41) has super-large classes under the
        // baseline (and expand-only, which adds no kindergarten seats) in 2026: 9 classes, the largest of 69
        // pupils (shared/spec/example-city.expected-capacity.csv).
        // Plans are named by their display names on the page (the baseline in the page's own words).
        let marked = dom.text.contains("2026, Baseline (existing schools, no project) = 只扩建不新建: 9 super-large class(es), largest 69")
        #expect(marked)
        // A table behind every chart: 19 capacity charts, 4 heat maps, 3 districts' assumptions.
        #expect(dom.all("details").filter { $0["class"] == "data-table" }.count >= 26)
        #expect(dom.all("th").count > 500)
    }

    @Test("the coverage maps draw every residential area and school once, blind spots as in coverage.csv, new schools as in map.geojson")
    func coverageMaps() throws {
        let dom = try dom()
        let coverage = try csv("coverage.csv").filter { $0["year"] == "2035" }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("map.geojson"))) as? [String: Any]
        let features = (json?["features"] as? [[String: Any]] ?? []).compactMap { $0["properties"] as? [String: Any] }
        let schools = features.filter { $0["kind"] as? String == "school" }
        let maps = dom.all("svg", having: ["data-plan", "data-district"]).filter { $0["class"] == "chart coverage-map" }
        // 4 plans × 3 districts with located schools or areas.
        #expect(maps.count == 12)
        let svgStarts = dom.all("svg").map(\.offset)
        for map in maps {
            let plan = map["data-plan"]!, district = map["data-district"]!
            let end = svgStarts.first { $0 > map.offset } ?? Int.max
            let inside = dom.elements.filter { $0.offset > map.offset && $0.offset < end }
            let key = "\(plan) \(district)"
            // Areas: exactly those of coverage.csv in 2035, each once, red where any stage is a blind spot.
            let rows = coverage.filter { $0["plan"] == plan && $0["district"] == district }
            var blind: [String: Bool] = [:]
            for row in rows { blind[row["area"]!, default: false] = blind[row["area"]!, default: false] || row["blind_spot"] == "yes" }
            let areas = inside.filter { $0.name == "g" && $0["class"] == "area" }
            #expect(areas.count == blind.count && Set(areas.map { $0["data-area"] ?? "" }) == Set(blind.keys), "\(key)")
            for area in areas {
                #expect(area["data-blind"] == (blind[area["data-area"] ?? ""] == true ? "yes" : "no"), "\(key) \(area["data-area"] ?? "")")
            }
            // Schools: each once; those of the plan in this district open in 2035 (map.geojson), new ones marked.
            let drawn = inside.filter { $0.name == "g" && $0["class"] == "school" }
            let expected = schools.filter {
                $0["district"] as? String == district && $0["in_\(plan)"] as? Bool == true && ($0["classrooms_\(plan)"] as? Int ?? 0) > 0
                    && ($0["stages"] as? String ?? "") != ""
            }
            #expect(drawn.count == expected.count && Set(drawn.map { $0["data-school"] ?? "" }) == Set(expected.map { $0["id"] as? String ?? "" }), "\(key)")
            for school in drawn {
                let feature = expected.first { $0["id"] as? String == school["data-school"] }
                let isNew = feature?["opens_\(plan)"] is Int
                #expect(school["data-new"] == (isNew ? "yes" : "no"), "\(key) \(school["data-school"] ?? "")")
            }
        }
        // The plan's new schools in the centre are marked: hexi-dier-shiyan, zenggong-xuexiao and hexi-youeryuan-2.
        let central = try #require(maps.first { $0["data-plan"] == "layout-plan" && $0["data-district"] == "central" })
        let next = svgStarts.first { $0 > central.offset } ?? Int.max
        let marked = dom.elements.filter { $0.offset > central.offset && $0.offset < next && $0["data-new"] == "yes" }.map { $0["data-school"] ?? "" }
        #expect(Set(marked) == ["hexi-dier-shiyan", "zenggong-xuexiao", "hexi-youeryuan-2"])
        // Baseline, 2035: all six areas of the centre are blind spots for some stage (coverage.csv).
        let baseline = try #require(maps.first { $0["data-plan"] == "baseline" && $0["data-district"] == "central" })
        let after = svgStarts.first { $0 > baseline.offset } ?? Int.max
        #expect(dom.elements.filter { $0.offset > baseline.offset && $0.offset < after && $0["class"] == "area" && $0["data-blind"] == "yes" }.count == 6)
    }

    @Test("the DOM holds every ratio of assumptions.csv with its value")
    func assumptions() throws {
        let dom = try dom()
        let ratios = try csv("assumptions.csv").filter { $0["parameter"] == "entry_ratio" || $0["parameter"] == "progression_ratio" }
        let cards = dom.all("figure", having: ["data-parameter", "data-grade"])
        #expect(cards.count == ratios.count && ratios.count == 54)
        for row in ratios {
            #expect(cards.contains {
                $0["data-district"] == row["district"] && $0["data-stage"] == row["stage"] && $0["data-grade"] == row["grade"]
                    && $0["data-parameter"] == row["parameter"] && $0["data-value"] == row["value"]
            }, "\(row)")
        }
        #expect(dom.all("svg", having: ["data-parameter"]).filter { $0["data-parameter"] == "births" }.count == 3)
    }
}
