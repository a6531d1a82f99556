import Foundation
import Testing
import TestSupport

/// The county ranking as `run` and `compare` print it and write it (`rankings.csv`, `indicators.csv`).
@Suite struct RankingCommandTests {
    /// example-city names 2030 (its advisor's `no_super_large_from`); its last projected year is 2035. Under
    /// layout-plan (the best-ranked plan) the expected rankings give 东乡区 9, 南城县 10, 中心城区 14 in both.
    @Test("compare prints the ranking of the year the scenario names and of the last year, and writes it")
    func compareExample() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.appending("reports")
        let result = try await Binary.run(["compare", Binary.exampleCity.path, "--out", out.path, "--lang", "en"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let text = result.stdout
        let at2030 = try #require(text.range(of: "2030, under layout-plan:"))
        let at2035 = try #require(text.range(of: "2035, under layout-plan:"))
        #expect(at2030.upperBound < at2035.lowerBound)
        let lines = text[at2030.upperBound..<at2035.lowerBound].split(separator: "\n").map {
            $0.split(separator: " ").map(String.init)
        }
        #expect(lines.dropFirst().filter { !$0.isEmpty }.map { Array($0.prefix(3)) } == [["1", "东乡区", "9"], ["2", "南城县", "10"], ["3", "中心城区", "14"]])
        for name in ["indicators.csv", "rankings.csv"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name) missing")
        }
        #expect(text.contains("indicators.csv, rankings.csv"))
    }

    @Test("run prints the ranking too")
    func runExample() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let result = try await Binary.run(["run", Binary.exampleCity.path, "--out", temporary.appending("r").path, "--lang", "en"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("District ranking (lower is better"))
        #expect(result.stdout.contains("2030, under layout-plan:") && result.stdout.contains("2035, under layout-plan:"))
    }
}
