/// What each advisor candidate adds, in the rows of `AreaGrid`: the classrooms of the plan `based_on`
/// (`base`), and per candidate the classrooms it adds to each row when it opens in its `earliest` year
/// (`added`), found by applying it through `SchoolNetwork` and `Allocator.classroomTable` like any plan
/// (the table of `based_on` + the candidate, minus that of `based_on`). Opened in a later year `y`, a
/// candidate adds the same classrooms to the rows of years `≥ y` only (a build counts from its opening, an
/// expansion from its year until its school closes).
///
/// An `expand` of a school that no existing school or `based_on` builds but another candidate does
/// (`prerequisites`) is applied on top of that build at the build's earliest year; the programme lets
/// it open only in a year when one of those builds is open.
struct CandidateEffects: Sendable {
    /// The resolved plan the candidates are added to.
    let basePlan: ResolvedPlan
    /// Classrooms of `basePlan` per row.
    let base: [Int]
    /// Per candidate, the rows it adds classrooms to and how many (opening in its earliest year).
    let added: [[(row: Int, classrooms: Int)]]
    /// Per candidate, the candidates that build the school it expands (empty when the school exists).
    let prerequisites: [[Int]]
    /// Per candidate, the zone id of its school (empty if unknown).
    let zones: [String]

    init(_ compiled: CompiledScenario) {
        let (scenario, index, grid, resolved) = (compiled.scenario, compiled.index, compiled.grid, compiled.plans)
        let existing = SchoolNetwork.Existing(scenario, index: index)
        var ignored = DiagnosticCollector()  // the validator has reported them
        let advisor = scenario.advisor
        let basePlan = resolved.first { $0.id == (advisor?.basedOn ?? Plan.baselineID) } ?? .baseline
        let candidates = advisor?.candidates ?? []
        func table(_ extra: [Project]) -> [Int] {
            var plan = basePlan
            plan.projects += extra.map { AppliedProject(project: $0, year: $0.year, delayedBy: 0, origin: "advisor") }
            let network = SchoolNetwork.build(plan, on: existing, index: index, diagnostics: &ignored)
            return Allocator.classroomTable(network, grid: grid)
        }
        let base = table([])
        let baseNetwork = SchoolNetwork.build(basePlan, on: existing, index: index, diagnostics: &ignored)
        var prerequisites: [[Int]] = []
        var added: [[(row: Int, classrooms: Int)]] = []
        var zones: [String] = []
        for candidate in candidates {
            var builders: [Int] = []
            if candidate.project.kind == .expand, baseNetwork.member(candidate.project.school) == nil {
                builders = candidates.indices.filter {
                    candidates[$0].project.kind == .build && candidates[$0].project.school == candidate.project.school
                }
            }
            let before = builders.first.map { table([candidates[$0].project]) } ?? base
            let extra = (builders.first.map { [candidates[$0].project] } ?? []) + [candidate.project]
            let after = table(extra)
            if candidate.project.kind == .build {
                zones.append(candidate.project.zone ?? "")
            } else {
                var plan = basePlan
                plan.projects += extra.map { AppliedProject(project: $0, year: $0.year, delayedBy: 0, origin: "advisor") }
                let network = SchoolNetwork.build(plan, on: existing, index: index, diagnostics: &ignored)
                zones.append(network.member(candidate.project.school).map { index.zones[$0.zone].id } ?? "")
            }
            var entries: [(row: Int, classrooms: Int)] = []
            for i in after.indices where after[i] != before[i] { entries.append((i, after[i] - before[i])) }
            prerequisites.append(builders)
            added.append(entries)
        }
        self.basePlan = basePlan
        self.base = base
        self.added = added
        self.prerequisites = prerequisites
        self.zones = zones
    }
}
