import Foundation
import Testing

/// The malformed scenarios of `Malformed/`: each has one mistake, and its first line states where the error
/// must point and a fragment of the message: `# expect: LINE:COLUMN: error: FRAGMENT`.
/// A scenario with CSV tables is a folder `Malformed/NAME/` with a `scenario.yaml` beside its tables; an
/// error in a table is expected as `# expect: FILE.csv:LINE:COLUMN: error: FRAGMENT`.

enum MalformedFixtures {
    static let folder: URL = Binary.repositoryRoot.appendingPathComponent("Tests/SeatPlanCLITests/Malformed")

    /// File names of the `.yaml` files of a folder, and `SUBFOLDER/scenario.yaml` of its subfolders that
    /// have one, sorted.
    static func names(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let folders = names.filter {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("\($0)/scenario.yaml").path)
        }
        return (names.filter { $0.hasSuffix(".yaml") } + folders.map { "\($0)/scenario.yaml" }).sorted()
    }

    static let names = names(in: folder)

    struct Expectation: Sendable, CustomStringConvertible {
        /// The CSV table the error is in (beside the scenario); `nil`: the scenario file itself.
        var file: String? = nil
        var line: Int
        var column: Int
        var fragment: String
        var description: String { "\(file.map { "\($0):" } ?? "")\(line):\(column): error: \(fragment)" }

        /// The file the diagnostic names, for the scenario `name` as given on the command line.
        func diagnosticFile(scenario name: String) -> String {
            guard let file else { return name }
            let folder = (name as NSString).deletingLastPathComponent
            return folder.isEmpty ? file : "\(folder)/\(file)"
        }
    }

    /// Parses the first line, `# expect: [FILE:]LINE:COLUMN: error: FRAGMENT`.
    static func expectation(of file: URL) throws -> Expectation {
        let data = try Data(contentsOf: file)
        let firstLine = data.prefix { $0 != UInt8(ascii: "\n") }
        let text = String(decoding: firstLine, as: UTF8.self)
        let prefix = "# expect: "
        guard text.hasPrefix(prefix) else { throw ExpectLineError(file: file.lastPathComponent, line: text) }
        let rest = text.dropFirst(prefix.count)
        guard let marker = rest.range(of: ": error: ") else {
            throw ExpectLineError(file: file.lastPathComponent, line: text)
        }
        let place = rest[..<marker.lowerBound].split(separator: ":")
        let fragment = String(rest[marker.upperBound...]).trimmingCharacters(in: .whitespaces)
        guard place.count == 2 || place.count == 3, let line = Int(place[place.count - 2]),
              let column = Int(place[place.count - 1]), !fragment.isEmpty else {
            throw ExpectLineError(file: file.lastPathComponent, line: text)
        }
        return Expectation(file: place.count == 3 ? String(place[0]) : nil, line: line, column: column,
                           fragment: fragment)
    }

    struct ExpectLineError: Error, CustomStringConvertible {
        var file: String
        var line: String
        var description: String { "\(file): first line is not '# expect: [FILE:]LINE:COLUMN: error: FRAGMENT' but '\(line)'" }
    }

    /// Whether a line of `stderr` holds the diagnostic `name:LINE:<any column>: error: ` and the fragment after it.
    static func reportsOnLine(_ stderr: String, name: String, _ expected: Expectation) -> Bool {
        let head = "\(expected.diagnosticFile(scenario: name)):\(expected.line):"
        return stderr.split(separator: "\n", omittingEmptySubsequences: true).contains { line in
            guard let range = line.range(of: head), let error = line[range.upperBound...].range(of: ": error: "),
                  Int(line[range.upperBound..<error.lowerBound]) != nil else { return false }
            return line[error.upperBound...].contains(expected.fragment)
        }
    }

    /// Whether a line of `stderr` starts the diagnostic `name:LINE:COLUMN: error: ` and holds the fragment after it.
    static func reports(_ stderr: String, name: String, _ expected: Expectation) -> Bool {
        let head = "\(expected.diagnosticFile(scenario: name)):\(expected.line):\(expected.column): error: "
        return stderr.split(separator: "\n", omittingEmptySubsequences: true).contains { line in
            guard let range = line.range(of: head) else { return false }
            return line[range.upperBound...].contains(expected.fragment)
        }
    }
}

@Suite("Malformed scenarios")
struct MalformedScenarioTests {
    @Test("there are at least 25 malformed scenarios")
    func enoughFixtures() {
        #expect(MalformedFixtures.names.count >= 25, "found \(MalformedFixtures.names)")
    }

    @Test("every expect line is well formed")
    func expectLinesParse() throws {
        for name in MalformedFixtures.names {
            _ = try MalformedFixtures.expectation(of: MalformedFixtures.folder.appendingPathComponent(name))
        }
    }

    @Test("validate points at the mistake", arguments: MalformedFixtures.names)
    func validate(name: String) async throws {
        let expected = try MalformedFixtures.expectation(of: MalformedFixtures.folder.appendingPathComponent(name))
        let result = try await Binary.run(["validate", name], in: MalformedFixtures.folder)
        checkRejected(result, name: name)
        #expect(MalformedFixtures.reports(result.stderr, name: name, expected),
                "expected \(name):\(expected) in stderr:\n\(result.stderr)")
    }

    @Test("run points at the mistake and writes nothing", arguments: MalformedFixtures.names)
    func run(name: String) async throws {
        let expected = try MalformedFixtures.expectation(of: MalformedFixtures.folder.appendingPathComponent(name))
        let temporary = try TemporaryFolder("seatplan-malformed")
        defer { temporary.remove() }
        let out = temporary.appending("out")
        let result = try await Binary.run(["run", name, "--out", out.path], in: MalformedFixtures.folder)
        checkRejected(result, name: name)
        #expect(MalformedFixtures.reports(result.stderr, name: name, expected),
                "expected \(name):\(expected) in stderr:\n\(result.stderr)")
        checkNothingWritten(temporary, out: out)
    }

    private func checkRejected(_ result: ProcessResult, name: String,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!result.crashed, "\(name): crashed with signal \(result.status)\n\(result.stderr)",
                sourceLocation: sourceLocation)
        #expect(!result.timedOut, "\(name): did not finish", sourceLocation: sourceLocation)
        #expect(result.status == 1, "\(name): exit status \(result.status)\n\(result.stderr)",
                sourceLocation: sourceLocation)
        #expect(!result.stdout.contains("Reports written") && !result.stdout.contains("报告已写入"), "\(name): stdout \(result.stdout)",
                sourceLocation: sourceLocation)
        // The diagnostics end with a summary line.
        let last = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.contains("error(s)") && !last.contains(": error: "), "\(name): last line of stderr: \(last)",
                sourceLocation: sourceLocation)
    }

    private func checkNothingWritten(_ temporary: TemporaryFolder, out: URL,
                                     sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!FileManager.default.fileExists(atPath: out.path), "\(out.path) was created",
                sourceLocation: sourceLocation)
        let leftovers = ((try? temporary.entries()) ?? []).filter { $0.hasPrefix(".out.") }
        #expect(leftovers.isEmpty, "left behind: \(leftovers)", sourceLocation: sourceLocation)
    }
}
