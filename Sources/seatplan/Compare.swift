import ArgumentParser
import Foundation
import SeatPlanKit

/// `seatplan compare FILE`: runs the baseline and the plans, and compares them by cost and shortage avoided.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare the plans of a scenario: shortage left and avoided, cost per seat-year, project use.",
        discussion: """
        Writes the reports of 'run' for the baseline and the chosen plans, plus comparison.csv and projects.csv, \
        into the output folder at once. The pupils are projected once; plans with the same classrooms are \
        allocated once.
        """
    )

    @OptionGroup var input: ScenarioArguments
    @OptionGroup var output: OutputArguments
    @OptionGroup var comparing: ComparisonArguments
    @OptionGroup var monteCarlo: DrawArguments
    @OptionGroup var timing: TimingArguments

    func run() throws {
        var clock = PhaseClock()
        let checked = try input.check(clock: &clock)
        let scenario = checked.scenario
        let result = try comparing.compare(checked.compiled, file: input.scenario, clock: &clock)
        var reports = ComparisonArguments.reports(result, scenario: scenario, output: output)
        let drawn = try monteCarlo.addRanges(to: &reports, scenario: scenario, allocation: result.allocation,
                                             excel: output.excel ?? scenario.output.excel, clock: &clock)
        try output.write(&reports, for: scenario, comparison: result.comparison, clock: &clock)
        if let drawn { TerminalText.print(drawn) }
        let summary = clock.measure("summary") {
            ComparisonArguments.summary(result, scenario: scenario, reports: reports, folder: output.folder(for: scenario))
        }
        timing.report(clock)
        TerminalText.print(summary)
    }
}
