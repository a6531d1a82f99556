import Foundation

/// Turns the rows of a scenario's CSV tables into districts, zones, births, enrolment, migration,
/// housing and schools, and adds them to what the YAML gives.
///
/// Rules (README, "Tables from CSV"): districts of the table come after the YAML ones; the other rows
/// attach to the district they name, YAML or CSV; schools are appended. The same thing given twice — in
/// the YAML and a table, or in two rows — is an error naming both places. Every district, zone and school
/// is found through a dictionary, so merging is linear in the number of rows.
struct TableMerger {
    let scenarioFile: String
    var districts: [District]
    var diagnostics = DiagnosticCollector()
    /// District id → position in `districts` (first of a duplicated id, which the validator reports).
    var districtIndex: [String: Int] = [:]
    /// Rows naming an unknown district are not reported when the districts table could not be read.
    var districtsTableFailed = false
    var suggestions: [String: String] = [:]
    /// Ids under the YAML `districts:`, those with errors included (their rows are left out silently).
    let declared: Set<String>

    /// Tables may be read from outside the scenario's folder (`--tables-anywhere`).
    var tablesAnywhere = false

    init(scenarioFile: String, districts: [District], declared: Set<String> = []) {
        self.scenarioFile = scenarioFile
        self.districts = districts
        self.declared = declared
    }

    mutating func merge(_ tables: ScenarioDecoder.TablePaths, standards: Standards?, schools: inout [School]) {
        var read: [ScenarioTable.Kind: ScenarioTable] = [:]
        var failed: Set<ScenarioTable.Kind> = []
        // The files are read and parsed side by side; their diagnostics are kept in table order.
        let kinds = ScenarioTable.Kind.allCases.filter { tables.paths[$0] != nil }
        let (paths, scenarioFile, anywhere) = (tables.paths, scenarioFile, tablesAnywhere)
        let loaded = Parallel.map(count: kinds.count) { k in
            var diagnostics = DiagnosticCollector()
            let (path, location) = paths[kinds[k]]!
            let table = Self.load(kinds[k], path: path, namedAt: location, besides: scenarioFile, anywhere: anywhere,
                                  into: &diagnostics)
            return (table: table, diagnostics: diagnostics)
        }
        for (kind, result) in zip(kinds, loaded) {
            for diagnostic in result.diagnostics.diagnostics { diagnostics.add(diagnostic) }
            if let table = result.table { read[kind] = table } else { failed.insert(kind) }
        }
        districtsTableFailed = failed.contains(.districts)

        if var table = read[.districts] { addDistricts(&table); finish(table) }
        for (d, district) in districts.enumerated() where districtIndex[district.id] == nil {
            districtIndex[district.id] = d
        }
        if districts.isEmpty, let table = read[.districts], !table.hadErrors {
            diagnostics.error(at: table.location(table.document.header[0]),
                              "the scenario has no district: this table has no rows and there is no 'districts:'",
                              hint: "add one row per district (id,name)")
        }
        if var table = read[.zones] { addZones(&table); finish(table) }
        if var table = read[.births] { addBirths(&table); finish(table) }
        var enrollmentFailed = failed.contains(.enrollment)
        if var table = read[.enrollment] {
            if let standards { addEnrollment(&table, standards: standards) }
            enrollmentFailed = table.hadErrors || standards == nil
            finish(table)
        }
        if var table = read[.migration] { addMigration(&table); finish(table) }
        if var table = read[.housing] { addHousing(&table); finish(table) }
        if var table = read[.schools] { addSchools(&table, to: &schools); finish(table) }

        // Enrolment stays required for every district, from the YAML or the table.
        if !enrollmentFailed {
            for district in districts where district.enrollment.isEmpty {
                let hint = tables.has(.enrollment)
                    ? "add its rows to the enrollment table (\(Self.display(tables, .enrollment, scenarioFile))) or 'enrollment:' under the district"
                    : "add 'enrollment:' under the district, or an enrollment table under 'tables:'"
                diagnostics.error(at: district.location, "district '\(district.id)' has no enrolment", hint: hint)
            }
        }
    }

    static func display(_ tables: ScenarioDecoder.TablePaths, _ kind: ScenarioTable.Kind, _ file: String) -> String {
        tables.paths[kind].map { ScenarioDecoder.tablePath($0.path, besides: file) } ?? kind.rawValue
    }

    // MARK: Files

    static func load(_ kind: ScenarioTable.Kind, path: String, namedAt location: SourceLocation,
                             besides scenarioFile: String, anywhere: Bool = false,
                             into diagnostics: inout DiagnosticCollector) -> ScenarioTable? {
        let file = ScenarioDecoder.tablePath(path, besides: scenarioFile)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            diagnostics.error(at: location, "the \(kind.rawValue) table '\(file)' does not exist",
                              hint: "check the path; it is relative to the scenario file's folder")
            return nil
        }
        guard anywhere || ScenarioDecoder.isInsideScenarioFolder(file, scenarioFile: scenarioFile) else {
            diagnostics.error(at: location, "the \(kind.rawValue) table '\(file)' is a link to a file outside the scenario's folder",
                              hint: "copy the table into the scenario's folder (or a folder below it), or allow it with --tables-anywhere")
            return nil
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: file) else {
            diagnostics.error(at: location, "the \(kind.rawValue) table '\(file)' cannot be read",
                              hint: isDirectory.boolValue ? "name a CSV file, not a folder" : "check that the file is readable")
            return nil
        }
        return ScenarioTable.read(data, kind: kind, file: file, into: &diagnostics)
    }

    mutating func finish(_ table: ScenarioTable) {
        for diagnostic in table.finish() { diagnostics.add(diagnostic) }
    }

    /// The district a row names (its `district` cell), or `nil` after an error.
    mutating func district(_ record: CSVRecord, in table: inout ScenarioTable) -> Int? {
        guard let id = table.text(record, "district"), let cell = table.cell(record, "district") else { return nil }
        if let d = districtIndex[id] { return d }
        // Without a district (the districts table unreadable or empty), every row would repeat that error;
        // a district of the YAML that has errors is reported there.
        if !districtsTableFailed, !districts.isEmpty, !declared.contains(id) {
            table.repeatedError(cell, "district '\(id)' is not a district of the scenario", hint: unknownDistrictHint(id))
        }
        return nil
    }

    mutating func unknownDistrictHint(_ id: String) -> String {
        if let hint = suggestions[id] { return hint }
        let ids = districts.map(\.id)
        // "Did you mean" compares with every id: only for a list a person would read.
        let suggestion = ids.count <= 1000 ? YAMLReader.closest(to: id, in: ids).map { "did you mean '\($0)'? " } ?? "" : ""
        let listed = ids.prefix(10).joined(separator: ", ") + (ids.count > 10 ? ", … (\(ids.count) in all)" : "")
        let hint = "\(suggestion)add it to 'districts:' or the districts table, or use one of: \(listed)"
        suggestions[id] = hint
        return hint
    }
}
