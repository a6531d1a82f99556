internal import Yams

/// The `uncertainty` keys (scenario and district) and a development's `slip`.
extension ScenarioDecoder {
    /// Slips are whole years, from this many early to this many late.
    static let slipYears = -20...30

    mutating func uncertainty(_ node: Node, what: String) -> UncertaintyOverride {
        var result = UncertaintyOverride()
        guard let map = reader.mapping(node, what: what, keys: ScenarioKeys.uncertainty) else { return result }
        if let node = map.value("ratios") {
            if let sd = keywordOrNumber(node, keyword: "observed", what: "'ratios' under 'uncertainty'",
                                        meaning: "a standard deviation of every estimated ratio, e.g. 0.02",
                                        max: 10) {
                result.ratios = sd.map { .sd($0) } ?? .observed
            }
        }
        if let node = map.value("ratio_sd") {
            result.ratioSDs = list(node, what: "'ratio_sd'") { $0.ratioSD($1) } ?? []
        }
        if let node = map.value("births") {
            if let spread = keywordOrNumber(node, keyword: "fit", what: "'births' under 'uncertainty'",
                                            meaning: "a relative standard deviation of projected births, e.g. 0.05",
                                            max: 1) {
                result.births = spread.map { .relative($0) } ?? .fit
            }
        }
        if let node = map.value("migration") { result.migration = factorRange(node, what: "'migration' under 'uncertainty'") }
        if let node = map.value("housing_yield") {
            result.housingYield = factorRange(node, what: "'housing_yield' under 'uncertainty'")
        }
        if let node = map.value("slip") { result.slip = slip(node) }
        if let node = map.value("common_share") {
            if let share = keywordOrNumber(node, keyword: "estimated", what: "'common_share' under 'uncertainty'",
                                           meaning: "the share of each ratio's variance common to every district, from 0 to 1, e.g. 0.3",
                                           max: 1) {
                result.commonShare = share.map { .share($0) } ?? .estimated
            }
        }
        if let node = map.value("district_share") {
            if let share = keywordOrNumber(node, keyword: "estimated", what: "'district_share' under 'uncertainty'",
                                           meaning: "the share of each ratio's variance common to the ratios of one district, from 0 to 1, e.g. 0.3",
                                           max: 1) {
                result.districtShare = share.map { .share($0) } ?? .estimated
            }
            if case .share(let c)? = result.commonShare, case .share(let w)? = result.districtShare, c + w > 1 {
                reader.error(node, "'district_share' \(w) and 'common_share' \(c) add up to more than 1",
                             hint: "they are shares of one variance: make district_share at most \(1 - c)")
            }
        }
        if let node = map.value("lasting_share") {
            if let share = keywordOrNumber(node, keyword: "estimated", what: "'lasting_share' under 'uncertainty'",
                                           meaning: "the share of each ratio's error held over the horizon, from 0 (drawn afresh every year) to 1 (held), e.g. 0.5",
                                           max: 1) {
                result.lastingShare = share.map { .share($0) } ?? .estimated
            }
        }
        if let node = map.value("drift_share") {
            if let share = keywordOrNumber(node, keyword: "estimated", what: "'drift_share' under 'uncertainty'",
                                           meaning: "how much each ratio's error variance grows with each further year, as a share of its one-year-ahead variance, from 0 (no growth) to 10, e.g. 0.3",
                                           max: ErrorShares.maximumDrift) {
                result.driftShare = share.map { .share($0) } ?? .estimated
            }
        }
        if let node = map.value("kurtosis") {
            if let kurtosis = keywordOrNumber(node, keyword: "estimated", what: "'kurtosis' under 'uncertainty'",
                                              meaning: "the kurtosis of the ratios' errors, from 3 (normal tails) to 100 (the heaviest), e.g. 6",
                                              min: 3, max: ErrorTails.maximumKurtosis) {
                result.kurtosis = kurtosis.map { .share($0) } ?? .estimated
            }
        }
        return result
    }

    /// `keyword` (returned as `.some(nil)`) or a number from `min` to `max` (returned as `.some(value)`).
    private mutating func keywordOrNumber(_ node: Node, keyword: String, what: String, meaning: String, min: Double = 0,
                                          max: Double)
        -> Double?? {
        if case .scalar(let scalar) = node, scalar.style == .plain, scalar.string == keyword { return .some(nil) }
        if case .scalar(let scalar) = node, scalar.style == .plain, Double(scalar.string) == nil {
            let suggestion = YAMLReader.closest(to: scalar.string, in: [keyword]).map { "did you mean '\($0)'? " } ?? ""
            reader.error(node, "\(what) must be '\(keyword)' or a number",
                         hint: "\(suggestion)write '\(keyword)', or \(meaning)")
            return nil
        }
        guard let value = reader.double(node, what: what, min: min, max: max) else { return nil }
        return .some(value)
    }

    mutating func ratioSD(_ node: Node) -> RatioSD? {
        guard let map = reader.mapping(node, what: "an entry of 'ratio_sd'", keys: ScenarioKeys.ratioSD) else {
            return nil
        }
        let stage = map.value("stage").flatMap { reader.string($0, what: "the entry's 'stage'") }
        let grade = map.value("grade").flatMap { reader.int($0, what: "the entry's 'grade'", min: 1) }
        let sd = map.value("sd").flatMap { reader.double($0, what: "the entry's 'sd'", min: 0, max: 10) }
        guard let stage, let grade, let sd else { return nil }
        return RatioSD(stage: stage, grade: grade, sd: sd, location: map.location)
    }

    /// `p` (a factor from `1 − p` to `1 + p`, `0 ≤ p ≤ 1`) or `{ low: a, high: b }` (`0 ≤ a ≤ b ≤ 10`).
    mutating func factorRange(_ node: Node, what: String) -> FactorRange? {
        guard node.isMapping else {
            guard let spread = reader.double(node, what: what, min: 0, max: 1) else { return nil }
            return FactorRange(low: 1 - spread, high: 1 + spread)
        }
        guard let map = reader.mapping(node, what: what, keys: ScenarioKeys.factorRangeKeys) else { return nil }
        let low = map.value("low").flatMap { reader.double($0, what: "'low' of \(what)", min: 0, max: 10) }
        let high = map.value("high").flatMap { reader.double($0, what: "'high' of \(what)", min: 0, max: 10) }
        guard let low, let high else { return nil }
        guard low <= high else {
            reader.error(node, "'low' (\(YAMLReader.format(low))) is above 'high' (\(YAMLReader.format(high))) in \(what)",
                         hint: "'low' and 'high' are factors on the scenario's value, e.g. { low: 0.8, high: 1.2 }")
            return nil
        }
        return FactorRange(low: low, high: high)
    }

    /// `{ years: probability, … }`, whole years from −20 to 30 (positive: late), probabilities adding up to 1.
    mutating func slip(_ node: Node) -> SlipDistribution? {
        guard let entries = reader.rawMapping(node, what: "'slip'") else { return nil }
        var outcomes: [(years: Int, probability: Double)] = []
        var complete = true
        for entry in entries {
            guard let years = Int(entry.key.trimmingWhitespace), Self.slipYears.contains(years) else {
                reader.error(entry.keyNode, "'\(entry.key)' is not a number of years in 'slip'",
                             hint: "use whole years from \(Self.slipYears.lowerBound) to \(Self.slipYears.upperBound) as keys (positive: late), e.g. { 0: 0.6, 1: 0.3, 2: 0.1 }")
                complete = false
                continue
            }
            guard let probability = reader.double(entry.value, what: "the probability of a slip of \(years)",
                                                  min: 0, max: 1) else {
                complete = false
                continue
            }
            outcomes.append((years, probability))
        }
        guard complete else { return nil }
        if entries.isEmpty {
            reader.error(node, "'slip' is empty", hint: "give the probability of each slip in years, e.g. { 0: 0.6, 1: 0.3, 2: 0.1 }")
            return nil
        }
        let total = outcomes.reduce(0) { $0 + $1.probability }
        guard abs(total - 1) <= 1e-6 else {
            reader.error(node, "the slip probabilities add up to \(ScenarioValidator.format(total)), not 1",
                         hint: "make the probabilities of all slips (on time included, key 0) add up to 1")
            return nil
        }
        return SlipDistribution(outcomes: outcomes, location: reader.location(node))
    }
}
