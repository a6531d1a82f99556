import Foundation
import Testing

/// A scenario whose names, ids and title are markup: in the page Chromium builds they are text, shown as
/// written, and no element or event handler comes from them.
@Suite("Escaping in Chromium")
struct EscapingTests {
    static let title = "<script>alert(\"title\")</script> & Co"
    static let zoneName = "<script>alert(1)</script>"
    static let districtName = "Old & \"New\" <Town>"
    static let scenario = """
    scenario: hostile
    title: "<script>alert(\\"title\\")</script> & Co"
    base_year: 2024
    horizon: 3
    standards:
      stages:
        - { id: primary, name: "<i>primary</i>", grades: 3, entry_age: 6, class_size: 30 }
        - { id: junior, name: "Junior 'J'", grades: 2, from: primary, class_size: 40 }
    districts:
      - id: d
        name: "Old & \\"New\\" <Town>"
        births: { 2016: 100, 2017: 100, 2018: 110, 2019: 120, 2020: 130, 2021: 140 }
        enrollment:
          2023: { primary: [90, 100, 100], junior: [95, 100] }
          2024: { primary: [95, 92, 98], junior: [99, 96] }
        zones:
          - { id: "z\\"><script>alert(2)</script>", name: "<script>alert(1)</script>", share: 0.75 }
          - { id: z2, name: "Zone & \\"Co\\" <b>bold</b>", share: 0.25 }
    schools:
      - { id: p1, name: "School's <img src=x onerror=alert(3)>", zone: "z\\"><script>alert(2)</script>", stage: primary, classrooms: 6 }
      - { id: j1, name: "<svg onload=alert(5)>", zone: z2, stage: junior, classrooms: 2 }
    plans:
      - id: "p<1>"
        name: "<b onmouseover=\\"alert(4)\\">plan</b>"
        projects:
          - { build: "new</title><script>alert(6)</script>", name: "</text><script>alert(7)</script>", zone: z2, stage: primary, classrooms: 3, opens: 2026, cost: 100 }
    """

    @Test("names, ids and the title with <script>, & and quotes show as text; no element comes from them")
    func hostileNamesAreText() throws {
        let folder = try Programs.temporaryFolder("seatplan-escaping")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("hostile.yaml")
        try Self.scenario.write(to: file, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let run = try Programs.run(Programs.seatplan, ["report", file.path, "--out", out.path, "--lang", "en"], in: folder)
        #expect(run.status == 0, "stderr: \(String(decoding: run.stderr, as: UTF8.self))")
        let dump = try Programs.chromium(["--dump-dom"], page: out.appendingPathComponent("report.html"), in: folder)
        #expect(dump.status == 0)
        let dom = DOM(String(decoding: dump.stdout, as: UTF8.self))
        #expect(dom.elements.count > 200, "the page was not rendered")

        // No element and no event handler from the scenario: the page has no script, image, <b> or <i> at all,
        // and the only <svg> elements are the charts.
        let names = Set(dom.elements.map(\.name))
        for forbidden in ["script", "img", "b", "i", "iframe", "object"] {
            #expect(!names.contains(forbidden), "a <\(forbidden)> element is in the DOM")
        }
        #expect(dom.all("svg").allSatisfy { ($0["class"] ?? "").hasPrefix("chart") })
        let handlers = dom.elements.flatMap { element in element.attributes.keys.filter { $0.hasPrefix("on") } }
        #expect(handlers.isEmpty, "\(handlers)")
        #expect(dom.elements.filter { $0.name == "title" }.count > 10)

        // The text shows literally.
        let h1 = try #require(dom.all("h1").first)
        #expect(dom.innerText(of: h1) == Self.title)
        let head = try #require(dom.all("title").first)
        #expect(dom.innerText(of: head).hasPrefix(Self.title))
        let rowHeads = dom.all("th").map { dom.innerText(of: $0) }
        #expect(rowHeads.contains(Self.zoneName))
        #expect(rowHeads.contains("Zone & \"Co\" <b>bold</b>"))
        let texts = dom.all("h3").map { dom.innerText(of: $0) }
        #expect(texts.contains(Self.districtName))
        let cells = dom.all("td").map { dom.innerText(of: $0) }
        #expect(cells.contains("</text><script>alert(7)</script>"))
        // Ids stay whole in data attributes.
        #expect(dom.elements.contains { $0["data-zone"] == "z\"><script>alert(2)</script>" })
        #expect(dom.elements.contains { $0["data-plan"] == "p<1>" })
    }
}
