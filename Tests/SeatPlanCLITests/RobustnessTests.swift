import Foundation
import SeatPlanKit
import Testing

/// The library's SplitMix64: every run of the tests mutates the example in exactly the same way.
extension SplitMix64 {
    /// A whole number in `0..<bound` (`bound` > 0).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// One damaged copy of the example scenario.
struct MutatedInput: Sendable, CustomStringConvertible {
    var index: Int
    /// What was done, for the failure message.
    var mutation: String
    var bytes: [UInt8]
    var description: String { "#\(index) \(mutation)" }
}

/// Damages a scenario file the ways people and tools do: cut short, lines lost, repeated or swapped, numbers
/// and values replaced by nonsense, stray bytes (invalid UTF-8 among them) typed or pasted in.
enum Mutator {
    static let numberReplacements = ["-1", "0", "1e308", "99999999999999999999", "abc"]
    static let strayBytes: [UInt8] = [0xFF, 0xFE, 0xC3, 0x80, 0xE4, 0x00, 0x09, 0x0A, 0x0D, 0x22, 0x27, 0x3A, 0x5B,
                                      0x5D, 0x7B, 0x7D, 0x2D, 0x26, 0x2A, 0x21, 0x25, 0x23, 0x7C, 0x3E, 0x40, 0x60]
    static let kinds = ["truncate", "delete line", "duplicate line", "replace number", "replace value",
                        "swap lines", "insert bytes"]

    static func inputs(from original: [UInt8], count: Int, seed: UInt64) -> [MutatedInput] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { index in
            let kind = kinds[index % kinds.count]
            let (mutation, bytes) = mutate(original, kind: kind, random: &random)
            return MutatedInput(index: index, mutation: mutation, bytes: bytes)
        }
    }

    static func mutate(_ original: [UInt8], kind: String, random: inout SplitMix64) -> (String, [UInt8]) {
        var bytes = original
        var lines = original.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        func joined(_ lines: [[UInt8]]) -> [UInt8] { Array(lines.joined(separator: [0x0A])) }
        switch kind {
        case "truncate":
            let offset = random.below(bytes.count)
            return ("truncate at byte \(offset)", Array(bytes.prefix(offset)))
        case "delete line":
            let line = random.below(lines.count)
            lines.remove(at: line)
            return ("delete line \(line + 1)", joined(lines))
        case "duplicate line":
            let line = random.below(lines.count)
            lines.insert(lines[line], at: line)
            return ("duplicate line \(line + 1)", joined(lines))
        case "swap lines":
            let a = random.below(lines.count), b = random.below(lines.count)
            lines.swapAt(a, b)
            return ("swap lines \(a + 1) and \(b + 1)", joined(lines))
        case "replace number":
            let numbers = numberRanges(in: bytes)
            let range = random.pick(numbers)
            let replacement = random.pick(numberReplacements)
            bytes.replaceSubrange(range, with: Array(replacement.utf8))
            return ("replace the number at byte \(range.lowerBound) by \(replacement)", bytes)
        case "replace value":
            let values = valueRanges(in: bytes)
            let range = random.pick(values)
            let replacement = random.pick(["[]", "{}"])
            bytes.replaceSubrange(range, with: Array(replacement.utf8))
            return ("replace the value at byte \(range.lowerBound) by \(replacement)", bytes)
        default:
            let offset = random.below(bytes.count + 1)
            let inserted = (0..<(1 + random.below(6))).map { _ in random.pick(strayBytes) }
            bytes.insert(contentsOf: inserted, at: offset)
            return ("insert bytes \(inserted.map { String($0, radix: 16) }) at byte \(offset)", bytes)
        }
    }

    private static func isDigit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }
    private static func isWordByte(_ b: UInt8) -> Bool {
        (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b == 0x2D || b == 0x5F || b >= 0x80
    }

    /// Numbers standing alone (`2025`, `0.90`), not digits inside ids such as `hexi-youeryuan-2`.
    static func numberRanges(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var i = 0
        while i < bytes.count {
            if isDigit(bytes[i]), i == 0 || !isWordByte(bytes[i - 1]) && !isDigit(bytes[i - 1]) && bytes[i - 1] != 0x2E {
                var j = i
                while j < bytes.count, isDigit(bytes[j]) || bytes[j] == 0x2E { j += 1 }
                if j == bytes.count || !isWordByte(bytes[j]) { ranges.append(i..<j) }
                i = j
            } else {
                i += 1
            }
        }
        return ranges
    }

    /// Scalar values after `key: ` up to the next `,`, `}`, `]`, ` #` or line end.
    static func valueRanges(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0x3A, bytes[i + 1] == 0x20, bytes[i + 2] != 0x7B, bytes[i + 2] != 0x5B, bytes[i + 2] != 0x20 {
                let start = i + 2
                var end = start
                while end < bytes.count, ![0x2C, 0x7D, 0x5D, 0x0A].contains(bytes[end]),
                      !(bytes[end] == 0x20 && end + 1 < bytes.count && bytes[end + 1] == 0x23) {
                    end += 1
                }
                if end > start { ranges.append(start..<end) }
                i = end
            } else {
                i += 1
            }
        }
        return ranges
    }
}

@Suite("Robustness")
struct RobustnessTests {
    static let seed: UInt64 = 0x5EA7_91A2_2025
    static let inputCount = 168
    /// Every this-many-th input is also run (into a fresh folder), not only validated.
    static let runEvery = 5
    static let parallelProcesses = 4

    struct Outcome: Sendable {
        var input: MutatedInput
        var command: String
        var result: ProcessResult
        var file: URL
    }

    @Test("the mutator is deterministic and finds something to change")
    func mutatorIsDeterministic() throws {
        let original = Array(try Data(contentsOf: Binary.exampleCity))
        #expect(Mutator.numberRanges(in: original).count > 100)
        #expect(Mutator.valueRanges(in: original).count > 50)
        let a = Mutator.inputs(from: original, count: 30, seed: Self.seed)
        let b = Mutator.inputs(from: original, count: 30, seed: Self.seed)
        #expect(a.map(\.bytes) == b.map(\.bytes))
        #expect(Set(a.map(\.bytes)).count > 25, "mutations should differ from each other")
        #expect(a.allSatisfy { $0.bytes != original })
    }

    /// `grades: 20000000` is reported as implausible before any per-grade array is built (it once ran for
    /// minutes and took gigabytes). Killed after 5 s, so that a regression stays cheap.
    @Test("an implausible number of grades is rejected at once")
    func hugeGradeCount() async throws {
        let temporary = try TemporaryFolder("seatplan-robustness")
        defer { temporary.remove() }
        let text = try String(contentsOf: Binary.exampleCity, encoding: .utf8)
        let junior = "{ id: junior, name: 初中, grades: 3,"
        #expect(text.components(separatedBy: junior).count == 2, "the example changed; update this test")
        let file = temporary.appending("many-grades.yaml")
        try text.replacingOccurrences(of: junior, with: "{ id: junior, name: 初中, grades: 20000000,")
            .write(to: file, atomically: true, encoding: .utf8)

        let result = try await Binary.run(["validate", file.lastPathComponent], in: temporary.url, timeout: 5)
        #expect(!result.crashed, "crashed with signal \(result.status):\n\(result.stderr)")
        #expect(!result.timedOut, "validate did not finish within 5 s")
        #expect(result.status == 1)
        #expect(result.stderr.contains("many-grades.yaml:14:39: error: a stage of 20000000 grades is not plausible"))
    }

    @Test("no input crashes the program")
    func noInputCrashes() async throws {
        let original = Array(try Data(contentsOf: Binary.exampleCity))
        let inputs = Mutator.inputs(from: original, count: Self.inputCount, seed: Self.seed)
        #expect(inputs.count >= 150)
        let temporary = try TemporaryFolder("seatplan-robustness")
        var jobs: [(MutatedInput, URL, [String])] = []
        for input in inputs {
            let file = temporary.appending(String(format: "mutated-%03d.yaml", input.index))
            try Data(input.bytes).write(to: file)
            jobs.append((input, file, ["validate", file.lastPathComponent]))
            if input.index % Self.runEvery == 0 {
                let out = temporary.appending(String(format: "out-%03d", input.index))
                jobs.append((input, file, ["run", file.lastPathComponent, "--out", out.path]))
            }
        }
        #expect(jobs.count - inputs.count >= 30, "at least 30 inputs are also run")

        let folder = temporary.url
        let outcomes = try await withThrowingTaskGroup(of: Outcome.self) { group in
            var outcomes: [Outcome] = []
            var next = 0
            func launch(_ job: (MutatedInput, URL, [String])) {
                group.addTask {
                    let result = try await Binary.run(job.2, in: folder, timeout: 60)
                    return Outcome(input: job.0, command: job.2[0], result: result, file: job.1)
                }
            }
            while next < min(Self.parallelProcesses, jobs.count) { launch(jobs[next]); next += 1 }
            while let outcome = try await group.next() {
                outcomes.append(outcome)
                if next < jobs.count { launch(jobs[next]); next += 1 }
            }
            return outcomes
        }
        #expect(outcomes.count == jobs.count)

        var failures = 0
        for outcome in outcomes.sorted(by: { ($0.input.index, $0.command) < ($1.input.index, $1.command) }) {
            let result = outcome.result
            let what = "\(outcome.command) \(outcome.file.path) (\(outcome.input))"
            let excerpt = String(result.stderr.prefix(600))
            let ok = !result.crashed && !result.timedOut && [0, 1].contains(result.status)
                && (result.status == 0 || result.stderr.contains(": error: "))
            if !ok { failures += 1 }
            #expect(!result.crashed, "\(what) crashed with signal \(result.status):\n\(excerpt)")
            #expect(!result.timedOut, "\(what) did not finish within 60 s")
            #expect(result.crashed || result.timedOut || [0, 1].contains(result.status),
                    "\(what) exited with status \(result.status):\n\(excerpt)")
            if result.status == 1 {
                #expect(result.stderr.contains(": error: "), "\(what) failed without a diagnostic:\n\(excerpt)")
            }
        }
        let accepted = outcomes.filter { $0.command == "validate" && $0.result.status == 0 }.count
        let rejected = outcomes.filter { $0.command == "validate" && $0.result.status == 1 }.count
        // Both kinds occur: the mutations reach the checks, and not only the YAML parser.
        #expect(accepted > 0 && rejected > inputs.count / 3, "accepted \(accepted), rejected \(rejected)")
        print("robustness: \(inputs.count) inputs, \(jobs.count) runs; validate accepted \(accepted), rejected \(rejected)")
        // Failing inputs are kept for reproduction; otherwise everything goes.
        if failures == 0 { temporary.remove() } else { print("robustness: failing inputs kept in \(folder.path)") }
    }
}
