/// The JSON Schema (draft 2020-12) of a scenario file, generated from `ScenarioKeys` — the tables the
/// loader's unknown-key check reads — so that an editor with the YAML language server offers exactly the
/// keys `validate` accepts, with the description of each. Key order and text are fixed: the same program
/// prints the same schema.
///
/// Every mapping with fixed keys closes with `additionalProperties: false` (a misspelt key is an error, as
/// in `validate`); keys required unless a CSV table gives them (`districts`, `enrollment`) are not
/// required here. Value checks beyond the type (ranges, ids that exist, shares adding up) stay with
/// `validate`.
public enum ScenarioSchema {
    public static var json: String {
        var root: [(String, JSON)] = [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("title", .string("SeatPlan scenario")),
            ("description", .string("A school-place capacity planning scenario for seatplan (run, compare, report, validate).")),
        ]
        root += object(ScenarioKeys.root)
        return JSON.object(root).text(indent: "") + "\n"
    }

    /// The members of the schema of a mapping with the keys of `table`.
    static func object(_ table: KeyTable) -> [(String, JSON)] {
        var members: [(String, JSON)] = [("type", .string("object"))]
        members.append(("properties", .object(table.keys.map { key in
            (key.key, .object([("description", .string(key.description))] + schema(key.type)))
        })))
        let required = table.keys.filter { if case .required = $0.presence { true } else { false } }.map(\.key)
        if !required.isEmpty { members.append(("required", .array(required.map(JSON.string)))) }
        members.append(("additionalProperties", .bool(false)))
        return members
    }

    static func schema(_ type: KeyType) -> [(String, JSON)] {
        switch type {
        case .string: return [("type", .string("string"))]
        case .integer: return [("type", .string("integer"))]
        case .number: return [("type", .string("number"))]
        case .boolean: return [("type", .string("boolean"))]
        case .year: return [("type", .string("integer")), ("minimum", .number(1900)), ("maximum", .number(2200))]
        case .choice(let words): return [("enum", .array(words.map(JSON.string)))]
        case .point:
            return [("type", .string("array")), ("items", .object([("type", .string("number"))])),
                    ("minItems", .number(2)), ("maxItems", .number(2))]
        case .mapping(let table): return object(table)
        case .list(let item): return [("type", .string("array")), ("items", .object(schema(item)))]
        case .map(let value): return [("type", .string("object")), ("additionalProperties", .object(schema(value)))]
        case .anyOf(let types): return [("anyOf", .array(types.map { .object(schema($0)) }))]
        }
    }
}

/// A JSON value with its object members in a fixed order, written with two-space indentation.
enum JSON {
    case string(String)
    case number(Int)
    case bool(Bool)
    case array([JSON])
    case object([(String, JSON)])

    func text(indent: String) -> String {
        let inner = indent + "  "
        switch self {
        case .string(let s): return Self.quoted(s)
        case .number(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .array(let items):
            if items.allSatisfy({ if case .string = $0 { true } else { false } }) {
                return "[" + items.map { $0.text(indent: inner) }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { inner + $0.text(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n" + members.map { inner + Self.quoted($0.0) + ": " + $0.1.text(indent: inner) }.joined(separator: ",\n")
                + "\n" + indent + "}"
        }
    }

    static func quoted(_ s: String) -> String { JSONText.string(s) }
}
