import ArgumentParser
import Foundation
import SeatPlanKit

extension ReportLanguage: ExpressibleByArgument {}

/// `seatplan report FILE`: what `compare` does, plus `report.html`, a page to look at and print.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare the plans and write report.html: charts and tables to look at, share and print.",
        discussion: """
        Writes the files of 'compare' and report.html — one self-contained page (no script, no network): an \
        overview, the early-warning map, pupils against seats per zone and stage, the plan comparison and the \
        assumptions — into the output folder at once.
        """
    )

    @OptionGroup var input: ScenarioArguments
    @OptionGroup var output: OutputArguments
    @OptionGroup var comparing: ComparisonArguments
    @OptionGroup var monteCarlo: DrawArguments
    @OptionGroup var timing: TimingArguments

    @Flag(name: .long, help: "Run the advisor block first and show its advised plan beside the others (see 'advise').")
    var advice = false

    func run() throws {
        var clock = PhaseClock()
        var compiled = try input.check(clock: &clock).compiled
        if advice {
            let (_, found) = try Advise.advise(compiled, file: input.scenario, clock: &clock, timing: timing)
            compiled = CompiledScenario(checked: PlanAdvisor.scenario(compiled.scenario, with: found))
            TerminalText.print(TerminalAdvice.text(found, language: output.language(for: compiled.scenario)) + "\n")
        }
        try ComparisonArguments.run(compiled, clock: &clock, file: input.scenario, output: output, comparing: comparing,
                                    monteCarlo: monteCarlo, timing: timing) { result, scenario, draws in
            HTMLReport(allocation: result.allocation, comparison: result.comparison, scenario: scenario,
                       language: output.language(for: scenario), pupilBands: draws.map { PupilBand.p10p90($0, scenario: scenario) } ?? [],
                       draws: draws)
        }
    }
}
