import Foundation

/// What `seatplan advise` prints: the chosen projects and their cost, each target and the year it is met
/// (beside the plan without the advice), and the work done to confirm the choice.
public enum TerminalAdvice {
    /// The choice, its cost, each target and the year it is met, the solver's work.
    public static func text(_ advice: PlanAdvisor.Advice) -> String {
        var lines: [String] = []
        if advice.choices.isEmpty {
            lines.append("Advice: no project is needed — the targets are met without any candidate")
        } else {
            lines.append("Advice: \(advice.choices.count) project(s), cost \(AdviceReport.number(advice.cost))")
            for choice in advice.choices {
                let p = choice.project
                let what = p.kind == .build ? "build \(p.school) (\(p.name ?? p.school))" : "expand \(p.school)"
                lines.append("  \(what), \(AdviceReport.classrooms(p.classrooms, separator: ", ")) classrooms, "
                             + "from \(choice.year), cost \(AdviceReport.number(p.cost))")
            }
        }
        for (after, before) in zip(advice.check.results, advice.before.results) {
            let goal = after.target == "max_shortage_seat_years" ? AdviceReport.number(after.goal) : String(Int(after.goal))
            switch after.target {
            case "max_shortage_seat_years":
                lines.append("Target \(after.target) \(goal): met (\(AdviceReport.number(after.amount)) seat-years; "
                             + "without the advice \(AdviceReport.number(before.amount)))")
            default:
                let unit = after.target == "no_super_large_from" ? "super-large classes" : "area-years short"
                lines.append("Target \(after.target) \(goal): met from \(after.yearMet.map(String.init) ?? "—") "
                             + "(without the advice: \(Int(before.amount)) \(unit) from \(goal)\(before.yearMet.map { ", clear from \($0)" } ?? ""))")
            }
        }
        lines.append("Confirmed by the model: \(statistics(advice.statistics))")
        return lines.joined(separator: "\n")
    }

    public static func statistics(_ s: PlanAdvisor.Statistics) -> String {
        "\(s.modelRuns) model run(s), \(s.cuts) cut(s), \(s.solves) solve(s), solver \(String(format: "%.3f", s.solverSeconds)) s"
    }
}
