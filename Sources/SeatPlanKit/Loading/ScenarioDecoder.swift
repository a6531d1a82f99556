import Foundation
internal import Yams

/// Walks the node tree of a scenario file; one method per kind of entry.
struct ScenarioDecoder {
    var reader: YAMLReader
    /// The CSV tables named under `tables:`, if any.
    var tables: TablePaths?
    /// Tables may be read from outside the scenario's folder (`--tables-anywhere`; refused by default).
    var tablesAnywhere = false

    /// The most grades a stage may have (checked before any per-grade array is built).
    static let maxGrades = 20

    mutating func scenario(_ root: Node) -> Scenario? {
        let districtsTable = Self.namesDistrictsTable(root)
        guard let map = reader.mapping(root, what: "the scenario", keys: ScenarioKeys.root,
                                       tables: districtsTable ? ["districts"] : []) else { return nil }
        tables = map.value("tables").flatMap { tablePaths($0) }

        let id = map.value("scenario").flatMap { reader.string($0, what: "'scenario' (the scenario id)") }
        let title = map.value("title").flatMap { reader.string($0, what: "'title'") }
        let baseYear = map.value("base_year").flatMap { reader.year($0, what: "'base_year'") }
        let horizon = map.value("horizon").flatMap { reader.int($0, what: "'horizon'", min: 1) }
        if let node = map.value("horizon"), let horizon, horizon > PlausibilityLimits.horizon {
            reader.error(node, "'horizon' of \(horizon) years is too long",
                         hint: "project at most \(PlausibilityLimits.horizon) years ahead")
        }
        let standards = map.value("standards").map { self.standards($0) }
            ?? .chineseDefaults(at: map.location)
        let projection = map.value("projection").map { projectionOverride($0, what: "'projection'") }
            .map { ProjectionSettings.defaults.overridden(by: $0) } ?? .defaults
        var districts = map.value("districts").flatMap { list($0, what: "'districts'") { $0.district($1) } }
            ?? (districtsTable && map.value("districts") == nil ? [] : nil)
        if let node = map.value("districts"), districts != nil, reader.isEmptyList(node), !districtsTable {
            reader.error(node, "'districts' is empty", hint: "list at least one district")
        }
        var schools = map.value("schools").flatMap { list($0, what: "'schools'") { $0.school($1) } } ?? []
        if let tables, districts != nil {
            mergeTables(tables, standards: standards, districts: &districts!, declared: map.value("districts"), schools: &schools)
        }
        let plans = map.value("plans").flatMap { list($0, what: "'plans'") { $0.plan($1) } } ?? []
        let output = map.value("output").flatMap { self.output($0) } ?? OutputOptions()
        let uncertainty = map.value("uncertainty").map { self.uncertainty($0, what: "'uncertainty'") }
        let ranking = map.value("ranking").flatMap { list($0, what: "'ranking'") { $0.rankingEntry($1) } } ?? []
        let advisor = map.value("advisor").flatMap { self.advisor($0) }

        guard let id, let baseYear, let horizon, let standards, let districts else { return nil }
        var scenario = Scenario(id: id, title: title ?? id, baseYear: baseYear, horizon: horizon, standards: standards,
                                projection: projection, districts: districts, schools: schools, plans: plans,
                                output: output, uncertainty: .defaults.overridden(by: uncertainty ?? UncertaintyOverride()),
                                location: map.location)
        scenario.ranking = ranking
        scenario.advisor = advisor
        return scenario
    }

    /// Reads a list, decoding each item; `nil` only when the node is not a list.
    mutating func list<T>(_ node: Node, what: String, item: (inout ScenarioDecoder, Node) -> T?) -> [T]? {
        guard let items = reader.sequence(node, what: what) else { return nil }
        var result: [T] = []
        for itemNode in items {
            if let value = item(&self, itemNode) { result.append(value) }
        }
        return result
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ node: Node, what: String, of: T.Type,
                                                             also extra: [String] = []) -> T?
    where T.RawValue == String {
        guard let text = reader.string(node, what: what) else { return nil }
        guard let value = T(rawValue: text) else {
            let names = T.allCases.map(\.rawValue) + extra
            let suggestion = YAMLReader.closest(to: text, in: names).map { "did you mean '\($0)'? " } ?? ""
            reader.error(node, "'\(text)' is not a known \(what)", hint: "\(suggestion)use one of: \(names.joined(separator: ", "))")
            return nil
        }
        return value
    }

    mutating func output(_ node: Node) -> OutputOptions? {
        guard let map = reader.mapping(node, what: "'output'", keys: ScenarioKeys.output) else { return nil }
        return OutputOptions(excel: map.value("excel").flatMap { reader.bool($0, what: "'excel'") } ?? false,
                             xlsx: map.value("xlsx").flatMap { reader.bool($0, what: "'xlsx'") } ?? false,
                             lang: map.value("lang").flatMap { choice($0, what: "language", of: ReportLanguage.self) })
    }
}
