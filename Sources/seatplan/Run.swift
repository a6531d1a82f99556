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

    @Option(name: .long, help: "Output folder (default: output/<scenario id>).")
    var out: String?

    @Flag(inversion: .prefixedNo,
          help: "Excel-friendly CSV: UTF-8 BOM and formula-safe text (default: the scenario's 'output: excel').")
    var excel: Bool?

    func run() throws {
        let checked = try input.check()
        let scenario = checked.scenario
        let allocation: Allocation
        do {
            allocation = try Pipeline().simulate(scenario)
        } catch {
            Diagnostics.print(error.diagnostics)
            Diagnostics.print(summary: "the projection failed; nothing was written")
            throw ExitCode(1)
        }
        let folder = out ?? "output/\(scenario.id)"
        let reports = ReportSet(allocation: allocation, scenario: scenario, excel: excel ?? scenario.output.excel)
        do {
            try reports.write(to: folder)
        } catch {
            Diagnostics.print(summary: "error: \(error.description)")
            throw ExitCode(3)
        }
        print(TerminalSummary.text(allocation, scenario: scenario))
        print("")
        print("Reports written to \(folder)/: \(ReportSet.fileNames.joined(separator: ", "))")
    }
}
