import Foundation
import Testing

/// `seatplan init`: a starter scenario that runs as written, never written over a file.
@Suite("init")
struct InitCommandTests {
    // MARK: init

    @Test("init in an empty folder, then report: the starter runs as written", arguments: ["zh", "en"])
    func initThenReport(lang: String) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let made = try await Binary.run(["init", "--lang", lang], in: folder.url)
        #expect(made.status == 0, "stderr: \(made.stderr)")
        #expect(try folder.entries() == ["starter.yaml"])
        let text = try String(contentsOf: folder.appending("starter.yaml"), encoding: .utf8)
        #expect(text.contains(lang == "zh" ? "学区片区" : "catchment zones"))
        #expect(!text.contains("⟪") && !text.contains("|中"))
        let report = try await Binary.run(["report", "starter.yaml", "--xlsx"], in: folder.url, timeout: 120)
        #expect(report.status == 0, "stderr: \(report.stderr)")
        #expect(report.stderr.isEmpty, "warnings: \(report.stderr)")
        let out = try FileManager.default.contentsOfDirectory(atPath: folder.appending("output/starter").path).sorted()
        for name in ["report.html", "report.xlsx", "comparison.csv"] { #expect(out.contains(name), "\(name)") }
        // Two districts, three zones, five stages, one plan and the baseline: kindergarten, primary and junior
        // per zone, senior and vocational per district (their default catchment, MODEL.md) — 2 × 11 years ×
        // (3 × 3 + 2 × 2) rows.
        let capacity = try String(contentsOf: folder.appending("output/starter/capacity.csv"), encoding: .utf8)
        let lines = capacity.split(separator: "\r\n").count
        let expected = 1 + 2 * 11 * (3 * 3 + 2 * 2)
        #expect(lines == expected)
    }

    @Test("init never writes over a file")
    func initRefusesToOverwrite() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.appending("city.yaml")
        try Data("mine".utf8).write(to: file)
        let result = try await Binary.run(["init", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("it exists"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "mine")
    }
}
