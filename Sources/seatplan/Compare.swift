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

    func run() throws {
        let scenario = try input.check().scenario
        let result = try comparing.compare(scenario, file: input.scenario)
        let reports = ComparisonArguments.reports(result, scenario: scenario, output: output)
        try output.write(reports, for: scenario)
        ComparisonArguments.printSummary(result, scenario: scenario, reports: reports, folder: output.folder(for: scenario))
    }
}
