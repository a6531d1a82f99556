/// Checks of the stages' catchment areas and transfers, and of the zones' neighbours (MODEL.md,
/// *Catchment areas*, *Transfers*).
extension ScenarioValidator {
    func checkCatchments(_ scenario: Scenario, into out: inout DiagnosticCollector) {
        let standards = scenario.standards
        for (s, stage) in standards.stages.enumerated() where stage.overflow == .neighbours {
            let catchment = standards.catchment(of: s)
            if catchment != .zone {
                out.error(at: stage.location,
                          "stage '\(stage.id)' has 'overflow: neighbours' but its catchment is the \(catchment.rawValue)",
                          hint: "transfers move pupils between zones: use 'catchment: zone' for this stage, or leave 'overflow' out (a \(catchment.rawValue) already pools its zones)")
            }
        }
        let zones = scenario.zones
        let zoneIDs = zones.map(\.id)
        let known = Set(zoneIDs)
        for zone in zones {
            var seen: Set<String> = []
            for (k, neighbour) in zone.neighbours.enumerated() {
                let location = k < zone.geography.neighbourLocations.count ? zone.geography.neighbourLocations[k] : zone.location
                if neighbour == zone.id {
                    out.error(at: location, "zone '\(zone.id)' names itself as a neighbour",
                              hint: "list the other zones whose schools its pupils can reach")
                } else if !known.contains(neighbour) {
                    let suggestion = YAMLReader.closest(to: neighbour, in: zoneIDs).map { "did you mean '\($0)'? " } ?? ""
                    out.error(at: location, "zone '\(zone.id)' names the neighbour '\(neighbour)', which is not a zone",
                              hint: "\(suggestion)use a zone id of any district (or a district id, for a district without zones)")
                } else if !seen.insert(neighbour).inserted {
                    out.error(at: location, "zone '\(zone.id)' names the neighbour '\(neighbour)' twice",
                              hint: "list each neighbour once")
                }
            }
        }
        if zones.contains(where: { !$0.neighbours.isEmpty }),
           !standards.stages.contains(where: { $0.overflow == .neighbours }) {
            let first = zones.first { !$0.neighbours.isEmpty }!
            out.warning(at: first.location, "zones name neighbours, but no stage has 'overflow: neighbours'",
                        hint: "pupils move to neighbouring zones only for stages with 'overflow: neighbours'")
        }
    }

    /// `standards.compulsory`, `standards.upper_secondary` and `ranking` name stages and indicators that exist.
    func checkIndicatorSettings(_ scenario: Scenario, into out: inout DiagnosticCollector) {
        let standards = scenario.standards
        let ids = standards.stages.map(\.id)
        func checkStage(_ id: String, at location: SourceLocation, what: String) {
            guard standards.stage(id) == nil else { return }
            let suggestion = YAMLReader.closest(to: id, in: ids).map { "did you mean '\($0)'? " } ?? ""
            out.error(at: location, "\(what) names stage '\(id)', which is not a stage",
                      hint: "\(suggestion)use one of: \(ids.joined(separator: ", "))")
        }
        for id in standards.compulsory ?? [] {
            checkStage(id, at: standards.compulsoryLocation ?? scenario.location, what: "'compulsory'")
        }
        if let upper = standards.upperSecondary {
            checkStage(upper.general, at: upper.generalLocation, what: "'upper_secondary' (general)")
            checkStage(upper.vocational, at: upper.vocationalLocation, what: "'upper_secondary' (vocational)")
        }
        for district in scenario.districts {
            for (stage, location) in district.staffLocations.sorted(by: { $0.key < $1.key }) {
                checkStage(stage, at: location, what: "'staff' of district '\(district.id)'")
            }
        }
        for entry in scenario.ranking where !RankingEntry.indicators.contains(entry.indicator) {
            let suggestion = YAMLReader.closest(to: entry.indicator, in: RankingEntry.indicators)
                .map { "did you mean '\($0)'? " } ?? ""
            out.error(at: entry.location, "'\(entry.indicator)' is not an indicator the districts can be ranked on",
                      hint: "\(suggestion)use one of: \(RankingEntry.indicators.joined(separator: ", "))")
        }
        checkRanking(scenario, into: &out)
    }
}

extension RankingEntry {
    /// The indicators a ranking may name (lower is better; `general_share` by its deviation from the target).
    public static let indicators = ["large_class_share", "super_large_classes", "shortage_seats", "no_school_areas",
                                    "townships_without_public_kindergarten", "blind_spot_areas", "general_share",
                                    "staff_shortage", "special_gap"]
}
