import ArgumentParser
import Foundation
import SeatPlanKit

/// `--draws N [--seed S] [--threads T]`: Monte Carlo ranges on top of the central reports.
struct DrawArguments: ParsableArguments {
    @Option(name: .long, help: "Monte Carlo draws; adds ranges.csv, summary_ranges.csv, plan_probabilities.csv and uncertainty.csv.")
    var draws: Int?

    @Option(name: .long, help: "Seed of the draws (default: 1); the same seed gives the same files, whatever --threads.")
    var seed: UInt64?

    @Option(name: .long, help: "Threads for the draws (default: every core).")
    var threads: Int?

    static let maxDraws = 1_000_000

    func validate() throws {
        if let draws, !(1...Self.maxDraws).contains(draws) {
            throw ValidationError("--draws must be a whole number from 1 to \(Self.maxDraws), e.g. --draws 1000")
        }
        if draws == nil, seed != nil || threads != nil {
            throw ValidationError("--seed and --threads go with --draws; add e.g. --draws 1000")
        }
        if let threads, !(1...1024).contains(threads) {
            throw ValidationError("--threads must be a whole number from 1 to 1024")
        }
    }

    /// Runs the draws when `--draws` is given and adds their reports, timed as the phase `draws`; prints a
    /// progress line on standard error only when it is a terminal.
    func addRanges(to reports: inout ReportSet, scenario: Scenario, allocation: Allocation, excel: Bool,
                   language: ReportLanguage, clock: inout PhaseClock) throws -> String? {
        try addRangesAndSummary(to: &reports, scenario: scenario, allocation: allocation, excel: excel,
                                language: language, clock: &clock)?.message
    }

    /// As above, also giving the summary of the draws (for the P10–P90 bands of report.html).
    func addRangesAndSummary(to reports: inout ReportSet, scenario: Scenario, allocation: Allocation, excel: Bool,
                             language: ReportLanguage, clock: inout PhaseClock) throws
        -> (summary: DrawSummary, message: String)? {
        guard draws != nil else { return nil }
        return try clock.measure("draws") {
            try drawRanges(to: &reports, scenario: scenario, allocation: allocation, excel: excel, language: language)
        }
    }

    private func drawRanges(to reports: inout ReportSet, scenario: Scenario, allocation: Allocation, excel: Bool,
                            language: ReportLanguage) throws -> (summary: DrawSummary, message: String)? {
        guard let draws else { return nil }
        let monteCarlo = MonteCarlo(draws: draws, seed: seed ?? 1,
                                    threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
        let bar = isatty(STDERR_FILENO) == 1 ? ProgressBar(total: draws) : nil
        let start = Date()
        let summary: DrawSummary
        do {
            summary = try monteCarlo.run(scenario, allocation: allocation, progress: bar?.callback)
        } catch {
            bar?.clear()
            Diagnostics.print(error.diagnostics)
            Diagnostics.print(summary: "the draws failed; nothing was written")
            throw ExitCode(1)
        }
        bar?.clear()
        reports.addRanges(summary, scenario: scenario, excel: excel)
        let seconds = Date().timeIntervalSince(start)
        return (summary, TerminalLabels(language: language).draws(summary, seconds: seconds))
    }
}

/// Redraws the progress line on standard error at most 10 times a second. `@unchecked Sendable`: its one
/// mutable field, `last`, is read and written under `lock` only.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let start = Date()
    private var last = Date.distantPast
    private let lock = NSLock()

    init(total: Int) { self.total = total }

    var callback: @Sendable (Int) -> Void { { [self] done in update(done) } }

    func update(_ done: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard done == total || now.timeIntervalSince(last) >= 0.1 else { return }
        last = now
        let line = TerminalProgress.line(done: done, total: total, elapsed: now.timeIntervalSince(start))
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
    }

    func clear() {
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
