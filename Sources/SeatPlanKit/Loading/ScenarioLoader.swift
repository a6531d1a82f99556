import Foundation

/// Stage 1 of the pipeline: scenario text → typed `Scenario`.
///
/// Checks the shape of the file: YAML syntax, unknown keys, missing required keys, value types and
/// signs. Cross-references (zones, stages, plans …) are checked by `ScenarioValidator`.
public struct ScenarioLoader {
    /// Read `tables:` from anywhere, not only the scenario's folder and the folders below it.
    public var tablesAnywhere: Bool

    public init(tablesAnywhere: Bool = false) {
        self.tablesAnywhere = tablesAnywhere
    }

    /// Reads and decodes the scenario at `path`; the path is used as written in diagnostics.
    public func load(path: String) throws(ScenarioError) -> Scenario {
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            if UTF16Detection.isUTF16(data) { throw ScenarioError([UTF16Detection.error(file: path, what: "the scenario")]) }
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw ScenarioError([.error(at: Self.firstInvalidUTF8(in: data, file: path),
                                            "the file is not UTF-8 text (GBK or another legacy encoding?)",
                                            hint: "save the scenario as UTF-8")])
            }
            text = decoded
        } catch let error as ScenarioError {
            throw error
        } catch {
            throw ScenarioError([.error(at: SourceLocation(file: path, line: 1, column: 1),
                                        "cannot read the scenario file",
                                        hint: "check the path and that the file is readable")])
        }
        return try load(text: text, file: path)
    }

    /// The line and column (in characters) of the first byte sequence that is not UTF-8.
    static func firstInvalidUTF8(in data: Data, file: String) -> SourceLocation {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var line = 1, column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput, .error:
                return SourceLocation(file: file, line: line, column: column)
            }
        }
    }

    /// Decodes scenario text; `file` names it in diagnostics.
    public func load(text: String, file: String) throws(ScenarioError) -> Scenario {
        let document = try YAMLDocument.parse(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text,
                                              file: file)
        var decoder = ScenarioDecoder(reader: YAMLReader(file: file))
        decoder.tablesAnywhere = tablesAnywhere
        let scenario = decoder.scenario(document.root)
        if decoder.reader.diagnostics.hasErrors || scenario == nil {
            throw ScenarioError(decoder.reader.diagnostics.sorted)
        }
        return scenario!
    }
}
