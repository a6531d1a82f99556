import ArgumentParser
import Foundation
import SeatPlanKit

/// Options and steps of the commands that compare plans (`compare`, `report`): which plans, the used-seat
/// threshold, and the run from a checked scenario to its comparison.
struct ComparisonArguments: ParsableArguments {
    @Option(name: .long, parsing: .upToNextOption, help: "Plans to compare, comma-separated (default: all).",
            transform: { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } })
    var plans: [[String]] = []

    @Option(name: .long, help: "Utilisation at or above which a project's seats count as used.")
    var usedThreshold: Double = PlanComparison.defaultUsedThreshold

    func validate() throws {
        guard usedThreshold.isFinite, usedThreshold >= 0 else {
            throw ValidationError("--used-threshold must be a number of 0 or more, e.g. 0.6")
        }
    }

    /// The run of a comparison: the allocation of the baseline and the chosen plans, and their comparison.
    struct Result {
        var allocation: Allocation
        var comparison: PlanComparison
    }

    /// Projects, allocates the baseline and the chosen plans, and compares them. A plan that is not in the
    /// scenario is a usage error (exit status 64); a failed projection exits with 1.
    func compare(_ compiled: CompiledScenario, file: String, clock: inout PhaseClock) throws -> Result {
        let scenario = compiled.scenario
        let chosen = plans.flatMap { $0 }.filter { !$0.isEmpty }
        let known = scenario.plans.map(\.id)
        if let unknown = chosen.first(where: { !known.contains($0) && $0 != Plan.baselineID }) {
            throw ValidationError("--plans names '\(unknown)', which is not a plan of \(file) "
                                  + "(plans: \(known.joined(separator: ", ")))")
        }
        let allocation = try OutputArguments.simulate(compiled, plans: chosen.isEmpty ? nil : Set(chosen), clock: &clock)
        let coverage = clock.measure("coverage") { CoverageSummary(allocation, scenario: scenario) }
        let comparison = clock.measure("compare") {
            PlanComparison(allocation, scenario: scenario, usedThreshold: usedThreshold, coverage: coverage)
        }
        return Result(allocation: allocation, comparison: comparison)
    }

    /// The reports of `compare`: those of `run`, plus `comparison.csv` and `projects.csv`.
    static func reports(_ result: Result, scenario: Scenario, output: OutputArguments) -> ReportSet {
        ReportSet(allocation: result.allocation, scenario: scenario, excel: output.excel ?? scenario.output.excel,
                  comparison: result.comparison, comparisonFiles: true, grades: output.grades,
                  geojson: output.geojson)
    }

    /// What `compare` prints after writing: the ranked plans, the zones still short, the files written.
    static func summary(_ result: Result, scenario: Scenario, reports: ReportSet, folder: String,
                        language: ReportLanguage) -> String {
        let ranking = TerminalRanking.text(result.allocation, comparison: result.comparison, scenario: scenario,
                                           language: language)
        let coverage = TerminalCoverage.text(result.comparison, scenario: scenario, language: language)
        return TerminalComparison.text(result.comparison, allocation: result.allocation, scenario: scenario, language: language)
            + [coverage, ranking].filter { !$0.isEmpty }.map { "\n\n" + $0 }.joined()
            + "\n\n" + TerminalLabels(language: language).written(folder, reports.names.joined(separator: ", "))
    }

    /// The whole of `compare` and `report`: check, compare, the reports (with `page` made from the result and
    /// the draws' summary, when given), the ranges, writing at once, then the terminal text.
    static func run(input: ScenarioArguments, output: OutputArguments, comparing: ComparisonArguments,
                    monteCarlo: DrawArguments, timing: TimingArguments,
                    page: ((Result, Scenario, DrawSummary?) -> HTMLReport)? = nil) throws {
        var clock = PhaseClock()
        let compiled = try input.check(clock: &clock).compiled
        try run(compiled, clock: &clock, file: input.scenario, output: output, comparing: comparing,
                monteCarlo: monteCarlo, timing: timing, page: page)
    }

    /// The same from a compiled scenario (`report --advice` adds the advised plan to it first).
    static func run(_ compiled: CompiledScenario, clock: inout PhaseClock, file: String, output: OutputArguments,
                    comparing: ComparisonArguments, monteCarlo: DrawArguments, timing: TimingArguments,
                    page: ((Result, Scenario, DrawSummary?) -> HTMLReport)? = nil) throws {
        let scenario = compiled.scenario
        let result = try comparing.compare(compiled, file: file, clock: &clock)
        var reports = Self.reports(result, scenario: scenario, output: output)
        let drawn = try monteCarlo.addRangesAndSummary(to: &reports, scenario: scenario, allocation: result.allocation,
                                                       excel: output.excel ?? scenario.output.excel,
                                                       language: output.language(for: scenario), clock: &clock)
        if let page {
            let report = clock.measure("html") { page(result, scenario, drawn?.summary) }
            reports.add(report)
        }
        try output.write(&reports, for: scenario, comparison: result.comparison, clock: &clock)
        if let drawn { TerminalText.print(drawn.message) }
        let summary = clock.measure("summary") {
            Self.summary(result, scenario: scenario, reports: reports, folder: output.folder(for: scenario),
                         language: output.language(for: scenario))
        }
        timing.report(clock)
        TerminalText.print(summary)
    }
}
