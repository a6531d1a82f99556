import Foundation

/// Writes a set of report files so that the output folder holds either the complete new set or what it
/// held before, never a partial run, and so that nothing but SeatPlan's own reports is ever replaced:
///
/// 1. The folder must be new, empty, or a SeatPlan output folder — one holding the marker file
///    `markerName`, which every set written carries. Any other folder (the current folder, the one holding
///    the scenario, a folder of the user's files) is refused, and so are the current folder and the
///    folders that hold it.
/// 2. A lock file `.NAME.lock` beside the folder serialises runs on the same folder: a second run waits
///    for the first (and says so) instead of failing halfway through a rename.
/// 3. Holding the lock, left-overs of killed runs beside the folder are cleared: staging folders
///    `.NAME.tmp-*` are removed; a retired set `.NAME.old-*` is put back if the folder is missing (a kill
///    between the two renames) or removed if the folder is there. Each is reported as a note.
/// 4. Files go to the staging folder `.NAME.tmp-PID-RANDOM`; the folder is renamed to `.NAME.old-…`, the
///    staging folder to the folder, and the old set is removed.
public struct OutputDirectory: Sendable {
    public var path: String
    /// Where notes about left-overs and waiting go (standard error by default).
    public var note: @Sendable (String) -> Void

    /// The marker file of a SeatPlan output folder.
    public static let markerName = ".seatplan-output"
    static let markerText = "This folder is written by SeatPlan. Each run replaces it whole: keep no other file here.\n"

    public init(path: String, note: @escaping @Sendable (String) -> Void = OutputDirectory.printNote) {
        self.path = path
        self.note = note
    }

    @Sendable public static func printNote(_ text: String) {
        FileHandle.standardError.write(Data("note: \(TextChecks.visible(text))\n".utf8))
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
        let name = target.lastPathComponent
        try checkTarget(target)
        for file in files { try file.madeFromOthers?.check(files) }
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw WriteError(description: "cannot create the folder \(parent.path) (\(Self.reason(error))) — check the --out path and that it is writable")
        }
        let lock = try OutputLock.acquire(parent.appendingPathComponent(".\(name).lock").path) { self.note($0) }
        defer { lock.release() }
        // Checked again under the lock: another run may have written it meanwhile.
        try checkTarget(target)
        clearLeftovers(of: target)

        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(name).tmp-\(token)")
        let retired = parent.appendingPathComponent(".\(name).old-\(token)")
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw WriteError(description: "cannot create the output folder \(path) (\(Self.reason(error))) — check the --out path and that \(parent.path) is writable")
        }
        var rows = 0
        do {
            try Data(Self.markerText.utf8).write(to: staging.appendingPathComponent(Self.markerName))
            // Files that use one core are produced side by side; then each that uses every core, in turn.
            let single = files.filter { !$0.usesEveryCore && $0.madeFromOthers == nil }
            let results = Parallel.map(count: single.count) { j in
                Result { () throws(FileSink.Failure) in
                    try single[j].write(to: staging.appendingPathComponent(single[j].name).path)
                }
            }
            for result in results { rows += try result.get() }
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
                ?? Self.reason(error)
            throw WriteError(description: "cannot write the reports to \(path): \(reason) — check free space and permissions")
        }
        return rows
    }

    /// Refuses a target that is a file, the current folder or one holding it, or a folder with content
    /// that is not a SeatPlan output folder.
    private func checkTarget(_ target: URL) throws(WriteError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw WriteError(description: "\(path) exists and is not a folder — choose another --out folder")
        }
        let here = URL(fileURLWithPath: fm.currentDirectoryPath).standardizedFileURL.resolvingSymlinksInPath().path
        let there = target.resolvingSymlinksInPath().path
        if here == there || here.hasPrefix(there == "/" ? "/" : there + "/") {
            throw WriteError(description: "\(path) is the current folder or holds it, and a run replaces its output folder whole — choose a folder of its own, e.g. --out output/NAME")
        }
        let entries = (try? fm.contentsOfDirectory(atPath: target.path)) ?? []
        if !entries.isEmpty, !entries.contains(Self.markerName) {
            throw WriteError(description: "\(path) holds files that SeatPlan did not write (it has no \(Self.markerName) marker), and a run replaces its output folder whole — choose a new or empty folder with --out, or empty this one yourself")
        }
    }

    /// Removes the staging folders of killed runs and restores or removes a retired set; says what it did.
    private func clearLeftovers(of target: URL) {
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        let siblings = ((try? fm.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
        for sibling in siblings where sibling.hasPrefix(".\(name).tmp-") {
            if (try? fm.removeItem(at: parent.appendingPathComponent(sibling))) != nil {
                note("removed \(sibling), the unfinished output of an interrupted run")
            }
        }
        for sibling in siblings where sibling.hasPrefix(".\(name).old-") {
            let retired = parent.appendingPathComponent(sibling)
            if !fm.fileExists(atPath: target.path), (try? fm.moveItem(at: retired, to: target)) != nil {
                note("restored \(path) from \(sibling): an interrupted run had set the previous reports aside")
            } else if (try? fm.removeItem(at: retired)) != nil {
                note("removed \(sibling), previous reports an interrupted run had already replaced")
            }
        }
    }

    static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let code = underlying.map(\.code), underlying?.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(code)))
        }
        return (error as NSError).localizedFailureReason ?? error.localizedDescription
    }
}
