extension ScenarioValidator {
    /// Every id and name of the scenario against `TextChecks`: the scenario id as a folder name, the others
    /// as plain text of bounded length.
    func checkText(_ scenario: Scenario, into out: inout DiagnosticCollector) {
        func check(_ text: String, _ what: String, id: Bool, at location: SourceLocation) {
            let limit = id ? TextChecks.maximumIDLength : TextChecks.maximumNameLength
            if let problem = TextChecks.problem(text, what: what, maximumLength: limit) {
                out.error(at: location, problem.message, hint: problem.hint)
            }
        }
        if let problem = TextChecks.scenarioIDProblem(scenario.id) {
            out.error(at: scenario.location, problem.message, hint: problem.hint)
        }
        check(scenario.title, "title", id: false, at: scenario.location)
        for stage in scenario.standards.stages {
            check(stage.id, "stage id", id: true, at: stage.location)
            check(stage.name, "name of stage '\(TextChecks.shortened(stage.id))'", id: false, at: stage.location)
            for grade in stage.gradeNames { check(grade, "grade name", id: true, at: stage.location) }
        }
        for district in scenario.districts {
            check(district.id, "district id", id: true, at: district.location)
            check(district.name, "name of district '\(TextChecks.shortened(district.id))'", id: false, at: district.location)
            for zone in district.zones {
                check(zone.id, "zone id", id: true, at: zone.location)
                check(zone.name, "name of zone '\(TextChecks.shortened(zone.id))'", id: false, at: zone.location)
            }
            for housing in district.housing {
                check(housing.name, "housing name", id: false, at: housing.location)
            }
        }
        for school in scenario.schools {
            check(school.id, "school id", id: true, at: school.location)
            check(school.name, "name of school '\(TextChecks.shortened(school.id))'", id: false, at: school.location)
        }
        for plan in scenario.plans {
            check(plan.id, "plan id", id: true, at: plan.location)
            check(plan.name, "name of plan '\(TextChecks.shortened(plan.id))'", id: false, at: plan.location)
            for project in plan.projects {
                check(project.school, "school id", id: true, at: project.location)
                if let name = project.name { check(name, "project name", id: false, at: project.location) }
            }
        }
    }
}
