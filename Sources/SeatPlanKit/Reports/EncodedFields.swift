import Foundation

/// Text cells encoded once (quoted and formula-safe as their writer requires), into one block of bytes:
/// the ids and names written on millions of rows.
public struct EncodedFields: Sendable {
    private let bytes: [UInt8]
    /// Field `k` is `bytes[ends[k − 1] ..< ends[k]]` (from 0 for the first).
    private let ends: [Int]

    /// `texts` as `writer` writes text cells (quoted, formula-safe).
    public init(_ texts: [String], writer: CSVWriter) {
        let output = ReportOutput()
        var ends: [Int] = []
        ends.reserveCapacity(texts.count)
        for text in texts {
            writer.append(.text(text), to: output)
            ends.append(output.count)
        }
        bytes = output.bytes
        self.ends = ends
    }

    public var count: Int { ends.count }

    /// Appends field `k`.
    @inline(__always)
    func append(_ k: Int, to output: ReportOutput) {
        let start = k > 0 ? ends[k - 1] : 0
        output.append(contentsOf: bytes[start..<ends[k]])
    }
}
