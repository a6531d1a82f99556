import Foundation

/// Where the bytes of one report go as they are produced: kept in memory (`data`), or streamed into a
/// file through a buffer of `flushSize` bytes, so that a report of millions of rows never sits whole in
/// memory. A reference type: it owns its buffer (and file), which every writer of the report appends to
/// in place.
///
/// The report writers' one pointer: `base` is allocated, grown and freed here and never handed out (the
/// writers append bytes, numbers and other outputs; `FileSink` gets a view for one `fwrite`). What it
/// buys, measured (docs/PERFORMANCE.md, *Unsafe code*): the same type over a `[UInt8]` (`append`,
/// `removeAll(keepingCapacity:)`) made the `write` phase about twice as long — nation `compare --grades
/// district` 4.1 → 14.4–16.1 s, province `compare` 0.22–0.55 → 0.81–0.86 s.
final class ReportOutput {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// Bytes in the buffer, not yet written.
    private(set) var count = 0
    private let file: FileSink?
    /// Buffered bytes at which a file output writes them out.
    static let flushSize = 1 << 20

    /// An output kept in memory.
    public init() {
        file = nil
        capacity = 4096
        base = .allocate(capacity: capacity)
    }

    /// An output into a new file at `path` (created or truncated).
    init(path: String) throws(FileSink.Failure) {
        file = try FileSink(path: path)
        capacity = Self.flushSize + 64 * 1024
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deallocate()
    }

    @inline(__always)
    private func reserve(_ extra: Int) {
        if count + extra > capacity { grow(extra) }
    }

    private func grow(_ extra: Int) {
        let grown = Swift.max(capacity * 2, count + extra)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = grown
    }

    @inline(__always)
    public func append(_ byte: UInt8) {
        if count == capacity { reserve(1) }
        base[count] = byte
        count += 1
    }

    /// Appends `bytes` (private: the writers append collections, `append(contentsOf:)`).
    @inline(__always)
    private func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        count += bytes.count
    }

    public func append<S: Sequence>(contentsOf other: S) where S.Element == UInt8 {
        let done: Void? = other.withContiguousStorageIfAvailable { append(UnsafeRawBufferPointer($0)) }
        if done == nil {
            for byte in other { append(byte) }
        }
    }

    /// Appends the decimal digits of `value ≥ 0`, zero-padded on the left to `minimumCount` (at most 20).
    @inline(__always)
    func appendDigits(_ value: Int, minimumCount: Int = 1) {
        var rest = UInt(Swift.max(value, 0))
        var digits = 1
        var power: UInt = 10
        while digits < 20 && rest >= power {
            digits += 1
            if power > UInt.max / 10 { break }
            power *= 10
        }
        let width = Swift.min(Swift.max(digits, minimumCount), 20)
        reserve(width)
        var position = count + width
        for _ in 0..<width {
            position -= 1
            base[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
        count += width
    }

    /// Appends everything `other` holds (a part produced on its own, in memory).
    func append(_ other: ReportOutput) {
        let bytes = UnsafeRawBufferPointer(start: other.base, count: other.count)
        if let file, count + bytes.count > capacity {
            file.write(UnsafeRawBufferPointer(start: base, count: count))
            count = 0
            file.write(bytes)
        } else {
            append(bytes)
            flushIfFull()
        }
    }

    /// Empties the buffer, keeping its memory.
    func removeAll() {
        count = 0
    }

    /// Writes the buffer out when it is full (nothing in memory).
    func flushIfFull() {
        guard let file, count >= Self.flushSize else { return }
        file.write(UnsafeRawBufferPointer(start: base, count: count))
        count = 0
    }

    /// Writes what is left and closes the file; throws the first failure of any write.
    func finish() throws(FileSink.Failure) {
        guard let file else { return }
        file.write(UnsafeRawBufferPointer(start: base, count: count))
        count = 0
        try file.close()
    }

    /// The bytes in the buffer (all of them, for an output kept in memory).
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The bytes of an output kept in memory.
    public var data: Data { Data(bytes: base, count: count) }
}

/// An open file written in large blocks; remembers the first failure and reports it on `close()`.
final class FileSink {
    struct Failure: Error {
        var path: String
        var reason: String
    }

    private let path: String
    private var handle: UnsafeMutablePointer<FILE>?
    private var failure: Failure?

    init(path: String) throws(Failure) {
        self.path = path
        guard let handle = fopen(path, "wb") else {
            throw Failure(path: path, reason: String(cString: strerror(errno)))
        }
        self.handle = handle
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        guard let handle, failure == nil, let start = bytes.baseAddress, bytes.count > 0 else { return }
        if fwrite(start, 1, bytes.count, handle) != bytes.count {
            failure = Failure(path: path, reason: String(cString: strerror(errno)))
        }
    }

    func close() throws(Failure) {
        if let handle, fclose(handle) != 0, failure == nil {
            failure = Failure(path: path, reason: String(cString: strerror(errno)))
        }
        handle = nil
        if let failure { throw failure }
    }

    deinit {
        if let handle { fclose(handle) }
    }
}
