/// Checks of the `advisor` block (MODEL.md, *Plan advisor*) that need the rest of the scenario: the plan it
/// is based on, each candidate's school, zone, stages and window, the target years and stages. (The loader
/// has refused unknown keys, `earliest > latest` and negative costs.)
extension ScenarioValidator {
    func checkAdvisor(_ scenario: Scenario, into out: inout DiagnosticCollector) {
        guard let advisor = scenario.advisor else { return }
        let planIDs = scenario.plans.map(\.id)
        if let basedOn = advisor.basedOn, !planIDs.contains(basedOn) {
            let suggestion = YAMLReader.closest(to: basedOn, in: planIDs).map { "did you mean '\($0)'? " } ?? ""
            out.error(at: advisor.basedOnLocation ?? advisor.location,
                      "the advisor's 'based_on' names '\(basedOn)', which is not a plan",
                      hint: "\(suggestion)name a plan listed under 'plans' (\(planIDs.joined(separator: ", "))), or leave 'based_on' out to start from the existing schools")
        }
        let first = scenario.baseYear + 1, last = scenario.baseYear + scenario.horizon
        let stageIDs = scenario.standards.stages.map(\.id)
        let zoneIDs = scenario.zones.map(\.id)
        // Schools a candidate may expand, with their stages: existing, built by a plan, built by a candidate.
        var schoolStages: [String: Set<String>] = [:]
        for school in scenario.schools { schoolStages[school.id, default: []].formUnion(school.classrooms.map(\.stage)) }
        for plan in scenario.plans {
            for project in plan.projects where project.kind == .build {
                schoolStages[project.school, default: []].formUnion(Self.stages(of: project.classrooms))
            }
        }
        let existing = Set(scenario.schools.map(\.id))
        for candidate in advisor.candidates where candidate.project.kind == .build {
            let project = candidate.project
            if existing.contains(project.school) {
                out.error(at: project.location, "the candidate builds '\(project.school)', which is already an existing school's id",
                          hint: "give the new school an id of its own")
            }
            schoolStages[project.school, default: []].formUnion(Self.stages(of: project.classrooms))
        }
        let schoolIDs = schoolStages.keys.sorted()
        for candidate in advisor.candidates {
            let project = candidate.project
            if candidate.earliest < first || candidate.latest > last {
                out.error(at: candidate.location,
                          "the candidate's window \(candidate.earliest)–\(candidate.latest) is outside the projected years \(first)–\(last)",
                          hint: "set 'earliest' and 'latest' within \(first)–\(last)")
            }
            if case .byStage(let entries) = project.classrooms {
                for entry in entries where entry.stage != specialClassroomsKey && !stageIDs.contains(entry.stage) {
                    let suggestion = YAMLReader.closest(to: entry.stage, in: stageIDs).map { "did you mean '\($0)'? " } ?? ""
                    out.error(at: entry.location, "unknown stage '\(entry.stage)' in a candidate's classrooms",
                              hint: "\(suggestion)use a stage id of 'standards' (\(stageIDs.joined(separator: ", ")))")
                }
            }
            switch project.kind {
            case .build:
                if let zone = project.zone, !zoneIDs.contains(zone) {
                    let suggestion = YAMLReader.closest(to: zone, in: zoneIDs).map { "did you mean '\($0)'? " } ?? ""
                    out.error(at: project.location, "the candidate's zone '\(zone)' is not a zone of any district",
                              hint: "\(suggestion)use a zone id listed under a district's 'zones' (or a district id, for a district without zones)")
                }
            case .expand:
                guard let stages = schoolStages[project.school] else {
                    let suggestion = YAMLReader.closest(to: project.school, in: schoolIDs).map { "did you mean '\($0)'? " } ?? ""
                    out.error(at: project.location, "the candidate expands '\(project.school)', which is not a school",
                              hint: "\(suggestion)name a school listed under 'schools', built by a plan, or built by another candidate")
                    continue
                }
                if case .ofTheSchoolsStage(_, let location) = project.classrooms, stages.count != 1 {
                    out.error(at: location, "'\(project.school)' has \(stages.count) stages, so one number does not say which stage gains the classrooms",
                              hint: "give classrooms by stage, e.g. classrooms: { primary: 12 }")
                }
            case .close:
                break
            }
        }
        let targets = advisor.targets
        for (key, year) in [("no_super_large_from", targets.noSuperLargeFrom), ("no_shortage_from", targets.noShortageFrom)] {
            if let year, year < first || year > last {
                out.error(at: targets.location, "'\(key)' is \(year), outside the projected years \(first)–\(last)",
                          hint: "name a year within \(first)–\(last)")
            }
        }
        for stage in targets.stages ?? [] where !stageIDs.contains(stage) {
            let suggestion = YAMLReader.closest(to: stage, in: stageIDs).map { "did you mean '\($0)'? " } ?? ""
            out.error(at: targets.location, "the targets name the stage '\(stage)', which is not a stage",
                      hint: "\(suggestion)use stage ids of 'standards' (\(stageIDs.joined(separator: ", ")))")
        }
        if targets.stages?.isEmpty == true {
            out.error(at: targets.location, "the targets' 'stages' is empty",
                      hint: "list the stages the targets apply to, or leave 'stages' out for the compulsory ones")
        }
    }

    private static func stages(of classrooms: ProjectClassrooms) -> [String] {
        switch classrooms {
        case .byStage(let entries): return entries.map(\.stage).filter { $0 != specialClassroomsKey }
        case .ofTheSchoolsStage: return []
        }
    }
}
