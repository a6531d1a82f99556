import Foundation

/// What `seatplan advise` prints: the chosen projects and their cost, each target and the year it is met
/// (beside the plan without the advice), and the work done to confirm the choice.
public enum TerminalAdvice {
    /// The choice, its cost, each target and the year it is met, the solver's work.
    public static func text(_ advice: PlanAdvisor.Advice, language: ReportLanguage = .en) -> String {
        let zh = language == .zh
        var lines: [String] = []
        if advice.choices.isEmpty {
            lines.append(zh ? "建议：无需新增项目——不加任何候选项目即可达到目标"
                            : "Advice: no project is needed — the targets are met without any candidate")
        } else {
            lines.append(zh ? "建议：\(advice.choices.count) 个项目，投资 \(AdviceReport.number(advice.cost))"
                            : "Advice: \(advice.choices.count) project(s), cost \(AdviceReport.number(advice.cost))")
            for choice in advice.choices {
                let p = choice.project
                let rooms = AdviceReport.classrooms(p.classrooms, separator: ", ")
                if zh {
                    let what = p.kind == .build ? "新建 \(p.name ?? p.school)（\(p.school)）" : "扩建 \(p.school)"
                    lines.append("  \(what)，\(rooms) 间教室，\(choice.year) 年启用，投资 \(AdviceReport.number(p.cost))")
                } else {
                    let what = p.kind == .build ? "build \(p.school) (\(p.name ?? p.school))" : "expand \(p.school)"
                    lines.append("  \(what), \(rooms) classrooms, from \(choice.year), cost \(AdviceReport.number(p.cost))")
                }
            }
        }
        for (after, before) in zip(advice.check.results, advice.before.results) {
            let goal = after.target == "max_shortage_seat_years" ? AdviceReport.number(after.goal) : String(Int(after.goal))
            switch after.target {
            case "max_shortage_seat_years":
                lines.append(zh ? "目标 \(after.target) \(goal)：达到（\(AdviceReport.number(after.amount)) 学位·年；不采纳建议时 \(AdviceReport.number(before.amount))）"
                                : "Target \(after.target) \(goal): met (\(AdviceReport.number(after.amount)) seat-years; "
                                  + "without the advice \(AdviceReport.number(before.amount)))")
            default:
                let met = after.yearMet.map(String.init) ?? "—"
                if zh {
                    let unit = after.target == "no_super_large_from" ? "个超大班额" : "个区域·年缺位"
                    lines.append("目标 \(after.target) \(goal)：自 \(met) 年起达到（不采纳建议时 \(goal) 年起有 \(Int(before.amount)) \(unit)\(before.yearMet.map { "，\($0) 年起消除" } ?? "")）")
                } else {
                    let unit = after.target == "no_super_large_from" ? "super-large classes" : "area-years short"
                    lines.append("Target \(after.target) \(goal): met from \(met) "
                                 + "(without the advice: \(Int(before.amount)) \(unit) from \(goal)\(before.yearMet.map { ", clear from \($0)" } ?? ""))")
                }
            }
        }
        // The work done, always in this form (make bench reads it).
        lines.append("Confirmed by the model: \(statistics(advice.statistics))")
        return lines.joined(separator: "\n")
    }

    public static func statistics(_ s: PlanAdvisor.Statistics) -> String {
        "\(s.modelRuns) model run(s), \(s.cuts) cut(s), \(s.solves) solve(s), solver \(String(format: "%.3f", s.solverSeconds)) s"
    }
}
