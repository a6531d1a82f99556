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

    @Option(name: .long, help: "Language of the page's own words. Names from the scenario are shown as written.")
    var lang: ReportLanguage = .zh

    @Flag(name: .long, help: "Run the advisor block first and show its advised plan beside the others (see 'advise').")
    var advice = false

    func run() throws {
        var clock = PhaseClock()
        var scenario = try input.check(clock: &clock).scenario
        if advice {
            let (_, found) = try Advise.advise(scenario, file: input.scenario, clock: &clock, timing: timing)
            scenario = PlanAdvisor.scenario(scenario, with: found)
            print(TerminalAdvice.text(found) + "\n")
        }
        let result = try comparing.compare(scenario, file: input.scenario, clock: &clock)
        var reports = ComparisonArguments.reports(result, scenario: scenario, output: output)
        let drawn = try monteCarlo.addRangesAndSummary(to: &reports, scenario: scenario, allocation: result.allocation,
                                                       excel: output.excel ?? scenario.output.excel, clock: &clock)
        let page = clock.measure("html") {
            HTMLReport(allocation: result.allocation, comparison: result.comparison, scenario: scenario,
                       language: lang, pupilBands: drawn.map { PupilBand.p10p90($0.summary, scenario: scenario) } ?? [])
        }
        reports.add(page)
        try output.write(reports, for: scenario, clock: &clock)
        if let drawn { print(drawn.message) }
        let summary = clock.measure("summary") {
            ComparisonArguments.summary(result, scenario: scenario, reports: reports, folder: output.folder(for: scenario))
        }
        timing.report(clock)
        print(summary)
    }
}
