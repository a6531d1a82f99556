/// The meaning of the `uncertainty` keys: every `ratio_sd` entry names a stage and grade of the scenario;
/// a development's `slip` moves completions that are still to come.
extension ScenarioValidator {
    func checkUncertainty(_ scenario: Scenario, into out: inout DiagnosticCollector) {
        checkRatioSDs(scenario.uncertainty.ratioSDs, standards: scenario.standards, into: &out)
        for district in scenario.districts {
            checkRatioSDs(district.uncertainty.ratioSDs, standards: scenario.standards, into: &out)
            for housing in district.housing {
                guard let slip = housing.slip, !slip.isOnTime,
                      !housing.dwellings.keys.contains(where: { $0 > scenario.baseYear }) else { continue }
                out.warning(at: slip.location ?? housing.location,
                            "housing '\(housing.name)' has a 'slip' but no dwellings completed after the base year \(scenario.baseYear)",
                            hint: "completions in or before the base year are counted already and never slip; remove 'slip' or correct the years")
            }
        }
    }

    private func checkRatioSDs(_ entries: [RatioSD], standards: Standards, into out: inout DiagnosticCollector) {
        for entry in entries {
            guard let stage = standards.stage(entry.stage) else {
                out.error(at: entry.location, "a 'ratio_sd' entry names stage '\(entry.stage)', which is not a stage",
                          hint: "use one of: \(standards.stages.map(\.id).joined(separator: ", "))")
                continue
            }
            if entry.grade > stage.grades {
                out.error(at: entry.location,
                          "a 'ratio_sd' entry names grade \(entry.grade) of '\(stage.id)', which has \(stage.grades) grades",
                          hint: "use a grade from 1 to \(stage.grades)")
            }
        }
    }
}
