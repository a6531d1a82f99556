import Foundation
import Testing

/// What is refused by default and allowed only when asked for, and numbers refused rather than written.
@Suite("Explicit options and implausible projections")
struct ExplicitOptionsTests {
    /// Tables one folder up (`../zones.csv`): refused by default with what to do, read with `--tables-anywhere`.
    @Test func tablesOutsideTheScenarioFolderNeedTablesAnywhere() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fixture = Binary.repositoryRoot.appendingPathComponent("Tests/Fixtures/tables/example-city")
        let sub = folder.appending("scenario")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: fixture.path) where name.hasSuffix(".csv") {
            try FileManager.default.copyItem(at: fixture.appendingPathComponent(name), to: folder.appending(name))
        }
        var text = try String(contentsOf: fixture.appendingPathComponent("scenario.yaml"), encoding: .utf8)
        for table in ["zones", "births", "enrollment", "migration", "schools", "housing"] {
            text = text.replacingOccurrences(of: "\(table): \(table).csv", with: "\(table): ../\(table).csv")
        }
        try text.write(to: sub.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        let refused = try await Binary.run(["validate", "scenario/scenario.yaml"], in: folder.url)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("must not climb out of the scenario's folder with '..'")
                && refused.stderr.contains("--tables-anywhere"), "\(refused.stderr)")
        let allowed = try await Binary.run(["validate", "scenario/scenario.yaml", "--tables-anywhere"], in: folder.url)
        #expect(allowed.status == 0, "\(allowed.stderr)")
    }

    /// An entry ratio of 100 on 200,000 births gives 20 million pupils in one grade: the run says where and
    /// what to check, and writes nothing (no utilisation of 10³⁵ written as a projection).
    @Test func aProjectionBeyondThePlausibleIsAnError() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let scenario = """
            scenario: blow
            base_year: 2025
            horizon: 3
            standards:
              stages:
                - { id: a, grades: 2, entry_age: 6, class_size: 30 }
            projection:
              ratios: [{ stage: a, grade: 2, value: 1 }, { stage: a, grade: 1, value: 100 }]
              births: { method: constant, fit_window: 3 }
            districts:
              - id: d
                births: { 2017: 200000, 2018: 200000, 2019: 200000, 2020: 200000, 2021: 200000, 2022: 200000 }
                enrollment:
                  2025: { a: [10, 10] }
            schools:
              - { id: s, zone: d, stage: a, classrooms: 2 }
            """
        try scenario.write(to: folder.appending("blow.yaml"), atomically: true, encoding: .utf8)
        let result = try await Binary.run(["run", "blow.yaml", "--out", "out"], in: folder.url)
        #expect(result.status == 1)
        // Grade 1 of 2026: births of 2020 × 100 = 20,000,000 > 10,000,000.
        #expect(result.stderr.contains("blow.yaml:13:5: error: the projection of 'd' reaches 20000000 pupils in grade 1 of 'a' in 2026"),
                "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appending("out").path))
    }
}
