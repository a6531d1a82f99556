import Foundation

extension ScenarioValidator {
    /// A plan's projects, inherited ones included, may cost at most `PlausibilityLimits.planCost` in all:
    /// the terminal, `comparison.csv` and the page then all show the same total in full.
    func checkPlanCost(_ plan: ResolvedPlan, scenario: Scenario, into out: inout DiagnosticCollector) {
        let total = plan.projects.reduce(0) { $0 + $1.project.cost }
        guard total > PlausibilityLimits.planCost else { return }
        let location = scenario.plans.first { $0.id == plan.id }?.location ?? scenario.location
        out.error(at: location, "the projects of plan '\(TextChecks.shortened(plan.id))' cost \(String(format: "%.0f", total)) in all, beyond the plausible",
                  hint: "a plan may cost at most \(String(format: "%.0f", PlausibilityLimits.planCost)); check the 'cost' values")
    }
}
