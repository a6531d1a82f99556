import Foundation

/// What one run of the `seatplan` binary did.
struct ProcessResult: Sendable {
    /// Exit status; the signal number when `crashed`.
    var status: Int32
    var stdout: String
    var stderr: String
    /// The process ended by a signal (a trap, a segmentation fault …), not by exiting.
    var crashed: Bool
    /// The process ran longer than the time allowed and was killed.
    var timedOut: Bool
}

/// Runs the built `seatplan` binary, as a user would from a terminal.
enum Binary {
    /// The repository root: this file is `<root>/Tests/SeatPlanCLITests/Binary.swift`.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `$SEATPLAN_BIN`, or `<root>/.build/debug/seatplan`.
    static var path: String {
        if let path = ProcessInfo.processInfo.environment["SEATPLAN_BIN"], !path.isEmpty { return path }
        return repositoryRoot.appendingPathComponent(".build/debug/seatplan").path
    }

    static let exampleCity: URL = repositoryRoot.appendingPathComponent("scenarios/example-city.yaml")

    /// Runs the binary with `arguments` in `directory` (the current one when `nil`).
    ///
    /// Both pipes are drained on their own threads while the process runs, so a large output cannot fill a
    /// pipe and block the child. A run longer than `timeout` seconds is killed and reported as `timedOut`.
    static func run(_ arguments: [String], in directory: URL? = nil, timeout: TimeInterval = 60) async throws
        -> ProcessResult {
        // Swift Testing runs the cases of every suite at once; a few processes at a time are enough.
        await slots.acquire()
        defer { Task { await slots.release() } }
        return try await runNow(path, arguments, in: directory, timeout: timeout)
    }

    /// Runs another program of the repository (a script), with `environment` added to this process's.
    static func runProgram(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                           timeout: TimeInterval = 120) async throws -> ProcessResult {
        await slots.acquire()
        defer { Task { await slots.release() } }
        return try await runNow(executable, arguments, in: repositoryRoot, environment: environment, timeout: timeout)
    }

    private static let slots = Slots(max(4, 2 * ProcessInfo.processInfo.activeProcessorCount))

    private static func runNow(_ executable: String, _ arguments: [String], in directory: URL?,
                               environment: [String: String] = [:], timeout: TimeInterval) async throws
        -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let stdoutPipe = Pipe()
        let stderrPipe = Pipe()
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        process.standardInput = FileHandle.nullDevice

        try process.run()
        let child = UncheckedProcess(process)

        async let stdoutData = readToEnd(stdoutPipe.fileHandleForReading)
        async let stderrData = readToEnd(stderrPipe.fileHandleForReading)
        let timedOut = await waitForExit(child, timeout: timeout)
        let (out, err) = await (stdoutData, stderrData)

        return ProcessResult(
            status: process.terminationStatus,
            stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self),
            crashed: process.terminationReason == .uncaughtSignal && !timedOut,
            timedOut: timedOut
        )
    }

    /// Reads a pipe to its end on a thread of its own (a blocking read must not hold a task's thread).
    private static func readToEnd(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { (continuation: CheckedContinuation<Data, Never>) in
            Thread.detachNewThread {
                continuation.resume(returning: handle.readDataToEndOfFile())
            }
        }
    }

    /// Waits for the process to exit; kills it after `timeout` seconds. Returns whether it was killed.
    private static func waitForExit(_ child: UncheckedProcess, timeout: TimeInterval) async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            Thread.detachNewThread {
                let deadline = Date().addingTimeInterval(timeout)
                var killed = false
                while child.process.isRunning {
                    if Date() > deadline {
                        // SIGKILL: the test runner's children may inherit an ignored SIGTERM.
                        kill(child.process.processIdentifier, SIGKILL)
                        killed = true
                        break
                    }
                    Thread.sleep(forTimeInterval: 0.005)
                }
                child.process.waitUntilExit()
                continuation.resume(returning: killed)
            }
        }
    }
}

/// A counting semaphore for tasks: at most `limit` holders at once, the others wait in order.
private actor Slots {
    private let limit: Int
    private var held = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ limit: Int) { self.limit = limit }

    func acquire() async {
        if held < limit {
            held += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            held -= 1
        } else {
            waiting.removeFirst().resume()  // the slot passes straight to the next waiter
        }
    }
}

/// A `Process` handed to the thread that waits for it; only that thread touches it until it has exited.
private final class UncheckedProcess: @unchecked Sendable {
    let process: Process
    init(_ process: Process) { self.process = process }
}

/// A fresh, empty folder under the system's temporary folder; removed by `remove()`.
struct TemporaryFolder: Sendable {
    let url: URL

    init(_ label: String = "seatplan-cli") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func appending(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Names of the entries of the folder, hidden ones included, sorted.
    func entries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
