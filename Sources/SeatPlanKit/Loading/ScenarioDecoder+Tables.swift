import Foundation
internal import Yams

/// The `tables:` key: a scenario may take its large tables from CSV files beside it.
///
/// ```yaml
/// tables:                        # paths relative to the scenario file
///   births: births.csv
///   schools: schools.csv
/// ```
/// The rows become the same `District`, `Zone`, `School` and `Housing` values the YAML gives, each with
/// the location of its CSV cell, so that nothing after loading knows where a value came from.
extension ScenarioDecoder {
    /// The tables a scenario names: the path of each as written, and where it is written.
    struct TablePaths: Sendable {
        var paths: [ScenarioTable.Kind: (path: String, location: SourceLocation)] = [:]

        func has(_ kind: ScenarioTable.Kind) -> Bool { paths[kind] != nil }
    }

    /// Whether the root mapping names a districts table (which makes `districts:` optional).
    static func namesDistrictsTable(_ root: Node) -> Bool {
        root["tables"]?["districts"] != nil
    }

    mutating func tablePaths(_ node: Node) -> TablePaths? {
        guard let map = reader.mapping(node, what: "'tables'", keys: ScenarioKeys.tables)
        else { return nil }
        var result = TablePaths()
        for entry in map.entries {
            guard let kind = ScenarioTable.Kind(rawValue: entry.key),
                  let path = reader.string(entry.value, what: "the path of the \(entry.key) table") else { continue }
            if !tablesAnywhere, let problem = Self.confinementProblem(path) {
                reader.error(entry.value, "the path of the \(entry.key) table \(problem)",
                             hint: "put the table in the scenario's folder (or a folder below it) and write its path from there, e.g. tables/\(entry.key).csv — or allow tables elsewhere with --tables-anywhere")
                continue
            }
            result.paths[kind] = (path, reader.location(entry.value))
        }
        return result
    }

    /// Reads every table named under `tables:` and adds its rows to the districts and schools of the YAML.
    /// Every problem of every table is a diagnostic; nothing is thrown. `declared` is the YAML `districts:`
    /// node: rows of a district written there but in error are left out without an error of their own.
    mutating func mergeTables(_ tables: TablePaths, standards: Standards?, districts: inout [District],
                              declared: Node?, schools: inout [School]) {
        var declaredIDs: Set<String> = []
        if case .sequence(let items)? = declared {
            for item in items { if let id = item["id"]?.string { declaredIDs.insert(id.trimmingWhitespace) } }
        }
        var merger = TableMerger(scenarioFile: reader.file, districts: districts, declared: declaredIDs)
        merger.tablesAnywhere = tablesAnywhere
        merger.merge(tables, standards: standards, schools: &schools)
        districts = merger.districts
        // The scenario file first, then the tables in the order of the README.
        var rank = [reader.file: 0]
        for kind in ScenarioTable.Kind.allCases {
            guard let (path, _) = tables.paths[kind] else { continue }
            let file = Self.tablePath(path, besides: reader.file)
            if rank[file] == nil { rank[file] = rank.count }
        }
        let ordered = merger.diagnostics.diagnostics.enumerated().sorted {
            (rank[$0.element.location.file] ?? rank.count, $0.offset) < (rank[$1.element.location.file] ?? rank.count, $1.offset)
        }.map(\.element)
        for diagnostic in ordered {
            reader.error(at: diagnostic.location, diagnostic.message, hint: diagnostic.hint)
        }
    }

    /// Why a path under `tables:` could leave the scenario's folder, if it could: tables are read only from
    /// that folder and the folders below it, so that a scenario cannot make SeatPlan read (and quote in an
    /// error) any other file. A symbolic link out of the folder is refused when the table is read.
    static func confinementProblem(_ path: String) -> String? {
        if path.hasPrefix("/") || path.hasPrefix("~") || path.contains("\\") { return "must be relative to the scenario's folder" }
        if path.split(separator: "/").contains("..") { return "must not climb out of the scenario's folder with '..'" }
        return nil
    }

    /// Whether the file at `file` (a table path as built by `tablePath`), with every symbolic link
    /// resolved, is inside the scenario's folder, also resolved.
    static func isInsideScenarioFolder(_ file: String, scenarioFile: String) -> Bool {
        let folder = URL(fileURLWithPath: scenarioFile).deletingLastPathComponent().standardizedFileURL
            .resolvingSymlinksInPath().path
        let resolved = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
        return resolved.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// The path of a table as the user would type it from where they named the scenario: the scenario's
    /// folder followed by the path written under `tables:` (an absolute path stays as it is).
    static func tablePath(_ path: String, besides scenarioFile: String) -> String {
        if path.hasPrefix("/") { return path }
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        let folder = (scenarioFile as NSString).deletingLastPathComponent
        if folder.isEmpty { return String(relative) }
        return folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }
}
