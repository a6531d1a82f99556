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
    @OptionGroup var monteCarlo: DrawArguments

    @Option(name: .long, parsing: .upToNextOption, help: "Plans to compare, comma-separated (default: all).",
            transform: { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } })
    var plans: [[String]] = []

    @Option(name: .long, help: "Utilisation at or above which a project's seats count as used (default: 0.6).")
    var usedThreshold: Double = PlanComparison.defaultUsedThreshold

    func validate() throws {
        guard usedThreshold.isFinite, usedThreshold >= 0 else {
            throw ValidationError("--used-threshold must be a number of 0 or more, e.g. 0.6")
        }
    }

    func run() throws {
        let scenario = try input.check().scenario
        let chosen = plans.flatMap { $0 }.filter { !$0.isEmpty }
        let known = scenario.plans.map(\.id)
        if let unknown = chosen.first(where: { !known.contains($0) && $0 != Plan.baselineID }) {
            throw ValidationError("--plans names '\(unknown)', which is not a plan of \(input.scenario) "
                                  + "(plans: \(known.joined(separator: ", ")))")
        }
        let allocation = try OutputArguments.simulate(scenario, plans: chosen.isEmpty ? nil : Set(chosen))
        let comparison = PlanComparison(allocation, scenario: scenario, usedThreshold: usedThreshold)
        let excel = output.excel ?? scenario.output.excel
        var reports = ReportSet(allocation: allocation, scenario: scenario, excel: excel, comparison: comparison)
        let drawn = try monteCarlo.addRanges(to: &reports, scenario: scenario, allocation: allocation, excel: excel)
        try output.write(reports, for: scenario)
        print(TerminalComparison.text(comparison, allocation: allocation, scenario: scenario))
        print("")
        if let drawn { print(drawn) }
        print("Reports written to \(output.folder(for: scenario))/: \(reports.names.joined(separator: ", "))")
    }
}
