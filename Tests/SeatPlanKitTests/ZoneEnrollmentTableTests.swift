import Foundation
import Testing
@testable import SeatPlanKit

/// Enrolment exported by zone (`zone` column of the enrollment table) is added up to its district.
@Suite struct ZoneEnrollmentTableTests {
    func write(_ rows: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("seatplan-zone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let yaml = tinyScenario
            .replacingOccurrences(of: "    enrollment:\n      2023: { primary: [90, 100, 100], junior: [95, 100] }\n      2024: { primary: [95, 92, 98], junior: [99, 96] }\n", with: "")
            .replacingOccurrences(of: "districts:\n", with: "tables:\n  enrollment: enrollment.csv\ndistricts:\n")
        try yaml.write(to: folder.appendingPathComponent("tiny.yaml"), atomically: true, encoding: .utf8)
        try ("year,district,zone,stage,grade,students\n" + rows)
            .write(to: folder.appendingPathComponent("enrollment.csv"), atomically: true, encoding: .utf8)
        return folder.appendingPathComponent("tiny.yaml").path
    }

    /// Removes the folder `write` made for `path`.
    func remove(_ path: String) {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
    }

    /// The tiny scenario's enrolment, split 60/40 between z1 and z2 for primary, whole for junior.
    var rows: String {
        var text = ""
        for (year, primary, junior) in [(2023, [90, 100, 100], [95, 100]), (2024, [95, 92, 98], [99, 96])] {
            for (g, n) in primary.enumerated() {
                text += "\(year),d,z1,primary,\(g + 1),\(Double(n) * 0.6)\n\(year),d,z2,primary,\(g + 1),\(Double(n) * 0.4)\n"
            }
            for (g, n) in junior.enumerated() { text += "\(year),d,,junior,\(g + 1),\(n)\n" }
        }
        return text
    }

    @Test func countsByZoneAddUpToTheDistrict() throws {
        let path = try write(rows)
        defer { remove(path) }
        let (_, fromTable) = try simulate(path: path)
        let (_, inline) = try simulate(tinyScenario)
        for (a, b) in zip(fromTable.outcomes[0].rows, inline.outcomes[0].rows) {
            #expect(close(a.students, b.students, 1e-9), "\(a.year) \(a.zone) \(a.stage)")
        }
    }

    @Test func aZoneCountedTwiceOrNotOfTheDistrictIsAnError() throws {
        let twice = try write(rows + "2024,d,z1,primary,1,5\n")
        defer { remove(twice) }
        do {
            _ = try Pipeline().check(path: twice)
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.contains { $0.message.contains("is given twice") && $0.location.file.hasSuffix("enrollment.csv") })
        }
        let elsewhere = try write(rows + "2022,d,z9,primary,1,5\n")
        defer { remove(elsewhere) }
        do {
            _ = try Pipeline().check(path: elsewhere)
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.contains { $0.message.contains("zone 'z9', which is not a zone of 'd'") })
        }
    }
}
