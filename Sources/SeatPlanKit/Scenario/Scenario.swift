/// A whole planning scenario, as read from one YAML file: the standards, how to project,
/// the districts with their history, the schools, and the plans to compare.
///
/// Years are school years named by the autumn they start in (2025 = 2025/26).
public struct Scenario: Sendable {
    /// Short id, used for the default output folder (`output/<id>/`).
    public var id: String
    public var title: String
    /// The latest year with counted enrolment; the run projects `baseYear+1 … baseYear+horizon`.
    public var baseYear: Int
    public var horizon: Int
    public var standards: Standards
    public var projection: ProjectionSettings
    public var districts: [District]
    public var schools: [School]
    public var plans: [Plan]
    public var output: OutputOptions
    /// How far the projection's inputs may move in a Monte Carlo draw (`uncertainty`; used by `--draws`).
    public var uncertainty: UncertaintySettings
    /// `ranking`: the indicators the districts are ranked on (考评排位).
    public var ranking: [RankingEntry] = []
    /// `advisor`: candidate projects and targets for `seatplan advise`.
    public var advisor: AdvisorSettings?
    /// Where the scenario was read from (for diagnostics raised after loading).
    public var location: SourceLocation

    public init(id: String, title: String, baseYear: Int, horizon: Int, standards: Standards,
                projection: ProjectionSettings, districts: [District], schools: [School], plans: [Plan],
                output: OutputOptions, uncertainty: UncertaintySettings = .defaults, location: SourceLocation) {
        self.id = id
        self.title = title
        self.baseYear = baseYear
        self.horizon = horizon
        self.standards = standards
        self.projection = projection
        self.districts = districts
        self.schools = schools
        self.plans = plans
        self.output = output
        self.uncertainty = uncertainty
        self.location = location
    }

    /// `baseYear … baseYear+horizon`: the years every report covers.
    public var years: ClosedRange<Int> { baseYear...(baseYear + horizon) }

    /// Every zone of every district, in file order (a district without zones is one zone).
    public var zones: [Zone] { districts.flatMap(\.effectiveZones) }
}

/// Options that change how reports are written, not what they say.
public struct OutputOptions: Sendable {
    /// UTF-8 byte order mark and formula-safe text cells, for opening in Excel.
    public var excel: Bool
    /// Also `report.xlsx`, every report as a sheet of one workbook.
    public var xlsx: Bool
    /// The language of the terminal, the page and the workbook (`nil`: Chinese, unless `--lang` says).
    public var lang: ReportLanguage?

    public init(excel: Bool = false, xlsx: Bool = false, lang: ReportLanguage? = nil) {
        self.excel = excel
        self.xlsx = xlsx
        self.lang = lang
    }
}
