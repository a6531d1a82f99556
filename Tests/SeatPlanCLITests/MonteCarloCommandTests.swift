import Foundation
import Testing

/// `run --draws N [--seed S] [--threads T]` and `compare --draws` through the built binary.
@Suite("Monte Carlo draws")
struct MonteCarloCommandTests {
    static let rangeFiles = ["ranges.csv", "summary_ranges.csv", "plan_probabilities.csv", "uncertainty.csv"]
    static let allFiles = CommandLineTests.reportFiles + rangeFiles

    static func files(_ folder: URL, _ names: [String]) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in names { files[name] = try Data(contentsOf: folder.appendingPathComponent(name)) }
        return files
    }

    @Test("the same seed gives byte-identical files with 1 thread and with several; another seed differs")
    func reproducibleWhateverTheThreads() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let (one, many, other) = (temporary.appending("one"), temporary.appending("many"), temporary.appending("other"))
        let example = Binary.exampleCity.path
        let a = try await Binary.run(["run", example, "--draws", "200", "--seed", "7", "--threads", "1", "--out", one.path])
        let b = try await Binary.run(["run", example, "--draws", "200", "--seed", "7", "--threads", "4", "--out", many.path])
        let c = try await Binary.run(["run", example, "--draws", "200", "--seed", "8", "--out", other.path])
        for result in [a, b, c] { #expect(result.status == 0, "stderr: \(result.stderr)") }
        let (first, second, third) = (try Self.files(one, Self.allFiles), try Self.files(many, Self.allFiles),
                                      try Self.files(other, Self.allFiles))
        for name in Self.allFiles {
            #expect(first[name] == second[name], "\(name) differs between --threads 1 and --threads 4")
        }
        #expect(first["ranges.csv"] != third["ranges.csv"], "another seed gives the same ranges")
        #expect(first["capacity.csv"] == third["capacity.csv"], "the central reports do not depend on the seed")
        // uncertainty.csv says with what: the seed given, example-city's spreads estimated from its histories.
        let drawnWith = String(decoding: first["uncertainty.csv"]!, as: UTF8.self)
        #expect(drawnWith.contains("\r\nALL,seed,7,given,") && drawnWith.contains("\r\nALL,draws,200,given,"))
        #expect(drawnWith.contains("\r\ncentral,ratio_spread,0.") && drawnWith.contains(",estimated,"), "\(drawnWith)")
        // example-city speaks Chinese unless told otherwise.
        #expect(a.stdout.contains("蒙特卡罗模拟：200 次（种子 7，1 个线程）"), "stdout: \(a.stdout)")
        #expect(a.stdout.contains("各区县共同的比率误差占 "))
        let en = try await Binary.run(["run", example, "--draws", "20", "--lang", "en", "--out", temporary.appending("en").path])
        #expect(en.stdout.contains("Monte Carlo: 20 draws (seed 1, "), "stdout: \(en.stdout)")
        #expect(en.stdout.contains("ratio errors common to all districts: "))
        // example-city's three counted years give no pair of errors one year apart: all of an error is held.
        #expect(en.stdout.contains("; held over the horizon: 100 % (estimated)"), "stdout: \(en.stdout)")
        #expect(!en.stdout.contains("the rest drawn afresh"))
        // Its spreads rest on two years of errors (2024–2025): flagged on the terminal and in uncertainty.csv.
        #expect(en.stdout.contains("; the ratio spread of 3 district(s) rests on fewer than 5 years of errors, itself uncertain"))
        #expect(drawnWith.contains("only 2 year(s) of errors: the spread itself is uncertain"))
        let header = String(decoding: first["ranges.csv"]!.prefix(200), as: UTF8.self)
        #expect(header.hasPrefix("\u{FEFF}plan,year,district,zone,stage,seats,students_p10,students_p50,students_p90,gap_p10"))
    }

    @Test("no progress line when standard error is not a terminal")
    func quietWhenNotATerminal() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let result = try await Binary.run(["run", Binary.exampleCity.path, "--draws", "300", "--out",
                                           temporary.appending("out").path])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "stderr: \(result.stderr.debugDescription)")
        #expect(!result.stdout.contains("draws/s") && !result.stdout.contains("\r"))
    }

    @Test("compare --draws writes the comparison and the ranges at once")
    func compareWithDraws() async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.appending("out")
        let result = try await Binary.run(["compare", Binary.exampleCity.path, "--plans", "layout-plan,expand-only",
                                           "--draws", "50", "--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let files = try Self.files(out, Self.allFiles + ["comparison.csv", "projects.csv"])
        let pairs = String(decoding: files["plan_probabilities.csv"]!, as: UTF8.self)
            .split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
        #expect(pairs == ["baseline,layout-plan", "baseline,expand-only", "layout-plan,baseline",
                          "layout-plan,expand-only", "expand-only,baseline", "expand-only,layout-plan"])
    }

    @Test("bad draw options are usage errors, and nothing is written", arguments: [
        (["--draws", "0"], "--draws must be"),
        (["--draws", "ten"], "draws"),
        (["--seed", "3"], "--seed and --threads go with --draws"),
        (["--draws", "10", "--threads", "0"], "--threads must be"),
    ])
    func usageErrors(arguments: [String], fragment: String) async throws {
        let temporary = try TemporaryFolder()
        defer { temporary.remove() }
        let out = temporary.appending("out")
        let result = try await Binary.run(["run", Binary.exampleCity.path, "--out", out.path] + arguments)
        #expect(result.status == 64, "stderr: \(result.stderr)")
        #expect(result.stderr.contains(fragment), "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
