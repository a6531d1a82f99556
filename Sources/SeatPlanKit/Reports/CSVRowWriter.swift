import Foundation

/// Writes the cells of one row in column order, with the separators between them.
public struct CSVRowWriter {
    let output: ReportOutput
    let writer: CSVWriter
    private(set) var count = 0

    init(output: ReportOutput, writer: CSVWriter) {
        self.output = output
        self.writer = writer
    }

    @inline(__always)
    private mutating func next() {
        if count > 0 { output.append(UInt8(ascii: ",")) }
        count += 1
    }

    public mutating func cell(_ cell: CSVCell) {
        next()
        writer.append(cell, to: output)
    }

    /// Field `k` of text encoded once.
    @inline(__always)
    public mutating func field(_ fields: EncodedFields, _ k: Int) {
        next()
        fields.append(k, to: output)
    }

    public mutating func text(_ text: String) { cell(.text(text)) }

    @inline(__always)
    public mutating func integer(_ value: Int) {
        next()
        CSVWriter.appendInteger(value, to: output)
    }

    /// A number with exactly `places` decimals, or empty when `nil`.
    @inline(__always)
    public mutating func decimal(_ value: Double?, places: Int) {
        next()
        if let value { CSVWriter.appendDecimal(value, places: places, to: output) }
    }

    /// A pupil or seat count, rounded half away from zero to a whole number.
    @inline(__always)
    public mutating func whole(_ value: Double) { integer(WholeNumbers.roundToInt(value)) }
}
