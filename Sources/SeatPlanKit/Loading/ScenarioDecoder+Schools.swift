internal import Yams

extension ScenarioDecoder {
    mutating func school(_ node: Node) -> School? {
        guard let map = reader.mapping(node, what: "a school", keys: ScenarioKeys.school)
        else { return nil }
        let id = map.value("id").flatMap { reader.string($0, what: "a school's 'id'") }
        let name = map.value("name").flatMap { reader.string($0, what: "a school's 'name'") }
        let zone = map.value("zone").flatMap { reader.string($0, what: "a school's 'zone'") }
        let classrooms = map.value("classrooms").flatMap { self.classrooms($0, stage: map.value("stage"), owner: node) }
        let closes = map.value("closes").flatMap { reader.year($0, what: "'closes'") }
        let isPublic = map.value("public").flatMap { reader.bool($0, what: "'public'") } ?? true
        let at = map.value("at").flatMap { point($0) }
        guard let id, let zone, let classrooms else { return nil }
        var school = School(id: id, name: name ?? id, zone: zone, classrooms: classrooms, closes: closes,
                            location: map.location)
        school.isPublic = isPublic
        school.at = at
        return school
    }

    /// `classrooms: N` with `stage: S`, or `classrooms: {S: N, …}` without `stage`.
    mutating func classrooms(_ node: Node, stage stageNode: Node?, owner: Node) -> [StageClassrooms]? {
        if case .mapping = node {
            if let stageNode {
                reader.error(stageNode, "'stage' is given together with classrooms by stage",
                             hint: "remove 'stage', or give 'classrooms' as one number")
                return nil
            }
            guard let entries = reader.rawMapping(node, what: "'classrooms'") else { return nil }
            var result: [StageClassrooms] = []
            for entry in entries {
                if let count = reader.int(entry.value, what: "the \(entry.key) classrooms", min: 0, max: PlausibilityLimits.classrooms) {
                    result.append(StageClassrooms(stage: entry.key, count: count,
                                                  location: reader.location(entry.keyNode)))
                }
            }
            if entries.isEmpty {
                reader.error(node, "'classrooms' is empty", hint: "give classrooms by stage, e.g. { primary: 36 }")
            }
            return result.count == entries.count ? result : nil
        }
        guard let count = reader.int(node, what: "'classrooms'", min: 0, max: PlausibilityLimits.classrooms) else { return nil }
        guard let stageNode else {
            reader.error(owner, "'classrooms' is one number but no 'stage' says which stage they serve",
                         hint: "add 'stage: primary' (or the stage these rooms serve), or give classrooms by stage")
            return nil
        }
        guard let stage = reader.string(stageNode, what: "'stage'") else { return nil }
        return [StageClassrooms(stage: stage, count: count, location: reader.location(stageNode))]
    }
}
