internal import Yams

extension ScenarioDecoder {
    mutating func plan(_ node: Node) -> Plan? {
        guard let map = reader.mapping(node, what: "a plan", keys: ScenarioKeys.plan)
        else { return nil }
        let id = map.value("id").flatMap { reader.string($0, what: "a plan's 'id'") }
        let name = map.value("name").flatMap { reader.string($0, what: "a plan's 'name'") }
        let basedOn = map.value("based_on").flatMap { reader.string($0, what: "'based_on'") }
        var delays: [PlanDelay] = []
        if let node = map.value("delay"), let entries = reader.rawMapping(node, what: "'delay'") {
            for entry in entries {
                if let years = reader.int(entry.value, what: "the delay of '\(entry.key)'", min: 0, max: 100) {
                    delays.append(PlanDelay(target: entry.key, years: years, location: reader.location(entry.keyNode)))
                }
            }
        }
        var removals: [PlanRemoval] = []
        if let node = map.value("remove"), let items = reader.sequence(node, what: "'remove'") {
            for item in items {
                if let target = reader.string(item, what: "an entry of 'remove'") {
                    removals.append(PlanRemoval(target: target, location: reader.location(item)))
                }
            }
        }
        let projects = map.value("projects").flatMap { list($0, what: "'projects'") { $0.project($1) } } ?? []
        guard let id else { return nil }
        return Plan(id: id, name: name ?? id, basedOn: basedOn,
                    basedOnLocation: map.value("based_on").map(reader.location),
                    delays: delays, removals: removals, projects: projects, location: map.location)
    }

    /// A project of a plan (`opens`/`year`), or an advisor's candidate (`earliest`, `latest` instead of `opens`).
    mutating func project(_ node: Node, candidate: Bool = false) -> Project? {
        guard let entries = reader.rawMapping(node, what: "a project") else { return nil }
        let kinds = entries.compactMap { Project.Kind(rawValue: $0.key) }
        guard kinds.count == 1, let kind = kinds.first else {
            reader.error(node, kinds.isEmpty ? "a project has no 'build', 'expand' or 'close'"
                                             : "a project has more than one of 'build', 'expand' and 'close'",
                         hint: "start each project with exactly one: '{ build: NEW-ID, … }', '{ expand: SCHOOL, … }' or '{ close: SCHOOL, year: Y }'")
            return nil
        }
        let map: YAMLReader.Mapping?
        switch kind {
        case .build:
            map = reader.mapping(node, what: candidate ? "a 'build' candidate" : "a 'build' project",
                                 keys: candidate ? ScenarioKeys.buildCandidate : ScenarioKeys.build)
        case .expand:
            map = reader.mapping(node, what: candidate ? "an 'expand' candidate" : "an 'expand' project",
                                 keys: candidate ? ScenarioKeys.expandCandidate : ScenarioKeys.expand)
        case .close:
            if candidate {
                reader.error(node, "an advisor candidate cannot be a 'close'",
                             hint: "candidates are 'build' or 'expand' projects; put closures in the plan named by 'based_on'")
                return nil
            }
            if let wrong = ["closes", "opens"].first(where: { key in entries.contains { $0.key == key } }),
               let entry = entries.first(where: { $0.key == wrong }) {
                reader.error(entry.keyNode, "a 'close' project takes its year as 'year', not '\(wrong)'",
                             hint: "write '{ close: SCHOOL, year: Y }'")
                return nil
            }
            map = reader.mapping(node, what: "a 'close' project", keys: ScenarioKeys.close)
        }
        guard let map else { return nil }
        let school = map.value(kind.rawValue).flatMap { reader.string($0, what: "the school of '\(kind.rawValue)'") }
        let name = map.value("name").flatMap { reader.string($0, what: "the project's 'name'") }
        let zone = map.value("zone").flatMap { reader.string($0, what: "the project's 'zone'") }
        let classrooms: ProjectClassrooms?
        switch (kind, map.value("classrooms")) {
        case (.close, _), (_, nil):
            classrooms = ProjectClassrooms.none
        case (.expand, let node?) where map.value("stage") == nil && !node.isMapping:
            classrooms = reader.int(node, what: "'classrooms'", min: 0, max: PlausibilityLimits.classrooms)
                .map { .ofTheSchoolsStage(count: $0, location: reader.location(node)) }
        case (_, let node?):
            classrooms = self.classrooms(node, stage: map.value("stage"), owner: node).map { .byStage($0) }
        }
        let yearKey = kind == .close ? "year" : candidate ? "earliest" : "opens"
        let year = map.value(yearKey).flatMap { reader.year($0, what: "'\(yearKey)'") }
        let cost = map.value("cost").map { reader.double($0, what: "'cost'", min: 0, max: PlausibilityLimits.projectCost) } ?? 0
        let isPublic = map.value("public").flatMap { reader.bool($0, what: "'public'") } ?? true
        let at = map.value("at").flatMap { point($0) }
        guard let school, let classrooms, let year, let cost else { return nil }
        var project = Project(kind: kind, school: school, name: name, zone: zone, classrooms: classrooms, year: year,
                              cost: cost, location: map.location)
        project.isPublic = isPublic
        project.at = at
        return project
    }
}

extension Node {
    var isMapping: Bool {
        if case .mapping = self { return true }
        return false
    }
}
