import Foundation

/// `map.geojson`: the scenario's located places as one RFC 7946 FeatureCollection of points (longitude
/// first, WGS84 degrees, as the scenario writes `at`), which QGIS, ArcGIS and GDAL open as they are. Each
/// feature's `kind` says what it is; properties have plain names, numbers are JSON numbers and yes/no are
/// JSON booleans. Per plan `P` (baseline first), in the last projected year `year`:
/// - `zone` (zones and districts without zones that have an `at`): id, name, district, township, and
///   `alert_STAGE_P`, the alert of the area that holds the zone for each stage;
/// - `school` (every school with an `at`, existing ones, then the builds of each plan): id, name,
///   district, zone, public, stages (`;`-separated), `classrooms_STAGE` (its own, as listed or built),
///   `in_P` (false: a build of another plan), `opens_P` (a build's year; null: already open),
///   `closes_P` (null: stays open) and `classrooms_P` (all stages, expansions included, in `year`);
/// - `estate` and `housing`: id, name, district, zone, dwellings (housing: all it will have), first_year
///   (housing), `pupils_STAGE` (housing: all its dwellings × yield ÷ 100), and for each stage with a
///   service radius `nearest_STAGE_P`, `distance_m_STAGE_P` (whole metres; null: no school of the stage
///   open) and `blind_spot_P` (a blind spot of coverage for any stage; false before housing is there).
/// Places without an `at` are left out. Features run zones, schools, then residential areas, each in file order.
enum GeoJSONReport {
    static func text(_ summary: CoverageSummary, allocation: Allocation, scenario: Scenario) -> String {
        let coverage = summary.coverage
        let index = allocation.index
        let grid = allocation.grid
        let stages = scenario.standards.stages
        let t = grid.yearCount - 1
        let year = grid.baseYear + t
        let plans = allocation.outcomes
        var features: [String] = []

        for (z, zone) in index.zones.enumerated() {
            guard let at = zone.geography.at else { continue }
            var p: [(String, String)] = [("kind", json("zone")), ("id", json(zone.id)), ("name", json(zone.name)),
                                         ("district", json(zone.district)), ("township", json(zone.geography.township)),
                                         ("year", json(year))]
            for outcome in plans {
                for (s, stage) in stages.enumerated() {
                    let alert = grid.row(t: t, area: grid.area(ofZone: z, stage: s), stage: s).map { outcome.rows.alert($0).rawValue }
                    p.append(("alert_\(stage.id)_\(outcome.plan.id)", alert.map(json) ?? "null"))
                }
            }
            features.append(feature(at, p))
        }

        for school in coverage.schools {
            let rooms = plans.lazy.compactMap { $0.network.member(school.id) }.first?.classrooms ?? [:]
            var p: [(String, String)] = [
                ("kind", json("school")), ("id", json(school.id)), ("name", json(school.name)),
                ("district", json(index.zones[school.zone].district)), ("zone", json(index.zones[school.zone].id)),
                ("public", json(school.isPublic)),
                ("stages", json(stages.indices.filter { (rooms[$0] ?? 0) > 0 }.map { stages[$0].id }.joined(separator: ";"))),
                ("year", json(year)),
            ]
            for (s, stage) in stages.enumerated() { p.append(("classrooms_\(stage.id)", json(rooms[s] ?? 0))) }
            for outcome in plans {
                let member = outcome.network.member(school.id)
                let id = outcome.plan.id
                p.append(("in_\(id)", json(member != nil)))
                p.append(("opens_\(id)", member?.opens.map(json) ?? "null"))
                p.append(("closes_\(id)", member?.closes.map(json) ?? "null"))
                p.append(("classrooms_\(id)", member.map { m in json(stages.indices.reduce(0) { $0 + m.classrooms(stage: $1, year: year) }) } ?? "null"))
            }
            features.append(feature(school.at, p))
        }

        for (a, area) in coverage.areas.enumerated() {
            var p: [(String, String)] = [
                ("kind", json(area.kind.rawValue)), ("id", json(area.id)), ("name", json(area.name)),
                ("district", json(scenario.districts[area.district].id)), ("zone", json(area.zone)),
                ("dwellings", json(area.allDwellings)), ("first_year", area.firstYear.map(json) ?? "null"),
                ("year", json(year)),
            ]
            if area.kind == .housing {
                for (s, stage) in stages.enumerated() where area.yield[s] > 0 {
                    p.append(("pupils_\(stage.id)", json(area.allDwellings * area.yield[s] / 100)))
                }
            }
            for (pp, outcome) in plans.enumerated() {
                for (k, s) in coverage.stages.enumerated() {
                    let cell = coverage.cell(plan: pp, t: t, area: a, stage: k)
                    p.append(("nearest_\(stages[s].id)_\(outcome.plan.id)", cell.school.map { json($0.id) } ?? "null"))
                    p.append(("distance_m_\(stages[s].id)_\(outcome.plan.id)",
                              cell.distance.map { json(WholeNumbers.roundToInt($0)) } ?? "null"))
                }
                p.append(("blind_spot_\(outcome.plan.id)", json(coverage.isBlindSpot(plan: pp, t: t, area: a))))
            }
            features.append(feature(area.at, p))
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
    }

    static func feature(_ at: GeoPoint, _ properties: [(String, String)]) -> String {
        let props = properties.map { "\(json($0.0)):\($0.1)" }.joined(separator: ",")
        return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(json(at.longitude)),\(json(at.latitude))]},\"properties\":{\(props)}}"
    }

    static func json(_ value: Int) -> String { String(value) }
    static func json(_ value: Bool) -> String { value ? "true" : "false" }

    /// A finite number in its shortest round-trip form (integral values without a fraction).
    static func json(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// A JSON string (RFC 8259 escapes).
    static func json(_ text: String) -> String { JSONText.string(text) }
}
