import Foundation
import Testing
@testable import SeatPlanKit

/// A scenario folder written into a temporary directory: `scenario.yaml` and its CSV tables.
struct ScenarioFolder {
    let url: URL

    init(yaml: String, tables: [String: String]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("seatplan-tables-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data(yaml.utf8).write(to: url.appendingPathComponent("scenario.yaml"))
        for (name, text) in tables {
            try Data(text.utf8).write(to: url.appendingPathComponent(name))
        }
    }

    var scenarioPath: String { url.appendingPathComponent("scenario.yaml").path }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Loads and validates: the scenario, or every diagnostic.
    func check() -> Result<Scenario, ScenarioError> {
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            let scenario = try ScenarioLoader().load(path: scenarioPath)
            try ScenarioValidator().validate(scenario)
            return .success(scenario)
        } catch {
            return .failure(error)
        }
    }

    /// The diagnostics, as `FILE-NAME:LINE:COLUMN: message`.
    func errors() -> [String] {
        guard case .failure(let error) = check() else { return [] }
        return error.diagnostics.map {
            "\(($0.location.file as NSString).lastPathComponent):\($0.location.line):\($0.location.column): \($0.message)"
        }
    }
}

/// Scenarios that take their tables from CSV: the same reports as inline YAML, the merge rules, and
/// where every mistake is reported.
@Suite struct ScenarioTablesTests {
    // MARK: The same reports as the inline scenario

    static let fixtures = [
        ("Tests/Fixtures/tables/example-city/scenario.yaml", "Tests/Fixtures/tables/example-city/inline.yaml"),
        ("Tests/Fixtures/tables/eau-claire-wi/scenario.yaml", "scenarios/eau-claire-wi.yaml"),
    ]

    /// Every file of `compare` (the reports of `run`, `comparison.csv`, `projects.csv`), byte for byte.
    @Test(arguments: fixtures)
    func tablesGiveTheSameReportsAsInlineYAML(tables: String, inline: String) throws {
        func reports(_ path: String) throws -> [ReportFile] {
            let (scenario, allocation) = try simulate(path: Repo.path(path))
            let comparison = PlanComparison(allocation, scenario: scenario)
            return ReportSet(allocation: allocation, scenario: scenario, excel: scenario.output.excel,
                             comparison: comparison).files
        }
        let fromTables = try reports(tables)
        let fromYAML = try reports(inline)
        #expect(fromTables.map(\.name) == fromYAML.map(\.name))
        #expect(fromTables.count == ReportSet.fileNames.count + ReportSet.comparisonFileNames.count)
        for (a, b) in zip(fromTables, fromYAML) {
            #expect(a.data == b.data, "\(a.name) differs between \(tables) and \(inline)")
        }
    }

    @Test func theFixtureTakesEveryTableFromCSV() throws {
        let text = try String(contentsOfFile: Repo.path("Tests/Fixtures/tables/example-city/scenario.yaml"), encoding: .utf8)
        for table in ["zones", "births", "enrollment", "migration", "schools", "housing"] {
            #expect(text.contains("\(table): \(table).csv"), "\(table)")
        }
        let eauClaire = try String(contentsOfFile: Repo.path("Tests/Fixtures/tables/eau-claire-wi/scenario.yaml"), encoding: .utf8)
        #expect(eauClaire.contains("districts: districts.csv"))
        #expect(!eauClaire.contains("\ndistricts:"))
    }

    @Test func rowsCarryTheLocationOfTheirCell() throws {
        let scenario = try ScenarioLoader().load(path: Repo.path("Tests/Fixtures/tables/example-city/scenario.yaml"))
        let school = try #require(scenario.schools.first { $0.id == "hexi-jiunian" })
        #expect(school.classrooms.map(\.stage) == ["primary", "junior"])
        #expect(school.location.file.hasSuffix("Tests/Fixtures/tables/example-city/schools.csv"))
        #expect(school.classrooms.map(\.location.line) == [18, 19])
        let central = try #require(scenario.districts.first)
        #expect(central.zones.map(\.location.line) == [2, 3])
        #expect(central.birthsLocation.file.hasSuffix("births.csv") && central.birthsLocation.line == 2)
        #expect(central.enrollmentLocation.file.hasSuffix("enrollment.csv"))
        #expect(central.housing.map(\.name) == ["河西新城一期", "老城棚户区改造安置房"])
        #expect(central.housing[0].dwellings == [2026: 1800, 2027: 2400, 2028: 1600])
        #expect(central.housing[0].ramp == [0.6, 0.85, 1.0])
        #expect(central.housing[0].zoneLocation?.column == 9)
    }

    // MARK: Paths

    @Test func tablePathsAreShownAsTheUserWouldTypeThem() {
        #expect(ScenarioDecoder.tablePath("births.csv", besides: "scenarios/city/scenario.yaml") == "scenarios/city/births.csv")
        #expect(ScenarioDecoder.tablePath("./births.csv", besides: "scenario.yaml") == "births.csv")
        #expect(ScenarioDecoder.tablePath("data/births.csv", besides: "/srv/plan/s.yaml") == "/srv/plan/data/births.csv")
        #expect(ScenarioDecoder.tablePath("births.csv", besides: "/s.yaml") == "/births.csv")
        #expect(ScenarioDecoder.tablePath("/abs/births.csv", besides: "scenarios/s.yaml") == "/abs/births.csv")
        #expect(ScenarioDecoder.tablePath("../data/b.csv", besides: "scenarios/city/s.yaml") == "scenarios/city/../data/b.csv")
    }

    // MARK: Merging with the YAML

    /// One stage of 2 grades; districts `north` (YAML, zones a and b) and whatever the tables add.
    static func yaml(districts: String = """
        districts:
          - id: north
            births: { 2015: 100, 2016: 100, 2017: 100 }
            zones:
              - { id: north-a, share: 0.5 }
        """, tables: String) -> String {
        """
        scenario: t
        base_year: 2025
        horizon: 2
        standards:
          stages:
            - { id: primary, grades: 2, entry_age: 6, class_size: 30, grade_names: [P1, P2] }
        projection:
          births: { method: constant, fit_window: 3 }
        \(districts)
        tables:
        \(tables)
        """
    }

    static let enrollment = """
        year,district,stage,grade,students
        2024,north,primary,P1,100
        2024,north,primary,P2,100
        2025,north,primary,1,100
        2025,north,primary,2,100
        2024,south,primary,1,50
        2024,south,primary,2,50
        2025,south,primary,1,50
        2025,south,primary,2,50

        """

    @Test func tableRowsJoinTheYAMLDistrictsAndAddTheirOwn() throws {
        let folder = try ScenarioFolder(yaml: Self.yaml(tables: """
              districts: districts.csv
              zones: zones.csv
              births: births.csv
              enrollment: enrollment.csv
              migration: migration.csv
              schools: schools.csv
            """), tables: [
                "districts.csv": "id,name\nsouth,南区\n",
                "zones.csv": "district,id,share\nnorth,north-b,0.5\n",
                "births.csv": "district,year,births\nnorth,2018,100\nnorth,2019,100\nsouth,2017,50\nsouth,2018,50\nsouth,2019,50\n",
                "enrollment.csv": Self.enrollment,
                "migration.csv": "district,stage,year,pupils\nsouth,primary,2026,5\nsouth,primary,2027,7\n",
                "schools.csv": "id,name,zone,stage,classrooms,closes\nn1,North One,north-a,primary,4,\nn2,,north-b,primary,1,\ns1,,south,primary,3,2027\n",
            ])
        let scenario = try folder.check().get()
        #expect(scenario.districts.map(\.id) == ["north", "south"])
        #expect(scenario.districts[1].name == "南区")
        #expect(scenario.districts[0].zones.map(\.id) == ["north-a", "north-b"])
        #expect(scenario.districts[0].births.keys.sorted() == [2015, 2016, 2017, 2018, 2019])
        #expect(scenario.districts[0].enrollment.map(\.year) == [2024, 2025])
        #expect(scenario.districts[0].enrollment(year: 2024, stage: "primary") == [100, 100])
        guard case .byYear(let byYear) = scenario.districts[1].migration["primary"]?.amount else {
            Issue.record("migration by year expected")
            return
        }
        #expect(byYear == [2026: 5, 2027: 7])
        #expect(scenario.schools.map(\.id) == ["n1", "n2", "s1"])
        #expect(scenario.schools.map(\.name) == ["North One", "n2", "s1"])
        #expect(scenario.schools.map(\.closes) == [nil, nil, 2027])
    }

    @Test func aSchoolWithSeveralStagesIsOneSchool() throws {
        let folder = try ScenarioFolder(yaml: Self.yaml(
            districts: "districts: [{ id: north }]",
            tables: "  enrollment: enrollment.csv\n  schools: schools.csv\n  births: births.csv"
        ).replacingOccurrences(of: "- { id: primary, grades: 2, entry_age: 6, class_size: 30, grade_names: [P1, P2] }",
                               with: "- { id: primary, grades: 2, entry_age: 6, class_size: 30 }\n    - { id: junior, grades: 1, from: primary, class_size: 30 }"),
            tables: [
                "births.csv": "district,year,births\nnorth,2015,100\nnorth,2016,100\nnorth,2017,100\nnorth,2018,100\nnorth,2019,100\n",
                "enrollment.csv": """
                    year,district,stage,grade,students
                    2024,north,primary,1,100
                    2024,north,primary,2,100
                    2024,north,junior,1,100
                    2025,north,primary,1,100
                    2025,north,primary,2,100
                    2025,north,junior,1,100

                    """,
                "schools.csv": "id,name,zone,stage,classrooms,closes\nnine,Nine-year,north,primary,6,2030\nnine,,,junior,3,\n",
            ])
        let scenario = try folder.check().get()
        let school = try #require(scenario.schools.first)
        #expect(scenario.schools.count == 1)
        #expect(school.name == "Nine-year" && school.zone == "north" && school.closes == 2030)
        #expect(school.classrooms == [StageClassrooms(stage: "primary", count: 6, location: school.location),
                                      StageClassrooms(stage: "junior", count: 3, location: school.location)])
    }

    @Test func geographyColumnsOfZonesAndSchools() throws {
        let folder = try ScenarioFolder(yaml: Self.yaml(tables: """
              zones: zones.csv
              enrollment: enrollment.csv
              schools: schools.csv
            """).replacingOccurrences(of: "2017: 100 }", with: "2017: 100, 2018: 100, 2019: 100 }"), tables: [
                "zones.csv": "district,id,share,neighbours,township,longitude,latitude\nnorth,north-b,0.5,north-a; ,yes,116.7,27.5\n",
                "enrollment.csv": Self.enrollment.split(separator: "\n").filter { !$0.contains("south") }.joined(separator: "\n") + "\n",
                "schools.csv": "id,zone,stage,classrooms,public,longitude,latitude\nn1,north-a,primary,4,no,116.3538,27.941\nn2,north-b,primary,1,,,\n",
            ])
        let scenario = try folder.check().get()
        let zone = try #require(scenario.districts[0].zones.last)
        #expect(zone.neighbours == ["north-a"] && zone.geography.township)
        #expect(zone.geography.at == GeoPoint(longitude: 116.7, latitude: 27.5))
        #expect(scenario.districts[0].zones[0].geography.township == false)
        #expect(scenario.schools.map(\.isPublic) == [false, true])
        #expect(scenario.schools.map(\.at) == [GeoPoint(longitude: 116.3538, latitude: 27.941), nil])

        let half = try ScenarioFolder(yaml: Self.yaml(tables: "  schools: schools.csv"), tables: [
            "schools.csv": "id,zone,stage,classrooms,public,longitude,latitude\nn1,north-a,primary,4,maybe,116.3,\n",
        ])
        let errors = half.errors().joined(separator: "\n")
        #expect(errors.contains("'public' is 'maybe'"))
        #expect(errors.contains("'longitude' is given without 'latitude'"))
    }

    @Test func districtsMayComeOnlyFromTheTable() throws {
        let folder = try ScenarioFolder(yaml: Self.yaml(districts: "", tables: """
              districts: districts.csv
              births: births.csv
              enrollment: enrollment.csv
            """), tables: [
                "districts.csv": "id\nnorth\nsouth\n",
                "births.csv": "district,year,births\n" + (2015...2019).map { "north,\($0),100\nsouth,\($0),50" }.joined(separator: "\n"),
                "enrollment.csv": Self.enrollment,
            ])
        let scenario = try folder.check().get()
        #expect(scenario.districts.map(\.id) == ["north", "south"])
        #expect(scenario.districts.map(\.name) == ["north", "south"])
    }

    @Test func withoutAnEnrollmentTableADistrictStillNeedsItsEnrollment() throws {
        let folder = try ScenarioFolder(yaml: Self.yaml(tables: "  births: births.csv"),
                                        tables: ["births.csv": "district,year,births\nnorth,2018,1\n"])
        let errors = folder.errors()
        #expect(errors.contains { $0.hasSuffix(": a district has no 'enrollment'") })
        // The rows of a YAML district in error are not reported as naming no district.
        #expect(!errors.contains { $0.contains("is not a district") }, "\(errors)")
    }

    // MARK: Mistakes

    @Test func anUnknownColumnIsAnErrorListingTheColumns() throws {
        let folder = try ScenarioFolder(yaml: Self.yaml(tables: "  enrollment: enrollment.csv"), tables: [
            "enrollment.csv": "year,district,stage,grade,student\n2025,north,primary,1,1\n",
        ])
        let errors = folder.errors()
        #expect(errors.contains("enrollment.csv:1:27: unknown column 'student' in the enrollment table"))
        #expect(errors.contains("enrollment.csv:1:1: the enrollment table has no column 'students'"))
        let diagnostics = (try? ScenarioFolder(yaml: Self.yaml(tables: "  enrollment: enrollment.csv"), tables: [
            "enrollment.csv": "year,district,stage,grade,students,school\n",
        ]).check())
        guard case .failure(let error)? = diagnostics else {
            Issue.record("an unknown column must be an error")
            return
        }
        let unknown = error.diagnostics.first { $0.message.contains("unknown column 'school'") }
        #expect(unknown?.hint == "allowed columns: year, district, zone, stage, grade, students")
    }

    @Test func aDistrictInTheYAMLAndTheTableIsAnErrorNamingBoth() throws {
        let folder = try ScenarioFolder(yaml: Self.yaml(tables: "  districts: districts.csv\n  enrollment: enrollment.csv"),
                                        tables: ["districts.csv": "id,name\nsouth,South\nnorth,North\n",
                                                 "enrollment.csv": Self.enrollment])
        let errors = folder.errors()
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("districts.csv:3:1: district 'north' is given twice (first at ") == true)
        #expect(errors.first?.hasSuffix("scenario.yaml:10:5)") == true)
    }

    @Test func theSameValueInTheYAMLAndATableIsAnErrorNamingBoth() throws {
        let folder = try ScenarioFolder(yaml: Self.yaml(tables: "  births: births.csv\n  zones: zones.csv\n  enrollment: enrollment.csv"), tables: [
            "births.csv": "district,year,births\nnorth,2017,1\n",
            "zones.csv": "district,id,name,share\nnorth,north-a,A,0.5\n",
            "enrollment.csv": Self.enrollment,
        ])
        let errors = folder.errors()
        #expect(errors.contains { $0.hasPrefix("births.csv:2:7: births of 'north' in 2017 are given both under 'births:' (") })
        #expect(errors.contains { $0.hasPrefix("zones.csv:2:7: zone 'north-a' is given twice (first at ") && $0.contains("scenario.yaml:") })
    }

    @Test func everyTableIsCheckedAtOnce() throws {
        let folder = try ScenarioFolder(yaml: Self.yaml(tables: """
              births: births.csv
              zones: missing.csv
              enrollment: enrollment.csv
              schools: schools.csv
            """), tables: [
                "births.csv": "district,year,births\nnorth,2018,-1\nwest,2019,1\nwest,2020,1\nwest,2021,1\n",
                "enrollment.csv": "year,district,stage,grade,students\n2025,north,primary,3,1\n",
                "schools.csv": "id,zone,stage,classrooms\nn1,north-a,primary,100001\n",
            ])
        let errors = folder.errors()
        #expect(errors.count == 5, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("scenario.yaml:") && $0.contains("the zones table") && $0.contains("missing.csv' does not exist") })
        #expect(errors.contains("births.csv:2:12: 'births' must be 0 or more (not negative)"))
        #expect(errors.contains("births.csv:3:1: district 'west' is not a district of the scenario (in 3 rows; this is the first)"))
        #expect(errors.contains("enrollment.csv:2:20: '3' is not a grade of 'primary'"))
        #expect(errors.contains("schools.csv:2:20: 'classrooms' of 100001 is beyond the plausible"))
        // The scenario file first, then the tables in the order of the README.
        #expect(errors.first?.hasPrefix("scenario.yaml:") == true)
    }

    /// A shifted zone column in a large schools table: every school names no zone. "Did you mean" is only
    /// worked out for a list of zones a person would read (it compared every school with every zone, which
    /// took 207 s for 2,000 such schools among 30,000 zones).
    @Test func manySchoolsInUnknownZonesOfManyZonesAreReportedQuickly() throws {
        let zones = (0..<2500).map { "north,z\($0),,0.0004" }.joined(separator: "\n")
        let schools = (0..<300).map { "s\($0),qz\($0),primary,4" }.joined(separator: "\n")
        let folder = try ScenarioFolder(yaml: Self.yaml(districts: "districts: [{ id: north }]", tables: """
              zones: zones.csv
              births: births.csv
              enrollment: enrollment.csv
              schools: schools.csv
            """), tables: [
                "zones.csv": "district,id,name,share\n" + zones + "\n",
                "births.csv": "district,year,births\n" + (2015...2019).map { "north,\($0),100" }.joined(separator: "\n"),
                "enrollment.csv": Self.enrollment.split(separator: "\n").prefix(5).joined(separator: "\n"),
                "schools.csv": "id,zone,stage,classrooms\n" + schools + "\n",
            ])
        let started = Date()
        let errors = folder.errors()
        #expect(errors.count == 300, "\(errors.prefix(3))")
        #expect(errors.allSatisfy { $0.contains("which is not a zone") })
        #expect(Date().timeIntervalSince(started) < 60)
    }

    @Test func theValidatorReportsAtTheCellOfTheRow() throws {
        let folder = try ScenarioFolder(yaml: Self.yaml(tables: "  enrollment: enrollment.csv\n  schools: schools.csv\n  births: births.csv"),
                                        tables: [
                                            "enrollment.csv": Self.enrollment.replacingOccurrences(of: "south", with: "north").split(separator: "\n").prefix(5).joined(separator: "\n"),
                                            "schools.csv": "id,zone,stage,classrooms\nn1,north-a,primary,4\nn2,north-z,primary,4\n",
                                            "births.csv": "district,year,births\nnorth,2018,100\nnorth,2019,100\n",
                                        ])
        let errors = folder.errors()
        #expect(errors.contains("schools.csv:3:1: school 'n2' is in zone 'north-z', which is not a zone"))
    }
}
