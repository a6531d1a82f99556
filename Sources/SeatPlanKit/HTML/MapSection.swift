import Foundation

/// The coverage maps (服务半径): for each plan, an SVG map per district in the last projected year — an
/// equirectangular projection scaled to the district's points (x = longitude × cos of the middle latitude,
/// y = latitude; no tiles, no network) — with the open schools as symbols by stage, each stage's service
/// circle around them, the plan's new schools ringed, and the residential areas coloured by whether they
/// are blind spots of coverage; a legend, and a table of every area under the toggle. It formats
/// `CoverageSummary` only. Districts without a located residential area or school are left out; after
/// `districtLimit` districts the rest are in coverage.csv and map.geojson.
enum MapSection {
    static let districtLimit = 12
    static let width = 560.0, maxHeight = 420.0, margin = 18.0
    /// Metres per degree of latitude on the haversine sphere.
    static let metresPerDegree = Haversine.earthRadius * Double.pi / 180

    /// Symbol and colour of a stage by its position: circle, square, triangle, diamond, then again.
    static let stageColors = ["#e69f00", "#0072b2", "#009e73", "#cc79a7", "#56b4e9", "#8c6d31"]
    static let blindColor = "#c8331f", coveredColor = "#2b7a3d"

    /// Whether the page has the section: some residential area or school has an `at`.
    static func isShown(_ c: ReportContext) -> Bool {
        !c.comparison.coverage.coverage.schools.isEmpty || !c.comparison.coverage.coverage.areas.isEmpty
    }

    static func html(_ c: ReportContext) -> String {
        let summary = c.comparison.coverage
        let coverage = summary.coverage
        guard isShown(c) else { return "" }
        let l = c.labels
        func pick(_ en: String, _ zh: String) -> String { l.language == .en ? en : zh }
        let year = c.lastYear
        var out = "<section id=\"coverage\"><h2>" + HTMLText.escape(title(l)) + "</h2>"
        out += "<p class=\"note\">" + HTMLText.escape(pick(
            "Residential areas (estates and located housing) against the nearest open school of each stage in \(year): red where the area has pupils of a stage and no school of it within the service radius (a blind spot of coverage), green where every stage is within reach. Circles show each school's service radius; new schools of the plan are ringed. Distances are great-circle (haversine); every row is in coverage.csv, every place in map.geojson.",
            "\(year) 年各居住区（小区与有坐标的新建住宅）到各学段最近开办学校的距离：红色为有该学段学生而服务半径内无该学段学校（服务盲区），绿色为各学段均在服务半径内。圆圈为学校的服务半径，方案新建学校加外圈标出。距离按大圆（haversine）计算；全部数据见 coverage.csv，全部地点见 map.geojson。")) + "</p>"
        out += legend(c)
        let districts = c.scenario.districts.indices.filter { d in
            coverage.areas.contains { $0.district == d } || coverage.schools.contains { c.allocation.grid.districtOfZone[$0.zone] == d }
        }
        if districts.count > districtLimit {
            out += "<p class=\"note\">" + HTMLText.escape(pick(
                "The first \(districtLimit) of \(districts.count) districts are drawn; the others are in coverage.csv and map.geojson.",
                "仅绘出 \(districts.count) 个区县中的前 \(districtLimit) 个；其余见 coverage.csv 与 map.geojson。")) + "</p>"
        }
        out += "<div class=\"coverage-maps\">"
        for (p, outcome) in c.allocation.outcomes.enumerated() {
            for d in districts.prefix(districtLimit) {
                out += map(plan: p, outcome: outcome, district: d, c)
            }
        }
        return out + "</div></section>"
    }

    static func title(_ l: ReportLabels) -> String { l.language == .en ? "Coverage: service radius and blind spots" : "服务半径覆盖与服务盲区" }

    static func symbol(stage k: Int, x: Double, y: Double, size: Double, fill: String, extra: String = "") -> String {
        let (px, py, r) = (SVG.number(x), SVG.number(y), size)
        switch k % 4 {
        case 0: return "<circle cx=\"\(px)\" cy=\"\(py)\" r=\"\(SVG.number(r))\" fill=\"\(fill)\"\(extra)/>"
        case 1: return "<rect x=\"\(SVG.number(x - r))\" y=\"\(SVG.number(y - r))\" width=\"\(SVG.number(2 * r))\" height=\"\(SVG.number(2 * r))\" fill=\"\(fill)\"\(extra)/>"
        case 2: return "<path d=\"" + SVG.polygon([(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)]) + "\" fill=\"\(fill)\"\(extra)/>"
        default: return "<path d=\"" + SVG.polygon([(x, y - r * 1.3), (x + r * 1.1, y), (x, y + r * 1.3), (x - r * 1.1, y)]) + "\" fill=\"\(fill)\"\(extra)/>"
        }
    }

    static func legend(_ c: ReportContext) -> String {
        let l = c.labels
        func pick(_ en: String, _ zh: String) -> String { l.language == .en ? en : zh }
        let stages = c.scenario.standards.stages
        var items: [String] = []
        for (s, stage) in stages.enumerated() {
            let radius = stage.serviceRadius.map { pick(", radius \(WholeNumbers.roundToInt($0)) m", "，服务半径 \(WholeNumbers.roundToInt($0)) 米") } ?? ""
            items.append("<li><svg width=\"14\" height=\"14\" aria-hidden=\"true\">" + symbol(stage: s, x: 7, y: 7, size: 5, fill: stageColors[s % stageColors.count])
                         + "</svg> " + HTMLText.escape(c.stageName(stage.id) + radius) + "</li>")
        }
        items.append("<li><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><circle cx=\"7\" cy=\"7\" r=\"5\" fill=\"\(blindColor)\"/></svg> "
                     + HTMLText.escape(pick("residential area, blind spot", "居住区（服务盲区）")) + "</li>")
        items.append("<li><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><circle cx=\"7\" cy=\"7\" r=\"5\" fill=\"\(coveredColor)\"/></svg> "
                     + HTMLText.escape(pick("residential area, within reach", "居住区（已覆盖）")) + "</li>")
        items.append("<li><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><circle cx=\"7\" cy=\"7\" r=\"5\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.5\"/></svg> "
                     + HTMLText.escape(pick("new school of the plan", "方案新建学校")) + "</li>")
        return "<ul class=\"legend coverage-legend\">" + items.joined() + "</ul>"
    }

    /// One plan's map of one district, with its table.
    static func map(plan p: Int, outcome: PlanOutcome, district d: Int, _ c: ReportContext) -> String {
        let l = c.labels
        func pick(_ en: String, _ zh: String) -> String { l.language == .en ? en : zh }
        let coverage = c.comparison.coverage.coverage
        let stages = c.scenario.standards.stages
        let grid = c.allocation.grid
        let t = grid.yearCount - 1, year = grid.baseYear + t
        let plan = outcome.plan.id, districtID = c.scenario.districts[d].id
        let areas = coverage.areas.indices.filter { coverage.areas[$0].district == d && coverage.areas[$0].isPresent(in: year) }
        // The plan's schools of this district open in the map year, with the stages they have rooms of.
        let schools: [(member: SchoolNetwork.Member, at: GeoPoint, stages: [Int], isNew: Bool)] = outcome.network.schools.compactMap { m in
            guard let at = m.at, grid.districtOfZone[m.zone] == d else { return nil }
            let open = stages.indices.filter { m.classrooms(stage: $0, year: year) > 0 }
            return open.isEmpty ? nil : (m, at, open, m.opens != nil)
        }
        let points = areas.map { coverage.areas[$0].at } + schools.map(\.at)
        guard !points.isEmpty else { return "" }
        // Equirectangular, scaled to the points plus the largest service radius around them.
        let lons = points.map(\.longitude), lats = points.map(\.latitude)
        let middle = (lats.min()! + lats.max()!) / 2
        let k = max(cos(middle * Double.pi / 180), 0.01)
        let pad = (coverage.radii.max() ?? 0) / metresPerDegree
        let (x0, x1) = ((lons.min()! - pad / k) * k, (lons.max()! + pad / k) * k)
        let (y0, y1) = (lats.min()! - pad, lats.max()! + pad)
        let span = max(x1 - x0, y1 - y0, 1e-6)
        let scale = min((width - 2 * margin) / max(x1 - x0, span * 0.05), (maxHeight - 2 * margin) / max(y1 - y0, span * 0.05))
        let height = min(maxHeight, (y1 - y0) * scale + 2 * margin)
        func xy(_ g: GeoPoint) -> (Double, Double) {
            (margin + (g.longitude * k - x0) * scale + (width - 2 * margin - (x1 - x0) * scale) / 2,
             height - margin - (g.latitude - y0) * scale)
        }
        let caption = "\(c.districtName(districtID)) · \(year)"
        var svg = "<svg class=\"chart coverage-map\" viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\" role=\"img\""
            + HTMLText.attribute("aria-label", caption) + HTMLText.attribute("data-plan", plan)
            + HTMLText.attribute("data-district", districtID) + ">" + SVG.title(caption)
        svg += "<rect class=\"map-ground\" x=\"0\" y=\"0\" width=\"\(SVG.number(width))\" height=\"\(SVG.number(height))\" fill=\"#f7f7f4\"/>"
        // Service circles first, under everything.
        for school in schools {
            let (x, y) = xy(school.at)
            for s in school.stages {
                guard let radius = stages[s].serviceRadius else { continue }
                let color = stageColors[s % stageColors.count]
                svg += "<circle class=\"service-circle\" cx=\"\(SVG.number(x))\" cy=\"\(SVG.number(y))\" r=\"\(SVG.number(radius / metresPerDegree * scale))\""
                    + " fill=\"\(color)\" fill-opacity=\"0.08\" stroke=\"\(color)\" stroke-opacity=\"0.6\" stroke-dasharray=\"3 2\""
                    + HTMLText.attribute("data-school", school.member.id) + HTMLText.attribute("data-stage", stages[s].id) + "/>"
            }
        }
        for school in schools {
            let (x, y) = xy(school.at)
            let stageNames = school.stages.map { c.stageName(stages[$0].id) }.joined(separator: "、")
            svg += "<g class=\"school\"" + HTMLText.attribute("data-school", school.member.id)
                + HTMLText.attribute("data-new", school.isNew ? "yes" : "no") + ">"
                + SVG.title("\(school.member.name) (\(school.member.id)) · \(stageNames)" + (school.isNew ? pick(" · new, opens \(school.member.opens!)", " · 新建，\(school.member.opens!) 年开办") : ""))
            if school.isNew {
                svg += "<circle cx=\"\(SVG.number(x))\" cy=\"\(SVG.number(y))\" r=\"9\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.5\"/>"
            }
            for (n, s) in school.stages.enumerated() {
                svg += symbol(stage: s, x: x + Double(n) * 4 - Double(school.stages.count - 1) * 2, y: y, size: 4.5,
                              fill: stageColors[s % stageColors.count], extra: " stroke=\"#fff\" stroke-width=\"0.8\"")
            }
            svg += "</g>"
        }
        var rows: [HTMLTable.Row] = []
        for a in areas {
            let area = coverage.areas[a]
            let (x, y) = xy(area.at)
            let blind = coverage.isBlindSpot(plan: p, t: t, area: a)
            var detail: [String] = []
            var cells: [HTMLTable.Cell] = [.text(area.name), .text(area.kind == .estate ? pick("estate", "小区") : pick("housing", "新建住宅")),
                                           .text(c.zoneName(area.zone)), .whole(area.dwellings(in: year))]
            for (kk, s) in coverage.stages.enumerated() {
                let cell = coverage.cell(plan: p, t: t, area: a, stage: kk)
                let reach = cell.distance.map { "\(WholeNumbers.roundToInt($0)) m" } ?? pick("no school", "无学校")
                let mark = coverage.isBlindSpot(plan: p, t: t, area: a, stage: kk) ? pick(" (blind spot)", "（盲区）") : ""
                detail.append("\(c.stageName(stages[s].id)) \(reach)\(mark)")
                cells.append(.text((cell.school?.name ?? "—") + " · " + reach + mark))
            }
            cells.append(.text(blind ? pick("yes", "是") : pick("no", "否")))
            svg += "<g class=\"area\"" + HTMLText.attribute("data-area", area.id) + HTMLText.attribute("data-blind", blind ? "yes" : "no") + ">"
                + SVG.title("\(area.name) (\(area.id)) · " + detail.joined(separator: "; "))
                + "<circle cx=\"\(SVG.number(x))\" cy=\"\(SVG.number(y))\" r=\"5.5\" fill=\"\(blind ? blindColor : coveredColor)\" stroke=\"#fff\" stroke-width=\"1\"/>"
                + SVG.text(SVG.fit(area.name, width: 110, size: 10), x: x + 8, y: y + 3.5, cssClass: "point-label")
                + "</g>"
            rows.append(HTMLTable.Row(cells: cells, attributes: [("data-area", area.id), ("data-blind", blind ? "yes" : "no")]))
        }
        // A scale bar of a round length near a fifth of the width.
        let metresPerPixel = metresPerDegree / scale
        let target = metresPerPixel * (width / 5)
        let bar = [100.0, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000].last { $0 <= target } ?? 100
        let barPixels = bar / metresPerPixel
        svg += "<path class=\"scale-bar\" d=\"M\(SVG.number(margin)) \(SVG.number(height - 6)) h\(SVG.number(barPixels))\" stroke=\"#333\" stroke-width=\"2\"/>"
            + SVG.text(bar >= 1000 ? "\(Int(bar / 1000)) km" : "\(Int(bar)) m", x: margin + barPixels + 4, y: height - 3, cssClass: "tick")
        svg += "</svg>"
        let columns = [pick("Residential area", "居住区"), pick("Kind", "类型"), l.zone, pick("Dwellings", "户数")]
            + coverage.stages.map { pick("Nearest \(c.stageName(stages[$0].id))", "最近\(c.stageName(stages[$0].id))") }
            + [pick("Blind spot", "盲区")]
        let table = HTMLTable(caption: caption, columns: columns, rows: rows, attributes: [("data-plan", plan), ("data-district", districtID)])
        return "<figure class=\"heat-map-card coverage-card\"" + HTMLText.attribute("data-plan", plan) + HTMLText.attribute("data-district", districtID) + ">"
            + "<figcaption>" + c.planTag(plan) + " " + HTMLText.escape(c.planName(plan) + " · " + caption) + "</figcaption>"
            + svg + (rows.isEmpty ? "" : DataDetails.html(table, labels: l)) + "</figure>"
    }
}
