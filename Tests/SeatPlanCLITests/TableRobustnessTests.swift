import Foundation
import SeatPlanKit
import Testing

/// The example scenario split into CSV tables (`Tests/Fixtures/tables/example-city`), with one table damaged
/// the ways of `Mutator` — cut short, lines lost, repeated or swapped, numbers replaced by nonsense, stray
/// bytes (quotes, line breaks, invalid UTF-8) — must never crash `validate`, and every error must point at
/// a place that exists in the file it names.
@Suite("Robustness of CSV tables")
struct TableRobustnessTests {
    static let fixture = Binary.repositoryRoot.appendingPathComponent("Tests/Fixtures/tables/example-city")
    static let seed: UInt64 = 0xC5F_7AB1_E5
    static let inputCount = 84
    /// "replace value" looks for YAML `key: value`, which CSV does not have.
    static let kinds = Mutator.kinds.filter { $0 != "replace value" }

    @Test("no damaged table crashes validate, and every error points into its file")
    func noDamagedTableCrashes() async throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixture.path).sorted()
        let tables = names.filter { $0.hasSuffix(".csv") }
        #expect(tables.count == 6)
        let temporary = try TemporaryFolder("seatplan-table-robustness")
        var random = SplitMix64(seed: Self.seed)
        var jobs: [(what: String, folder: URL, table: String, lines: Int)] = []
        for index in 0..<Self.inputCount {
            let table = tables[index % tables.count]
            let original = Array(try Data(contentsOf: Self.fixture.appendingPathComponent(table)))
            let kind = Self.kinds[(index / tables.count) % Self.kinds.count]
            let (mutation, bytes) = Mutator.mutate(original, kind: kind, random: &random)
            let name = String(format: "case-%03d", index)
            let folder = temporary.appending(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in names {
                try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent(file),
                                                 to: folder.appendingPathComponent(file))
            }
            try Data(bytes).write(to: folder.appendingPathComponent(table))
            let lines = bytes.filter { $0 == 0x0A || $0 == 0x0D }.count + 1
            jobs.append(("\(name)/\(table): \(mutation)", folder, table, lines))
        }

        let root = temporary.url
        let results = try await withThrowingTaskGroup(of: (Int, ProcessResult).self) { group in
            for (i, job) in jobs.enumerated() {
                let arguments = ["validate", job.folder.lastPathComponent + "/scenario.yaml"]
                group.addTask { (i, try await Binary.run(arguments, in: root, timeout: 60)) }
            }
            var results: [Int: ProcessResult] = [:]
            for try await (i, result) in group { results[i] = result }
            return results
        }

        var rejected = 0
        var failures = 0
        for (i, job) in jobs.enumerated() {
            guard let result = results[i] else { continue }
            let excerpt = String(result.stderr.prefix(600))
            let ok = !result.crashed && !result.timedOut && [0, 1].contains(result.status)
            if !ok { failures += 1 }
            #expect(!result.crashed, "\(job.what) crashed with signal \(result.status):\n\(excerpt)")
            #expect(!result.timedOut, "\(job.what) did not finish within 60 s")
            #expect(result.crashed || result.timedOut || [0, 1].contains(result.status),
                    "\(job.what) exited with status \(result.status):\n\(excerpt)")
            guard result.status == 1 else { continue }
            rejected += 1
            #expect(result.stderr.contains(": error: "), "\(job.what) failed without a diagnostic:\n\(excerpt)")
            // FOLDER/TABLE.csv:LINE:COLUMN: — a line of the damaged file, a column from 1.
            let head = "\(job.folder.lastPathComponent)/\(job.table):"
            for line in result.stderr.split(separator: "\n") where line.hasPrefix(head) {
                let place = line.dropFirst(head.count).split(separator: ":", maxSplits: 2)
                let (row, column) = (place.count > 1 ? Int(place[0]) : nil, place.count > 1 ? Int(place[1]) : nil)
                #expect(row.map { $0 >= 1 && $0 <= job.lines } == true && column.map { $0 >= 1 } == true,
                        "\(job.what): \(line)")
            }
        }
        #expect(rejected > Self.inputCount / 3, "only \(rejected) of \(Self.inputCount) damaged inputs were rejected")
        print("table robustness: \(Self.inputCount) damaged tables; validate rejected \(rejected)")
        if failures == 0 { temporary.remove() } else { print("table robustness: failing inputs kept in \(root.path)") }
    }
}
