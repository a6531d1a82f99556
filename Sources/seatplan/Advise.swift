import ArgumentParser
import Foundation
import SeatPlanKit

/// `seatplan advise FILE`: the cheapest choice of the `advisor` block's candidates, and when to open each,
/// that meets every target; writes it as a plan with its reports.
struct Advise: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Choose the cheapest candidate projects and opening years that meet the advisor's targets.",
        discussion: """
        Reads the scenario's 'advisor' block (based_on, candidates with cost, earliest and latest, targets). \
        An integer programme (GLPK) proposes the cheapest choice; each proposal is run through the model and \
        only a confirmed one is advised. Writes advice.csv, advised-plan.yaml (a plan to paste under \
        'plans:') and the reports of 'compare' for the baseline, based_on and the advised plan into the \
        output folder at once. Exit status 1 when no choice meets the targets (the reason is printed).
        """
    )

    @OptionGroup var input: ScenarioArguments
    @OptionGroup var output: OutputArguments
    @OptionGroup var timing: TimingArguments

    func run() throws {
        var clock = PhaseClock()
        let compiled = try input.check(clock: &clock).compiled
        let scenario = compiled.scenario
        let (demand, advice) = try Self.advise(compiled, file: input.scenario, clock: &clock, timing: timing)
        let pipeline = Pipeline()
        let advised = PlanAdvisor.scenario(scenario, with: advice)
        let allocation = clock.measure("allocate") {
            pipeline.allocate(CompiledScenario(checked: advised), demand: demand, plans: PlanAdvisor.comparedPlans(advice))
        }
        // The reports' own run of the advised plan must agree with the advisor's.
        guard let rows = allocation.outcome(advice.plan.id)?.rows,
              PlanAdvisor.check(advised, rows: rows) == advice.check else {
            Diagnostics.print(summary: "error: the advised plan, run for the reports, does not meet the targets as the advisor found; nothing was written")
            throw ExitCode(1)
        }
        let comparison = clock.measure("compare") { PlanComparison(allocation, scenario: advised) }
        let excel = output.excel ?? scenario.output.excel
        var reports = ReportSet(allocation: allocation, scenario: advised, excel: excel, comparison: comparison,
                                comparisonFiles: true, grades: output.grades)
        reports.files.append(.csv("advice.csv", columns: AdviceReport.columns, writer: CSVWriter(excel: excel)) {
            AdviceReport.fill(advice, into: &$0)
        })
        reports.files.append(ReportFile(name: "advised-plan.yaml", data: Data(AdviceReport.yaml(advice.plan).utf8)))
        try output.write(&reports, for: scenario, comparison: comparison, clock: &clock)
        timing.report(clock)
        TerminalText.print(TerminalAdvice.text(advice, language: output.language(for: scenario)) + "\n\n"
                           + TerminalLabels(language: output.language(for: scenario)).written(output.folder(for: scenario),
                                                                                              reports.names.joined(separator: ", ")))
    }

    /// Projects and advises; prints why and exits with 1 when no choice meets the targets, 64 without an
    /// `advisor` block (also for `report --advice`).
    static func advise(_ compiled: CompiledScenario, file: String, clock: inout PhaseClock,
                       timing: TimingArguments) throws -> (Demand, PlanAdvisor.Advice) {
        let scenario = compiled.scenario
        guard scenario.advisor != nil else {
            throw ValidationError("\(file) has no 'advisor' block — add one with 'candidates' and 'targets' (see README, 'advise')")
        }
        let demand: Demand
        do {
            demand = try clock.measure("project") { () throws(ScenarioError) in try Pipeline().project(scenario) }
        } catch {
            Diagnostics.print(error.diagnostics)
            Diagnostics.print(summary: "the projection failed; nothing was written")
            throw ExitCode(1)
        }
        switch clock.measure("advise", { PlanAdvisor().advise(compiled, demand: demand) }) {
        case .failure(let failure):
            for reason in failure.reasons.prefix(10) { Diagnostics.print(summary: "error: \(reason)") }
            if failure.reasons.count > 10 {
                Diagnostics.print(summary: "… and \(failure.reasons.count - 10) more of the same kind")
            }
            Diagnostics.print(summary: "no choice of the candidates meets every target; nothing was written "
                              + "(\(TerminalAdvice.statistics(failure.statistics)))")
            timing.report(clock)
            throw ExitCode(1)
        case .success(let advice):
            return (demand, advice)
        }
    }
}
