import Foundation
import Testing
@testable import SeatPlanKit

/// Paths of the repository, found from this file's place in it.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static let golden = path("Tests/SeatPlanKitTests/Golden")

    /// Every scenario under `scenarios/`.
    static var scenarios: [String] {
        let dir = path("scenarios")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "\(dir)/\($0)" }
    }
}

/// Loads, validates, projects and allocates scenario text (a test scenario written inline).
func simulate(_ yaml: String, file: String = "test.yaml") throws -> (Scenario, Allocation) {
    let scenario = try ScenarioLoader().load(text: yaml, file: file)
    try ScenarioValidator().validate(scenario)
    return (scenario, try Pipeline().simulate(scenario))
}

/// Loads, validates, projects and allocates a scenario file.
func simulate(path: String) throws -> (Scenario, Allocation) {
    let checked = try Pipeline().check(path: path)
    return (checked.scenario, try Pipeline().simulate(checked.scenario))
}

/// The diagnostics a scenario text raises in loading or validation (empty when it is valid).
func diagnostics(_ yaml: String, file: String = "test.yaml") -> [Diagnostic] {
    do {
        let scenario = try ScenarioLoader().load(text: yaml, file: file)
        return try ScenarioValidator().validate(scenario)
    } catch {
        return error.diagnostics
    }
}

extension Allocation {
    /// The row of a plan, year, zone and stage.
    func row(plan: String = "baseline", year: Int, zone: String, stage: String) -> CapacityRow? {
        outcomes.first { $0.plan.id == plan }?.rows.first { $0.year == year && $0.zone == zone && $0.stage == stage }
    }
}

/// `|a − b| ≤ tolerance`.
func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
}
