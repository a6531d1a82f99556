import Foundation
import Testing
import TestSupport

/// `backtest` writes `auto` (chosen at each origin from what was known then) beside the fixed methods, and
/// `--auto-rules` adds the other rules of docs/FORECASTING.md.
@Suite("Command line: backtest auto")
struct BacktestAutoCommandTests {
    static let data = Binary.repositoryRoot.appendingPathComponent("scenarios/data/eau-claire-wi")

    @Test("--entry known writes auto rows in backtest.csv and accuracy.csv, and --auto-rules adds auto:RULE")
    func autoRows() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.appending("bt")
        let result = try await Binary.run([
            "backtest", "--enrollment", Self.data.appendingPathComponent("ecasd_school_grade_enrollment_1998_2024.csv").path,
            "--grades", "K,1,2,3,4,5", "--entry", "known", "--origins", "2014", "--horizons", "1-5",
            "--auto-rules", "select,combine", "--detail", "totals", "--out", out.path, "--lang", "en"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("auto (chosen before the fact)"))
        let accuracy = try CSVFile(path: out.appendingPathComponent("accuracy.csv").path).rows
        let totals = accuracy.filter { $0["level"] == "total" && $0["target"] == "total" }
        for method in ["auto", "auto:select", "auto:combine"] {
            #expect(totals.filter { $0["method"] == method }.map { $0["horizon"] } == ["1", "2", "3", "4", "5"], "\(method)")
        }
        let cases = try CSVFile(path: out.appendingPathComponent("backtest.csv").path).rows
        let auto = cases.filter { $0["method"] == "auto" && $0["unit"] == "ALL" }
        #expect(auto.map { $0["target_year"] } == ["2015", "2016", "2017", "2018", "2019"])
    }

    @Test("--draws adds p10,p90 to backtest.csv and coverage to accuracy.csv; --seed alone is refused")
    func draws() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.appending("bt")
        let result = try await Binary.run([
            "backtest", "--enrollment", Self.data.appendingPathComponent("ecasd_school_grade_enrollment_1998_2024.csv").path,
            "--grades", "K,1,2,3,4,5", "--entry", "known", "--origins", "2014", "--horizons", "1-2",
            "--draws", "20", "--seed", "3", "--detail", "totals", "--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let cases = try CSVFile(path: out.appendingPathComponent("backtest.csv").path)
        #expect(cases.header.suffix(2) == ["p10", "p90"])
        let auto = try #require(cases.rows.first { $0["method"] == "auto" && $0["unit"] == "ALL" })
        let p10 = try #require(Double(auto["p10"] ?? "")), p90 = try #require(Double(auto["p90"] ?? ""))
        #expect(p10 < p90)
        let accuracy = try CSVFile(path: out.appendingPathComponent("accuracy.csv").path)
        #expect(accuracy.header.suffix(2) == ["coverage_p10_p90", "mean_width_pct"])
        let lonely = try await Binary.run(["backtest", "--enrollment", "x.csv", "--grades", "K", "--seed", "3"])
        #expect(lonely.status == 64)
        #expect(lonely.stderr.contains("--seed goes with --draws"))
    }

    @Test("an unknown rule is refused with the rules there are")
    func unknownRule() async throws {
        let result = try await Binary.run(["backtest", "--enrollment", "x.csv", "--grades", "K", "--auto-rules", "best"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--auto-rules takes select, pooled, pooled_units or combine"))
    }
}
