/// A project as a plan applies it: after `based_on` inheritance, `delay` and `remove`.
public struct AppliedProject: Sendable {
    public var project: Project
    /// The project's year after delays (opening, or closing for `close`).
    public var year: Int
    /// Years it was moved by delays of this plan and the plans it is based on.
    public var delayedBy: Int
    /// The plan whose `projects` list holds it.
    public var origin: String
}

/// A plan resolved to the projects it applies, in order: inherited first, then its own.
public struct ResolvedPlan: Sendable {
    public var id: String
    public var name: String
    public var projects: [AppliedProject]

    public static let baseline = ResolvedPlan(id: Plan.baselineID, name: "现状（无项目） / baseline", projects: [])
}

/// Resolves `based_on` chains, `delay`s and `remove`s (MODEL.md, "Supply").
///
/// `based_on: P` starts from P's projects as P applies them; this plan's `delay: {ID: n}` then moves every
/// inherited project named ID (a build's id, or the school an expansion or closure names) `n` years later;
/// `remove: [ID, …]` leaves out every inherited project named ID; this plan's own projects are added
/// unmoved. A delay or removal that names no inherited project is an error, and so is one ID both
/// delayed and removed.
public struct PlanResolver: Sendable {
    public let plans: [Plan]

    public init(plans: [Plan]) {
        self.plans = plans
    }

    /// The baseline followed by every plan in file order; cycles and dangling references are diagnostics.
    public func resolveAll(into diagnostics: inout DiagnosticCollector) -> [ResolvedPlan] {
        var memo: [String: ResolvedPlan] = [:]
        var result = [ResolvedPlan.baseline]
        for plan in plans {
            if let resolved = resolve(plan.id, chain: [], memo: &memo, diagnostics: &diagnostics) {
                result.append(resolved)
            }
        }
        return result
    }

    private func resolve(_ id: String, chain: [String], memo: inout [String: ResolvedPlan],
                         diagnostics: inout DiagnosticCollector) -> ResolvedPlan? {
        if let done = memo[id] { return done }
        guard let plan = plans.first(where: { $0.id == id }) else { return nil }
        var inherited: [AppliedProject] = []
        if let parent = plan.basedOn {
            let location = plan.basedOnLocation ?? plan.location
            if chain.contains(parent) || parent == id {
                let cycle = (chain.drop { $0 != parent } + [id, parent]).joined(separator: " → ")
                diagnostics.error(at: location, "'based_on' makes a cycle: \(cycle)",
                                  hint: "a plan cannot be based on itself; break the chain")
                return nil
            }
            guard plans.contains(where: { $0.id == parent }) else {
                let suggestion = YAMLReader.closest(to: parent, in: plans.map(\.id)).map { "did you mean '\($0)'? " } ?? ""
                diagnostics.error(at: location, "'based_on' names plan '\(parent)', which is not in 'plans'",
                                  hint: "\(suggestion)name a plan defined in this file")
                return nil
            }
            guard let base = resolve(parent, chain: chain + [id], memo: &memo, diagnostics: &diagnostics) else {
                return nil
            }
            inherited = base.projects
        }
        for delay in plan.delays {
            var matched = false
            for i in inherited.indices where inherited[i].project.school == delay.target {
                inherited[i].year += delay.years
                inherited[i].delayedBy += delay.years
                matched = true
            }
            if !matched {
                let names = Array(Set(inherited.map(\.project.school))).sorted()
                diagnostics.error(at: delay.location,
                                  "'delay' names '\(delay.target)', which no inherited project builds, expands or closes",
                                  hint: names.isEmpty ? "a delay needs 'based_on' a plan with projects"
                                                      : "name one of: \(names.joined(separator: ", "))")
            }
        }
        for removal in plan.removals {
            if plan.delays.contains(where: { $0.target == removal.target }) {
                diagnostics.error(at: removal.location, "'\(removal.target)' is both delayed and removed by plan '\(plan.id)'",
                                  hint: "keep the delay or the removal, not both")
                continue
            }
            let before = inherited.count
            inherited.removeAll { $0.project.school == removal.target }
            if inherited.count == before {
                let names = Array(Set(inherited.map(\.project.school))).sorted()
                diagnostics.error(at: removal.location,
                                  "'remove' names '\(removal.target)', which no inherited project builds, expands or closes",
                                  hint: names.isEmpty ? "'remove' needs 'based_on' a plan with projects"
                                                      : "name one of: \(names.joined(separator: ", "))")
            }
        }
        let own = plan.projects.map { AppliedProject(project: $0, year: $0.year, delayedBy: 0, origin: plan.id) }
        let resolved = ResolvedPlan(id: plan.id, name: plan.name, projects: inherited + own)
        memo[id] = resolved
        return resolved
    }
}
