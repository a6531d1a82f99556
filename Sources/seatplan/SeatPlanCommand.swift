import ArgumentParser

@main
struct SeatPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seatplan",
        abstract: "School-place capacity planning: project pupils, set them against seats, compare plans.",
        version: "0.1.0",
        subcommands: [Run.self, Compare.self, Report.self, Advise.self, Validate.self, Backtest.self, Init.self, Schema.self],
        defaultSubcommand: nil
    )

    /// Without a command there is nothing to do: a usage error, not a silent success.
    func run() throws {
        throw ValidationError("no command given — use 'seatplan run|compare|report|validate SCENARIO' or 'seatplan backtest'")
    }
}
