/// Checks of the geography (MODEL.md, *Coverage*): estates in zones of their district, and points that
/// look written latitude first.
extension ScenarioValidator {
    /// A point this far from the middle of the scenario's points (the median longitude and latitude)
    /// whose swapped pair lies within a tenth of that distance is probably written `[latitude, longitude]`.
    static let swappedDistance = 100_000.0

    func checkGeography(_ scenario: Scenario, into out: inout DiagnosticCollector) {
        for district in scenario.districts {
            let zoneIDs = district.effectiveZones.map(\.id)
            var seen: Set<String> = []
            for estate in district.estates {
                if !zoneIDs.contains(estate.zone) {
                    let suggestion = YAMLReader.closest(to: estate.zone, in: zoneIDs).map { "did you mean '\($0)'? " } ?? ""
                    out.error(at: estate.location, "estate '\(estate.id)' names zone '\(estate.zone)', which is not a zone of '\(district.id)'",
                              hint: "\(suggestion)use a zone of the district (\(zoneIDs.joined(separator: ", ")))")
                }
                if !seen.insert(estate.id).inserted {
                    out.error(at: estate.location, "estate id '\(estate.id)' is used twice in '\(district.id)'",
                              hint: "give each estate its own id: coverage.csv and the map name areas by id")
                }
            }
        }
        checkSwappedPoints(scenario, into: &out)
    }

    /// Every `at` of the scenario with the place it is written.
    static func points(_ scenario: Scenario) -> [(GeoPoint, SourceLocation, String)] {
        var points: [(GeoPoint, SourceLocation, String)] = []
        for district in scenario.districts {
            if let at = district.ownZone.at { points.append((at, district.location, "district '\(district.id)'")) }
            for zone in district.zones { if let at = zone.geography.at { points.append((at, zone.location, "zone '\(zone.id)'")) } }
            for estate in district.estates { points.append((estate.at, estate.location, "estate '\(estate.id)'")) }
            for housing in district.housing { if let at = housing.at { points.append((at, housing.location, "housing '\(housing.name)'")) } }
        }
        for school in scenario.schools { if let at = school.at { points.append((at, school.location, "school '\(school.id)'")) } }
        for plan in scenario.plans {
            for project in plan.projects { if let at = project.at { points.append((at, project.location, "'\(project.school)'")) } }
        }
        return points
    }

    /// A point far from the others whose swapped pair is among them: a warning that names both.
    private func checkSwappedPoints(_ scenario: Scenario, into out: inout DiagnosticCollector) {
        let points = Self.points(scenario)
        guard points.count >= 3 else { return }
        func median(_ values: [Double]) -> Double {
            let sorted = values.sorted(), n = sorted.count
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        }
        let middle = GeoPoint(longitude: median(points.map(\.0.longitude)), latitude: median(points.map(\.0.latitude)))
        for (at, location, what) in points where abs(at.longitude) <= 90 {
            let swapped = GeoPoint(longitude: at.latitude, latitude: at.longitude)
            let d = Haversine.distance(at, middle), ds = Haversine.distance(swapped, middle)
            guard d > Self.swappedDistance, ds < d / 10 else { continue }
            out.warning(at: location,
                        "\(what) is at [\(at.longitude), \(at.latitude)], \(WholeNumbers.roundToInt(d / 1000)) km from the scenario's other points; [\(at.latitude), \(at.longitude)] would be \(WholeNumbers.roundToInt(ds / 1000)) km from them",
                        hint: "'at' is [longitude, latitude] (GeoJSON order): check whether latitude was written first")
        }
    }
}
