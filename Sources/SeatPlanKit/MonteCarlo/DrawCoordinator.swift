import Foundation

/// Hands out chunks of draws, counts the draws done, reports progress, and keeps the first failure.
/// `@unchecked Sendable`: every mutable field is written under `lock` only, and `failure` is read outside
/// it only once the workers are done.
final class DrawCoordinator: @unchecked Sendable {
    private let lock = NSLock()
    private let draws: Int
    private let chunk: Int
    private let progress: (@Sendable (Int) -> Void)?
    private var nextDraw = 0
    private var finished = 0
    private(set) var failure: (any Error)?

    init(draws: Int, chunk: Int, progress: (@Sendable (Int) -> Void)?) {
        self.draws = draws
        self.chunk = chunk
        self.progress = progress
    }

    func next() -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard failure == nil, nextDraw < draws else { return nil }
        let start = nextDraw
        nextDraw = min(draws, start + chunk)
        return start..<nextDraw
    }

    func done() {
        lock.lock()
        defer { lock.unlock() }
        finished += 1
        progress?(finished)
    }

    func fail(_ error: any Error) {
        lock.lock()
        defer { lock.unlock() }
        if failure == nil { failure = error }
    }
}
