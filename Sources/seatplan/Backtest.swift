import ArgumentParser
import Foundation
import SeatPlanKit

/// `seatplan backtest`: how wrong each projection method was on past years, by horizon.
struct Backtest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Backtest projection methods on counted history: error by method and horizon.",
        discussion: """
        From a scenario (its districts' enrolment history and births) or from plain CSV exports \
        (--enrollment year,unit,grade,students [--births year[,unit],births] --grades K,1,…). For each origin \
        year T the methods are fitted on what was known at T, project T+1…T+h, and are compared with what was \
        counted. Writes backtest.csv, accuracy.csv, breaks.csv, shocks.csv, with --draws error_model.csv, with entry from births births.csv and \
        births_auto.csv (the births trends on the entry grade), and classes.csv with --class-size and a 'classrooms' column.
        """
    )

    @Argument(help: "A scenario file (or use --enrollment).", completion: .file(extensions: ["yaml", "yml"]))
    var scenario: String?

    @OptionGroup var timing: TimingArguments

    @Option(help: "Enrolment history as CSV: year,unit,grade,students.")
    var enrollment: String?

    @Option(help: "Births as CSV: year,births or year,unit,births.")
    var births: String?

    @Option(help: "The grades of the enrolment file in order, e.g. K,1,2,3,4,5.",
            transform: { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
    var grades: [String] = []

    @Option(help: "Age at entry to the first grade (default: 5 when it is K, else 6).")
    var entryAge: Int?

    @Option(help: "Standard class size per grade for the class check, e.g. 26,26,26,26,29,29.",
            transform: { try $0.split(separator: ",").map { guard let n = Int($0.trimmingCharacters(in: .whitespaces)), n > 0 else { throw ValidationError("--class-size takes whole numbers above 0") }; return n } })
    var classSize: [Int] = []

    @Option(help: "Origin years, e.g. 2008-2018 or 2010,2012 (default: every year with two earlier and one later count).")
    var origins: String?

    @Option(help: "Horizons in years: one number or one range without gaps, e.g. 1-5 ('2,7' is refused: every horizon up to the last is projected).")
    var horizons: String = "1-5"

    @Option(help: "Entry grades: 'births' (projected from births, default) or 'known' (taken as counted).")
    var entry: String = "births"

    @Option(help: "Also backtest these rules of auto, as methods auto:RULE (select, pooled, pooled_units, combine), e.g. to compare them as docs/FORECASTING.md does.",
            transform: { try $0.split(separator: ",").map {
                guard let rule = AutoRule(rawValue: $0.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("--auto-rules takes select, pooled, pooled_units or combine, separated by commas")
                }
                return rule
            } })
    var autoRules: [AutoRule] = []

    @Option(help: "Births horizons of births.csv: years past the last birth year known at the origin (entry in T+A+j), one number or one range, e.g. 1-8 (default). Only with entry from births.")
    var birthsHorizons: String = "1-8"

    @Flag(help: "Leave ratio observations that touch a break year out of the fits.")
    var excludeBreaks = false

    @Flag(help: "Keep ratio observations that touch a common shock year (shocks.csv) in every method's fits, auto's too (by default they are left out, as 'projection: exclude_shocks' does in a scenario).")
    var keepShocks = false

    @Option(help: "Draws per case for P10–P90 ranges (columns p10,p90 in backtest.csv; coverage_p10_p90, mean_width_pct in accuracy.csv; what they were drawn with in error_model.csv).")
    var draws: Int?

    @Option(help: "Seed of the draws (default: 1); the same seed gives the same files, whatever the cores.")
    var seed: UInt64?

    @Option(help: "Cases listed in backtest.csv: all, totals or none.")
    var detail: String = "all"

    @Option(name: .long, help: "Language of the terminal's own words (zh or en; default: the scenario's 'output: lang', else zh).")
    var lang: ReportLanguage?

    @Option(help: "Output folder (default: output/<scenario id>-backtest or output/backtest-<enrolment file>).")
    var out: String?

    func validate() throws {
        guard (scenario == nil) != (enrollment == nil) else {
            throw ValidationError("give a scenario file or --enrollment FILE (with --grades), not both and not neither")
        }
        if enrollment != nil, grades.isEmpty { throw ValidationError("--enrollment needs --grades, e.g. --grades K,1,2,3,4,5") }
        if !classSize.isEmpty, classSize.count != grades.count {
            throw ValidationError("--class-size lists \(classSize.count) sizes for \(grades.count) grades")
        }
        guard ["births", "known"].contains(entry) else { throw ValidationError("--entry is 'births' or 'known'") }
        guard BacktestRunner.Detail(rawValue: detail) != nil else { throw ValidationError("--detail is all, totals or none") }
        let horizonYears = try Self.years(horizons, what: "--horizons", range: 1...30)
        if horizonYears != Array(horizonYears.first!...horizonYears.last!) {
            throw ValidationError("--horizons takes one number or one range without gaps, e.g. 3 or 1-5 (not '\(horizons)': every horizon up to the last is projected, so a gap cannot be left out)")
        }
        let birthsYears = try Self.years(birthsHorizons, what: "--births-horizons", range: 1...30)
        if birthsYears != Array(birthsYears.first!...birthsYears.last!) {
            throw ValidationError("--births-horizons takes one number or one range without gaps, e.g. 1-8")
        }
        if let draws, !(1...100_000).contains(draws) {
            throw ValidationError("--draws must be a whole number from 1 to 100000, e.g. --draws 200")
        }
        if draws == nil, seed != nil { throw ValidationError("--seed goes with --draws; add e.g. --draws 200") }
        if let origins { _ = try Self.years(origins, what: "--origins", range: 1900...2200) }
    }

    /// `2008-2018` or `2008,2010` as years.
    static func years(_ text: String, what: String, range: ClosedRange<Int>) throws -> [Int] {
        var result: [Int] = []
        for part in text.split(separator: ",") {
            let bounds = part.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard (1...2).contains(bounds.count), bounds.allSatisfy({ $0.map(range.contains) ?? false }),
                  let low = bounds.first!, let high = bounds.last!, low <= high else {
                throw ValidationError("\(what) takes numbers or ranges like 1-5, within \(range.lowerBound)–\(range.upperBound)")
            }
            result += Array(low...high)
        }
        return Array(Set(result)).sorted()
    }

    /// Why a backtest compared no projection with a count: what the history holds against what an origin
    /// needs (two counted years before it, one counted within the horizons after it).
    static func noCase(_ units: [UnitHistory], result: BacktestRunner.Result) -> String {
        let top = units.first { $0.level != .unit } ?? units.first
        let years = top?.counts.keys.sorted() ?? []
        let counted = years.isEmpty ? "no year with a count of every grade"
            : "complete counts (every grade) for \(years.count) year(s), \(years.first!)–\(years.last!)"
        let range = result.horizons.lowerBound == result.horizons.upperBound ? "\(result.horizons.lowerBound)"
            : "\(result.horizons.lowerBound)–\(result.horizons.upperBound)"
        let origins = result.origins.isEmpty ? "no origin year"
            : "origins \(result.origins.map(String.init).joined(separator: ", "))"
        return "no backtest case: the history has \(counted), which gives \(origins) with horizons \(range) — "
            + "an origin needs two counted years before it and a counted year \(range) years after it (and births for its entry grades); "
            + "give a longer history, or --origins and --horizons within it"
    }

    /// The units, stages, output folder and class check of the input.
    struct Input {
        var units: [UnitHistory]
        var stages: [Stage]
        var folder: String
        var classCheck: ClassCheck?
        /// The scenario's `output.lang`, when the history comes from a scenario.
        var language: ReportLanguage? = nil
    }

    func load() throws(ScenarioError) -> Input {
        if let scenario {
            let checked = try Pipeline().check(path: scenario)
            Diagnostics.print(checked.warnings)
            return Input(units: ScenarioHistory.units(checked.scenario), stages: checked.scenario.standards.stages,
                         folder: out ?? "output/\(checked.scenario.id)-backtest", classCheck: nil,
                         language: checked.scenario.output.lang)
        }
        let path = enrollment ?? ""
        let first = grades.first?.uppercased() ?? ""
        let history = try PlainHistory.read(
            enrollment: path, births: births, grades: grades,
            entryAge: entryAge ?? (["K", "KG", "0"].contains(first) ? 5 : 6),
            classSizes: classSize.isEmpty ? Array(repeating: 1, count: grades.count) : classSize)
        if history.skippedRows > 0 {
            Diagnostics.printError("note: \(history.skippedRows) row(s) of grades not in --grades were skipped")
        }
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return Input(units: history.units, stages: [history.stage], folder: out ?? "output/backtest-\(stem)",
                     classCheck: classSize.isEmpty ? nil : ClassCheck(history))
    }

    func run() throws {
        var clock = PhaseClock()
        let input: Input
        do {
            input = try clock.measure("load") { () throws(ScenarioError) in try load() }
        } catch {
            Diagnostics.print(error.diagnostics)
            Diagnostics.print(summary: "\(error.diagnostics.filter { $0.severity == .error }.count) error(s); nothing was written")
            throw ExitCode(1)
        }
        let (units, stages, folder, classCheck) = (input.units, input.stages, input.folder, input.classCheck)
        let horizonYears = try Self.years(horizons, what: "--horizons", range: 1...30)
        var methods = ForecastMethod.standardSet(entryKnown: entry == "known")
        let extra = autoRules.map { ForecastMethod.auto(rule: $0, births: ForecastMethod.autoBirths) }
        methods.insert(contentsOf: extra.filter { !methods.contains($0) }, at: methods.firstIndex { $0.isNaive } ?? methods.endIndex)
        let options = BacktestRunner.Options(
            origins: try origins.map { try Self.years($0, what: "--origins", range: 1900...2200) },
            horizons: horizonYears.first!...horizonYears.last!, methods: methods, entryKnown: entry == "known",
            excludeBreaks: excludeBreaks, excludeShocks: !keepShocks, detail: BacktestRunner.Detail(rawValue: detail) ?? .all,
            draws: draws ?? 0, seed: seed ?? 1)
        let result = clock.measure("backtest") { BacktestRunner().run(units, stages: stages, options: options) }
        if result.accuracy.isEmpty {
            Diagnostics.print(summary: "error: " + Self.noCase(units, result: result) + "; nothing was written")
            throw ExitCode(1)
        }
        // The births trends against the entry grade (births.csv), when entry comes from births.
        let birthsYears = try Self.years(birthsHorizons, what: "--births-horizons", range: 1...30)
        let births = entry == "births" && units.contains(where: { !$0.births.isEmpty })
            ? clock.measure("births") {
                BirthsBacktest().run(units, stages: stages, origins: result.origins,
                                     horizons: birthsYears.first!...birthsYears.last!,
                                     excluded: Set(result.shocks.map(\.year)))
            } : nil
        let reports = BacktestReports(result, classCheck: classCheck, births: births)
        do {
            clock.rowsWritten += try clock.measure("write") { () throws(OutputDirectory.WriteError) in
                try reports.write(to: folder)
            }
        } catch {
            Diagnostics.print(summary: "error: \(error.description)")
            throw ExitCode(3)
        }
        timing.report(clock)
        let language = lang ?? input.language ?? .zh
        TerminalText.print(BacktestSummary.text(result, classCheck: classCheck, language: language))
        if let births, !births.rows.isEmpty {
            TerminalText.print("")
            TerminalText.print(BacktestSummary.births(births, language: language))
        }
        TerminalText.print("")
        TerminalText.print(TerminalLabels(language: language).written(folder, reports.names.joined(separator: ", ")))
    }
}
