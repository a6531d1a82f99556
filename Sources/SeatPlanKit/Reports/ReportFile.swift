import Foundation

/// One file of a run's reports, not yet produced: its name and how to produce its bytes. Produced in
/// memory for `data`, or streamed straight into a file by `OutputDirectory`.
public struct ReportFile: Sendable {
    public let name: String
    /// Appends the file's bytes to the output; returns its data rows (0 for a file that is not a table).
    private let produce: @Sendable (ReportOutput) -> Int

    public init(name: String, produce: @escaping @Sendable (ReportOutput) -> Int) {
        self.name = name
        self.produce = produce
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
