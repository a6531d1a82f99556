internal import Yams

extension ScenarioDecoder {
    /// `advisor: { based_on: PLAN, candidates: [...], targets: {...} }`.
    mutating func advisor(_ node: Node) -> AdvisorSettings? {
        guard let map = reader.mapping(node, what: "'advisor'", keys: ScenarioKeys.advisor) else { return nil }
        let basedOn = map.value("based_on").flatMap { reader.string($0, what: "'based_on'") }
        let candidates = map.value("candidates").flatMap { list($0, what: "'candidates'") { $0.candidate($1) } }
        if let node = map.value("candidates"), reader.isEmptyList(node) {
            reader.error(node, "'candidates' is empty", hint: "list the projects the advisor may choose from")
        }
        let targets = map.value("targets").flatMap { self.targets($0) }
        guard let candidates, let targets else { return nil }
        return AdvisorSettings(basedOn: basedOn, basedOnLocation: map.value("based_on").map(reader.location),
                               candidates: candidates, targets: targets, location: map.location)
    }

    mutating func candidate(_ node: Node) -> AdvisorSettings.Candidate? {
        guard let project = project(node, candidate: true), case .mapping(let mapping) = node else { return nil }
        guard let latestNode = mapping["latest"], let latest = reader.year(latestNode, what: "'latest'") else { return nil }
        if latest < project.year {
            reader.error(latestNode, "'latest' (\(latest)) is before 'earliest' (\(project.year))",
                         hint: "a candidate may open in any year from 'earliest' to 'latest'")
            return nil
        }
        return AdvisorSettings.Candidate(project: project, earliest: project.year, latest: latest,
                                         location: project.location)
    }

    mutating func targets(_ node: Node) -> AdvisorSettings.Targets? {
        guard let map = reader.mapping(node, what: "'targets'", keys: ScenarioKeys.advisorTargets) else { return nil }
        var targets = AdvisorSettings.Targets(location: map.location)
        targets.noSuperLargeFrom = map.value("no_super_large_from").flatMap { reader.year($0, what: "'no_super_large_from'") }
        targets.noShortageFrom = map.value("no_shortage_from").flatMap { reader.year($0, what: "'no_shortage_from'") }
        targets.maxShortageSeatYears = map.value("max_shortage_seat_years")
            .flatMap { reader.double($0, what: "'max_shortage_seat_years'", min: 0) }
        targets.budget = map.value("budget").flatMap { reader.double($0, what: "'budget'", min: 0, max: 1e15) }
        if let node = map.value("stages"), let items = reader.sequence(node, what: "'stages'") {
            targets.stages = items.compactMap { reader.string($0, what: "a target stage") }
        }
        if map.entries.isEmpty {
            reader.error(node, "'targets' is empty",
                         hint: "set at least one of no_super_large_from, no_shortage_from, max_shortage_seat_years, budget")
        }
        return targets
    }
}
