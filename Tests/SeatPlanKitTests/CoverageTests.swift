import Foundation
import Testing
import TestSupport
@testable import SeatPlanKit

/// Coverage (MODEL.md, *Coverage*): example-city's coverage.csv against an independent implementation
/// (`Golden/example-city.expected-coverage.csv`, copied from `shared/spec/`), hand-computed haversine
/// distances, and the nearest-school search against brute force.
@Suite struct CoverageTests {
    @Test func exampleCityMatchesTheIndependentImplementation() throws {
        let expected = try CSVFile(path: "\(Repo.golden)/example-city.expected-coverage.csv")
        let (scenario, allocation) = try simulate(path: Repo.path("scenarios/example-city.yaml"))
        let comparison = PlanComparison(allocation, scenario: scenario)
        let reports = ReportSet(allocation: allocation, scenario: scenario, excel: false, comparison: comparison)
        let file = try #require(reports.files.first { $0.name == "coverage.csv" })
        let actual = try CSVFile(data: file.data)
        #expect(actual.header == expected.header)
        #expect(actual.records.count == expected.records.count)
        #expect(expected.records.count == 756)
        // The unrounded distances, in the order of the rows.
        let coverage = comparison.coverage.coverage
        var unrounded: [Double?] = []
        for p in coverage.plans.indices {
            for (t, year) in coverage.years.enumerated() {
                for (a, area) in coverage.areas.enumerated() where area.isPresent(in: year) {
                    for k in coverage.stages.indices { unrounded.append(coverage.cell(plan: p, t: t, area: a, stage: k).distance) }
                }
            }
        }
        for (n, (e, a)) in zip(expected.rows, actual.rows).enumerated() {
            let id = ["plan", "year", "area", "stage"].map { e[$0] ?? "" }.joined(separator: " ")
            for column in expected.header where column != "distance_m" {
                #expect(a[column] == e[column], "\(id) \(column): expected \(e[column] ?? "-"), got \(a[column] ?? "-")")
            }
            if let d = Double(e["distance_m"] ?? "") {
                let got = try #require(unrounded[n], "\(id): no distance")
                #expect(abs(got - d) <= 1, "\(id) distance: expected \(d), got \(got)")
            } else {
                #expect(unrounded[n] == nil && a["distance_m"] == "", "\(id): expected no school")
            }
        }
    }

    // MARK: Haversine, by hand

    /// Land's End (50°03′59″N, 5°42′53″W) to John o' Groats (58°38′38″N, 3°04′12″W): 968.9 km on a
    /// sphere of 6,371 km (the worked example of Movable Type's "Calculate distance, bearing and more
    /// between latitude/longitude points"); ×6,371.0088/6,371 for this radius = 968.9013 km.
    @Test func landsEndToJohnOGroatsWithinAThousandth() {
        let landsEnd = GeoPoint(longitude: -(5 + 42 / 60.0 + 53 / 3600.0), latitude: 50 + 3 / 60.0 + 59 / 3600.0)
        let johnOGroats = GeoPoint(longitude: -(3 + 4 / 60.0 + 12 / 3600.0), latitude: 58 + 38 / 60.0 + 38 / 3600.0)
        let d = Haversine.distance(landsEnd, johnOGroats)
        #expect(abs(d - 968_901.3) / 968_901.3 < 0.001, "\(d)")
        #expect(Haversine.distance(johnOGroats, landsEnd) == d)
    }

    /// 179.5°E to 179.5°W on the equator is one degree of the great circle, R·π/180 = 111,195.08 m, not
    /// 359 degrees the long way round.
    @Test func acrossTheAntimeridianIsTheShortWay() {
        let d = Haversine.distance(GeoPoint(longitude: 179.5, latitude: 0), GeoPoint(longitude: -179.5, latitude: 0))
        #expect(abs(d - 111_195.08) < 0.01, "\(d)")
        // A quarter meridian: R·π/2 = 10,007,557.22 m; every longitude meets at the pole.
        #expect(abs(Haversine.distance(GeoPoint(longitude: 0, latitude: 0), GeoPoint(longitude: 0, latitude: 90))
                    - 10_007_557.22) < 0.01)
        #expect(Haversine.distance(GeoPoint(longitude: 10, latitude: 90), GeoPoint(longitude: -170, latitude: 90)) < 1e-6)
    }

    @Test func theSamePointIsZeroMetresAway() {
        let p = GeoPoint(longitude: 116.358, latitude: 27.948)
        #expect(Haversine.distance(p, p) == 0)
        // Antipodes: half the circumference, πR = 20,015,114.44 m (no NaN from rounding above 1).
        #expect(abs(Haversine.distance(GeoPoint(longitude: 0, latitude: 0), GeoPoint(longitude: 180, latitude: 0))
                    - 20_015_114.44) < 0.01)
    }

    // MARK: The nearest-school search against brute force

    /// A small seeded generator (SplitMix64), so that a failure can be replayed.
    struct SplitMix {
        var state: UInt64
        mutating func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        mutating func point(lon: ClosedRange<Double>, lat: ClosedRange<Double>) -> GeoPoint {
            GeoPoint(longitude: lon.lowerBound + next() * (lon.upperBound - lon.lowerBound),
                     latitude: lat.lowerBound + next() * (lat.upperBound - lat.lowerBound))
        }
    }

    /// The minimum of (haversine distance, position), by looking at every point.
    static func bruteForce(_ points: [GeoPoint], _ q: GeoPoint) -> (position: Int, distance: Double)? {
        var best: (position: Int, distance: Double)?
        for (i, p) in points.enumerated() {
            let d = Haversine.distance(q, p)
            if best == nil || d < best!.distance { best = (i, d) }
        }
        return best
    }

    @Test(arguments: [
        ("a city", 116.2...116.5, 27.8...28.1),
        ("a province", 113.5...118.5, 24.5...30.0),
        ("the antimeridian", 179.0...181.0, -10.0...10.0),
        ("near the pole", -180.0...180.0, 85.0...90.0),
    ])
    func nearestIsTheBruteForceAnswer(region: String, lon: ClosedRange<Double>, lat: ClosedRange<Double>) {
        var random = SplitMix(state: 2026)
        func wrap(_ p: GeoPoint) -> GeoPoint {
            GeoPoint(longitude: p.longitude > 180 ? p.longitude - 360 : p.longitude, latitude: p.latitude)
        }
        var schools = (0..<600).map { _ in wrap(random.point(lon: lon, lat: lat)) }
        // Ties: schools at the same place as an earlier one, and queries exactly on schools.
        for k in stride(from: 0, to: 600, by: 7) { schools.append(schools[k]) }
        let index = NearestPointIndex(schools)
        var queries = (0..<2000).map { _ in wrap(random.point(lon: lon, lat: lat)) }
        queries += schools.prefix(100)
        for q in queries {
            let fast = index.nearest(to: q), slow = Self.bruteForce(schools, q)
            #expect(fast?.position == slow?.position && fast?.distance == slow?.distance,
                    "\(region) \(q): index \(String(describing: fast)), brute force \(String(describing: slow))")
        }
        #expect(NearestPointIndex([]).nearest(to: queries[0]) == nil)
    }

    /// Schools opening and closing over the years: the incremental search gives, every year, the brute-force
    /// answer over the schools open that year (ties to the earlier school).
    @Test func everyYearIsTheBruteForceAnswerOverTheOpenSchools() {
        var random = SplitMix(state: 7)
        let baseYear = 2025, years = 11
        var members: [SchoolNetwork.Member] = []
        for i in 0..<300 {
            let opens = random.next() < 0.3 ? baseYear + Int(random.next() * 10) : nil
            let closes = random.next() < 0.2 ? baseYear + 1 + Int(random.next() * 10) : nil
            let at = i % 10 == 9 ? members[i - 5].at : random.point(lon: 116.0...117.0, lat: 27.5...28.5)
            var member = SchoolNetwork.Member(id: "s\(i)", name: "s\(i)", zone: 0, classrooms: [0: i % 4 == 0 ? 0 : 12],
                                              opens: opens, closes: closes, expansions: [])
            if i % 4 == 0 { member.expansions = [(stage: 0, count: 6, from: baseYear + 3, project: 0)] }
            member.at = i % 13 == 0 ? nil : at
            members.append(member)
        }
        let points = (0..<400).map { _ in random.point(lon: 116.0...117.0, lat: 27.5...28.5) }
        let answer = Coverage.chain(members, stage: 0, points: points, baseYear: baseYear, yearCount: years,
                                    global: members.indices.map(Int32.init))
        for t in 0..<years {
            let open = members.indices.filter { members[$0].at != nil && members[$0].classrooms(stage: 0, year: baseYear + t) > 0 }
            for (a, q) in points.enumerated() {
                let slow = Self.bruteForce(open.map { members[$0].at! }, q)
                #expect(answer.school[t * points.count + a] == Int32(slow.map { open[$0.position] } ?? -1), "year \(baseYear + t) point \(a)")
                #expect(answer.distance[t * points.count + a] == slow?.distance ?? .infinity)
            }
        }
    }
}
