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
        if let shape = YAMLShapeCheck.firstError(in: text, file: file) {
            throw ScenarioError([shape])
        }
        do {
            guard let root = try Yams.compose(yaml: text) else {
                throw ScenarioError([.error(at: start, "the file is empty",
                                            hint: "write a scenario; scenarios/example-city.yaml shows every key")])
            }
            return YAMLDocument(root: root, file: file)
        } catch let error as ScenarioError {
            throw error
        } catch let error as YamlError {
            throw ScenarioError([diagnostic(for: error, file: file, text: text)])
        } catch {
            throw ScenarioError([.error(at: start, "the file could not be read as YAML (\(error))",
                                        hint: "check that it is UTF-8 text in YAML syntax")])
        }
    }

    /// Where `key` is written again after its first place `first` (line and column, 1-based), if found.
    private static func secondOccurrence(of key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let patterns = [key + ":", "\"" + key + "\":", "'" + key + "':", key + " :"]
        for lineIndex in (first.line - 1)..<lines.count {
            let line = Array(lines[lineIndex].unicodeScalars)
            let startColumn = lineIndex == first.line - 1 ? first.column : 0
            for column in startColumn..<max(line.count, startColumn) {
                for pattern in patterns {
                    let p = Array(pattern.unicodeScalars)
                    guard column + p.count <= line.count, Array(line[column..<(column + p.count)]) == p else { continue }
                    let before = column == 0 ? " " : line[column - 1]
                    if before == " " || before == "{" || before == "," || before == "\t" {
                        return (lineIndex + 1, column + 1)
                    }
                }
            }
        }
        return nil
    }

    /// The first full-width comma or colon outside quotes between two marks (1-based lines and columns):
    /// typed by an input method in Chinese mode, it is text to YAML, and the flow mapping around it breaks.
    private static func fullWidthPunctuation(from start: Mark, to end: Mark, in text: String)
        -> (character: Character, line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard start.line >= 1, end.line >= start.line else { return nil }
        for lineIndex in (start.line - 1)..<min(end.line, lines.count) {
            var quote: Character?
            for (k, character) in lines[lineIndex].enumerated() {
                if character == "\"" || character == "'" { quote = quote == character ? nil : quote ?? character }
                if quote == nil, character == "，" || character == "：" { return (character, lineIndex + 1, k + 1) }
            }
        }
        return nil
    }

    /// The character at a 1-based line and column (columns count Unicode scalars, as libyaml does).
    private static func character(at mark: Mark, in text: String) -> Unicode.Scalar? {
        let lines = text.split(separator: "\n", maxSplits: mark.line, omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count, mark.column >= 1 else { return nil }
        let scalars = Array(lines[mark.line - 1].unicodeScalars.prefix(mark.column))
        return scalars.count == mark.column ? scalars[mark.column - 1] : nil
    }

    private static func diagnostic(for error: YamlError, file: String, text: String) -> Diagnostic {
        let hint = "fix the YAML syntax here (indentation, a missing ':' or a bracket left open are the usual causes)"
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let what = context.map { "\(problem) (\($0.text) at line \($0.mark.line))" } ?? problem
            // A key without ':' or a bracket left open is noticed on a later line; the context names the
            // line where the mistake is.
            let opensTheMistake = ["while scanning a simple key", "while parsing a flow sequence",
                                   "while parsing a flow mapping"]
            let place = context.flatMap { opensTheMistake.contains($0.text) ? $0.mark : nil } ?? mark
            if let wide = fullWidthPunctuation(from: place, to: mark, in: text) {
                let name = wide.character == "，" ? "comma '，' (U+FF0C)" : "colon '：' (U+FF1A)"
                let ascii = wide.character == "，" ? "','" : "':' followed by a space"
                return .error(at: SourceLocation(file: file, line: wide.line, column: wide.column),
                              "YAML syntax: a full-width \(name) where YAML needs \(ascii)",
                              hint: "replace it with the ASCII \(ascii) (an input method in Chinese mode types the full-width one)")
            }
            if character(at: mark, in: text) == "\t" {
                return .error(at: at(mark), "YAML syntax: found a tab character where YAML indents with spaces only",
                              hint: "replace the tab with spaces (set the editor to insert spaces for Tab)")
            }
            return .error(at: at(place), "YAML syntax: \(what)", hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            let repeated = duplicates.sorted().first.flatMap { secondOccurrence(of: $0, after: context.mark, in: text) }
            if let slip = duplicates.sorted().first.flatMap(YAMLReader.punctuationMistake(inKey:)) {
                return .error(at: repeated.map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? at(context.mark),
                              slip.what, hint: slip.fix)
            }
            return .error(at: repeated.map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? at(context.mark),
                          "duplicate key \(keys) in one mapping (first at line \(context.mark.line))",
                          hint: "keep one entry per key; merge the values or remove the extra line")
        case let .reader(problem, _, _, _):
            return .error(at: SourceLocation(file: file, line: 1, column: 1), "the file is not readable text: \(problem)",
                          hint: "save the scenario as UTF-8 text")
        default:
            return .error(at: SourceLocation(file: file, line: 1, column: 1), "YAML error: \(error)", hint: hint)
        }
    }
}
