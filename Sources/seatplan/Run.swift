import ArgumentParser
import Foundation
import SeatPlanKit

/// `seatplan run FILE`: projects the scenario, allocates every plan and writes the reports.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Project a scenario and write the capacity-gap reports (CSV).",
        discussion: """
        Writes capacity.csv, districts.csv, grades.csv, summary.csv, transfers.csv, assumptions.csv, indicators.csv and rankings.csv into the output \
        folder at once: on any error nothing is written and the folder keeps what it had. With --draws N, \
        also ranges.csv, summary_ranges.csv, plan_probabilities.csv and uncertainty.csv from N Monte Carlo draws (the \
        scenario's 'uncertainty'), with the others, at once.
        """
    )

    @OptionGroup var input: ScenarioArguments
    @OptionGroup var output: OutputArguments
    @OptionGroup var monteCarlo: DrawArguments
    @OptionGroup var timing: TimingArguments

    func run() throws {
        var clock = PhaseClock()
        let checked = try input.check(clock: &clock)
        let scenario = checked.scenario
        let allocation = try OutputArguments.simulate(checked.compiled, clock: &clock)
        let excel = output.excel ?? scenario.output.excel
        let language = output.language(for: scenario)
        let coverage = clock.measure("coverage") { CoverageSummary(allocation, scenario: scenario) }
        let comparison = clock.measure("compare") { PlanComparison(allocation, scenario: scenario, coverage: coverage) }
        var reports = ReportSet(allocation: allocation, scenario: scenario, excel: excel, comparison: comparison,
                                comparisonFiles: false, grades: output.grades, geojson: output.geojson)
        let drawn = try monteCarlo.addRanges(to: &reports, scenario: scenario, allocation: allocation, excel: excel,
                                             language: language, clock: &clock)
        try output.write(&reports, for: scenario, clock: &clock)
        let summary = clock.measure("summary") {
            TerminalSummary.text(allocation, comparison: comparison, scenario: scenario, language: language)
        }
        timing.report(clock)
        TerminalText.print(summary)
        TerminalText.print("")
        if let drawn { TerminalText.print(drawn) }
        let ranking = TerminalRanking.text(allocation, comparison: comparison, scenario: scenario, language: language)
        if !ranking.isEmpty { TerminalText.print(ranking + "\n") }
        TerminalText.print(TerminalLabels(language: language).written(output.folder(for: scenario),
                                                                      reports.names.joined(separator: ", ")))
    }
}
