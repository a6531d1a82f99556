import Foundation
import Testing

@Suite("Command line")
struct CommandLineTests {
    static let reportFiles = ["capacity.csv", "districts.csv", "grades.csv", "summary.csv", "transfers.csv", "assumptions.csv",
                              "indicators.csv", "rankings.csv"]
    static let capacityHeader = "plan,year,district,zone,stage,students,seats,gap,utilisation,classes_needed,classrooms,"
        + "classroom_shortage,large_classes,super_large_classes,max_class_size,mean_class_size,unplaced,alert"

    /// The example with one project moved past the horizon (2035): valid, with one warning.
    static func scenarioWithWarning(in folder: TemporaryFolder) throws -> URL {
        let text = try String(contentsOf: Binary.exampleCity, encoding: .utf8)
        let project = "zone: central-river-west, stage: kindergarten, classrooms: 12, opens: 2026,"
        #expect(text.components(separatedBy: project).count == 2, "the example changed; update this test")
        let changed = text.replacingOccurrences(of: project, with: project.replacingOccurrences(of: "2026", with: "2040"))
        let file = folder.appending("late-project.yaml")
        try changed.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    static func readReports(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in reportFiles {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    // MARK: compare

    @Test("compare writes the run's reports and the comparison, and ranks the plans, in Chinese by default and in English with --lang en")
    func compareExample() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.appending("out")
        let result = try await Binary.run(["compare", Binary.exampleCity.path, "--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        for name in Self.reportFiles + ["comparison.csv", "projects.csv"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        // No `--lang` and no `output: lang` in the scenario: the terminal speaks Chinese, names as written.
        #expect(result.stdout.contains("方案排序（2026—2035 年）：先看无班可编的学生"), "\(result.stdout)")
        #expect(result.stdout.contains("市中心城区教育网点布局规划（2025—2030）"))
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let ranked = lines.filter { $0.hasPrefix("  1  ") || $0.hasPrefix("  4  ") }
        #expect(ranked.first?.contains("layout-plan ") == true, "\(ranked)")
        #expect(ranked.last?.contains("baseline") == true, "\(ranked)")
        #expect(result.stdout.contains("仍有学位缺口的区域·学段"))
        #expect(result.stdout.contains("报告已写入 \(out.path)/"))

        let some = temporary.appending("some")
        let chosen = try await Binary.run(["compare", Binary.exampleCity.path, "--plans", "expand-only", "--out", some.path,
                                           "--lang", "en"])
        #expect(chosen.status == 0, "stderr: \(chosen.stderr)")
        #expect(chosen.stdout.contains("Plans ranked, 2026–2035: fewest pupils without a class first"))
        #expect(chosen.stdout.contains("still short") && chosen.stdout.contains("Reports written to \(some.path)/"))
        let comparison = try String(contentsOf: some.appendingPathComponent("comparison.csv"), encoding: .utf8)
        #expect(comparison.contains("expand-only,ALL,"))
        #expect(!comparison.contains("layout-plan"))
    }

    @Test("compare refuses a plan that is not in the scenario, and writes nothing")
    func compareUnknownPlan() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.appending("out")
        let result = try await Binary.run(["compare", Binary.exampleCity.path, "--plans", "layout-plam", "--out", out.path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("'layout-plam', which is not a plan"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    // MARK: validate

    @Test("validate accepts the example")
    func validateExample() async throws {
        let result = try await Binary.run(["validate", Binary.exampleCity.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("ok"))
        #expect(!result.stderr.contains("error:"))
    }

    @Test("a warning passes validate, and fails validate --strict")
    func warningAndStrict() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let file = try Self.scenarioWithWarning(in: temporary)

        let plain = try await Binary.run(["validate", file.lastPathComponent], in: temporary.url)
        #expect(plain.status == 0, "stderr: \(plain.stderr)")
        #expect(plain.stderr.contains("late-project.yaml:"))
        #expect(plain.stderr.contains("warning:"))
        #expect(plain.stderr.contains("after the horizon"))
        #expect(plain.stdout.contains("ok"))

        let strict = try await Binary.run(["validate", file.lastPathComponent, "--strict"], in: temporary.url)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("warning:"))
        #expect(!strict.stdout.contains("ok"))

        // run --strict refuses too, and writes nothing.
        let out = temporary.appending("out")
        let run = try await Binary.run(["run", file.lastPathComponent, "--strict", "--out", out.path], in: temporary.url)
        #expect(run.status == 1)
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(!run.stdout.contains("Reports written") && !run.stdout.contains("报告已写入"))
    }

    @Test("a scenario saved with a BOM and CRLF line ends (Windows Notepad) is read the same")
    func byteOrderMarkAndCRLF() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let text = try String(contentsOf: Binary.exampleCity, encoding: .utf8)
        func save(_ text: String, as name: String) throws {
            let windows = text.replacingOccurrences(of: "\n", with: "\r\n")
            try Data([0xEF, 0xBB, 0xBF] + Array(windows.utf8)).write(to: temporary.appending(name))
        }
        try save(text, as: "windows.yaml")
        let good = try await Binary.run(["validate", "windows.yaml"], in: temporary.url)
        #expect(good.status == 0, "stderr: \(good.stderr)")

        // Lines and columns are still counted as the editor shows them.
        #expect(text.contains("\nhorizon: 10\n"))
        try save(text.replacingOccurrences(of: "\nhorizon: 10\n", with: "\nhorizon: ten\n"), as: "windows-bad.yaml")
        let bad = try await Binary.run(["validate", "windows-bad.yaml"], in: temporary.url)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("windows-bad.yaml:8:10: error: 'horizon' must be a whole number"), "\(bad.stderr)")
    }

    @Test("a missing scenario file is an error naming it")
    func missingFile() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let result = try await Binary.run(["validate", "no-such-scenario.yaml"], in: temporary.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("no-such-scenario.yaml:1:1: error: "))
        #expect(!result.crashed)

        let out = temporary.appending("out")
        let run = try await Binary.run(["run", "no-such-scenario.yaml", "--out", out.path], in: temporary.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("no-such-scenario.yaml"))
        #expect(try temporary.entries().isEmpty)
    }

    // MARK: run

    @Test("run writes the five reports, Excel-friendly, and names the folder")
    func runExample() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.appending("reports")
        let result = try await Binary.run(["run", Binary.exampleCity.path, "--out", out.path, "--lang", "en"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Reports written to \(out.path)"))
        for name in Self.reportFiles {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name) missing")
        }
        let capacity = try Data(contentsOf: out.appendingPathComponent("capacity.csv"))
        #expect(Array(capacity.prefix(3)) == [0xEF, 0xBB, 0xBF], "capacity.csv must start with the UTF-8 BOM")
        let header = String(decoding: capacity.dropFirst(3).prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        #expect(header.hasPrefix(Self.capacityHeader), "header: \(header)")
        // Only the report folder, no staging or retired folder left beside it.
        #expect(try temporary.entries() == ["reports"])
    }

    @Test("--timings prints one line of phases on standard error; its rows are the data rows written")
    func timings() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        for (command, phases) in [("run", ["load", "validate", "project", "allocate", "coverage", "compare", "write", "summary"]),
                                  ("compare", ["load", "validate", "project", "allocate", "coverage", "compare", "write", "summary"])] {
            let out = temporary.appending(command)
            let result = try await Binary.run([command, Binary.exampleCity.path, "--out", out.path, "--timings"])
            #expect(result.status == 0, "stderr: \(result.stderr)")
            let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("timings: ") }
            try #require(lines.count == 1, "stderr: \(result.stderr)")
            let cells = lines[0].dropFirst("timings: ".count).split(separator: " ").map { $0.split(separator: "=") }
            #expect(cells.map { String($0[0]) } == phases + ["total", "rows"])
            for cell in cells.dropLast() { #expect(Double(cell[1]).map { $0 >= 0 } == true, "\(cell)") }
            var rows = 0
            for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where name.hasSuffix(".csv") {
                let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
                rows += text.components(separatedBy: "\r\n").count - 2  // the header, and the empty end
            }
            #expect(cells.last.map { Int($0[1]) } == rows)
            #expect(!result.stdout.contains("timings"))
        }
        let quiet = try await Binary.run(["run", Binary.exampleCity.path, "--out", temporary.appending("quiet").path])
        #expect(!quiet.stderr.contains("timings"))
    }

    @Test("make bench's script runs the city scale and prints its phase table and the targets")
    func benchScript() async throws {
        let script = Binary.repositoryRoot.appendingPathComponent("scripts/bench.sh").path
        let result = try await Binary.runProgram(script, [Binary.path], environment: ["SCALES": "city", "EXTRAS": "0", "GEO": "0", "ADVISOR": "0"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("scale ") && $0.contains("allocate") && $0.contains("rows/s") })
        for command in ["run", "compare", "backtest"] {
            #expect(lines.contains { $0.hasPrefix("city") && $0.split(separator: " ").dropFirst().first == Substring(command) },
                    "no row for city \(command): \(result.stdout)")
        }
        #expect(result.stdout.contains("targets of issue #7"))
        let usage = try await Binary.runProgram(script, [])
        #expect(usage.status == 2 && usage.stderr.contains("usage"))
    }

    @Test("make bench's second section reads the backtest's phases and the draws' own seconds")
    func benchScriptExtras() async throws {
        // Small sizes: the same code path as `make bench`'s 3,000-unit backtest and 10,000 / 1,000 draws.
        let script = Binary.repositoryRoot.appendingPathComponent("scripts/bench.sh").path
        let result = try await Binary.runProgram(script, [Binary.path], environment: [
            "SCALES": "city", "EXTRAS": "1", "GEO": "0", "ADVISOR": "0",
            "HISTORY_UNITS": "20", "EXAMPLE_DRAWS": "20", "PROVINCE_DRAWS": "4", "PROVINCE_DISTRICTS": "5"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        for label in ["backtest 20 units × 13 grades × 20 years ", "backtest 20 units × 13 grades × 20 years, --draws 200 "] {
            let row = lines.first { $0.hasPrefix(label) }
            // load, backtest, write, wall, peak MiB, rows: all numbers.
            let fields = row.map { $0.dropFirst(label.count).split(separator: " ") } ?? []
            #expect(fields.count == 6 && fields.allSatisfy { Double($0) != nil }, "\(label): \(row ?? "none")")
        }
        for label in ["province run --draws 4 ", "province --uncertainty run --draws 4 "] {
            let row = lines.first { $0.hasPrefix(label) }
            // wall, the draws' own seconds (read from run's line), draws a second, peak RSS.
            let fields = row.map { $0.dropFirst(label.count).split(separator: " ") } ?? []
            #expect(fields.count == 4 && fields.allSatisfy { Double($0) != nil }, "\(label): \(row ?? "none")")
        }
    }

    @Test("run is deterministic, and replaces the files of an existing folder")
    func runTwiceAndReplace() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.appending("reports")
        let first = try await Binary.run(["run", Binary.exampleCity.path, "--out", out.path])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let before = try Self.readReports(out)
        // example-city has coordinates and a township: its geography files too (byte-identical reruns).
        let geography = ["coverage.csv", "townships.csv", "map.geojson"]
        let geographyBefore = try geography.map { try Data(contentsOf: out.appendingPathComponent($0)) }

        // A stray file in the folder goes with the old reports.
        let stray = out.appendingPathComponent("old-notes.txt")
        try Data("from an earlier run".utf8).write(to: stray)

        let second = try await Binary.run(["run", Binary.exampleCity.path, "--out", out.path])
        #expect(second.status == 0, "stderr: \(second.stderr)")
        let after = try Self.readReports(out)
        for name in Self.reportFiles {
            #expect(before[name] == after[name], "\(name) differs between two runs")
        }
        for (name, data) in zip(geography, geographyBefore) {
            #expect(try Data(contentsOf: out.appendingPathComponent(name)) == data, "\(name) differs between two runs")
        }
        #expect(!FileManager.default.fileExists(atPath: stray.path), "the old folder's stray file is still there")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
                == (Self.reportFiles + [".seatplan-output"] + geography).sorted())
        #expect(try temporary.entries() == ["reports"])
        #expect(first.stdout == second.stdout)
    }

    @Test("--out naming an existing file exits 3 and creates nothing")
    func outIsAFile() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let file = temporary.appending("taken")
        let content = Data("not a folder\n".utf8)
        try content.write(to: file)
        let result = try await Binary.run(["run", Binary.exampleCity.path, "--out", file.path])
        #expect(result.status == 3, "stderr: \(result.stderr)")
        #expect(!result.crashed)
        #expect(result.stderr.contains("not a folder"))
        #expect(!result.stdout.contains("Reports written") && !result.stdout.contains("报告已写入"))
        #expect(try temporary.entries() == ["taken"])
        #expect(try Data(contentsOf: file) == content)
    }

    // MARK: usage

    @Test("an unknown subcommand is a usage error")
    func unknownSubcommand() async throws {
        let result = try await Binary.run(["frobnicate"])
        #expect(result.status == 64)
        #expect((result.stdout + result.stderr).localizedCaseInsensitiveContains("usage"))
    }

    @Test("validate without a file is a usage error")
    func validateWithoutFile() async throws {
        let result = try await Binary.run(["validate"])
        #expect(result.status == 64)
        #expect((result.stdout + result.stderr).localizedCaseInsensitiveContains("usage"))
    }

    @Test("an unknown option is a usage error")
    func unknownOption() async throws {
        let result = try await Binary.run(["run", Binary.exampleCity.path, "--no-such-option"])
        #expect(result.status == 64)
        #expect((result.stdout + result.stderr).localizedCaseInsensitiveContains("usage"))
    }

    @Test("no arguments prints the usage and fails")
    func noArguments() async throws {
        let result = try await Binary.run([])
        #expect(!result.crashed)
        #expect((result.stdout + result.stderr).localizedCaseInsensitiveContains("usage"))
        #expect(result.stdout.contains("validate") || result.stderr.contains("validate"))
        #expect(result.status == 64)
    }
}

@Suite("Command line: backtest")
struct BacktestCommandTests {
    static let data = Binary.repositoryRoot.appendingPathComponent("scenarios/data/eau-claire-wi")

    @Test("backtest of plain CSV history writes its reports and prints the error by horizon")
    func plainHistory() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.appending("bt")
        let result = try await Binary.run([
            "backtest", "--enrollment", Self.data.appendingPathComponent("ecasd_school_grade_enrollment_1998_2024.csv").path,
            "--births", Self.data.appendingPathComponent("ecasd_births_1995_2019.csv").path,
            "--grades", "K,1,2,3,4,5", "--origins", "2008-2018", "--horizons", "1-5", "--class-size", "26,26,26,26,29,29",
            "--detail", "totals", "--out", out.path, "--lang", "en"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("total level, grades total — MAPE % by horizon"))
        #expect(result.stdout.contains("carry_forward") && result.stdout.contains("cohort_shift"))
        #expect(result.stdout.contains("ALL 2020"))
        for name in ["backtest.csv", "accuracy.csv", "breaks.csv", "classes.csv"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
    }

    @Test("backtest of a scenario uses its districts' history")
    func scenario() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let scenario = Binary.repositoryRoot.appendingPathComponent("scenarios/eau-claire-wi.yaml").path
        let result = try await Binary.run(["backtest", scenario, "--horizons", "1-3", "--out", temporary.appending("bt").path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("district level, elementary total"))
    }

    @Test("a bad cell of the history names its file, line and column")
    func badCell() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let file = temporary.appending("history.csv")
        try "year,unit,grade,students\n2019,A,K,20\n2020,A,K,twenty\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try await Binary.run(["backtest", "--enrollment", "history.csv", "--grades", "K", "--out", "bt"],
                                          in: temporary.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("history.csv:3:10: error: 'twenty' is not a pupil count"))
        #expect(!FileManager.default.fileExists(atPath: temporary.appending("bt").path))
    }

    @Test("backtest needs a scenario or --enrollment")
    func usage() async throws {
        let result = try await Binary.run(["backtest"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("give a scenario file or --enrollment FILE"))
    }
}

@Suite("Command line: report with draws")
struct ReportDrawsCommandTests {
    @Test("report --draws shades the P10–P90 band of pupils and writes the range reports")
    func bands() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.appending("out")
        let result = try await Binary.run(["report", Binary.exampleCity.path, "--draws", "50", "--lang", "en", "--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "class=\"band\"").count > 10)
        for name in ["ranges.csv", "summary_ranges.csv", "plan_probabilities.csv", "uncertainty.csv"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        let plain = temporary.appending("plain")
        _ = try await Binary.run(["report", Binary.exampleCity.path, "--out", plain.path])
        let central = try String(contentsOf: plain.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(!central.contains("class=\"band\""))
    }
}
