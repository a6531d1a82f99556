import Foundation
import Testing
import TestSupport
@testable import SeatPlanKit

/// The bureau's indicators and the county ranking (MODEL.md, *Indicators and ranking*): example-city
/// against an independent implementation (`Golden/example-city.expected-indicators.csv` and
/// `-rankings.csv`, copied from `shared/spec/`), and hand-computed cases.
@Suite struct IndicatorsTests {
    // MARK: example-city against the independent implementation

    /// Written with decimals (compared within 1e-6); every other column is compared exactly.
    static let unrounded: Set<String> = ["large_class_share", "shortage_seats", "general_share", "general_share_deviation",
                                         "disabled_pupils", "inclusion_pupils", "home_pupils", "special_school_pupils",
                                         "special_gap"]

    /// Every row and column of `expected` against `actual`, in order (columns and row count equal too),
    /// except the columns in `skipping`.
    static func compare(_ actual: CSVFile, _ expected: CSVFile, skipping: Set<String> = []) {
        #expect(actual.header == expected.header)
        #expect(actual.records.count == expected.records.count)
        for (n, (a, e)) in zip(actual.rows, expected.rows).enumerated() {
            let id = "row \(n + 1) (\(e["plan"] ?? "") \(e["year"] ?? "") \(e["district"] ?? ""))"
            for column in expected.header where !skipping.contains(column) {
                let x = e[column] ?? "", y = a[column] ?? ""
                if unrounded.contains(column), let dx = Double(x), let dy = Double(y) {
                    #expect(abs(dx - dy) <= 1e-6, "\(id) \(column): expected \(x), got \(y)")
                } else {
                    #expect(x == y, "\(id) \(column): expected '\(x)', got '\(y)'")
                }
            }
        }
    }

    static func exampleReports(blindSpots: (any BlindSpotSource)? = nil) throws -> ReportSet {
        let (scenario, allocation) = try simulate(path: Repo.path("scenarios/example-city.yaml"))
        return ReportSet(allocation: allocation, scenario: scenario, excel: false, blindSpots: blindSpots)
    }

    static func file(_ name: String, of reports: ReportSet) throws -> CSVFile {
        try CSVFile(data: try #require(reports.files.first { $0.name == name }).data)
    }

    /// Every column, `blind_spot_areas` included (counted from the run's own coverage, `Coverage`).
    @Test func indicatorsOfEveryPlanAndYearMatchTheIndependentImplementation() throws {
        let expected = try CSVFile(path: "\(Repo.golden)/example-city.expected-indicators.csv")
        Self.compare(try Self.file("indicators.csv", of: try Self.exampleReports()), expected)
    }

    @Test func rankingsOfEveryPlanAndYearMatchTheIndependentImplementation() throws {
        let expected = try CSVFile(path: "\(Repo.golden)/example-city.expected-rankings.csv")
        Self.compare(try Self.file("rankings.csv", of: try Self.exampleReports()), expected)
    }

    /// The coverage rows of the independent implementation (`expected-coverage.csv`) as a `BlindSpotSource`:
    /// residential areas with `blind_spot = yes` for at least one stage, each counted once.
    struct CoverageFile: BlindSpotSource {
        let counts: [String: Int]

        init(path: String) throws {
            var areas: Set<String> = []
            for row in try CSVFile(path: path).rows where row["blind_spot"] == "yes" {
                areas.insert(["plan", "year", "district", "area"].map { row[$0] ?? "" }.joined(separator: "\u{1}"))
            }
            var counts: [String: Int] = [:]
            for area in areas { counts[area.split(separator: "\u{1}").prefix(3).joined(separator: "\u{1}"), default: 0] += 1 }
            self.counts = counts
        }

        func blindSpotAreas(plan: String, year: Int, district: String) -> Int {
            counts["\(plan)\u{1}\(year)\u{1}\(district)"] ?? 0
        }
    }

    @Test func blindSpotAreasFromTheExpectedCoverage() throws {
        let coverage = try CoverageFile(path: "\(Repo.golden)/example-city.expected-coverage.csv")
        let actual = try Self.file("indicators.csv", of: try Self.exampleReports(blindSpots: coverage))
        let expected = try CSVFile(path: "\(Repo.golden)/example-city.expected-indicators.csv")
        Self.compare(actual, expected)
        // Areas, not area-stages: central has 4 estates beyond reach in 2025 (kindergarten and primary each).
        #expect(actual.rows[0]["blind_spot_areas"] == "4")
    }

    // MARK: Competition ranking

    @Test func tiesShareTheBestRankAndTheNextRankSkips() {
        #expect(CompetitionRanking.ranks([5, 5, 7]) == [1, 1, 3])           // tie at the top
        #expect(CompetitionRanking.ranks([9, 3, 5, 5, 1]) == [5, 2, 3, 3, 1]) // tie in the middle
        #expect(CompetitionRanking.ranks([2, 2, 2, 2]) == [1, 1, 1, 1])       // all equal
        #expect(CompetitionRanking.ranks([4, 1, 4]) == [2, 1, 2])             // tie at the bottom
        #expect(CompetitionRanking.ranks([]) == [])
    }

    @Test func valuesEqualToNineDecimalsAreTied() {
        #expect(CompetitionRanking.ranks([0.1 + 0.2, 0.3]) == [1, 1])
        #expect(CompetitionRanking.ranks([4e-10, 0]) == [1, 1])   // both 0 to 9 decimals
        #expect(CompetitionRanking.ranks([2e-9, 0]) == [2, 1])
    }

    /// Three districts on a share (one empty: ranked as 0), seats short and the general share (ranked on its
    /// deviation from the target, shown as the share), weights 3, 2 and 1.
    @Test func scoreIsTheWeightedSumOfRanksAndRankedTheSameWay() {
        func row(_ d: String, share: Double?, shortage: Double, general: Double) -> DistrictIndicators {
            DistrictIndicators(plan: "p", year: 2030, district: d, classesFormed: 0, largeClasses: 0,
                               largeClassShare: share, superLargeClasses: 0, shortageSeats: shortage, noSchoolAreas: 0,
                               townshipsWithoutPublicKindergarten: nil, blindSpotAreas: nil, generalShare: general,
                               generalShareDeviation: abs(general - 0.5), staff: [], staffShortage: nil,
                               disabledPupils: nil, inclusionPupils: nil, homePupils: nil, specialSchoolPupils: nil,
                               specialSeats: 0, specialGap: nil)
        }
        let here = SourceLocation(file: "t", line: 1, column: 1)
        let entries = [RankingEntry(indicator: "large_class_share", weight: 3, location: here),
                       RankingEntry(indicator: "shortage_seats", weight: 2, location: here),
                       RankingEntry(indicator: "general_share", weight: 1, location: here)]
        let rows = [row("a", share: 0.2, shortage: 10, general: 0.6), row("b", share: nil, shortage: 10, general: 0.45),
                    row("c", share: 0.1, shortage: 0, general: 0.5), row("ALL", share: 0.15, shortage: 20, general: 0.52)]
        let rankings = Rankings(rows, ranking: entries)
        #expect(rankings.rows.map(\.district) == ["a", "b", "c"])
        // share ranks: b (empty = 0) 1, c 2, a 3; shortage: c 1, a and b 2; deviation: c 0 → 1, b 0.05 → 2, a 0.1 → 3.
        #expect(rankings.rows.map(\.ranks) == [[3, 2, 3], [1, 2, 2], [2, 1, 1]])
        // a: 3·3 + 2·2 + 3 = 16; b: 3 + 4 + 2 = 9; c: 6 + 2 + 1 = 9 → b and c share rank 1, a is 3rd.
        #expect(rankings.rows.map(\.score) == [16, 9, 9])
        #expect(rankings.rows.map(\.rank) == [3, 1, 1])
        #expect(rankings.rows[1].values[0] == nil && rankings.rows[0].values[2] == 0.6)
        #expect(rankings.scorePlaces == 0)
    }

    // MARK: Hand-computed districts

    /// Two districts in the base year 2024: `a` with a primary school of 3 classrooms, 2 special classrooms,
    /// staff and special education; `b` with no school and no staff. Junior is one city-wide (scenario)
    /// catchment, its one school in `a`.
    static let twoDistricts = """
    scenario: indicators
    title: Indicators
    base_year: 2024
    horizon: 1
    standards:
      stages:
        - { id: primary, grades: 2, entry_age: 6, class_size: 30 }
        - { id: junior, grades: 1, from: primary, class_size: 40, catchment: scenario }
      large_class: 32
      super_large_class: 40
    projection:
      progression: { method: mean, window: 1 }
      entry: { method: mean, window: 1 }
      births: { method: constant, fit_window: 2 }
      ratios:
        - { stage: primary, grade: 2, value: 1 }
        - { stage: junior, grade: 1, value: 1 }
    districts:
      - id: a
        births: { 2017: 100, 2018: 100 }
        enrollment:
          2024: { primary: [62, 60], junior: [50] }
        staff: { primary: 5, junior: 3 }
        special_education: { rate: 0.01, inclusion: 0.5, home: 0.1 }
      - id: b
        births: { 2017: 50, 2018: 50 }
        enrollment:
          2024: { primary: [30, 30], junior: [27] }
    schools:
      - { id: pa, zone: a, stage: primary, classrooms: 3 }
      - { id: ja, zone: a, stage: junior, classrooms: 1 }
      - { id: sa, zone: a, classrooms: { special: 2 } }
    plans:
      - id: more
        projects:
          - { expand: sa, classrooms: 1, opens: 2025 }
          - { build: sb, zone: b, classrooms: { special: 1 }, opens: 2025 }
    ranking:
      - { indicator: large_class_share, weight: 1 }
      - { indicator: shortage_seats, weight: 2 }
    """

    static func twoDistrictRows() throws -> (Indicators, [String: DistrictIndicators]) {
        let (scenario, allocation) = try simulate(twoDistricts)
        let indicators = Indicators(allocation, scenario: scenario)
        let rows = Dictionary(indicators.rows.map { ("\($0.plan) \($0.year) \($0.district)", $0) }, uniquingKeysWith: { a, _ in a })
        return (indicators, rows)
    }

    @Test func aDistrictWithNoClassesHasAnEmptyShare() throws {
        let (_, rows) = try Self.twoDistrictRows()
        let a = try #require(rows["baseline 2024 a"]), b = try #require(rows["baseline 2024 b"])
        // a: 3 rooms for grades of 62 and 60 (5 classes needed): grade 1 gets 2 classes (31, 31), grade 2 one
        // of 60 — large (≥ 32) and super-large (≥ 40): 1 of 3.
        #expect(a.classesFormed == 3 && a.largeClasses == 1 && a.superLargeClasses == 1)
        #expect(close(a.largeClassShare, 1.0 / 3))
        // b: no school, so no class: the share has nothing to divide by; its primary row has no school.
        #expect(b.classesFormed == 0 && b.largeClassShare == nil && b.noSchoolAreas == 1)
    }

    @Test func aScenarioLevelStageCountsInAllOnly() throws {
        let (_, rows) = try Self.twoDistrictRows()
        let a = try #require(rows["baseline 2024 a"]), b = try #require(rows["baseline 2024 b"])
        let all = try #require(rows["baseline 2024 ALL"])
        // Shortage: a 122 − 90 = 32, b 60 − 0 = 60; the city-wide junior row 77 − 40 = 37 in ALL only.
        #expect(close(a.shortageSeats, 32) && close(b.shortageSeats, 60) && close(all.shortageSeats, 129))
        // Junior: 77 pupils in 1 room make one class of 77 (large, super-large), in ALL only.
        #expect(all.classesFormed == 4 && all.largeClasses == 2 && all.superLargeClasses == 2)
        #expect(close(all.largeClassShare, 0.5))
        // Junior staff: no need in a district (its posts shown), ALL's from its rows: ceil(77 ÷ 13.5) = 6.
        #expect(a.staff[1] == StaffIndicators(needed: nil, posts: 3) && a.staff[1].gap == nil)
        #expect(all.staff[1].needed == 6)
        // Special education reads the district's compulsory rows only: a's primary 122 × 0.01.
        #expect(close(a.disabledPupils, 1.22) && close(a.inclusionPupils, 0.61) && close(a.homePupils, 0.122))
        #expect(close(a.specialSchoolPupils, 0.488))
    }

    @Test func aDistrictWithoutStaffHasNoGap() throws {
        let (_, rows) = try Self.twoDistrictRows()
        let a = try #require(rows["baseline 2024 a"]), b = try #require(rows["baseline 2024 b"])
        let all = try #require(rows["baseline 2024 ALL"])
        // a: primary ceil(122 ÷ 19) = 7 posts needed, 5 given: short of 2.
        #expect(a.staff[0] == StaffIndicators(needed: 7, posts: 5) && a.staff[0].gap == 2 && a.staffShortage == 2)
        // b: need ceil(60 ÷ 19) = 4, no posts given: no gap, not a gap of 4.
        #expect(b.staff[0] == StaffIndicators(needed: 4, posts: nil) && b.staff[0].gap == nil && b.staffShortage == nil)
        // ALL: need 7 + 4 = 11; posts unknown since b gives none.
        #expect(all.staff[0] == StaffIndicators(needed: 11, posts: nil) && all.staffShortage == nil)
        // Special education: b gives none, so ALL's pupils are unknown; seats are summed all the same.
        #expect(b.disabledPupils == nil && b.specialGap == nil && all.disabledPupils == nil)
        #expect(all.specialSeats == 24 && all.specialGap == nil)
    }

    @Test func aStagesOwnStaffRatioReplacesTheDefault() throws {
        let yaml = Self.twoDistricts.replacingOccurrences(of: "entry_age: 6, class_size: 30 }",
                                                          with: "entry_age: 6, class_size: 30, staff_ratio: 10 }")
        let (scenario, allocation) = try simulate(yaml)
        let a = try #require(Indicators(allocation, scenario: scenario).rows.first { $0.district == "a" })
        // ceil(122 ÷ 10) = 13 posts needed, 5 given.
        #expect(a.staff[0] == StaffIndicators(needed: 13, posts: 5) && a.staffShortage == 8)
    }

    @Test func specialSeatsFollowThePlansSpecialClassrooms() throws {
        let (_, rows) = try Self.twoDistrictRows()
        // 2 special rooms × 12; the plan adds one from 2025.
        #expect(rows["baseline 2025 a"]?.specialSeats == 24 && rows["more 2024 a"]?.specialSeats == 24)
        // It also builds a special school of 1 room in b from 2025: 12 seats there.
        #expect(rows["more 2025 a"]?.specialSeats == 36 && rows["more 2025 b"]?.specialSeats == 12)
        #expect(rows["more 2024 b"]?.specialSeats == 0 && rows["more 2025 ALL"]?.specialSeats == 48)
        let a = try #require(rows["more 2025 a"])
        #expect(close(a.specialGap, (a.specialSchoolPupils ?? .nan) - 36))
    }

    @Test func theTwoDistrictsRankedByHand() throws {
        let (indicators, _) = try Self.twoDistrictRows()
        let (scenario, _) = try simulate(Self.twoDistricts)
        let rows = Rankings(indicators, ranking: scenario.ranking).rows(plan: "baseline", year: 2024)
        // Share: b empty (as 0) 1st, a 1/3 2nd; shortage: a 32 1st, b 60 2nd. a: 2 + 2 = 4, b: 1 + 4 = 5.
        #expect(rows.map(\.ranks) == [[2, 1], [1, 2]])
        #expect(rows.map(\.score) == [4, 5] && rows.map(\.rank) == [1, 2])
    }
}
