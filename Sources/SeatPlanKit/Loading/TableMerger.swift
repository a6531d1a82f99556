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
    private(set) var districts: [District]
    private(set) var diagnostics = DiagnosticCollector()
    /// District id → position in `districts` (first of a duplicated id, which the validator reports).
    private var districtIndex: [String: Int] = [:]
    /// Rows naming an unknown district are not reported when the districts table could not be read.
    private var districtsTableFailed = false
    private var suggestions: [String: String] = [:]
    /// Ids under the YAML `districts:`, those with errors included (their rows are left out silently).
    private let declared: Set<String>

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
        let loaded = Blocks<(table: ScenarioTable?, diagnostics: DiagnosticCollector)>(count: kinds.count)
        let (paths, scenarioFile, anywhere) = (tables.paths, scenarioFile, tablesAnywhere)
        Parallel.forEach(count: kinds.count) { k in
            var diagnostics = DiagnosticCollector()
            let (path, location) = paths[kinds[k]]!
            let table = Self.load(kinds[k], path: path, namedAt: location, besides: scenarioFile, anywhere: anywhere,
                                  into: &diagnostics)
            loaded.set(k, (table, diagnostics))
        }
        for (kind, result) in zip(kinds, loaded.values) {
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

    private static func display(_ tables: ScenarioDecoder.TablePaths, _ kind: ScenarioTable.Kind, _ file: String) -> String {
        tables.paths[kind].map { ScenarioDecoder.tablePath($0.path, besides: file) } ?? kind.rawValue
    }

    // MARK: Files

    private static func load(_ kind: ScenarioTable.Kind, path: String, namedAt location: SourceLocation,
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

    private mutating func finish(_ table: ScenarioTable) {
        for diagnostic in table.finish() { diagnostics.add(diagnostic) }
    }

    /// The district a row names (its `district` cell), or `nil` after an error.
    private mutating func district(_ record: CSVRecord, in table: inout ScenarioTable) -> Int? {
        guard let id = table.text(record, "district"), let cell = table.cell(record, "district") else { return nil }
        if let d = districtIndex[id] { return d }
        // Without a district (the districts table unreadable or empty), every row would repeat that error;
        // a district of the YAML that has errors is reported there.
        if !districtsTableFailed, !districts.isEmpty, !declared.contains(id) {
            table.repeatedError(cell, "district '\(id)' is not a district of the scenario", hint: unknownDistrictHint(id))
        }
        return nil
    }

    private mutating func unknownDistrictHint(_ id: String) -> String {
        if let hint = suggestions[id] { return hint }
        let ids = districts.map(\.id)
        // "Did you mean" compares with every id: only for a list a person would read.
        let suggestion = ids.count <= 1000 ? YAMLReader.closest(to: id, in: ids).map { "did you mean '\($0)'? " } ?? "" : ""
        let listed = ids.prefix(10).joined(separator: ", ") + (ids.count > 10 ? ", … (\(ids.count) in all)" : "")
        let hint = "\(suggestion)add it to 'districts:' or the districts table, or use one of: \(listed)"
        suggestions[id] = hint
        return hint
    }

    // MARK: Districts and zones

    private mutating func addDistricts(_ table: inout ScenarioTable) {
        var seen: [String: SourceLocation] = [:]
        for district in districts where seen[district.id] == nil { seen[district.id] = district.location }
        for record in table.records {
            guard let id = table.text(record, "id"), let cell = table.cell(record, "id") else { continue }
            let location = table.location(cell)
            if let first = seen[id] {
                table.error(cell, "district '\(id)' is given twice (first at \(first))",
                            hint: first.file == table.file ? "keep one row per district"
                                : "keep either the YAML entry under 'districts:' (it may carry a 'projection') or this row")
                continue
            }
            seen[id] = location
            districts.append(District(id: id, name: table.optionalText(record, "name") ?? id, births: [:],
                                      birthsLocation: location, enrollment: [], enrollmentLocation: location,
                                      migration: [:], zones: [], housing: [], projection: ProjectionOverride(),
                                      location: location))
        }
    }

    private mutating func addZones(_ table: inout ScenarioTable) {
        var seen: [String: SourceLocation] = [:]
        for district in districts {
            for zone in district.zones where seen[zone.id] == nil { seen[zone.id] = zone.location }
        }
        for record in table.records {
            let d = district(record, in: &table)
            let id = table.text(record, "id")
            let share = table.number(record, "share", min: 0, max: 1)
            guard let d, let id, let share, let cell = table.cell(record, "id") else { continue }
            if let first = seen[id] {
                table.error(cell, "zone '\(id)' is given twice (first at \(first))",
                            hint: "zone ids must be unique across the scenario; keep one")
                continue
            }
            let location = table.location(cell)
            seen[id] = location
            let neighbours = table.list(record, "neighbours")
            let geography = ZoneGeography(neighbours: neighbours,
                                          neighbourLocations: neighbours.map { _ in table.location(table.cell(record, "neighbours")!) },
                                          township: table.flag(record, "township") ?? false, at: table.point(record))
            districts[d].zones.append(Zone(id: id, name: table.optionalText(record, "name") ?? id, share: share,
                                           district: districts[d].id, geography: geography, location: location))
        }
    }

    // MARK: Births, enrolment, migration

    private struct DistrictYear: Hashable {
        var district: Int
        var year: Int
    }

    private mutating func addBirths(_ table: inout ScenarioTable) {
        let listedInYAML = districts.map { !$0.births.isEmpty }
        var seen: [DistrictYear: SourceLocation] = [:]
        for record in table.records {
            let d = district(record, in: &table)
            let year = table.year(record, "year")
            let births = table.number(record, "births", max: PlausibilityLimits.births)
            guard let d, let year, let births, let cell = table.cell(record, "year") else { continue }
            let key = DistrictYear(district: d, year: year)
            if let first = seen[key] {
                table.error(cell, "births of '\(districts[d].id)' in \(year) are given twice (first at \(first))",
                            hint: "keep one row per district and year")
                continue
            }
            if districts[d].births[year] != nil {
                table.error(cell, "births of '\(districts[d].id)' in \(year) are given both under 'births:' (\(districts[d].birthsLocation)) and here",
                            hint: "keep one of them")
                continue
            }
            seen[key] = table.location(cell)
            if !listedInYAML[d], districts[d].births.isEmpty, let first = table.cell(record, "district") {
                districts[d].birthsLocation = table.location(first)
            }
            districts[d].births[year] = births
        }
    }

    /// One district, year and stage of the enrolment table, gathered from its rows (one per grade).
    private struct EnrollmentGroup {
        var district: Int
        var year: Int
        var stage: Stage
        var counts: [Double?]
        var gradeLocations: [SourceLocation?]
        /// The stage, year and district cells of its first row.
        var stageLocation: SourceLocation
        var yearLocation: SourceLocation
        var districtLocation: SourceLocation
        /// Per grade: counted by zone (`true`), for the whole district (`false`), not yet (`nil`).
        var zoned: [Bool?] = []
        var zonesSeen: Set<String> = []
    }

    private struct GroupKey: Hashable {
        var district: Int
        var year: Int
        var stage: String
    }

    private mutating func addEnrollment(_ table: inout ScenarioTable, standards: Standards) {
        var stages: [String: Stage] = [:]
        for stage in standards.stages where stages[stage.id] == nil { stages[stage.id] = stage }
        let stageList = standards.stages.map(\.id).joined(separator: ", ")
        var groups: [EnrollmentGroup] = []
        var position: [GroupKey: Int] = [:]
        for record in table.records {
            let year = table.year(record, "year")
            let d = district(record, in: &table)
            let stageID = table.text(record, "stage")
            var stage: Stage?
            if let stageID, let cell = table.cell(record, "stage") {
                stage = stages[stageID]
                if stage == nil {
                    let suggestion = YAMLReader.closest(to: stageID, in: Array(stages.keys.sorted())).map { "did you mean '\($0)'? " } ?? ""
                    table.repeatedError(cell, "enrolment names stage '\(stageID)', which is not a stage",
                                        hint: "\(suggestion)use one of: \(stageList)")
                }
            }
            let grade = stage.flatMap { self.grade(record, of: $0, in: &table) }
            let students = table.number(record, "students", max: PlausibilityLimits.pupils)
            // Counts by zone are added up to their district (the model's history is by district).
            let zone = table.optionalText(record, "zone")
            if let zone, let d, let cell = table.cell(record, "zone"),
               !(districts[d].zones.isEmpty ? zone == districts[d].id : districts[d].zones.contains { $0.id == zone }) {
                table.repeatedError(cell, "enrolment names zone '\(zone.prefix(40))', which is not a zone of '\(districts[d].id)'",
                                    hint: "use a zone of the district, or leave 'zone' empty")
                continue
            }
            guard let year, let d, let stage, let grade, let students,
                  let stageCell = table.cell(record, "stage"), let gradeCell = table.cell(record, "grade"),
                  let yearCell = table.cell(record, "year"), let districtCell = table.cell(record, "district")
            else { continue }
            let key = GroupKey(district: d, year: year, stage: stage.id)
            let g: Int
            if let existing = position[key] {
                g = existing
            } else {
                g = groups.count
                position[key] = g
                groups.append(EnrollmentGroup(district: d, year: year, stage: stage,
                                              counts: Array(repeating: nil, count: stage.grades),
                                              gradeLocations: Array(repeating: nil, count: stage.grades),
                                              stageLocation: table.location(stageCell),
                                              yearLocation: table.location(yearCell),
                                              districtLocation: table.location(districtCell),
                                              zoned: Array(repeating: nil, count: stage.grades)))
            }
            let zoneKey = "\(zone ?? "")\u{1}\(grade)"
            if zone != nil, groups[g].zoned[grade] != false, groups[g].zonesSeen.insert(zoneKey).inserted {
                groups[g].zoned[grade] = true
                groups[g].counts[grade] = (groups[g].counts[grade] ?? 0) + students
                groups[g].gradeLocations[grade] = groups[g].gradeLocations[grade] ?? table.location(gradeCell)
                continue
            }
            if let first = groups[g].gradeLocations[grade] {
                table.error(gradeCell, "grade \(grade + 1) of '\(stage.id)' (named '\(stage.gradeNames[grade])') of '\(districts[d].id)' in \(year) is given twice (first at \(first))",
                            hint: "keep one row per year, district, stage and grade; grades are read by their names (standards: grade_names) before numbers")
                continue
            }
            groups[g].counts[grade] = students
            groups[g].gradeLocations[grade] = table.location(gradeCell)
            groups[g].zoned[grade] = false
        }

        let completenessChecked = !table.hadErrors
        let listedInYAML = districts.map { !$0.enrollment.isEmpty }
        var yearPositions: [Int: [Int: Int]] = [:]
        for group in groups {
            let d = group.district
            let missing = group.counts.indices.filter { group.counts[$0] == nil }
            if !missing.isEmpty {
                if completenessChecked {
                    let names = missing.map { group.stage.gradeNames[$0] }.joined(separator: ", ")
                    diagnostics.error(at: group.stageLocation,
                                      "the \(group.stage.id) enrolment of '\(districts[d].id)' in \(group.year) has no row for grade(s) \(names)",
                                      hint: "give one row per grade (\(group.stage.gradeNames.joined(separator: ", "))), 0 where there are no pupils")
                }
                continue
            }
            if yearPositions[d] == nil {
                yearPositions[d] = Dictionary(districts[d].enrollment.enumerated().map { ($0.element.year, $0.offset) },
                                              uniquingKeysWith: { a, _ in a })
            }
            if let p = yearPositions[d]?[group.year], let yaml = districts[d].enrollment[p].rows[group.stage.id] {
                diagnostics.error(at: group.stageLocation,
                                  "the \(group.stage.id) enrolment of '\(districts[d].id)' in \(group.year) is given both under 'enrollment:' (\(yaml.location)) and here",
                                  hint: "keep one of them")
                continue
            }
            if !listedInYAML[d], districts[d].enrollment.isEmpty {
                districts[d].enrollmentLocation = group.districtLocation
            }
            let row = EnrollmentRow(counts: group.counts.map { $0 ?? 0 }, location: group.stageLocation)
            if let p = yearPositions[d]?[group.year] {
                districts[d].enrollment[p].rows[group.stage.id] = row
            } else {
                yearPositions[d]?[group.year] = districts[d].enrollment.count
                districts[d].enrollment.append(EnrollmentYear(year: group.year, rows: [group.stage.id: row],
                                                              location: group.yearLocation))
            }
        }
        for d in yearPositions.keys { districts[d].enrollment.sort { $0.year < $1.year } }
    }

    /// The 0-based grade a row names: by the stage's grade name first, else by its 1-based number.
    private func grade(_ record: CSVRecord, of stage: Stage, in table: inout ScenarioTable) -> Int? {
        guard let text = table.text(record, "grade"), let cell = table.cell(record, "grade") else { return nil }
        if let named = stage.gradeNames.firstIndex(of: text) { return named }
        if let number = Int(text), (1...stage.grades).contains(number) { return number - 1 }
        table.repeatedError(cell, "'\(text.prefix(40))' is not a grade of '\(stage.id)'",
                            hint: "write a grade number from 1 to \(stage.grades) or a grade name (\(stage.gradeNames.joined(separator: ", ")))")
        return nil
    }

    private struct DistrictStage: Hashable {
        var district: Int
        var stage: String
    }

    private mutating func addMigration(_ table: inout ScenarioTable) {
        var fromTable: [DistrictStage: (location: SourceLocation, everyYear: SourceLocation?, years: [Int: SourceLocation])] = [:]
        for record in table.records {
            let d = district(record, in: &table)
            let stage = table.text(record, "stage")
            var year: Int?
            var yearGiven = false
            if table.optionalText(record, "year") != nil {
                yearGiven = true
                year = table.year(record, "year")
            }
            let pupils = table.number(record, "pupils", max: PlausibilityLimits.pupils)
            guard let d, let stage, let pupils, !yearGiven || year != nil,
                  let stageCell = table.cell(record, "stage") else { continue }
            let cell = yearGiven ? table.cell(record, "year") ?? stageCell : stageCell
            let key = DistrictStage(district: d, stage: stage)
            let place = table.location(cell)
            guard var entry = fromTable[key] else {
                if let yaml = districts[d].migration[stage] {
                    table.error(stageCell, "the \(stage) migration of '\(districts[d].id)' is given both under 'migration:' (\(yaml.location)) and here",
                                hint: "keep one of them")
                    continue
                }
                let location = table.location(stageCell)
                fromTable[key] = (location, yearGiven ? nil : place, year.map { [$0: place] } ?? [:])
                districts[d].migration[stage] = Migration(amount: year.map { .byYear([$0: pupils]) } ?? .everyYear(pupils),
                                                         location: location)
                continue
            }
            let hint = "give either one row with 'year' empty (the same pupils every projected year) or one row per year"
            if let every = entry.everyYear {
                table.error(cell, "the \(stage) migration of '\(districts[d].id)' is already given for every year (at \(every))", hint: hint)
                continue
            }
            guard let year else {
                table.error(cell, "the \(stage) migration of '\(districts[d].id)' is given by year (first at \(entry.location)), and here for every year",
                            hint: hint)
                continue
            }
            if let first = entry.years[year] {
                table.error(cell, "the \(stage) migration of '\(districts[d].id)' in \(year) is given twice (first at \(first))",
                            hint: "keep one row per district, stage and year")
                continue
            }
            entry.years[year] = place
            fromTable[key] = entry
            if case .byYear(var byYear) = districts[d].migration[stage]?.amount {
                byYear[year] = pupils
                districts[d].migration[stage]?.amount = .byYear(byYear)
            }
        }
    }

    // MARK: Housing

    /// One development of the housing table, gathered from its rows (one per completion year).
    private struct Development {
        var district: Int
        var housing: Housing
        var firstLine: Int
        var zone: String?
        var yields: [String: Double]?
        var ramp: [Double]
        var years: [Int: SourceLocation]
    }

    private mutating func addHousing(_ table: inout ScenarioTable) {
        var developments: [Development] = []
        var position: [DistrictStage: Int] = [:]   // district and development name
        var yamlNames: [DistrictStage: SourceLocation] = [:]
        for (d, district) in districts.enumerated() {
            for housing in district.housing { yamlNames[DistrictStage(district: d, stage: housing.name)] = housing.location }
        }
        for record in table.records {
            let d = district(record, in: &table)
            let name = table.text(record, "development")
            let year = table.year(record, "year")
            let dwellings = table.number(record, "dwellings", max: PlausibilityLimits.dwellings)
            let zone = table.optionalText(record, "zone")
            let yieldsCell = table.cell(record, "pupils_per_100_dwellings")
            let rampCell = table.cell(record, "ramp")
            guard let d, let name, let nameCell = table.cell(record, "development") else { continue }
            let key = DistrictStage(district: d, stage: name)
            let yields = yieldsCell.flatMap { $0.trimmed.isEmpty ? nil : self.yields($0, in: &table) }
            let ramp = rampCell.flatMap { $0.trimmed.isEmpty ? nil : self.ramp($0, in: &table) }
            guard let p = position[key] else {
                if let yaml = yamlNames[key] {
                    table.error(nameCell, "housing '\(name)' of '\(districts[d].id)' is given both under 'housing:' (\(yaml)) and here",
                                hint: "keep one of them")
                    continue
                }
                if let yieldsCell, yieldsCell.trimmed.isEmpty {
                    table.error(yieldsCell, "the first row of development '\(name)' has no 'pupils_per_100_dwellings'",
                                hint: "give the pupils per 100 dwellings by stage on its first row, e.g. primary=16;junior=7")
                }
                var housing = Housing(name: name, zone: zone,
                                      zoneLocation: zone == nil ? nil : table.cell(record, "zone").map(table.location),
                                      dwellings: [:], pupilsPer100Dwellings: yields ?? [:],
                                      yieldLocations: [:], ramp: ramp ?? [], location: table.location(nameCell))
                if let yields, let yieldsCell {
                    housing.yieldLocations = yields.mapValues { _ in table.location(yieldsCell) }
                }
                var development = Development(district: d, housing: housing, firstLine: record.line, zone: zone,
                                              yields: yields, ramp: ramp ?? [], years: [:])
                if let year, let dwellings, let cell = table.cell(record, "year") {
                    development.housing.dwellings[year] = dwellings
                    development.years[year] = table.location(cell)
                }
                position[key] = developments.count
                developments.append(development)
                continue
            }
            // A later row: what belongs to the whole development is empty or as on its first row.
            let first = developments[p].firstLine
            let hint = "give it on the development's first row (line \(first)) and leave it empty on later rows, or repeat it exactly"
            if let zone, zone != developments[p].zone, let cell = table.cell(record, "zone") {
                table.error(cell, "development '\(name)' has zone '\(zone)' here and \(developments[p].zone.map { "'\($0)'" } ?? "none") on its first row",
                            hint: hint)
            }
            if let yields, yields != developments[p].yields, let yieldsCell {
                table.error(yieldsCell, "development '\(name)' has other 'pupils_per_100_dwellings' here than on its first row", hint: hint)
            }
            if let ramp, ramp != developments[p].ramp, let rampCell {
                table.error(rampCell, "development '\(name)' has another 'ramp' here than on its first row", hint: hint)
            }
            guard let year, let dwellings, let cell = table.cell(record, "year") else { continue }
            if let firstYear = developments[p].years[year] {
                table.error(cell, "dwellings of '\(name)' completed in \(year) are given twice (first at \(firstYear))",
                            hint: "keep one row per development and completion year")
                continue
            }
            developments[p].years[year] = table.location(cell)
            developments[p].housing.dwellings[year] = dwellings
        }
        for development in developments {
            districts[development.district].housing.append(development.housing)
        }
    }

    /// `primary=16;junior=7`: pupils per 100 dwellings by stage.
    private func yields(_ cell: CSVField, in table: inout ScenarioTable) -> [String: Double]? {
        var result: [String: Double] = [:]
        var ok = true
        for part in cell.trimmed.split(separator: ";", omittingEmptySubsequences: false) {
            let entry = String(part).trimmingWhitespace
            let pieces = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2 else {
                table.error(cell, "'\(entry.prefix(40))' in 'pupils_per_100_dwellings' is not STAGE=YIELD",
                            hint: "write the pupils per 100 dwellings by stage, separated by ';', e.g. primary=16;junior=7")
                ok = false
                continue
            }
            let stage = String(pieces[0]).trimmingWhitespace
            guard !stage.isEmpty else {
                table.error(cell, "a yield in 'pupils_per_100_dwellings' has no stage", hint: "write STAGE=YIELD, e.g. primary=16")
                ok = false
                continue
            }
            guard let value = table.number(String(pieces[1]).trimmingWhitespace, at: cell,
                                           what: "the \(stage) yield", min: 0, max: 1000) else {
                ok = false
                continue
            }
            if result[stage] != nil {
                table.error(cell, "stage '\(stage)' is given twice in 'pupils_per_100_dwellings'", hint: "give each stage's yield once")
                ok = false
            }
            result[stage] = value
        }
        return ok ? result : nil
    }

    /// `0.6;0.85;1.0`: the share of full yield in the completion year, the year after, …
    private func ramp(_ cell: CSVField, in table: inout ScenarioTable) -> [Double]? {
        var result: [Double] = []
        for part in cell.trimmed.split(separator: ";", omittingEmptySubsequences: false) {
            guard let value = table.number(String(part).trimmingWhitespace, at: cell, what: "a ramp level", min: 0, max: 10)
            else { return nil }
            result.append(value)
        }
        return result
    }

    // MARK: Schools

    private mutating func addSchools(_ table: inout ScenarioTable, to schools: inout [School]) {
        var yaml: [String: SourceLocation] = [:]
        for school in schools where yaml[school.id] == nil { yaml[school.id] = school.location }
        var added: [School] = []
        var position: [String: Int] = [:]
        var firstLine: [Int] = []
        added.reserveCapacity(table.records.count)
        position.reserveCapacity(table.records.count)
        for record in table.records {
            guard let id = table.text(record, "id"), let idCell = table.cell(record, "id") else { continue }
            let stage = table.text(record, "stage")
            let classrooms = table.whole(record, "classrooms", max: PlausibilityLimits.classrooms)
            let zone = table.optionalText(record, "zone")
            let name = table.optionalText(record, "name")
            let isPublic = table.flag(record, "public"), at = table.point(record)
            var closes: Int?
            let closesGiven = table.optionalText(record, "closes") != nil
            if closesGiven { closes = table.year(record, "closes") }
            if closesGiven, closes == nil { continue }
            let rooms = stage.flatMap { stage in
                classrooms.map { StageClassrooms(stage: stage, count: $0, location: table.location(table.cell(record, "stage")!)) }
            }
            guard let p = position[id] else {
                if let first = yaml[id] {
                    table.error(idCell, "school '\(id)' is given both under 'schools:' (\(first)) and here",
                                hint: "keep one of them; a school with several stages has one row per stage, all with its id")
                    continue
                }
                guard let zone else {
                    if let cell = table.cell(record, "zone") {
                        table.error(cell, "'zone' is empty", hint: "write the zone of the school on its first row")
                    }
                    continue
                }
                position[id] = added.count
                firstLine.append(record.line)
                added.append(School(id: id, name: name ?? id, zone: zone, classrooms: rooms.map { [$0] } ?? [],
                                    closes: closes, location: table.location(idCell)))
                added[added.count - 1].isPublic = isPublic ?? true
                added[added.count - 1].at = at
                continue
            }
            // A further stage of the school: its name, zone and closing year are empty or as on its first row.
            var hint: String { "a school with several stages has one row per stage; give its name, zone and closing year on its first row (line \(firstLine[p])) and leave them empty on the others, or repeat them exactly" }
            if let zone, zone != added[p].zone, let cell = table.cell(record, "zone") {
                table.error(cell, "school '\(id)' is in zone '\(zone)' here and in '\(added[p].zone)' on its first row", hint: hint)
            }
            if let name, name != added[p].name, let cell = table.cell(record, "name") {
                table.error(cell, "school '\(id)' is named '\(name)' here and '\(added[p].name)' on its first row", hint: hint)
            }
            if let closes, closes != added[p].closes, let cell = table.cell(record, "closes") {
                table.error(cell, "school '\(id)' closes in \(closes) here and \(added[p].closes.map(String.init) ?? "never") on its first row",
                            hint: hint)
            }
            if let isPublic, isPublic != added[p].isPublic, let cell = table.cell(record, "public") {
                table.error(cell, "school '\(id)' is \(isPublic ? "public" : "private") here and not on its first row", hint: hint)
            }
            if let at, at != added[p].at, let cell = table.cell(record, "longitude") {
                table.error(cell, "school '\(id)' stands elsewhere here than on its first row", hint: hint)
            }
            if let rooms { added[p].classrooms.append(rooms) }
        }
        schools.append(contentsOf: added)
    }
}
