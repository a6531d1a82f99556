internal import CYaml

/// A first pass over the YAML *events* (libyaml's stream of "scalar", "alias", "mapping start" …) that
/// refuses, before any node tree is built, the shapes no scenario has and that make building the tree
/// costly or its errors misleading:
///
/// - a key that is not a plain scalar — an alias (`? *a9`), a list or a mapping. Yams checks duplicate
///   keys by hashing them, which walks an alias-expanded key in full: ten anchors of ten aliases make a
///   key of 10¹⁰ items (minutes of work for 530 bytes). Values are never expanded (aliases share nodes).
/// - nesting deeper than `maximumDepth` (a scenario nests about 8 levels);
/// - a key longer than `maximumKeyLength` characters;
/// - a merge key `<<`, which SeatPlan does not expand.
///
/// The pass keeps one small frame per open list or mapping, so it costs one step per event whatever the
/// aliases. It stops at the first syntax error and lets the composer report it.
enum YAMLShapeCheck {
    /// Deepest nesting of lists and mappings accepted (the example scenarios nest at most 8).
    static let maximumDepth = 32
    /// Longest key accepted, in characters (ids and years are far shorter).
    static let maximumKeyLength = 200

    private struct Frame {
        var isMapping: Bool
        /// In a mapping: the next node is a key.
        var expectsKey: Bool
    }

    /// The first shape error of `text`, if any.
    static func firstError(in text: String, file: String) -> Diagnostic? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> Diagnostic? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var stack: [Frame] = []
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let location = SourceLocation(file: file, line: Int(event.start_mark.line) + 1,
                                              column: Int(event.start_mark.column) + 1)
                let type = event.type
                if type == YAML_STREAM_END_EVENT { return nil }
                if type == YAML_SEQUENCE_END_EVENT || type == YAML_MAPPING_END_EVENT {
                    _ = stack.popLast()
                    continue
                }
                guard type == YAML_SCALAR_EVENT || type == YAML_ALIAS_EVENT
                    || type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT else { continue }
                let isKey = stack.last.map { $0.isMapping && $0.expectsKey } ?? false
                if let top = stack.indices.last, stack[top].isMapping { stack[top].expectsKey.toggle() }
                if isKey {
                    switch type {
                    case YAML_ALIAS_EVENT:
                        return .error(at: location, "an alias (*name) cannot be a key",
                                      hint: "write the key as plain text; aliases may stand only for values")
                    case YAML_SCALAR_EVENT:
                        let scalar = event.data.scalar
                        let key = String(decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)),
                                         as: UTF8.self)
                        if scalar.style == YAML_PLAIN_SCALAR_STYLE && key == "<<" {
                            return .error(at: location, "YAML merge keys ('<<: *name') are not supported",
                                          hint: "write the keys out in full in this mapping; an alias (*name) may stand for a whole value")
                        }
                        if key.count > maximumKeyLength {
                            return .error(at: location, "a key of \(key.count) characters is longer than SeatPlan reads",
                                          hint: "keys are ids, years and names of settings: at most \(maximumKeyLength) characters")
                        }
                    default:
                        return .error(at: location, "a key must be plain text, not a list or a mapping",
                                      hint: "write the key as a word or a number")
                    }
                }
                if type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT {
                    stack.append(Frame(isMapping: type == YAML_MAPPING_START_EVENT, expectsKey: true))
                    if stack.count > maximumDepth {
                        return depthError(at: location)
                    }
                }
            }
            // libyaml's own limit (1000 levels) may be met while it scans ahead for a key: said in our words.
            if let problem = parser.problem, String(cString: problem).contains("nesting level") {
                let mark = parser.problem_mark
                return depthError(at: SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1))
            }
            // A key longer than 1024 characters is not seen as a key by libyaml ("mapping values are not
            // allowed"): said as what it is.
            if let problem = parser.problem, String(cString: problem).hasPrefix("mapping values are not allowed"),
               parser.problem_mark.column > 1024 {
                let mark = parser.problem_mark
                return .error(at: SourceLocation(file: file, line: Int(mark.line) + 1, column: 1),
                              "a key of more than 1024 characters is longer than SeatPlan reads",
                              hint: "keys are ids, years and names of settings: at most \(maximumKeyLength) characters")
            }
            return nil
        }
    }

    private static func depthError(at location: SourceLocation) -> Diagnostic {
        .error(at: location, "lists and mappings are nested more than \(maximumDepth) levels deep here",
               hint: "a scenario nests about 8 levels; look for brackets '[' or '{' left open or repeated")
    }
}
