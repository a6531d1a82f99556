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

    func run() throws {
        var clock = PhaseClock()
        let checked = try input.check(clock: &clock)
        timing.report(clock)
        let scenario = checked.scenario
        TerminalText.print("\(input.scenario): ok — \(scenario.districts.count) district(s), \(scenario.zones.count) zone(s), "
              + "\(scenario.schools.count) school(s), \(scenario.plans.count) plan(s), "
              + "\(scenario.baseYear)–\(scenario.baseYear + scenario.horizon); \(checked.warnings.count) warning(s)")
    }
}
