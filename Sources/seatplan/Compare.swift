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
        try ComparisonArguments.run(input: input, output: output, comparing: comparing, monteCarlo: monteCarlo,
                                    timing: timing)
    }
}
