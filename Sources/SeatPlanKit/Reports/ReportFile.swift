import Foundation

/// One file of a run's reports, not yet produced: its name and how to produce its bytes. Produced in
/// memory for `data`, or streamed straight into a file by `OutputDirectory`.
public struct ReportFile: Sendable {
    public let name: String
    /// Whether producing the file keeps every core busy by itself (else files are produced side by side).
    let usesEveryCore: Bool
    /// Appends the file's bytes to the output; returns its data rows (0 for a file that is not a table).
    private let produce: @Sendable (ReportOutput) -> Int
    /// The data rows, when known before the file is produced (the tables produced in parts).
    private(set) var rowCount: Int?
    /// How a file made from the others of its set once they are written (the workbook) is made; `nil` for
    /// a file produced on its own.
    let madeFromOthers: MadeFromOthers?

    /// A file made from the other files of its set, in the folder where they were written: `check` runs
    /// before any file is produced (to refuse early), `make` after all of them, with their names in order.
    struct MadeFromOthers: Sendable {
        let check: @Sendable ([ReportFile]) throws(OutputDirectory.WriteError) -> Void
        let make: @Sendable (_ folder: String, _ names: [String]) throws(OutputDirectory.WriteError) -> Void
    }

    init(name: String, produce: @escaping @Sendable (ReportOutput) -> Int) {
        self.init(name: name, usesEveryCore: false, produce: produce)
    }

    private init(name: String, usesEveryCore: Bool, produce: @escaping @Sendable (ReportOutput) -> Int) {
        self.name = name
        self.usesEveryCore = usesEveryCore
        self.produce = produce
        madeFromOthers = nil
    }

    /// A file made from the other files of its set once they are written (see `MadeFromOthers`); its
    /// `data` is empty.
    init(madeFromOthers name: String,
         check: @escaping @Sendable ([ReportFile]) throws(OutputDirectory.WriteError) -> Void,
         make: @escaping @Sendable (_ folder: String, _ names: [String]) throws(OutputDirectory.WriteError) -> Void) {
        self.name = name
        usesEveryCore = false
        produce = { _ in 0 }
        madeFromOthers = MadeFromOthers(check: check, make: make)
    }

    /// A file whose bytes are already made.
    public init(name: String, data: Data) {
        self.init(name: name) { output in
            output.append(contentsOf: data)
            return 0
        }
    }

    /// A CSV table: the header row of `columns`, then the rows `fill` appends.
    public static func csv(_ name: String, columns: [String], writer: CSVWriter,
                           fill: @escaping @Sendable (inout CSVTable) -> Void) -> ReportFile {
        ReportFile(name: name) { output in
            var table = CSVTable(columns: columns, writer: writer, output: output)
            fill(&table)
            return table.rowCount
        }
    }

    /// A CSV table of `rowCount` rows produced in parts on every core: `fill(range, &table)` appends the
    /// rows of `range` (positions `0..<rowCount`); the parts are written in order, so the file is the same
    /// whatever the number of cores. For reports of millions of rows.
    public static func csv(_ name: String, columns: [String], writer: CSVWriter, rowCount: Int,
                           fill: @escaping @Sendable (Range<Int>, inout CSVTable) -> Void) -> ReportFile {
        var file = ReportFile(name: name, usesEveryCore: true) { output in
            _ = CSVTable(columns: columns, writer: writer, output: output)  // the header row
            let partSize = 1 << 16
            let parts = (rowCount + partSize - 1) / partSize
            let inFlight = 2 * Swift.max(ProcessInfo.processInfo.activeProcessorCount, 1)
            // Two sets of buffers, one per part in flight: while one batch is formatted into one set, the
            // other set is written out (in order) on `writing`.
            let sets = (0..<2).map { _ in PartBuffers((0..<Swift.min(inFlight, parts)).map { _ in ReportOutput() }) }
            let destination = PartBuffers([output])
            let writing = DispatchQueue(label: "seatplan.report-write")
            let written = DispatchGroup()
            var rows = 0
            var first = 0
            var set = 0
            while first < parts {
                let batch = Swift.min(inFlight, parts - first)
                let (firstPart, buffers) = (first, sets[set])
                rows += Parallel.map(count: batch) { j in
                    let start = (firstPart + j) * partSize
                    var table = CSVTable(columns: columns, writer: writer, output: buffers.outputs[j], header: false)
                    fill(start..<Swift.min(start + partSize, rowCount), &table)
                    return table.rowCount
                }.reduce(0, +)
                written.wait()  // the other set is free again
                writing.async(group: written) {
                    for j in 0..<batch {
                        destination.outputs[0].append(buffers.outputs[j])
                        buffers.outputs[j].removeAll()
                    }
                }
                first += batch
                set = 1 - set
            }
            written.wait()
            return rows
        }
        file.rowCount = rowCount
        return file
    }

    /// The buffers of the parts in flight: slot `j` is written by the worker of part `j` of a batch only, and
    /// read after the batch (`Parallel.map` waits) by the one writing queue, which is waited for before
    /// the set is formatted into again; the file's own output is touched by that queue only meanwhile.
    /// `@unchecked` because `ReportOutput` is a mutable class, so not `Sendable`: the hand-over above (the
    /// waits of `Parallel.map` and of `written`) is what makes sharing it safe, and the compiler cannot see
    /// it. StreamingReportTests runs this under ThreadSanitizer (`.ci/run`).
    private struct PartBuffers: @unchecked Sendable {
        let outputs: [ReportOutput]
        init(_ outputs: [ReportOutput]) { self.outputs = outputs }
    }

    /// The file's bytes, produced in memory.
    public var data: Data {
        let output = ReportOutput()
        _ = produce(output)
        return output.data
    }

    /// Produces the file at `path`; returns its data rows.
    func write(to path: String) throws(FileSink.Failure) -> Int {
        let output = try ReportOutput(path: path)
        let rows = produce(output)
        try output.finish()
        return rows
    }
}
