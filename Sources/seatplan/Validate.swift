import ArgumentParser
import SeatPlanKit

/// `seatplan validate FILE`: checks a scenario and prints every error and warning.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario file and print every error as FILE:LINE:COLUMN.",
        discussion: "Exit status 0 when the scenario can be run, 1 when it has errors (or warnings, with --strict)."
    )

    @OptionGroup var input: ScenarioArguments
    @OptionGroup var timing: TimingArguments

    @Option(name: .long, help: "Language of the summary line (zh or en; default: the scenario's 'output: lang', else zh).")
    var lang: ReportLanguage?

    func run() throws {
        var clock = PhaseClock()
        let checked = try input.check(clock: &clock)
        timing.report(clock)
        let scenario = checked.scenario
        TerminalText.print(TerminalLabels(language: lang ?? scenario.output.lang ?? .zh).validated(
            input.scenario, districts: scenario.districts.count, zones: scenario.zones.count,
            schools: scenario.schools.count, plans: scenario.plans.count,
            years: "\(scenario.baseYear)–\(scenario.baseYear + scenario.horizon)", warnings: checked.warnings.count))
    }
}
