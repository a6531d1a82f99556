internal import Yams

/// Parses YAML text into a node tree that keeps every node's line and column.
///
/// Syntax errors (and duplicate keys, which YAML forbids) become diagnostics at the place libyaml
/// reports them.
struct YAMLDocument {
    let root: Node
    let file: String

    static func parse(_ text: String, file: String) throws(ScenarioError) -> YAMLDocument {
        let start = SourceLocation(file: file, line: 1, column: 1)
        do {
            guard let root = try Yams.compose(yaml: text) else {
                throw ScenarioError([.error(at: start, "the file is empty",
                                            hint: "write a scenario; scenarios/example-city.yaml shows every key")])
            }
            return YAMLDocument(root: root, file: file)
        } catch let error as ScenarioError {
            throw error
        } catch let error as YamlError {
            throw ScenarioError([diagnostic(for: error, file: file)])
        } catch {
            throw ScenarioError([.error(at: start, "the file could not be read as YAML (\(error))",
                                        hint: "check that it is UTF-8 text in YAML syntax")])
        }
    }

    private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        let hint = "fix the YAML syntax here (indentation, a missing ':' or a bracket left open are the usual causes)"
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let what = context.map { "\(problem) (\($0.text) at line \($0.mark.line))" } ?? problem
            return .error(at: at(mark), "YAML syntax: \(what)", hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return .error(at: at(context.mark), "duplicate key \(keys) in one mapping",
                          hint: "keep one entry per key; merge the values or remove the extra line")
        case let .reader(problem, _, _, _):
            return .error(at: SourceLocation(file: file, line: 1, column: 1), "the file is not readable text: \(problem)",
                          hint: "save the scenario as UTF-8 text")
        default:
            return .error(at: SourceLocation(file: file, line: 1, column: 1), "YAML error: \(error)", hint: hint)
        }
    }
}
