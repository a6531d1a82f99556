import Foundation

/// Writes a set of report files so that the output folder holds either the complete new set or what it
/// held before, never a partial run: files go to a temporary sibling folder first, which then replaces
/// the output folder.
public struct OutputDirectory: Sendable {
    public var path: String

    public init(path: String) {
        self.path = path
    }

    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Produces `files` into the staging folder, then moves them into place at once; returns the data rows
    /// of the tables written.
    @discardableResult
    public func write(_ files: [ReportFile]) throws(WriteError) -> Int {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(token)")
        let retired = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(token)")
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: target.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw WriteError(description: "\(path) exists and is not a folder — choose another --out folder")
        }
        for file in files { try file.madeFromOthers?.check(files) }
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw WriteError(description: "cannot create the output folder \(parent.path) — check that it is writable")
        }
        var rows = 0
        do {
            // Files that use one core are produced side by side; then each that uses every core, in turn.
            let single = files.filter { !$0.usesEveryCore && $0.madeFromOthers == nil }
            let results = Blocks<Result<Int, FileSink.Failure>>(count: single.count)
            DispatchQueue.concurrentPerform(iterations: single.count) { j in
                results.set(j, Result { () throws(FileSink.Failure) in
                    try single[j].write(to: staging.appendingPathComponent(single[j].name).path)
                })
            }
            for result in results.values { rows += try result.get() }
            for file in files where file.usesEveryCore {
                rows += try file.write(to: staging.appendingPathComponent(file.name).path)
            }
            // Then the files made from the others (the workbook), in the staging folder too.
            let produced = files.filter { $0.madeFromOthers == nil }.map(\.name)
            for file in files { try file.madeFromOthers?.make(staging.path, produced) }
            if fm.fileExists(atPath: target.path) {
                try fm.moveItem(at: target, to: retired)
            }
            try fm.moveItem(at: staging, to: target)
            try? fm.removeItem(at: retired)
        } catch {
            try? fm.removeItem(at: staging)
            if !fm.fileExists(atPath: target.path), fm.fileExists(atPath: retired.path) {
                try? fm.moveItem(at: retired, to: target)
            }
            if let error = error as? WriteError { throw error }
            let reason = (error as? FileSink.Failure).map { "\($0.reason) (\(URL(fileURLWithPath: $0.path).lastPathComponent))" }
                ?? error.localizedDescription
            throw WriteError(description: "cannot write the reports to \(path): \(reason) — check free space and permissions")
        }
        return rows
    }
}
