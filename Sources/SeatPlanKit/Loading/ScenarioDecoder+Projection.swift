import Foundation
internal import Yams

/// `projection:` (the scenario's and a district's own): ratio methods, births trend, fixed ratios, excluded years.
extension ScenarioDecoder {
    mutating func projectionOverride(_ node: Node, what: String) -> ProjectionOverride {
        var result = ProjectionOverride()
        guard let map = reader.mapping(node, what: what, keys: ScenarioKeys.projection)
        else { return result }
        if let node = map.value("exclude_years"), let items = reader.sequence(node, what: "'exclude_years'") {
            result.excludedYears = items.compactMap { reader.year($0, what: "an excluded year") }
        }
        result.excludeShocks = map.value("exclude_shocks").flatMap { reader.bool($0, what: "'exclude_shocks'") }
        if let node = map.value("progression") { result.progression = ratioSettings(node, what: "'progression'") }
        if let node = map.value("entry") { result.entry = ratioSettings(node, what: "'entry'") }
        if let node = map.value("births"),
           let births = reader.mapping(node, what: "'births'", keys: ScenarioKeys.birthsTrend) {
            if let node = births.value("method") {
                if case .scalar(let scalar) = node, scalar.string == "auto" {
                    result.births.auto = true
                } else {
                    result.births.method = choice(node, what: "births method", of: BirthsTrend.self, also: ["auto"])
                }
            }
            result.births.fitWindow = births.value("fit_window").flatMap { reader.int($0, what: "'fit_window'", min: 1, max: 100) }
            result.births.extend = births.value("extend").flatMap { reader.int($0, what: "'extend'", min: 0, max: 100) }
        }
        if let node = map.value("ratios") {
            result.fixedRatios = list(node, what: "'ratios'") { $0.fixedRatio($1) } ?? []
        }
        return result
    }

    mutating func ratioSettings(_ node: Node, what: String) -> ProjectionOverride.Ratio {
        var result = ProjectionOverride.Ratio()
        guard let map = reader.mapping(node, what: what, keys: ScenarioKeys.ratioSettings) else { return result }
        if let node = map.value("method") {
            if case .scalar(let scalar) = node, scalar.string == "auto" {
                result.auto = true
            } else {
                result.method = choice(node, what: "averaging method for \(what)", of: AveragingMethod.self, also: ["auto"])
            }
        }
        result.window = map.value("window").flatMap { reader.int($0, what: "'window'", min: 1, max: 100) }
        if let node = map.value("alpha"), let alpha = reader.double(node, what: "'alpha'", min: 0) {
            if alpha > 1 || alpha == 0 {
                reader.error(node, "'alpha' must be above 0 and at most 1", hint: "NCES uses 0.4")
            } else {
                result.alpha = alpha
            }
        }
        return result
    }

    mutating func fixedRatio(_ node: Node) -> FixedRatio? {
        guard let map = reader.mapping(node, what: "a fixed ratio", keys: ScenarioKeys.fixedRatio) else {
            return nil
        }
        let stage = map.value("stage").flatMap { reader.string($0, what: "the ratio's 'stage'") }
        let grade = map.value("grade").flatMap { reader.int($0, what: "the ratio's 'grade'", min: 1) }
        let value = map.value("value").flatMap { reader.double($0, what: "the ratio's 'value'", min: 0, max: 100) }
        guard let stage, let grade, let value else { return nil }
        return FixedRatio(stage: stage, grade: grade, value: value, location: map.location)
    }
}
