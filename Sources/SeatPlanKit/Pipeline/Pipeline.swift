/// The whole run, stage by stage: load → validate → project → allocate → report.
///
/// Each stage is a named type with one job; data flows one way:
/// scenario text → `Scenario` (`ScenarioLoader`) → checked `Scenario` + warnings (`ScenarioValidator`)
/// → `Demand` (`DemandProjector`) → `Allocation` (`Allocator`) → report files (`ReportSet`).
public struct Pipeline: Sendable {
    public init() {
        GSL.prepare()
    }

    /// A checked scenario, compiled once for the later stages, and the warnings found on the way.
    public struct Checked: Sendable {
        public var compiled: CompiledScenario
        public var warnings: [Diagnostic]
        public var scenario: Scenario { compiled.scenario }

        public init(compiled: CompiledScenario, warnings: [Diagnostic]) {
            self.compiled = compiled
            self.warnings = warnings
        }
    }

    /// Load and validate; throws every error found (with any warnings).
    public func check(path: String) throws(ScenarioError) -> Checked {
        let scenario = try load(path: path)
        return try compile(scenario)
    }

    /// Stage 2, keeping what it resolved: the checked scenario compiled once (`CompiledScenario`).
    public func compile(_ scenario: Scenario) throws(ScenarioError) -> Checked {
        let (compiled, warnings) = try ScenarioValidator().compile(scenario)
        return Checked(compiled: compiled, warnings: warnings)
    }

    /// Stage 1: the scenario file (and its CSV tables) → `Scenario`; throws every error found.
    public func load(path: String, tablesAnywhere: Bool = false) throws(ScenarioError) -> Scenario {
        try ScenarioLoader(tablesAnywhere: tablesAnywhere).load(path: path)
    }

    /// Stage 2: checks a loaded scenario; throws every error found, returns the warnings.
    public func validate(_ scenario: Scenario) throws(ScenarioError) -> [Diagnostic] {
        try ScenarioValidator().validate(scenario)
    }

    /// Project and allocate a checked scenario: the demand once, then the baseline and each plan
    /// (only those in `plans`, when given).
    public func simulate(_ scenario: Scenario, plans: Set<String>? = nil) throws(ScenarioError) -> Allocation {
        allocate(scenario, demand: try project(scenario), plans: plans)
    }

    /// Stage 3: the pupils of every district, zone, stage, grade and year (the same for every plan).
    public func project(_ scenario: Scenario) throws(ScenarioError) -> Demand {
        try DemandProjector().project(scenario)
    }

    /// Stage 4: the baseline and each plan (only those in `plans`, when given) against `demand`.
    public func allocate(_ scenario: Scenario, demand: Demand, plans: Set<String>? = nil) -> Allocation {
        Allocator().allocate(scenario, demand: demand, plans: plans)
    }

    /// Stage 4 on a compiled scenario: its plans and networks as the validator resolved them.
    public func allocate(_ compiled: CompiledScenario, demand: Demand, plans: Set<String>? = nil) -> Allocation {
        Allocator().allocate(compiled, demand: demand, plans: plans)
    }
}
