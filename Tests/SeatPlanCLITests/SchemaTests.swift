import Foundation
import Testing

/// `seatplan schema` describes exactly the keys the loader accepts: checked with Python's jsonschema (a real
/// validator) on every example scenario and both starters, and against `validate` on misspelt keys.
@Suite("schema")
struct SchemaTests {
    // MARK: schema

    /// Validates each YAML file against the schema; prints `{file: [error paths and messages]}` as JSON.
    static let validateScript = """
    import json, sys, yaml, jsonschema
    schema = json.load(open(sys.argv[1]))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    out = {}
    for path in sys.argv[2:]:
        data = json.loads(json.dumps(yaml.safe_load(open(path, encoding='utf-8'))))  # year keys as text, as in editors
        out[path] = ['/'.join(map(str, e.absolute_path)) + ': ' + e.message for e in validator.iter_errors(data)]
    json.dump(out, sys.stdout, ensure_ascii=False)
    """

    func validate(_ files: [String], schema: URL) async throws -> [String: [String]] {
        let result = try await Binary.runProgram("/usr/bin/env", ["python3", "-c", Self.validateScript, schema.path] + files)
        #expect(result.status == 0, "python: \(result.stderr)")
        return try JSONDecoder().decode([String: [String]].self, from: Data(result.stdout.utf8))
    }

    func schema(in folder: TemporaryFolder) async throws -> URL {
        let result = try await Binary.run(["schema"])
        #expect(result.status == 0)
        let file = folder.appending("scenario.schema.json")
        try Data(result.stdout.utf8).write(to: file)
        return file
    }

    @Test("the example scenarios, their table versions, the contract's next example and both starters meet the schema")
    func scenariosMeetTheSchema() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let schema = try await schema(in: folder)
        for lang in ["zh", "en"] {
            _ = try await Binary.run(["init", "--lang", lang, folder.appending("starter-\(lang).yaml").path])
        }
        let root = Binary.repositoryRoot
        var files = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("scenarios").path)
            .filter { $0.hasSuffix(".yaml") }.map { root.appendingPathComponent("scenarios/\($0)").path }
        #expect(files.count >= 2)
        files += ["example-city", "eau-claire-wi"].map { root.appendingPathComponent("Tests/Fixtures/tables/\($0)/scenario.yaml").path }
        files.append(root.appendingPathComponent("Tests/Fixtures/schema/example-city-spec.yaml").path)
        files += ["zh", "en"].map { folder.appending("starter-\($0).yaml").path }
        let errors = try await validate(files, schema: schema)
        #expect(errors.count == files.count)
        for file in files {
            #expect(errors[file] == [], "\(file): \(errors[file] ?? [])")
        }
    }

    @Test("a misspelt key fails the schema where validate fails, at every level")
    func misspeltKeys() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let schema = try await schema(in: folder)
        let text = try String(contentsOf: Binary.exampleCity, encoding: .utf8)
        // (original, misspelt, the misspelt key, the schema's path of its mapping)
        let typos: [(String, String, String, String)] = [
            ("horizon: 10", "horizn: 10", "horizn", ""),
            ("large_class: 56", "large_clas: 56", "large_clas", "standards"),
            ("grades: 6, entry_age: 6", "grades: 6, entry_age: 6, class_sise: 40", "class_sise", "standards/stages/1"),
            ("share: 0.9,", "shares: 0.9,", "shares", "districts/0/zones/0"),
            ("zone: central-old-town, stage: primary, classrooms: 72,", "zone: central-old-town, stage: primary, classroms: 72,", "classroms", "schools/0"),
            ("opens: 2027, cost: 180000000,", "opens: 2027, costs: 180000000,", "costs", "plans/0/projects/0"),
            ("excel: true", "excell: true", "excell", "output"),
        ]
        var files: [String] = []
        for (k, (original, misspelt, _, _)) in typos.enumerated() {
            #expect(text.contains(original), "the example changed: \(original)")
            let file = folder.appending("typo-\(k).yaml")
            try text.replacingOccurrences(of: original, with: misspelt).write(to: file, atomically: true, encoding: .utf8)
            files.append(file.path)
            let checked = try await Binary.run(["validate", file.path])
            #expect(checked.status == 1, "validate accepted \(misspelt)")
        }
        let errors = try await validate(files, schema: schema)
        for (k, (_, misspelt, key, path)) in typos.enumerated() {
            let found = errors[files[k]] ?? []
            #expect(!found.isEmpty, "the schema accepted \(misspelt)")
            // The project is any of build / expand / close: its error is on the list item as a whole.
            let prefix = path + ": ", named = "'\(key)'", isProject = path.contains("projects")
            let atTheKey = found.contains { (error: String) -> Bool in error.hasPrefix(prefix) && (isProject || error.contains(named)) }
            #expect(atTheKey, "\(misspelt): \(found)")
        }
    }
}
