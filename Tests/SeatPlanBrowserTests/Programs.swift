import Foundation

/// The programs the browser tests run: the built `seatplan` binary and Debian's headless Chromium.
enum Programs {
    /// The repository root: this file is `<root>/Tests/SeatPlanBrowserTests/Programs.swift`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `$SEATPLAN_BIN`, or `<root>/.build/debug/seatplan` (built by `make test` before the tests run).
    static var seatplan: String {
        if let path = ProcessInfo.processInfo.environment["SEATPLAN_BIN"], !path.isEmpty { return path }
        return root.appendingPathComponent(".build/debug/seatplan").path
    }

    /// `chromium` on the `PATH` (`make test` installs it with apt when missing), or `nil`.
    static var chromium: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/chromium"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `program` with `arguments`, its output going to files in `folder` (a large DOM cannot fill a pipe);
    /// kills it after `timeout` seconds. Returns the exit status and what it wrote.
    static func run(_ program: String, _ arguments: [String], in folder: URL, timeout: TimeInterval = 120) throws
        -> (status: Int32, stdout: Data, stderr: Data) {
        let name = UUID().uuidString
        let out = folder.appendingPathComponent("\(name).stdout"), err = folder.appendingPathComponent("\(name).stderr")
        try Data().write(to: out)
        try Data().write(to: err)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = root
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                throw Failure(description: "\(program) ran longer than \(Int(timeout)) s and was stopped")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        return (process.terminationStatus, try Data(contentsOf: out), try Data(contentsOf: err))
    }

    /// Chromium, headless, on a page: `--screenshot=FILE` or `--dump-dom`. Each run gets its own profile
    /// folder, so that runs at the same time do not hand their work to each other.
    static func chromium(_ options: [String], page: URL, in folder: URL) throws -> (status: Int32, stdout: Data, stderr: Data) {
        guard let chromium else {
            throw Failure(description: "chromium is not installed — run 'make test' (it installs it) or 'apt-get install chromium'")
        }
        let profile = folder.appendingPathComponent("chromium-profile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        return try run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                                  "--disable-dev-shm-usage", "--user-data-dir=\(profile.path)"] + options + [page.absoluteString],
                       in: folder)
    }

    /// A fresh folder under the system's temporary folder.
    static func temporaryFolder(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
