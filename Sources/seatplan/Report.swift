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

    func run() throws {
        var clock = PhaseClock()
        let checked = try input.check(clock: &clock)
        let scenario = checked.scenario
        let result = try comparing.compare(checked.compiled, file: input.scenario, clock: &clock)
        var reports = ComparisonArguments.reports(result, scenario: scenario, output: output)
        let drawn = try monteCarlo.addRangesAndSummary(to: &reports, scenario: scenario, allocation: result.allocation,
                                                       excel: output.excel ?? scenario.output.excel, clock: &clock)
        let page = clock.measure("html") {
            HTMLReport(allocation: result.allocation, comparison: result.comparison, scenario: scenario,
                       language: output.lang, pupilBands: drawn.map { PupilBand.p10p90($0.summary, scenario: scenario) } ?? [])
        }
        reports.add(page)
        try output.write(&reports, for: scenario, comparison: result.comparison, clock: &clock)
        if let drawn { TerminalText.print(drawn.message) }
        let summary = clock.measure("summary") {
            ComparisonArguments.summary(result, scenario: scenario, reports: reports, folder: output.folder(for: scenario))
        }
        timing.report(clock)
        TerminalText.print(summary)
    }
}
