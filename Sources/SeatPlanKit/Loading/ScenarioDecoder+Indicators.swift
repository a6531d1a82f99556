internal import Yams

extension ScenarioDecoder {
    /// `standards.upper_secondary: { general: STAGE, vocational: STAGE, target: 0.5 }`.
    mutating func upperSecondary(_ node: Node) -> UpperSecondary? {
        guard let map = reader.mapping(node, what: "'upper_secondary'", keys: ScenarioKeys.upperSecondary) else { return nil }
        let general = map.value("general").flatMap { reader.string($0, what: "'general'") }
        let vocational = map.value("vocational").flatMap { reader.string($0, what: "'vocational'") }
        let target = map.value("target").map { reader.double($0, what: "'target'", min: 0, max: 1) } ?? 0.5
        guard let general, let vocational, let target else { return nil }
        var upper = UpperSecondary(general: general, vocational: vocational, target: target, location: map.location)
        upper.generalLocation = map.value("general").map { reader.location($0) } ?? map.location
        upper.vocationalLocation = map.value("vocational").map { reader.location($0) } ?? map.location
        return upper
    }

    /// A district's `staff: { STAGE: posts }`.
    mutating func staffPosts(_ node: Node) -> (posts: [String: Int], locations: [String: SourceLocation])? {
        guard let entries = reader.rawMapping(node, what: "'staff'") else { return nil }
        var posts: [String: Int] = [:], locations: [String: SourceLocation] = [:]
        for entry in entries {
            if let count = reader.int(entry.value, what: "the \(entry.key) staff posts", min: 0, max: 10_000_000) {
                posts[entry.key] = count
                locations[entry.key] = reader.location(entry.keyNode)
            }
        }
        return (posts, locations)
    }

    /// A district's `special_education: { rate, inclusion, home }`; `inclusion + home` is at most 1.
    mutating func specialEducation(_ node: Node) -> SpecialEducation? {
        guard let map = reader.mapping(node, what: "'special_education'", keys: ScenarioKeys.specialEducation) else { return nil }
        let rate = map.value("rate").flatMap { reader.double($0, what: "'rate'", min: 0, max: 1) }
        let inclusion = map.value("inclusion").map { reader.double($0, what: "'inclusion'", min: 0, max: 1) } ?? 0
        let home = map.value("home").map { reader.double($0, what: "'home'", min: 0, max: 1) } ?? 0
        guard let rate, let inclusion, let home else { return nil }
        if inclusion + home > 1 + 1e-12 {
            reader.error(map.value("home") ?? node, "'inclusion' (\(inclusion)) and 'home' (\(home)) add up to more than 1",
                         hint: "they are shares of the pupils with disabilities; the rest need special-school seats")
            return nil
        }
        return SpecialEducation(rate: rate, inclusion: inclusion, home: home, location: map.location)
    }

    /// An entry of `ranking: [{ indicator: ID, weight: W }]`.
    mutating func rankingEntry(_ node: Node) -> RankingEntry? {
        guard let map = reader.mapping(node, what: "a ranking entry", keys: ScenarioKeys.rankingIndicator)
        else { return nil }
        let indicator = map.value("indicator").flatMap { reader.string($0, what: "'indicator'") }
        let weight = map.value("weight").map { reader.double($0, what: "'weight'", min: 0, max: 1e6) } ?? 1
        guard let indicator, let weight else { return nil }
        // Diagnostics about the indicator point at its id.
        return RankingEntry(indicator: indicator, weight: weight,
                            location: map.value("indicator").map { reader.location($0) } ?? map.location)
    }
}
