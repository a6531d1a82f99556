import Foundation
internal import Yams

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

    // MARK: Standards

    mutating func standards(_ node: Node) -> Standards? {
        guard let map = reader.mapping(node, what: "'standards'", keys: ScenarioKeys.standards)
        else { return nil }
        var standards = Standards.chineseDefaults(at: map.location)
        if let stagesNode = map.value("stages") {
            guard let stages = list(stagesNode, what: "'stages'", item: { $0.stage($1) }) else { return nil }
            if reader.isEmptyList(stagesNode) {
                reader.error(stagesNode, "'stages' is empty", hint: "list at least one stage, or leave 'stages' out for the national defaults")
            }
            standards.stages = stages
        }
        if let node = map.value("large_class"), let value = reader.int(node, what: "'large_class'", min: 1, max: PlausibilityLimits.classSize) {
            standards.largeClass = value
        }
        if let node = map.value("super_large_class"), let value = reader.int(node, what: "'super_large_class'", min: 1, max: PlausibilityLimits.classSize) {
            standards.superLargeClass = value
        }
        if standards.superLargeClass < standards.largeClass,
           let node = map.value("super_large_class") ?? map.value("large_class") {
            reader.error(node, "'super_large_class' (\(standards.superLargeClass)) is below 'large_class' (\(standards.largeClass))",
                         hint: "a super-large class is the larger one: e.g. large 56, super-large 66")
        }
        if let node = map.value("compulsory"), let items = reader.sequence(node, what: "'compulsory'") {
            standards.compulsory = items.compactMap { reader.string($0, what: "a compulsory stage") }
            standards.compulsoryLocation = reader.location(node)
        }
        if let node = map.value("upper_secondary") { standards.upperSecondary = upperSecondary(node) }
        if let node = map.value("special_class_size"),
           let value = reader.int(node, what: "'special_class_size'", min: 1, max: 1000) {
            standards.specialClassSize = value
        }
        if let node = map.value("alerts"),
           let alerts = reader.mapping(node, what: "'alerts'", keys: ScenarioKeys.alerts) {
            if let node = alerts.value("yellow"), let value = reader.double(node, what: "'yellow'", min: 0, max: 100) {
                standards.alerts.yellow = value
            }
            if let node = alerts.value("red"), let value = reader.double(node, what: "'red'", min: 0, max: 100) {
                standards.alerts.red = value
            }
            if standards.alerts.yellow > standards.alerts.red, let node = alerts.value("yellow") ?? alerts.value("red") {
                reader.error(node, "the yellow alert (\(standards.alerts.yellow)) is above the red one (\(standards.alerts.red))",
                             hint: "yellow warns before red: e.g. yellow 0.90, red 1.00")
            }
        }
        return standards
    }

    mutating func stage(_ node: Node) -> Stage? {
        guard let map = reader.mapping(node, what: "a stage", keys: ScenarioKeys.stage)
        else { return nil }
        let id = map.value("id").flatMap { reader.string($0, what: "a stage's 'id'") }
        let name = map.value("name").flatMap { reader.string($0, what: "a stage's 'name'") }
        var grades = map.value("grades").flatMap { reader.int($0, what: "'grades'", min: 1) }
        if let node = map.value("grades"), let count = grades, count > Self.maxGrades {
            reader.error(node, "a stage of \(count) grades is not plausible", hint: "a stage has at most \(Self.maxGrades) grades")
            grades = nil
        }
        var feed: Stage.Feed?
        switch (map.value("entry_age"), map.value("from")) {
        case (let age?, nil):
            feed = reader.int(age, what: "'entry_age'", min: 0, max: 30).map { .births(entryAge: $0) }
        case (nil, let from?):
            feed = reader.string(from, what: "'from'").map { .stage($0) }
        case (_?, _?):
            reader.error(node, "a stage has both 'entry_age' and 'from'",
                         hint: "keep 'entry_age' for a stage fed by births or 'from' for one fed by another stage")
        case (nil, nil):
            reader.error(node, "a stage has neither 'entry_age' nor 'from'",
                         hint: "add 'entry_age: 6' (fed by births) or 'from: primary' (fed by another stage)")
        }
        var classSizes: [Int]?
        if let sizeNode = map.value("class_size") {
            if case .sequence = sizeNode {
                let sizes = reader.sequence(sizeNode, what: "'class_size'")?
                    .map { reader.int($0, what: "a class size", min: 1, max: PlausibilityLimits.classSize) }
                if let sizes, sizes.allSatisfy({ $0 != nil }) {
                    classSizes = sizes.compactMap { $0 }
                    if let grades, sizes.count != grades {
                        reader.error(sizeNode, "'class_size' lists \(sizes.count) sizes for \(grades) grades",
                                     hint: "give one class size per grade, or a single number for all")
                        classSizes = nil
                    }
                }
            } else if let size = reader.int(sizeNode, what: "'class_size'", min: 1, max: PlausibilityLimits.classSize), let grades {
                classSizes = Array(repeating: size, count: grades)
            }
        }
        var gradeNames: [String]?
        if let namesNode = map.value("grade_names"),
           let names = reader.sequence(namesNode, what: "'grade_names'")?.map({ reader.string($0, what: "a grade name") }),
           names.allSatisfy({ $0 != nil }) {
            gradeNames = names.compactMap { $0 }
            if let grades, names.count != grades {
                reader.error(namesNode, "'grade_names' lists \(names.count) names for \(grades) grades",
                             hint: "give one name per grade")
                gradeNames = nil
            }
        }
        guard let id, let grades, let feed, let classSizes else { return nil }
        var stage = Stage(id: id, name: name ?? id, grades: grades, feed: feed, classSizes: classSizes,
                          gradeNames: gradeNames, location: reader.location(node))
        stage.catchment = map.value("catchment").flatMap { choice($0, what: "catchment", of: Catchment.self) }
        stage.overflow = map.value("overflow").flatMap { choice($0, what: "overflow", of: Overflow.self) } ?? .none
        stage.largeClass = map.value("large_class").flatMap { reader.int($0, what: "'large_class'", min: 1, max: 1000) }
        stage.superLargeClass = map.value("super_large_class")
            .flatMap { reader.int($0, what: "'super_large_class'", min: 1, max: 1000) }
        if let large = stage.largeClass, let superLarge = stage.superLargeClass, superLarge < large,
           let node = map.value("super_large_class") {
            reader.error(node, "the stage's 'super_large_class' (\(superLarge)) is below its 'large_class' (\(large))",
                         hint: "a super-large class is the larger one: e.g. large 36, super-large 41")
        }
        stage.serviceRadiusSetting = map.value("service_radius_m")
            .flatMap { reader.double($0, what: "'service_radius_m'", min: 0, max: 100_000) }
        stage.staffRatioSetting = map.value("staff_ratio").flatMap { reader.double($0, what: "'staff_ratio'", min: 0.1, max: 1000) }
        return stage
    }

    // MARK: Projection settings

    mutating func projectionOverride(_ node: Node, what: String) -> ProjectionOverride {
        var result = ProjectionOverride()
        guard let map = reader.mapping(node, what: what, keys: ScenarioKeys.projection)
        else { return result }
        if let node = map.value("exclude_years"), let items = reader.sequence(node, what: "'exclude_years'") {
            result.excludedYears = items.compactMap { reader.year($0, what: "an excluded year") }
        }
        result.excludeShocks = map.value("exclude_shocks").flatMap { reader.bool($0, what: "'exclude_shocks'") }
        if let node = map.value("progression") { result.progression = ratioSettings(node, what: "'progression'") }
        if let node = map.value("entry") { result.entry = ratioSettings(node, what: "'entry'") }
        if let node = map.value("births"),
           let births = reader.mapping(node, what: "'births'", keys: ScenarioKeys.birthsTrend) {
            if let node = births.value("method") {
                if case .scalar(let scalar) = node, scalar.string == "auto" {
                    result.births.auto = true
                } else {
                    result.births.method = choice(node, what: "births method", of: BirthsTrend.self, also: ["auto"])
                }
            }
            result.births.fitWindow = births.value("fit_window").flatMap { reader.int($0, what: "'fit_window'", min: 1, max: 100) }
            result.births.extend = births.value("extend").flatMap { reader.int($0, what: "'extend'", min: 0, max: 100) }
        }
        if let node = map.value("ratios") {
            result.fixedRatios = list(node, what: "'ratios'") { $0.fixedRatio($1) } ?? []
        }
        return result
    }

    mutating func ratioSettings(_ node: Node, what: String) -> ProjectionOverride.Ratio {
        var result = ProjectionOverride.Ratio()
        guard let map = reader.mapping(node, what: what, keys: ScenarioKeys.ratioSettings) else { return result }
        if let node = map.value("method") {
            if case .scalar(let scalar) = node, scalar.string == "auto" {
                result.auto = true
            } else {
                result.method = choice(node, what: "averaging method for \(what)", of: AveragingMethod.self, also: ["auto"])
            }
        }
        result.window = map.value("window").flatMap { reader.int($0, what: "'window'", min: 1, max: 100) }
        if let node = map.value("alpha"), let alpha = reader.double(node, what: "'alpha'", min: 0) {
            if alpha > 1 || alpha == 0 {
                reader.error(node, "'alpha' must be above 0 and at most 1", hint: "NCES uses 0.4")
            } else {
                result.alpha = alpha
            }
        }
        return result
    }

    mutating func fixedRatio(_ node: Node) -> FixedRatio? {
        guard let map = reader.mapping(node, what: "a fixed ratio", keys: ScenarioKeys.fixedRatio) else {
            return nil
        }
        let stage = map.value("stage").flatMap { reader.string($0, what: "the ratio's 'stage'") }
        let grade = map.value("grade").flatMap { reader.int($0, what: "the ratio's 'grade'", min: 1) }
        let value = map.value("value").flatMap { reader.double($0, what: "the ratio's 'value'", min: 0, max: 100) }
        guard let stage, let grade, let value else { return nil }
        return FixedRatio(stage: stage, grade: grade, value: value, location: map.location)
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

    // MARK: Output

    mutating func output(_ node: Node) -> OutputOptions? {
        guard let map = reader.mapping(node, what: "'output'", keys: ScenarioKeys.output) else { return nil }
        return OutputOptions(excel: map.value("excel").flatMap { reader.bool($0, what: "'excel'") } ?? false,
                             xlsx: map.value("xlsx").flatMap { reader.bool($0, what: "'xlsx'") } ?? false,
                             lang: map.value("lang").flatMap { choice($0, what: "language", of: ReportLanguage.self) })
    }
}
