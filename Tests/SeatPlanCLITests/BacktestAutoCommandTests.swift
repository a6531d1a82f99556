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
            "--draws", "20", "--seed", "3", "--detail", "totals", "--out", out.path, "--lang", "en"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let cases = try CSVFile(path: out.appendingPathComponent("backtest.csv").path)
        #expect(cases.header.suffix(2) == ["p10", "p90"])
        let auto = try #require(cases.rows.first { $0["method"] == "auto" && $0["unit"] == "ALL" })
        let p10 = try #require(Double(auto["p10"] ?? "")), p90 = try #require(Double(auto["p90"] ?? ""))
        #expect(p10 < p90)
        let accuracy = try CSVFile(path: out.appendingPathComponent("accuracy.csv").path)
        #expect(accuracy.header.suffix(2) == ["coverage_p10_p90", "mean_width_pct"])
        // The terminal says what share auto's ranges held, as accuracy.csv counts it (one origin: 0 or 100 %).
        func held(_ target: String) -> String {
            ["1", "2"].map { k in
                let row = accuracy.rows.first { $0["level"] == "total" && $0["target"] == target && $0["method"] == "auto"
                    && $0["horizon"] == k }
                return String(Int((100 * (Double(row?["coverage_p10_p90"] ?? "") ?? -1)).rounded()))
            }.joined(separator: " / ")
        }
        #expect(result.stdout.contains("auto's P10–P90 held the actual in \(held("total")) % of totals, "
                                       + "\(held("grades")) % of single grades"), "stdout: \(result.stdout)")
        let lonely = try await Binary.run(["backtest", "--enrollment", "x.csv", "--grades", "K", "--seed", "3"])
        #expect(lonely.status == 64)
        #expect(lonely.stderr.contains("--seed goes with --draws"))
    }

    @Test("entry from births writes births.csv (stable columns, every trend, auto and the baselines) and births_auto.csv")
    func birthsReports() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.appending("bt")
        let result = try await Binary.run([
            "backtest", "--enrollment", Self.data.appendingPathComponent("ecasd_school_grade_enrollment_1998_2024.csv").path,
            "--births", Self.data.appendingPathComponent("ecasd_births_1995_2019.csv").path,
            "--grades", "K,1,2,3,4,5", "--origins", "2008-2012", "--horizons", "1", "--births-horizons", "1-3",
            "--detail", "none", "--out", out.path, "--lang", "en"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("total level, entry grade of grades — births trends"))
        let births = try CSVFile(path: out.appendingPathComponent("births.csv").path)
        #expect(births.header == ["level", "target", "stage", "method", "fit_window", "extend", "births_horizon", "horizon",
                                  "cases", "mape_pct", "mpe_pct", "median_ape_pct", "p90_ape_pct", "rank"])
        let entry = births.rows.filter { $0["level"] == "total" && $0["target"] == "entry" && $0["births_horizon"] == "3" }
        // 36 trends, 3 rules of auto, carry_forward, last_births, births_known; origins 2008–2012 give the
        // kindergartens of 2016–2020 (T + 5 + 3), 5 cases each.
        #expect(entry.count == 42 && entry.allSatisfy { $0["cases"] == "5" && $0["horizon"] == "8" })
        #expect(entry.first { $0["method"] == "births_known" }?["rank"] == "")
        let linear = entry.filter { $0["method"] == "linear" }
        #expect(Set(linear.map { $0["fit_window"] ?? "" }) == ["3", "5", "8", "all"])
        #expect(Set(linear.map { $0["extend"] ?? "" }) == ["0", "2", "5", "8"])
        #expect(births.rows.contains { $0["target"] == "births" && $0["stage"] == "" && $0["horizon"] == "" })
        let choices = try CSVFile(path: out.appendingPathComponent("births_auto.csv").path)
        #expect(choices.rows.map { $0["unit"] } == ["ALL", "ALL", "ALL", "ALL", "ALL"])
        #expect(choices.rows.map { $0["origin"] } == ["2008", "2009", "2010", "2011", "2012"])
    }

    @Test("an unknown rule is refused with the rules there are")
    func unknownRule() async throws {
        let result = try await Binary.run(["backtest", "--enrollment", "x.csv", "--grades", "K", "--auto-rules", "best"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--auto-rules takes select, pooled, pooled_units or combine"))
    }
}
