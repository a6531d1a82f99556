import Foundation

/// Work split over every core, with results that do not depend on how many cores there are.
enum Parallel {
    /// Calls `body(range)` for consecutive ranges covering `0..<count` (of at least `minimumChunk`
    /// positions, about four per core), on every core; returns when all are done. Each call must write only
    /// what belongs to its own range.
    static func forEachChunk(count: Int, minimumChunk: Int = 4096, _ body: @Sendable (Range<Int>) -> Void) {
        guard count > 0 else { return }
        let cores = Swift.max(ProcessInfo.processInfo.activeProcessorCount, 1)
        let chunk = Swift.max(minimumChunk, (count + 4 * cores - 1) / (4 * cores))
        let chunks = (count + chunk - 1) / chunk
        if chunks == 1 { return body(0..<count) }
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            body((c * chunk)..<Swift.min((c + 1) * chunk, count))
        }
    }
}

extension Parallel {
    /// Calls `body(k)` for every `k` in `0..<count`, on every core; returns when all are done.
    static func forEach(count: Int, _ body: @Sendable (Int) -> Void) {
        guard count > 1 else { if count == 1 { body(0) }; return }
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }

    /// `[body(0), …, body(count − 1)]`, computed on every core, in index order.
    static func map<Value: Sendable>(count: Int, _ body: @Sendable (Int) -> Value) -> [Value] {
        let results = Blocks<Value>(count: count)
        forEach(count: count) { results.set($0, body($0)) }
        return results.values
    }
}

extension Array where Element: BitwiseCopyable & Sendable {
    /// An array of `count` values left unset for `fill`, which must set every one of them (on any core):
    /// no pass that first fills millions of zeros. `BitwiseCopyable` because a position is assigned
    /// without reading (and releasing) what was there: uninitialised memory of such a type is safe to
    /// overwrite, and a position `fill` forgets is a wrong number, never a bad reference.
    init(settingEvery count: Int, _ fill: (SendableBuffer<Element>) -> Void) {
        self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(SendableBuffer(buffer))
            initialized = count
        }
    }
}

/// Results of parallel work, one slot per index, written once each from any thread.
///
/// `@unchecked Sendable` because the compiler cannot see the lock: `slots` is read and written only while
/// `lock` is held, and the values handed in on one thread and out on another are `Sendable` themselves.
/// (`Mutex` of the Synchronization module would make this checked, but needs macOS 15; the package
/// supports macOS 13.)
final class Blocks<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        if case .some = slots[index] { preconditionFailure("Blocks: slot \(index) of \(slots.count) was set twice") }
        slots[index] = value
    }

    /// The values in index order; a slot never set is a programming error, stopped here rather than
    /// shifting the later values into its place.
    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.enumerated().map { index, value in
            guard let value else { preconditionFailure("Blocks: slot \(index) of \(slots.count) was never set") }
            return value
        }
    }
}

/// A buffer whose disjoint parts parallel workers write (each position by one worker only).
///
/// `@unchecked Sendable` because a pointer is not: it is safe under the rules every use keeps — the memory
/// is made and freed by the one function that runs the parallel loop, around it (`Array(settingEvery:)`,
/// the draws' per-worker counts), so it outlives every worker; each position is written by one worker
/// only; nothing reads a position before the loop has returned (`concurrentPerform` waits for all).
/// `T: Sendable` because a value written on a worker is read on another thread.
struct SendableBuffer<T: Sendable>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}
