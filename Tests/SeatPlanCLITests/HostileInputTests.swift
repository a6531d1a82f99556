import Foundation
import Testing

/// A scratch area for one hostile case: a working folder `work/` (the current folder of the run) holding
/// a valid scenario and canary files, and canary folders beside it that no run may touch.
struct Sandbox {
    let temporary: TemporaryFolder
    var root: URL { temporary.url }
    var work: URL { root.appendingPathComponent("work") }
    /// Every canary file: path → content. `survive()` checks each is still there, unchanged.
    private(set) var canaries: [URL: String] = [:]

    /// A small valid scenario (two districts, two stages): the tab fixture of `Malformed/` with its tab
    /// replaced by spaces, so that no test depends on the example scenario's numbers.
    static func smallCity(id: String = "small-city") throws -> String {
        let fixture = MalformedFixtures.folder.appendingPathComponent("tab-indentation.yaml")
        let text = try String(contentsOf: fixture, encoding: .utf8)
        let body = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)[1]
        return body.replacingOccurrences(of: "\tname", with: "    name")
            .replacingOccurrences(of: "scenario: small-city", with: "scenario: \"\(id)\"")
    }

    init(id: String = "small-city") throws {
        temporary = try TemporaryFolder("seatplan-hostile")
        let fm = FileManager.default
        for folder in ["work", "work/output/kept", "victim", "x"] {
            try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Self.smallCity(id: id).write(to: work.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        for place in ["work/canary.txt", "work/output/canary.txt", "work/output/kept/canary.txt", "victim/canary.txt",
                      "x/canary.txt", "canary.txt"] {
            try plant(place)
        }
    }

    mutating func plant(_ relative: String) throws {
        let url = root.appendingPathComponent(relative)
        let content = "canary \(relative) \(UUID().uuidString)\n"
        try content.write(to: url, atomically: true, encoding: .utf8)
        canaries[url] = content
    }

    /// Every canary is where it was, with its content.
    func survive(sourceLocation: SourceLocation = #_sourceLocation) {
        for (url, content) in canaries.sorted(by: { $0.key.path < $1.key.path }) {
            let now = try? String(contentsOf: url, encoding: .utf8)
            #expect(now == content, "canary \(url.path) is gone or changed", sourceLocation: sourceLocation)
        }
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("scenario.yaml").path),
                "the scenario file is gone", sourceLocation: sourceLocation)
    }

    /// Hidden entries of `folder` (staging, retired sets, lock files).
    func hidden(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix(".") }.sorted()
    }

    func remove() { temporary.remove() }
}

@Suite("Hostile input: output folders")
struct OutputFolderSafetyTests {
    static let reports = ["assumptions.csv", "capacity.csv", "districts.csv", "grades.csv", "indicators.csv", "rankings.csv",
                          "summary.csv", "transfers.csv"]

    @Test("an id that is not a folder name is refused by run and backtest, and every canary survives",
          arguments: ["..", ".", "../../x", "../victim", "ABSOLUTE", "a/b"])
    func unsafeScenarioID(id: String) async throws {
        let probe = try Sandbox()
        let absolute = probe.root.appendingPathComponent("victim").path
        probe.remove()
        var sandbox = try Sandbox(id: id == "ABSOLUTE" ? absolute : id)
        defer { sandbox.remove() }
        try sandbox.plant("work/output/small-city-backtest.txt")
        for command in [["run", "scenario.yaml"], ["compare", "scenario.yaml"], ["backtest", "scenario.yaml"]] {
            let result = try await Binary.run(command, in: sandbox.work)
            #expect(result.status == 1, "\(command) with id \(id): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("scenario.yaml:1:1: error: the scenario id '"), "\(result.stderr)")
            #expect(result.stderr.contains("cannot name the output folder output/<id>/ — use letters, digits, '-', '_' and '.' only, not starting with '.'"),
                    "\(result.stderr)")
            #expect(!result.stdout.contains("Reports written") && !result.stdout.contains("报告已写入"))
        }
        sandbox.survive()
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.work.appendingPathComponent("output").path).sorted()
                == ["canary.txt", "kept", "small-city-backtest.txt"])
    }

    @Test("--out . is refused: the current folder is never replaced")
    func outIsTheCurrentFolder() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        for out in [".", "./", sandbox.work.path] {
            let result = try await Binary.run(["run", "scenario.yaml", "--out", out], in: sandbox.work)
            #expect(result.status == 3, "\(out): \(result.stderr)")
            #expect(result.stderr.contains("error: \(out) is the current folder or holds it, and a run replaces its output folder whole — choose a folder of its own, e.g. --out output/NAME"),
                    "\(result.stderr)")
        }
        // A folder holding the current one.
        let inner = sandbox.work.appendingPathComponent("output/kept")
        let up = try await Binary.run(["run", "../../scenario.yaml", "--out", "../.."], in: inner)
        #expect(up.status == 3 && up.stderr.contains("is the current folder or holds it"), "\(up.stderr)")
        sandbox.survive()
        #expect(sandbox.hidden(in: sandbox.root).isEmpty && sandbox.hidden(in: sandbox.work).isEmpty)
    }

    @Test("--out a folder of other files (the scenario's own) is refused; an empty or new one is filled")
    func outHoldsOtherFiles() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        for out in ["work", "victim", "work/output"] {
            let result = try await Binary.run(["run", "work/scenario.yaml", "--out", out], in: sandbox.root)
            #expect(result.status == 3, "\(out): \(result.stderr)")
            #expect(result.stderr.contains("error: \(out) holds files that SeatPlan did not write (it has no .seatplan-output marker), and a run replaces its output folder whole — choose a new or empty folder with --out, or empty this one yourself"),
                    "\(result.stderr)")
        }
        sandbox.survive()
        let empty = sandbox.root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: false)
        for out in ["empty", "new/deeper"] {
            let result = try await Binary.run(["run", "work/scenario.yaml", "--out", out], in: sandbox.root)
            #expect(result.status == 0, "\(out): \(result.stderr)")
            let names = try FileManager.default.contentsOfDirectory(atPath: sandbox.root.appendingPathComponent(out).path)
            #expect(names.sorted() == [".seatplan-output"] + Self.reports)
        }
        // The marker makes the folder SeatPlan's: a second run replaces it, a stray file with it.
        try "stray\n".write(to: empty.appendingPathComponent("stray.txt"), atomically: true, encoding: .utf8)
        let again = try await Binary.run(["run", "work/scenario.yaml", "--out", "empty"], in: sandbox.root)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty.path).sorted() == [".seatplan-output"] + Self.reports)
        #expect(sandbox.hidden(in: sandbox.root).isEmpty, "\(sandbox.hidden(in: sandbox.root))")
        sandbox.survive()
    }

    @Test("a kill between the two renames: the next run puts the previous set back, clears staging, and says so")
    func killBetweenRenames() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let fm = FileManager.default
        let out = sandbox.root.appendingPathComponent("out")
        let first = try await Binary.run(["run", "work/scenario.yaml", "--out", "out"], in: sandbox.root)
        #expect(first.status == 0, "\(first.stderr)")
        let capacity = try Data(contentsOf: out.appendingPathComponent("capacity.csv"))
        // What a run killed after its first rename leaves: the set renamed aside, its staging folder half full.
        try fm.moveItem(at: out, to: sandbox.root.appendingPathComponent(".out.old-4242-7"))
        let staging = sandbox.root.appendingPathComponent(".out.tmp-4242-7")
        try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        try Data("half a file".utf8).write(to: staging.appendingPathComponent("grades.csv"))
        // A run that fails on its scenario touches nothing.
        try "scenario: broken\n".write(to: sandbox.work.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let broken = try await Binary.run(["run", "work/broken.yaml", "--out", "out"], in: sandbox.root)
        #expect(broken.status == 1)
        #expect(sandbox.hidden(in: sandbox.root) == [".out.old-4242-7", ".out.tmp-4242-7"])

        let next = try await Binary.run(["run", "work/scenario.yaml", "--out", "out"], in: sandbox.root)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stderr.contains("note: removed .out.tmp-4242-7, the unfinished output of an interrupted run"), "\(next.stderr)")
        #expect(next.stderr.contains("note: restored out from .out.old-4242-7: an interrupted run had set the previous reports aside"),
                "\(next.stderr)")
        #expect(sandbox.hidden(in: sandbox.root).isEmpty, "\(sandbox.hidden(in: sandbox.root))")
        #expect(try fm.contentsOfDirectory(atPath: out.path).sorted() == [".seatplan-output"] + Self.reports)
        #expect(try Data(contentsOf: out.appendingPathComponent("capacity.csv")) == capacity)

        // Killed after the second rename: the new set is in place, the old one still aside.
        try fm.copyItem(at: out, to: sandbox.root.appendingPathComponent(".out.old-5151-9"))
        let last = try await Binary.run(["run", "work/scenario.yaml", "--out", "out"], in: sandbox.root)
        #expect(last.status == 0, "\(last.stderr)")
        #expect(last.stderr.contains("note: removed .out.old-5151-9, previous reports an interrupted run had already replaced"),
                "\(last.stderr)")
        #expect(sandbox.hidden(in: sandbox.root).isEmpty)
        sandbox.survive()
    }

    @Test("a run finding another run's lock waits for it, says so, then writes")
    func waitsForTheLock() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let lockPath = sandbox.root.appendingPathComponent(".out.lock").path
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        try #require(fd >= 0)
        #expect(flock(fd, LOCK_EX) == 0)
        var status = stat()
        #expect(fstat(fd, &status) == 0)
        let inode = UInt64(status.st_ino)
        // Release the lock, as the other run would when done, once the run waits for it (or after 90 s).
        let release = Task.detached {
            for _ in 0..<900 where !Self.someoneWaitsForLock(inode: inode) {
                try? await Task.sleep(nanoseconds: 100_000_000)
            }
            unlink(lockPath)
            close(fd)
        }
        let result = try await Binary.run(["run", "work/scenario.yaml", "--out", "out"], in: sandbox.root, timeout: 120)
        await release.value
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("note: another seatplan run is writing to the same output folder; waiting for it to finish (lock \(lockPath))"),
                "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.root.appendingPathComponent("out").path).sorted()
                == [".seatplan-output"] + Self.reports)
        #expect(sandbox.hidden(in: sandbox.root).isEmpty, "\(sandbox.hidden(in: sandbox.root))")
    }

    /// Whether a process waits, blocked, for a `flock` on the file of inode `inode` (Linux: the `->` lines
    /// of /proc/locks, "N: -> FLOCK ADVISORY WRITE PID MAJOR:MINOR:INODE 0 EOF").
    static func someoneWaitsForLock(inode: UInt64) -> Bool {
        let locks = (try? String(contentsOfFile: "/proc/locks", encoding: .utf8)) ?? ""
        return locks.split(separator: "\n").contains { line in
            let fields = line.split(separator: " ")
            return fields.count > 6 && fields[1] == "->" && fields[2] == "FLOCK"
                && fields[6].split(separator: ":").last.map { UInt64($0) == inode } == true
        }
    }

    @Test("two concurrent runs on one folder both succeed, one after the other, leaving one whole set")
    func concurrentRuns() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        async let one = Binary.run(["run", "work/scenario.yaml", "--out", "out"], in: sandbox.root, timeout: 120)
        async let two = Binary.run(["run", "work/scenario.yaml", "--out", "out"], in: sandbox.root, timeout: 120)
        let results = try await [one, two]
        for result in results {
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("error"), "\(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.root.appendingPathComponent("out").path).sorted()
                == [".seatplan-output"] + Self.reports)
        #expect(sandbox.hidden(in: sandbox.root).isEmpty, "\(sandbox.hidden(in: sandbox.root))")
        sandbox.survive()
    }
}

@Suite("Hostile input: parsing and text")
struct HostileTextTests {
    @Test("an alias bomb as a key is refused at once (guard: 20 s), as a value too")
    func aliasBombKey() async throws {
        let result = try await Binary.run(["validate", "alias-bomb-key.yaml"], in: MalformedFixtures.folder, timeout: 20)
        #expect(!result.timedOut, "the alias-bomb key was not refused within 20 s")
        #expect(result.status == 1)
        #expect(result.stderr.contains("alias-bomb-key.yaml:85:5: error: an alias (*name) cannot be a key — write the key as plain text; aliases may stand only for values"),
                "\(result.stderr)")
        // The same anchors used as a value: refused as a value of the wrong kind, also at once.
        let text = try String(contentsOf: MalformedFixtures.folder.appendingPathComponent("alias-bomb-key.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  ? *a9\n  : 1", with: "  last: *a9")
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try text.write(to: sandbox.work.appendingPathComponent("bomb.yaml"), atomically: true, encoding: .utf8)
        let value = try await Binary.run(["validate", "bomb.yaml"], in: sandbox.work, timeout: 20)
        #expect(!value.timedOut && value.status == 1, "\(value.stderr)")
        #expect(value.stderr.contains("unknown key 'bomb' in the scenario"), "\(value.stderr)")
    }

    @Test("escape sequences in keys, values and file names reach the terminal only as \\u{…}")
    func noEscapeReachesTheTerminal() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let escape = "\u{1B}]0;pwned\u{07}\u{1B}[2J"
        let scenario = try Sandbox.smallCity().replacingOccurrences(of: "horizon: 5\n", with: "horizon: 5\n\"\\e]0;pwned\\a\\e[2J\": 1\n")
        try scenario.write(to: sandbox.work.appendingPathComponent("keys.yaml"), atomically: true, encoding: .utf8)
        let key = try await Binary.run(["validate", "keys.yaml"], in: sandbox.work)
        #expect(key.status == 1)
        #expect(key.stderr.contains("keys.yaml:5:1: error: unknown key '\\u{1B}]0;pwned\\u{7}\\u{1B}[2J' in the scenario"), "\(key.stderr)")
        #expect(!key.stderr.contains("\u{1B}") && !key.stdout.contains("\u{1B}"))

        let file = try await Binary.run(["validate", "missing\(escape).yaml"], in: sandbox.work)
        #expect(file.status == 1)
        #expect(file.stderr.contains("missing\\u{1B}]0;pwned\\u{7}\\u{1B}[2J.yaml:1:1: error: cannot read the scenario file"), "\(file.stderr)")
        #expect(!file.stderr.contains("\u{1B}"))

        // A control character in a CSV cell (a school's name): refused, shown escaped.
        let tables = sandbox.root.appendingPathComponent("tables")
        try FileManager.default.copyItem(at: MalformedFixtures.folder.appendingPathComponent("csv-semicolon-separated"), to: tables)
        let births = try String(contentsOf: tables.appendingPathComponent("births.csv"), encoding: .utf8)
        try births.replacingOccurrences(of: ";", with: ",").write(to: tables.appendingPathComponent("births.csv"), atomically: true, encoding: .utf8)
        let schools = try String(contentsOf: tables.appendingPathComponent("schools.csv"), encoding: .utf8)
        try schools.replacingOccurrences(of: "North One", with: "North\u{1B}[8mOne\u{202E}")
            .write(to: tables.appendingPathComponent("schools.csv"), atomically: true, encoding: .utf8)
        let cell = try await Binary.run(["validate", "tables/scenario.yaml"], in: sandbox.root)
        #expect(cell.status == 1)
        #expect(cell.stderr.contains("error: the name of school 'n1' holds a control character (U+001B): 'North\\u{1B}[8mOne\\u{202E}'"),
                "\(cell.stderr)")
        #expect(!cell.stderr.contains("\u{1B}") && !cell.stderr.contains("\u{202E}"))
    }

    @Test("a file named as a table that is not one is refused without quoting a line of it")
    func notATableIsNotQuoted() async throws {
        let result = try await Binary.run(["validate", "csv-not-a-table/scenario.yaml"], in: MalformedFixtures.folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("csv-not-a-table/notes.csv:1:1: error: this file is not a births table: its first row names none of its columns"),
                "\(result.stderr)")
        #expect(!result.stderr.contains("secret-password-line") && !result.stderr.contains("root:x"), "\(result.stderr)")
    }

    @Test("a table behind a link out of the scenario's folder is refused")
    func tableLinkOut() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let tables = sandbox.work.appendingPathComponent("tables")
        try FileManager.default.copyItem(at: MalformedFixtures.folder.appendingPathComponent("csv-not-a-table"), to: tables)
        try FileManager.default.removeItem(at: tables.appendingPathComponent("notes.csv"))
        try FileManager.default.createSymbolicLink(at: tables.appendingPathComponent("notes.csv"),
                                                   withDestinationURL: sandbox.root.appendingPathComponent("victim/canary.txt"))
        let result = try await Binary.run(["validate", "tables/scenario.yaml"], in: sandbox.work)
        #expect(result.status == 1)
        #expect(result.stderr.contains("tables/scenario.yaml:14:11: error: the births table 'tables/notes.csv' is a link to a file outside the scenario's folder"),
                "\(result.stderr)")
        #expect(!result.stderr.contains("canary"))
    }
}

@Suite("Hostile input: backtest history")
struct BacktestHistoryTests {
    static func run(_ files: [String: String], _ arguments: [String]) async throws -> (ProcessResult, Sandbox) {
        let sandbox = try Sandbox()
        for (name, text) in files {
            try text.write(to: sandbox.work.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return (try await Binary.run(["backtest"] + arguments + ["--out", "out"], in: sandbox.work), sandbox)
    }

    static let header = "year,unit,grade,students\n"

    struct Case: Sendable, CustomStringConvertible {
        var enrollment: String
        var births: String?
        var expected: String
        var description: String { expected }
    }

    static let refused = [
        Case(enrollment: "year,unit,grade,students\n2020,A,1,10\n2020,A,2,0x40\n", births: nil,
             expected: "e.csv:3:10: error: '0x40' is not a pupil count — write a whole number from 0 to 10000000 in decimal digits"),
        Case(enrollment: "year,unit,grade,students\n2020,A,1,10\n2020,A,2,5\n2020,A,1,10\n", births: nil,
             expected: "e.csv:4:10: error: a second row for unit 'A', year 2020, grade 1 (the first is on line 2) — keep one row per year, unit and grade; rows are not summed"),
        Case(enrollment: "year,unit,grade,students\n2020,A,1,10\n2020,B,1,7\n2020,B,2,5\n", births: nil,
             expected: "e.csv:2:1: error: unit 'A' has no row for grade 2 in 2020 — add the missing row (with 0 students if the grade was empty)"),
        Case(enrollment: "year,unit,grade,students\n2020,A,1,10\n2020,A,2,5\n", births: "year,births\n2014,100\n2015,90\n2014,120\n",
             expected: "b.csv:4:1: error: births of 2014 are listed twice (first on line 2) — keep one row per birth year"),
        Case(enrollment: "year,unit,grade,students\n2020,A,1,10\n2020,A,2,5\n", births: "year,births\n2014,0x10\n",
             expected: "b.csv:2:1: error: this births row is not 'year,births'"),
    ]

    @Test("refused with their cell: hex counts, repeated rows, repeated birth years, a year lacking a grade",
          arguments: refused)
    func refusedRows(_ c: Case) async throws {
        var files = ["e.csv": c.enrollment]
        var arguments = ["--enrollment", "e.csv", "--grades", "1,2"]
        if let births = c.births {
            files["b.csv"] = births
            arguments += ["--births", "b.csv"]
        }
        let (result, sandbox) = try await Self.run(files, arguments)
        defer { sandbox.remove() }
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains(c.expected), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.work.appendingPathComponent("out").path))
    }

    @Test("a file that is not a history is refused without quoting a line of it")
    func notAHistory() async throws {
        let secret = "secret-password-line\nroot:x:0:0:root:/root:/bin/bash,a,b\n"
        let (result, sandbox) = try await Self.run(["e.csv": secret, "ok.csv": Self.header + "2020,A,1,10\n2020,A,2,5\n"],
                                                   ["--enrollment", "e.csv", "--grades", "1,2"])
        defer { sandbox.remove() }
        #expect(result.status == 1)
        #expect(result.stderr.contains("e.csv:1:1: error: the enrolment file has no 'year' column"), "\(result.stderr)")
        #expect(!result.stderr.contains("secret") && !result.stderr.contains("root:x"), "\(result.stderr)")
        let births = try await Binary.run(["backtest", "--enrollment", "ok.csv", "--births", "e.csv", "--grades", "1,2",
                                           "--out", "out"], in: sandbox.work)
        #expect(births.status == 1)
        #expect(births.stderr.contains("e.csv:1:1: error: the births file needs 'year' and 'births' columns"), "\(births.stderr)")
        #expect(!births.stderr.contains("secret") && !births.stderr.contains("root:x"), "\(births.stderr)")
    }

    @Test("--horizons with a gap is refused; one number or one range is taken")
    func horizons() async throws {
        let history = Self.header + (2010...2020).flatMap { y in ["\(y),A,1,\(100 + y % 7)", "\(y),A,2,\(98 + y % 5)"] }
            .joined(separator: "\n") + "\n"
        for gap in ["2,7", "1,3-5"] {
            let (result, sandbox) = try await Self.run(["e.csv": history], ["--enrollment", "e.csv", "--grades", "1,2",
                                                                           "--entry", "known", "--horizons", gap])
            defer { sandbox.remove() }
            #expect(result.status == 64, "\(result.stderr)")
            #expect(result.stderr.contains("--horizons takes one number or one range without gaps, e.g. 3 or 1-5 (not '\(gap)'"),
                    "\(result.stderr)")
        }
        let (ok, sandbox) = try await Self.run(["e.csv": history], ["--enrollment", "e.csv", "--grades", "1,2",
                                                                    "--entry", "known", "--horizons", "2,3"])
        defer { sandbox.remove() }
        #expect(ok.status == 0, "\(ok.stderr)")
        let accuracy = try String(contentsOf: sandbox.work.appendingPathComponent("out/accuracy.csv"), encoding: .utf8)
        let header = accuracy.split(separator: "\r\n").first.map { $0.split(separator: ",").map(String.init) } ?? []
        let column = try #require(header.firstIndex(of: "horizon"))
        let horizons = Set(accuracy.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[column] })
        #expect(horizons == ["2", "3"])
    }

    @Test("a history with no case says why and writes nothing")
    func noCase() async throws {
        let history = Self.header + "2019,A,1,10\n2019,A,2,9\n2020,A,1,11\n2020,A,2,10\n"
        let (result, sandbox) = try await Self.run(["e.csv": history], ["--enrollment", "e.csv", "--grades", "1,2",
                                                                        "--entry", "known"])
        defer { sandbox.remove() }
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("error: no backtest case: the history has complete counts (every grade) for 2 year(s), 2019–2020, which gives no origin year with horizons 1–5"),
                "\(result.stderr)")
        #expect(result.stderr.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.work.appendingPathComponent("out").path))
    }
}
