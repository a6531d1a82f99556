internal import Yams

extension ScenarioDecoder {
    mutating func plan(_ node: Node) -> Plan? {
        guard let map = reader.mapping(node, what: "a plan", required: ["id"],
                                       optional: ["name", "based_on", "delay", "remove", "projects"])
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

    mutating func project(_ node: Node) -> Project? {
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
            map = reader.mapping(node, what: "a 'build' project", required: ["build", "zone", "classrooms", "opens"],
                                 optional: ["name", "stage", "cost"])
        case .expand:
            map = reader.mapping(node, what: "an 'expand' project", required: ["expand", "classrooms", "opens"],
                                 optional: ["stage", "cost"])
        case .close:
            map = reader.mapping(node, what: "a 'close' project", required: ["close", "year"], optional: ["cost"])
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
        let year = map.value(kind == .close ? "year" : "opens").flatMap { reader.year($0, what: kind == .close ? "'year'" : "'opens'") }
        let cost = map.value("cost").map { reader.double($0, what: "'cost'", min: 0, max: PlausibilityLimits.projectCost) } ?? 0
        guard let school, let classrooms, let year, let cost else { return nil }
        return Project(kind: kind, school: school, name: name, zone: zone, classrooms: classrooms, year: year,
                       cost: cost, location: map.location)
    }
}

extension Node {
    var isMapping: Bool {
        if case .mapping = self { return true }
        return false
    }
}
