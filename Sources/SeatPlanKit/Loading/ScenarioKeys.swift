internal import Yams

/// The value a key of a scenario file takes, as the schema describes it.
indirect enum KeyType: Sendable {
    case string
    case integer
    case number
    case boolean
    /// A whole year, 1900–2200.
    case year
    /// One of these words.
    case choice([String])
    /// `[longitude, latitude]` in WGS84 degrees.
    case point
    /// A mapping with the keys of a table (unknown keys are errors).
    case mapping(KeyTable)
    /// A list of values of one type.
    case list(KeyType)
    /// A mapping with free keys (years, stage ids, school ids …) and values of one type.
    case map(KeyType)
    /// Any of these forms (e.g. `classrooms: 36` or `classrooms: { primary: 36 }`).
    case anyOf([KeyType])
}

/// One key of a mapping: its name, its value, a sentence for editors (from README's key table), whether
/// it must be given, and whether the loader reads it yet.
struct KeyDefinition: Sendable {
    enum Presence: Sendable {
        case required
        case optional
        /// Required unless the scenario's `tables:` names this table (then it may come from there).
        case requiredUnlessTable(String)
    }

    let key: String
    let type: KeyType
    let description: String
    let presence: Presence
    /// Accepted by the schema, not yet by the loader (a key being added: the loader rejects it as unknown
    /// until it reads it, rather than ignoring it).
    let pending: Bool

    init(_ key: String, _ type: KeyType, _ description: String, _ presence: Presence = .optional, pending: Bool = false) {
        self.key = key
        self.type = type
        self.description = description
        self.presence = presence
        self.pending = pending
    }
}

/// The keys of one kind of mapping in a scenario file. The loader's unknown-key check reads `required` and
/// `optional` from here, and `ScenarioSchema` is generated from the same tables, so that what an editor
/// offers is what `validate` accepts.
struct KeyTable: Sendable {
    let name: String
    let keys: [KeyDefinition]

    init(_ name: String, _ keys: [KeyDefinition]) {
        self.name = name
        self.keys = keys
    }

    /// The keys the loader requires; `tables` are the tables the scenario names (whose keys become optional).
    func required(tables: Set<String> = []) -> [String] {
        keys.filter { !$0.pending && isRequired($0, tables: tables) }.map(\.key)
    }

    /// The other keys the loader accepts.
    func optional(tables: Set<String> = []) -> [String] {
        keys.filter { !$0.pending && !isRequired($0, tables: tables) }.map(\.key)
    }

    private func isRequired(_ key: KeyDefinition, tables: Set<String>) -> Bool {
        switch key.presence {
        case .required: return true
        case .optional: return false
        case .requiredUnlessTable(let table): return !tables.contains(table)
        }
    }
}

extension YAMLReader {
    /// Reads `node` as a mapping with the keys of `table` (see `mapping(_:what:required:optional:)`).
    mutating func mapping(_ node: Node, what: String, keys table: KeyTable, tables: Set<String> = []) -> Mapping? {
        mapping(node, what: what, required: table.required(tables: tables), optional: table.optional(tables: tables))
    }
}

/// Every mapping of a scenario file and its keys: the one list of them.
enum ScenarioKeys {
    static let averaging = AveragingMethod.allCases.map(\.rawValue) + ["auto"]

    static let root = KeyTable("scenario", [
        .init("scenario", .string, "Id of the scenario; names the output folder (output/<id>).", .required),
        .init("title", .string, "Display title (default: the id)."),
        .init("base_year", .year, "Latest year with counted enrolment; a year Y is the school year starting in autumn Y.", .required),
        .init("horizon", .integer, "Years projected after the base year (1–100).", .required),
        .init("standards", .mapping(standards), "Stages, class sizes and alert thresholds (default: the Chinese national standards)."),
        .init("projection", .mapping(projection), "How the history becomes ratios and births; districts may override key by key."),
        .init("districts", .list(.mapping(district)), "The districts with their history, zones and housing.", .requiredUnlessTable("districts")),
        .init("schools", .list(.mapping(school)), "The existing schools and their classrooms."),
        .init("plans", .list(.mapping(plan)), "Versions of the layout plan to compare with the baseline (no project)."),
        .init("output", .mapping(output), "How reports are written."),
        .init("tables", .mapping(tables), "CSV files for districts, zones, births, enrollment, migration, schools and housing, relative to the scenario file."),
        .init("uncertainty", .mapping(uncertainty), "Spreads of the projection's inputs for --draws."),
        .init("ranking", .list(.mapping(rankingIndicator)), "Ranking of the districts on weighted indicators (lower is better)."),
        .init("advisor", .mapping(advisor), "The cheapest choice of candidate projects that meets the targets."),
    ])

    static let standards = KeyTable("standards", [
        .init("stages", .list(.mapping(stage)), "Replaces the stage list."),
        .init("large_class", .integer, "A class of this many pupils or more is large (大班额; default 56)."),
        .init("super_large_class", .integer, "A class of this many pupils or more is super-large (超大班额; default 66)."),
        .init("alerts", .mapping(alerts), "Utilisation thresholds of the alerts."),
        .init("compulsory", .list(.string), "The stages of compulsory education (default [primary, junior])."),
        .init("upper_secondary", .mapping(upperSecondary), "The general and vocational upper-secondary stages and the target general share."),
        .init("special_class_size", .integer, "Pupils per special-school classroom (default 12)."),
    ])

    static let alerts = KeyTable("alerts", [
        .init("yellow", .number, "Utilisation at or above which a zone is yellow (default 0.90)."),
        .init("red", .number, "Utilisation at or above which a zone is red (default 1.00)."),
    ])

    static let upperSecondary = KeyTable("upper_secondary", [
        .init("general", .string, "The general upper-secondary stage (e.g. senior).", .required),
        .init("vocational", .string, "The vocational stage.", .required),
        .init("target", .number, "The target share of general upper secondary (e.g. 0.5)."),
    ])

    static let stage = KeyTable("stage", [
        .init("id", .string, "Id of the stage (e.g. primary).", .required),
        .init("name", .string, "Display name."),
        .init("grades", .integer, "Number of grades (1–20).", .required),
        .init("entry_age", .integer, "Age at entry: the stage is fed by births (give this or 'from')."),
        .init("from", .string, "The stage whose last grade feeds this one (give this or 'entry_age')."),
        .init("class_size", .anyOf([.integer, .list(.integer)]), "Standard class size: one number, or one per grade.", .required),
        .init("grade_names", .list(.string), "Names of the grades for the reports (e.g. [K, \"1\", …])."),
        .init("catchment", .choice(["zone", "district", "scenario"]), "The area whose schools serve the stage's pupils."),
        .init("overflow", .choice(["none", "neighbours"]), "Whether pupils a full zone cannot seat go to neighbouring zones."),
        .init("large_class", .integer, "The stage's own large-class band (default: the scenario's)."),
        .init("super_large_class", .integer, "The stage's own super-large band (default: the scenario's)."),
        .init("service_radius_m", .number, "Walking distance to a school of the stage, in metres."),
        .init("staff_ratio", .number, "Pupils per staff post (教职工编制)."),
    ])

    static let projection = KeyTable("projection", [
        .init("progression", .mapping(ratioSettings), "How grade-to-grade ratios are averaged (default weighted_mean over 3)."),
        .init("entry", .mapping(ratioSettings), "How entry ratios are averaged (default mean over 3)."),
        .init("births", .mapping(birthsTrend), "How births are projected (default linear over 5)."),
        .init("ratios", .list(.mapping(fixedRatio)), "Fixed ratios that override estimation."),
        .init("exclude_years", .list(.year), "Years left out of ratio estimation (e.g. [2020])."),
        .init("exclude_shocks", .boolean, "Leave years in which every district's ratios moved together out of ratio estimation (default true)."),
    ])

    static let ratioSettings = KeyTable("ratio settings", [
        .init("method", .choice(averaging), "Averaging method; auto chooses by backtest per district and stage."),
        .init("window", .integer, "Newest values used."),
        .init("alpha", .number, "Smoothing of exponential (0 < alpha ≤ 1, default 0.4)."),
    ])

    static let birthsTrend = KeyTable("births", [
        .init("method", .choice(BirthsTrend.allCases.map(\.rawValue) + ["auto"]), "Births trend; auto chooses trend, fit_window and extend by backtest of the births themselves."),
        .init("fit_window", .integer, "Years of births fitted."),
        .init("extend", .integer, "Years past the last listed birth year the trend runs; later years keep its last value (default: fit_window)."),
    ])

    static let fixedRatio = KeyTable("fixed ratio", [
        .init("stage", .string, "The stage.", .required),
        .init("grade", .integer, "The grade (1-based; grade 1 of a births-fed stage is its entry ratio).", .required),
        .init("value", .number, "The ratio.", .required),
    ])

    static let district = KeyTable("district", [
        .init("id", .string, "Id of the district.", .required),
        .init("name", .string, "Display name."),
        .init("births", .map(.number), "{year: births}, one unbroken run of calendar years."),
        .init("enrollment", .map(.map(.list(.number))), "{year: {stage: [count per grade]}}, years up to the base year.", .requiredUnlessTable("enrollment")),
        .init("migration", .map(.anyOf([.number, .map(.number)])), "{stage: pupils} added every projected year, or {stage: {year: pupils}}."),
        .init("zones", .list(.mapping(zone)), "Catchment zones; without zones the district is one zone."),
        .init("housing", .list(.mapping(housing)), "New housing and the pupils it brings."),
        .init("projection", .mapping(projection), "The district's own projection settings, over the scenario's key by key."),
        .init("uncertainty", .mapping(uncertainty), "The district's own spreads for --draws."),
        .init("estates", .list(.mapping(estate)), "Existing residential areas (小区), for the service-radius check."),
        .init("staff", .map(.integer), "{stage: staff posts} in the base year (教职工编制)."),
        .init("special_education", .mapping(specialEducation), "Shares of pupils with disabilities, in mainstream classes and taught at home."),
        .init("neighbours", .list(.string), "Zones whose schools the district's pupils can reach (a district without zones)."),
        .init("township", .boolean, "A rural township (乡镇), for the 一乡一园 check (a district without zones)."),
        .init("at", .point, "[longitude, latitude] (a district without zones)."),
    ])

    static let zone = KeyTable("zone", [
        .init("id", .string, "Id of the zone.", .required),
        .init("name", .string, "Display name."),
        .init("share", .number, "Share of the district's pupils (the shares of a district add up to 1).", .required),
        .init("neighbours", .list(.string), "Zones whose schools this zone's pupils can reach."),
        .init("township", .boolean, "A rural township (乡镇), for the 一乡一园 check."),
        .init("at", .point, "[longitude, latitude] in WGS84 degrees."),
    ])

    static let housing = KeyTable("housing development", [
        .init("name", .string, "Name of the development.", .required),
        .init("zone", .string, "The zone (required in a district with zones)."),
        .init("dwellings", .map(.number), "{year: dwellings completed}.", .required),
        .init("pupils_per_100_dwellings", .map(.number), "{stage: pupils per 100 dwellings}.", .required),
        .init("ramp", .list(.number), "Share of the full yield in the completion year, the year after, …"),
        .init("slip", .map(.number), "{years late: probability} for --draws."),
        .init("id", .string, "Id of the development."),
        .init("at", .point, "[longitude, latitude], for the service-radius check."),
    ])

    static let estate = KeyTable("estate", [
        .init("id", .string, "Id of the residential area.", .required),
        .init("name", .string, "Display name."),
        .init("zone", .string, "The zone.", .required),
        .init("at", .point, "[longitude, latitude].", .required),
        .init("dwellings", .number, "Dwellings (for reports and maps).", .required),
    ])

    static let specialEducation = KeyTable("special_education", [
        .init("rate", .number, "Share of the compulsory stages' pupils with disabilities.", .required),
        .init("inclusion", .number, "Share of them learning in mainstream classes (随班就读)."),
        .init("home", .number, "Share of them taught at home (送教上门)."),
    ])

    static let classrooms = KeyType.anyOf([.integer, .map(.integer)])

    static let school = KeyTable("school", [
        .init("id", .string, "Id of the school.", .required),
        .init("name", .string, "Display name."),
        .init("zone", .string, "The zone the school sits in.", .required),
        .init("stage", .string, "The stage, with classrooms: N."),
        .init("classrooms", classrooms, "Classrooms: a number (with stage), or {stage: N, …}.", .required),
        .init("closes", .year, "Closed from this year on."),
        .init("public", .boolean, "false for a private school (民办; default public)."),
        .init("at", .point, "[longitude, latitude]."),
    ])

    static let plan = KeyTable("plan", [
        .init("id", .string, "Id of the plan.", .required),
        .init("name", .string, "Display name."),
        .init("based_on", .string, "The plan whose projects this one starts from."),
        .init("delay", .map(.integer), "{ID: years}: inherited projects moved later (0–100)."),
        .init("remove", .list(.string), "Inherited projects left out."),
        .init("projects", .list(.anyOf([.mapping(build), .mapping(expand), .mapping(close)])), "The plan's own projects: build, expand or close."),
    ])

    static let build = KeyTable("build project", [
        .init("build", .string, "Id of the new school.", .required),
        .init("name", .string, "Display name."),
        .init("zone", .string, "The zone.", .required),
        .init("stage", .string, "The stage, with classrooms: N."),
        .init("classrooms", classrooms, "Classrooms: a number (with stage), or {stage: N, …}.", .required),
        .init("opens", .year, "Year it opens.", .required),
        .init("cost", .number, "Cost."),
        .init("public", .boolean, "false for a private school."),
        .init("at", .point, "[longitude, latitude]."),
    ])

    static let expand = KeyTable("expand project", [
        .init("expand", .string, "The school expanded.", .required),
        .init("stage", .string, "The stage, with classrooms: N."),
        .init("classrooms", classrooms, "Classrooms added: a number for a one-stage school, else by stage.", .required),
        .init("opens", .year, "Year the classrooms open.", .required),
        .init("cost", .number, "Cost."),
    ])

    static let close = KeyTable("close project", [
        .init("close", .string, "The school closed.", .required),
        .init("year", .year, "Closed from this year, with its expansions.", .required),
        .init("cost", .number, "Cost."),
    ])

    static let output = KeyTable("output", [
        .init("excel", .boolean, "Excel-friendly CSV: a UTF-8 byte order mark and formula-safe text."),
        .init("xlsx", .boolean, "Also write report.xlsx: every report as a sheet of one workbook."),
        .init("lang", .choice(["zh", "en"]), "Language of the terminal, the page and the workbook (default zh; --lang wins)."),
    ])

    static let tables = KeyTable("tables", ScenarioTable.Kind.allCases.map {
        .init($0.rawValue, .string, "Path of the \($0.rawValue) CSV file, relative to the scenario file.")
    })

    static let factorRangeKeys = KeyTable("factor range", [
        .init("low", .number, "Lowest factor.", .required),
        .init("high", .number, "Highest factor.", .required),
    ])
    static let factorRange = KeyType.anyOf([.number, .mapping(factorRangeKeys)])

    static let uncertainty = KeyTable("uncertainty", [
        .init("ratios", .anyOf([.choice(["observed"]), .number]), "observed (default: from the one-year-ahead errors of the history), or the sd of every estimated ratio."),
        .init("ratio_sd", .list(.mapping(ratioSD)), "The sd of single ratios."),
        .init("births", .anyOf([.choice(["fit"]), .number]), "fit (default), or a relative sd of projected births."),
        .init("migration", factorRange, "A factor on migration: p (from 1 − p to 1 + p) or {low, high}."),
        .init("housing_yield", factorRange, "A factor on housing yields: p or {low, high}."),
        .init("slip", .map(.number), "{years late: probability} of every development."),
        .init("common_share", .anyOf([.choice(["estimated"]), .number]), "estimated (default), or the share (0–1) of each ratio's variance common to every district in a draw."),
        .init("district_share", .anyOf([.choice(["estimated"]), .number]), "estimated (default), or the share (0–1) of each ratio's variance common to the ratios of one district in a draw, beyond common_share."),
        .init("lasting_share", .anyOf([.choice(["estimated"]), .number]), "estimated (default), or the share (0–1) of each ratio's error held over the horizon; the rest is drawn afresh every year."),
        .init("drift_share", .anyOf([.choice(["estimated"]), .number]), "estimated (default), or how much each ratio's error variance grows with each further year, as a share (0–10) of its one-year-ahead variance."),
        .init("kurtosis", .anyOf([.choice(["estimated"]), .number]), "estimated (default), or the kurtosis (3–100) of the ratios' errors: 3 normal, above it heavy tails (each draw's errors scaled together, a Student t)."),
    ])

    static let ratioSD = KeyTable("ratio_sd entry", [
        .init("stage", .string, "The stage.", .required),
        .init("grade", .integer, "The grade.", .required),
        .init("sd", .number, "The standard deviation.", .required),
    ])

    static let rankingIndicator = KeyTable("ranking indicator", [
        .init("indicator", .choice(RankingEntry.indicators), "The indicator.", .required),
        .init("weight", .number, "Its weight in the score (default 1)."),
    ])

    static let advisor = KeyTable("advisor", [
        .init("based_on", .string, "The plan the candidates are added to (default: the existing schools)."),
        .init("candidates", .list(.anyOf([.mapping(buildCandidate), .mapping(expandCandidate)])), "Candidate build or expand projects.", .required),
        .init("targets", .mapping(advisorTargets), "What the chosen projects must achieve.", .required),
    ])

    static let buildCandidate = KeyTable("build candidate", [
        .init("build", .string, "Id of the new school.", .required),
        .init("name", .string, "Display name."),
        .init("zone", .string, "The zone.", .required),
        .init("stage", .string, "The stage, with classrooms: N."),
        .init("classrooms", classrooms, "Classrooms.", .required),
        .init("cost", .number, "Cost.", .required),
        .init("earliest", .year, "Earliest year it may open.", .required),
        .init("latest", .year, "Latest year it may open.", .required),
        .init("public", .boolean, "false for a private school."),
        .init("at", .point, "[longitude, latitude]."),
    ])

    static let expandCandidate = KeyTable("expand candidate", [
        .init("expand", .string, "The school expanded.", .required),
        .init("stage", .string, "The stage, with classrooms: N."),
        .init("classrooms", classrooms, "Classrooms added.", .required),
        .init("cost", .number, "Cost.", .required),
        .init("earliest", .year, "Earliest year they may open.", .required),
        .init("latest", .year, "Latest year they may open.", .required),
    ])

    static let advisorTargets = KeyTable("advisor targets", [
        .init("no_super_large_from", .year, "No super-large class from this year."),
        .init("no_shortage_from", .year, "No shortage from this year."),
        .init("max_shortage_seat_years", .number, "At most this many shortage seat-years."),
        .init("budget", .number, "At most this cost."),
        .init("stages", .list(.string), "The stages the targets apply to (default: the compulsory ones)."),
    ])
}
