import ArgumentParser

@main
struct SeatPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seatplan",
        abstract: "School-place capacity planning: project pupils, set them against seats, compare plans.",
        version: "0.1.0",
        subcommands: [Run.self, Validate.self],
        defaultSubcommand: nil
    )
}
