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
            checkStageGrade(entry.stage, entry.grade, at: entry.location, what: "a 'ratio_sd' entry",
                            standards: standards, into: &out)
        }
    }
}
