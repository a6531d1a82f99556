import Foundation

/// A report table being written: a fixed list of column names, then rows of cells in that order,
/// each encoded as it is appended into the table's `ReportOutput` (no table of cells is kept in memory;
/// streamed to a file, no table of bytes either).
public struct CSVTable {
    public let columns: [String]
    public let writer: CSVWriter
    public private(set) var rowCount = 0
    let output: ReportOutput

    /// A table kept in memory (`data`).
    public init(columns: [String], writer: CSVWriter) {
        self.init(columns: columns, writer: writer, output: ReportOutput())
    }

    init(columns: [String], writer: CSVWriter, output: ReportOutput, header: Bool = true) {
        self.columns = columns
        self.writer = writer
        self.output = output
        guard header else { return }
        if writer.excel { output.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        for (i, name) in columns.enumerated() {
            if i > 0 { output.append(UInt8(ascii: ",")) }
            writer.appendField(name, to: output)
        }
        output.append(contentsOf: [0x0D, 0x0A])
    }

    public mutating func append(_ row: [CSVCell]) {
        appendRow { cells in
            for cell in row { cells.cell(cell) }
        }
    }

    /// Appends one row whose cells `fill` writes in column order, straight into the output (no array of
    /// cells: the way for reports of millions of rows).
    public mutating func appendRow(_ fill: (inout CSVRowWriter) -> Void) {
        var cells = startRow()
        fill(&cells)
        end(cells)
    }

    /// The writer of the next row's cells; `end(_:)` closes the row. (In the loops of millions of rows,
    /// this pair instead of `appendRow`: no closure context copied per row.)
    public func startRow() -> CSVRowWriter {
        CSVRowWriter(output: output, writer: writer)
    }

    public mutating func end(_ cells: CSVRowWriter) {
        precondition(cells.count == columns.count, "a row of \(cells.count) cells for \(columns.count) columns")
        output.append(0x0D)
        output.append(0x0A)
        rowCount += 1
        output.flushIfFull()
    }

    /// The encoded file (of a table kept in memory).
    public var data: Data { output.data }
}
