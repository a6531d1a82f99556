import Foundation

/// `advice.csv` and `advised-plan.yaml` of `seatplan advise`: each chosen project (candidate position,
/// kind, school, name, its school's zone, opening year, cost, classrooms, seats it adds in the last projected year by
/// stage, the targets whose classroom conditions it enters), and the advised plan as YAML to paste under
/// `plans:`.
public enum AdviceReport {
    public static let columns = ["candidate", "project", "school", "name", "zone", "opens", "cost", "classrooms",
                                 "seats_added", "targets_served"]

    public static func fill(_ advice: PlanAdvisor.Advice, into table: inout CSVTable) {
        for choice in advice.choices {
            let project = choice.project
            table.append([
                .integer(choice.candidate + 1), .text(project.kind.rawValue), .text(project.school),
                .text(project.name ?? ""), .text(choice.zone), .integer(choice.year),
                .text(number(project.cost)), .text(classrooms(project.classrooms, separator: "; ")),
                .text(choice.seatsAdded.map { "\($0.stage) \(number($0.seats))" }.joined(separator: "; ")),
                .text(choice.serves.joined(separator: "; ")),
            ])
        }
    }

    /// The plan, indented to sit under `plans:`, e.g.
    /// `  - id: advisor` … `      - { expand: shi-sanzhong, classrooms: 12, opens: 2026, cost: 40000000 }`.
    public static func yaml(_ plan: Plan) -> String {
        var lines = ["  - id: \(scalar(plan.id))", "    name: \(scalar(plan.name))"]
        if let basedOn = plan.basedOn { lines.append("    based_on: \(scalar(basedOn))") }
        lines.append(plan.projects.isEmpty ? "    projects: []" : "    projects:")
        for project in plan.projects {
            var fields: [String] = []
            switch project.kind {
            case .build:
                fields.append("build: \(scalar(project.school))")
                if let name = project.name { fields.append("name: \(scalar(name))") }
                if let zone = project.zone { fields.append("zone: \(scalar(zone))") }
                if case .byStage(let entries) = project.classrooms, entries.count == 1 {
                    fields.append("stage: \(scalar(entries[0].stage))")
                    fields.append("classrooms: \(entries[0].count)")
                } else {
                    fields.append("classrooms: \(classroomsYAML(project.classrooms))")
                }
            case .expand, .close:
                fields.append("\(project.kind.rawValue): \(scalar(project.school))")
                fields.append("classrooms: \(classroomsYAML(project.classrooms))")
            }
            fields.append("opens: \(project.year)")
            fields.append("cost: \(number(project.cost))")
            if project.kind == .build, !project.isPublic { fields.append("public: false") }
            if project.kind == .build, let at = project.at {
                fields.append("at: [\(coordinate(at.longitude)), \(coordinate(at.latitude))]")
            }
            lines.append("      - { \(fields.joined(separator: ", ")) }")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `12` for a one-number expansion, `{ primary: 18, junior: 6 }` by stage.
    static func classroomsYAML(_ classrooms: ProjectClassrooms) -> String {
        switch classrooms {
        case .ofTheSchoolsStage(let count, _): return String(count)
        case .byStage(let entries): return "{ " + entries.map { "\(scalar($0.stage)): \($0.count)" }.joined(separator: ", ") + " }"
        }
    }

    static func classrooms(_ classrooms: ProjectClassrooms, separator: String) -> String {
        switch classrooms {
        case .ofTheSchoolsStage(let count, _): return String(count)
        case .byStage(let entries): return entries.map { "\($0.stage) \($0.count)" }.joined(separator: separator)
        }
    }

    /// A whole number without decimals, else up to 6 decimals without trailing zeros.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    static func coordinate(_ value: Double) -> String { String(format: "%.4f", value) }

    /// A YAML plain scalar where safe, else double-quoted.
    static func scalar(_ text: String) -> String {
        let special = CharacterSet(charactersIn: ":{}[],#&*!|>'\"%@`")
        let plain = !text.isEmpty && text.rangeOfCharacter(from: special) == nil && text.trimmingCharacters(in: .whitespaces) == text
            && !["true", "false", "null", "yes", "no", "~"].contains(text.lowercased()) && Double(text) == nil
        if plain { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
