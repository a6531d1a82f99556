import ArgumentParser
import SeatPlanKit

/// `seatplan schema`: the JSON Schema of the scenario file, for editors.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (draft 2020-12) of the scenario file, for completion and checking in editors.",
        discussion: """
        Save it beside your scenarios ('seatplan schema > scenario.schema.json') and make the first line of a \
        scenario '# yaml-language-server: $schema=scenario.schema.json': VS Code (with the YAML extension) and \
        other editors with the YAML language server then offer the keys, describe them and mark unknown ones.
        """
    )

    func run() {
        print(ScenarioSchema.json, terminator: "")
    }
}
