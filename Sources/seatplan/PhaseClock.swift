import ArgumentParser
import Foundation

/// Wall time of each phase of one command (load, validate, project, allocate, compare, write …), printed
/// on standard error with `--timings` as one line that scripts can read:
///
///     timings: load=0.812 validate=0.402 project=0.301 allocate=1.203 write=2.101 total=4.819 rows=8030754
///
/// Seconds with three decimals; `total` is the sum of the phases; `rows` the data rows of the CSV files
/// written (header rows not counted).
struct PhaseClock {
    private(set) var phases: [(name: String, seconds: Double)] = []
    var rowsWritten = 0

    /// Runs `body`, adding its wall time to the phase `name` .
    mutating func measure<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        let start = ContinuousClock.now
        defer {
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            if let i = phases.firstIndex(where: { $0.name == name }) {
                phases[i].seconds += seconds
            } else {
                phases.append((name, seconds))
            }
        }
        return try body()
    }

    var line: String {
        let total = phases.reduce(0) { $0 + $1.seconds }
        let cells = phases.map { "\($0.name)=\(Self.seconds($0.seconds))" } + ["total=\(Self.seconds(total))", "rows=\(rowsWritten)"]
        return "timings: " + cells.joined(separator: " ")
    }

    private static func seconds(_ value: Double) -> String { String(format: "%.3f", value) }
}

/// `--timings`: the wall time of each phase, on standard error.
struct TimingArguments: ParsableArguments {
    @Flag(help: "Print the wall time of each phase (load, validate, project, allocate, compare, write) on standard error.")
    var timings = false

    func report(_ clock: PhaseClock) {
        if timings { Diagnostics.printError(clock.line) }
    }
}
