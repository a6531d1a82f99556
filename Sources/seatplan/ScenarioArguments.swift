import ArgumentParser
import Foundation
import SeatPlanKit

/// Options shared by the commands that read a scenario.
struct ScenarioArguments: ParsableArguments {
    @Argument(help: "The scenario file (YAML).", completion: .file(extensions: ["yaml", "yml"]))
    var scenario: String

    @Flag(help: "Treat warnings as errors (exit status 1).")
    var strict = false

    @Flag(help: "Read the scenario's 'tables:' from anywhere (absolute paths, '..'); by default only from its folder and the folders below it.")
    var tablesAnywhere = false

    /// Loads and validates the scenario, printing diagnostics to standard error.
    /// Throws `ExitCode(1)` when there are errors, or warnings with `--strict`.
    func check() throws -> Pipeline.Checked {
        var clock = PhaseClock()
        return try check(clock: &clock)
    }

    /// As `check()`, timing the phases `load` and `validate`.
    func check(clock: inout PhaseClock) throws -> Pipeline.Checked {
        let checked: Pipeline.Checked
        do {
            let pipeline = Pipeline()
            let scenario = try clock.measure("load") { () throws(ScenarioError) in try pipeline.load(path: self.scenario, tablesAnywhere: tablesAnywhere) }
            checked = try clock.measure("validate") { () throws(ScenarioError) in try pipeline.compile(scenario) }
        } catch {
            Diagnostics.print(error.diagnostics)
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            Diagnostics.print(summary: "\(errors) error(s) in \(scenario); nothing was written")
            throw ExitCode(1)
        }
        Diagnostics.print(checked.warnings)
        if strict, !checked.warnings.isEmpty {
            Diagnostics.print(summary: "\(checked.warnings.count) warning(s), treated as errors (--strict)")
            throw ExitCode(1)
        }
        return checked
    }
}

enum Diagnostics {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { printError(diagnostic.description) }
    }

    static func print(summary: String) {
        printError(summary)
    }

    static func printError(_ text: String) {
        TerminalText.printError(text)
    }
}
