import Foundation
import SeatPlanKit

/// libFuzzer's entry point: one input through the loader and the validator — as scenario text, and,
/// when its first line has a comma, as one CSV table of a scenario split into tables (the table whose columns its first line names,
/// written over that table of a copy of `Tests/Fixtures/tables/example-city`). Any crash, trap or hang
/// (libFuzzer's `-timeout`) is a finding; errors in the input are the expected outcome.
///
/// Built only by `make fuzz` (`SEATPLAN_FUZZ=1`, see Package.swift), with `-sanitize=fuzzer` and
/// `-DFUZZING`; without `FUZZING` the target is a replayer of inputs given as files (a crash fixture).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    FuzzInput.scenario(data)
    // Reading the tables of a whole scenario costs far more than parsing text: only for what looks like
    // a CSV header (a comma on the first line).
    if data.prefix(while: { $0 != UInt8(ascii: "\n") }).contains(UInt8(ascii: ",")) { FuzzInput.table(data) }
    return 0
}

enum FuzzInput {
    static func scenario(_ data: Data) {
        guard let text = String(data: data, encoding: .utf8),
              let scenario = try? ScenarioLoader().load(text: text, file: "fuzz.yaml") else { return }
        _ = try? ScenarioValidator().validate(scenario)
    }

    /// The table files of the copied scenario, by the column that tells each apart (first match wins).
    static let kinds = [("dwellings", "housing.csv"), ("students", "enrollment.csv"), ("births", "births.csv"),
                        ("pupils", "migration.csv"), ("classrooms", "schools.csv"), ("share", "zones.csv")]

    /// A private copy of the tables fixture (made once per process).
    nonisolated(unsafe) static var folder: URL? = {
        let source = URL(fileURLWithPath: ProcessInfo.processInfo.environment["SEATPLAN_FUZZ_TABLES"]
                         ?? "Tests/Fixtures/tables/example-city")
        let copy = FileManager.default.temporaryDirectory
            .appendingPathComponent("seatplan-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: copy)
        guard (try? FileManager.default.copyItem(at: source, to: copy)) != nil else { return nil }
        atexit { try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory
            .appendingPathComponent("seatplan-fuzz-\(ProcessInfo.processInfo.processIdentifier)")) }
        return copy
    }()

    nonisolated(unsafe) static var originals: [String: Data] = [:]

    static func table(_ data: Data) {
        guard let folder else { return }
        let firstLine = String(decoding: data.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let name = kinds.first { firstLine.contains($0.0) }?.1 ?? "births.csv"
        let file = folder.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: file.path) else { return }
        if originals[name] == nil { originals[name] = try? Data(contentsOf: file) }
        try? data.write(to: file)
        defer { try? originals[name]?.write(to: file) }
        guard let scenario = try? ScenarioLoader().load(path: folder.appendingPathComponent("scenario.yaml").path)
        else { return }
        _ = try? ScenarioValidator().validate(scenario)
    }
}
