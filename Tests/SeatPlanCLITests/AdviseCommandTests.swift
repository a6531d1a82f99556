import Foundation
import Testing

/// `seatplan advise`: its files and terminal text on the example city (against the shared exhaustive
/// search's answer), an unreachable target, and a scenario without an advisor block.
@Suite("advise")
struct AdviseCommandTests {
    @Test("advise writes the advised plan, its CSV and compare's reports; prints the choice and the target's year")
    func exampleCity() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.appending("out")
        let result = try await Binary.run(["advise", Binary.exampleCity.path, "--out", out.path, "--lang", "en"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        for name in ["capacity.csv", "comparison.csv", "projects.csv", "advice.csv", "advised-plan.yaml"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        let expected = try String(contentsOf: Binary.repositoryRoot.appendingPathComponent("Tests/SeatPlanKitTests/Golden/example-city.expected-advisor.txt"),
                                  encoding: .utf8)
        let plan = expected.components(separatedBy: "plan (YAML to paste under plans:):\n")[1]
        let written = try String(contentsOf: out.appendingPathComponent("advised-plan.yaml"), encoding: .utf8)
        #expect(written.trimmingCharacters(in: .newlines) == plan.trimmingCharacters(in: .newlines))
        #expect(result.stdout.contains("Advice: 3 project(s), cost 240000000"))
        #expect(result.stdout.contains("Target no_super_large_from 2030: met from"))
        // The comparison holds the baseline and the advised plan.
        let comparison = try String(contentsOf: out.appendingPathComponent("comparison.csv"), encoding: .utf8)
        let plans = Set(comparison.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").first.map(String.init) ?? "" })
        #expect(plans == ["baseline", "advisor"])
        let advice = try String(contentsOf: out.appendingPathComponent("advice.csv"), encoding: .utf8)
        #expect(advice.contains("2,build,laocheng-xin-chuzhong,老城新建初中,central-old-town,2027,140000000,junior 30,junior 1500,no_super_large_from"))
        // 12 junior classrooms of 50 (shi-sanzhong is a junior school of the old town); 18 × 45 and 6 × 50.
        #expect(advice.contains("4,expand,shi-sanzhong,,central-old-town,2026,40000000,12,junior 600,no_super_large_from"))
        #expect(advice.contains("5,expand,hexi-jiunian,,central-river-west,2027,60000000,primary 18; junior 6,primary 810; junior 300,"))
    }

    @Test("a target no choice can meet: which, where, by how many classrooms; exit 1 and nothing written")
    func unreachable() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let text = try String(contentsOf: Binary.exampleCity, encoding: .utf8)
        let target = "targets: { no_super_large_from: 2030 }"
        #expect(text.contains(target), "the example changed; update this test")
        let file = temporary.appending("unreachable.yaml")
        try text.replacingOccurrences(of: target, with: "targets: { no_shortage_from: 2026 }")
            .write(to: file, atomically: true, encoding: .utf8)
        let out = temporary.appending("out")
        let result = try await Binary.run(["advise", file.path, "--out", out.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no_shortage_from: junior in south-town in 2027 is 1 classroom short"), "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("a scenario without an advisor block is a usage error")
    func noAdvisor() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let text = try String(contentsOf: Binary.exampleCity, encoding: .utf8)
        let start = try #require(text.range(of: "\nadvisor:"))
        let end = try #require(text.range(of: "\noutput:"))
        let file = temporary.appending("plain.yaml")
        try (String(text[..<start.lowerBound]) + String(text[end.lowerBound...])).write(to: file, atomically: true, encoding: .utf8)
        let result = try await Binary.run(["advise", file.path, "--out", temporary.appending("out").path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("no 'advisor' block"))
    }

    @Test("report --advice shows the advised plan beside the scenario's plans")
    func reportWithAdvice() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.appending("out")
        let result = try await Binary.run(["report", Binary.exampleCity.path, "--advice", "--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        // In Chinese by default (the example names no output language).
        #expect(result.stdout.contains("建议：3 个项目，投资 240000000"), "\(result.stdout)")
        let page = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(page.contains("方案建议（老城新建初中、shi-sanzhong、hexi-jiunian）"))
        let comparison = try String(contentsOf: out.appendingPathComponent("comparison.csv"), encoding: .utf8)
        let plans = Set(comparison.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").first.map(String.init) ?? "" })
        #expect(plans.contains("advisor") && plans.contains("baseline") && plans.count >= 3, "\(plans)")
    }
}
