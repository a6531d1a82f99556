/// The whole run, stage by stage: load → validate → project → allocate → report.
///
/// Each stage is a named type with one job; data flows one way:
/// scenario text → `Scenario` (`ScenarioLoader`) → checked `Scenario` + warnings (`ScenarioValidator`)
/// → `Demand` (`DemandProjector`) → `Allocation` (`Allocator`) → report files (`ReportSet`).
public struct Pipeline: Sendable {
    public init() {
        GSL.prepare()
    }

    /// A checked scenario and the warnings found on the way.
    public struct Checked: Sendable {
        public var scenario: Scenario
        public var warnings: [Diagnostic]
    }

    /// Load and validate; throws every error found (with any warnings).
    public func check(path: String) throws(ScenarioError) -> Checked {
        let scenario = try ScenarioLoader().load(path: path)
        let warnings = try ScenarioValidator().validate(scenario)
        return Checked(scenario: scenario, warnings: warnings)
    }

    /// Project and allocate a checked scenario: the demand once, then the baseline and each plan
    /// (only those in `plans`, when given).
    public func simulate(_ scenario: Scenario, plans: Set<String>? = nil) throws(ScenarioError) -> Allocation {
        let demand = try DemandProjector().project(scenario)
        return Allocator().allocate(scenario, demand: demand, plans: plans)
    }
}
