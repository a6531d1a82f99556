import Foundation

/// Where the bytes of one report go as they are produced: kept in memory (`data`), or streamed into a
/// file through a buffer of `flushSize` bytes, so that a report of millions of rows never sits whole in
/// memory.
public struct ReportOutput {
    /// Bytes not yet written (all of them, in memory).
    private(set) var bytes: [UInt8] = []
    private let file: FileSink?
    /// Buffered bytes at which a file output writes them out.
    static let flushSize = 1 << 20

    /// An output kept in memory.
    public init() {
        file = nil
    }

    /// An output into a new file at `path` (created or truncated).
    init(path: String) throws(FileSink.Failure) {
        file = try FileSink(path: path)
        bytes.reserveCapacity(Self.flushSize + 4096)
    }

    public mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    public mutating func append<S: Sequence>(contentsOf other: S) where S.Element == UInt8 {
        bytes.append(contentsOf: other)
    }

    /// Writes the buffer out when it is full (nothing in memory).
    mutating func flushIfFull() {
        guard let file, bytes.count >= Self.flushSize else { return }
        file.write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and closes the file; throws the first failure of any write.
    mutating func finish() throws(FileSink.Failure) {
        guard let file else { return }
        file.write(bytes)
        bytes.removeAll()
        try file.close()
    }

    /// The bytes of an output kept in memory.
    public var data: Data { Data(bytes) }
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

    func write(_ bytes: [UInt8]) {
        guard let handle, failure == nil, !bytes.isEmpty else { return }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        if written != bytes.count { failure = Failure(path: path, reason: String(cString: strerror(errno))) }
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
