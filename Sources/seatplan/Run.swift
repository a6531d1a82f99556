import ArgumentParser
import Foundation
import SeatPlanKit

/// `seatplan run FILE`: projects the scenario, allocates every plan and writes the reports.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Project a scenario and write the capacity-gap reports (CSV).",
        discussion: """
        Writes capacity.csv, districts.csv, grades.csv, summary.csv and assumptions.csv into the output \
        folder at once: on any error nothing is written and the folder keeps what it had.
        """
    )

    @OptionGroup var input: ScenarioArguments
    @OptionGroup var output: OutputArguments

    func run() throws {
        let scenario = try input.check().scenario
        let allocation = try OutputArguments.simulate(scenario)
        let reports = ReportSet(allocation: allocation, scenario: scenario, excel: output.excel ?? scenario.output.excel)
        try output.write(reports, for: scenario)
        print(TerminalSummary.text(allocation, scenario: scenario))
        print("")
        print("Reports written to \(output.folder(for: scenario))/: \(reports.names.joined(separator: ", "))")
    }
}
