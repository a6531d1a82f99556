import Foundation
import Testing
@testable import SeatPlanKit

/// map.geojson read back by a real GIS reader (GDAL's `ogrinfo`), 一乡一园 and the blind-spot measures on
/// example-city by hand, and the warning for a point written latitude first.
@Suite struct GeographyTests {
    static let example = Repo.path("scenarios/example-city.yaml")

    /// The features `ogrinfo -al` lists: each one's properties as printed, and its point.
    static func ogrFeatures(_ path: String) throws -> [(properties: [String: String], point: (Double, Double)?)] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ogrinfo", "-al", "-ro", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "ogrinfo failed (install gdal-bin: scripts/install-deps.sh)"])
        }
        var features: [(properties: [String: String], point: (Double, Double)?)] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("OGRFeature(") {
                features.append(([:], nil))
            } else if !features.isEmpty, let range = line.range(of: "  POINT ("), range.lowerBound == line.startIndex {
                let numbers = line[range.upperBound...].dropLast().split(separator: " ").compactMap { Double($0) }
                features[features.count - 1].point = (numbers[0], numbers[1])
            } else if !features.isEmpty, line.hasPrefix("  "), let eq = line.range(of: ") = ") {
                let name = line.dropFirst(2).prefix { $0 != " " }
                features[features.count - 1].properties[String(name)] = String(line[eq.upperBound...])
            }
        }
        return features
    }

    @Test func mapGeoJSONOpensInGDALWithTheScenariosCoordinates() throws {
        let (scenario, allocation) = try simulate(path: Self.example)
        let reports = ReportSet(allocation: allocation, scenario: scenario, excel: false,
                                comparison: PlanComparison(allocation, scenario: scenario))
        let file = try #require(reports.files.first { $0.name == "map.geojson" })
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("seatplan-map-\(getpid()).geojson").path
        try file.data.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let features = try Self.ogrFeatures(path)

        // Every located place of the scenario, by kind and id, as written in the YAML.
        var expected: [String: GeoPoint] = [:]
        for zone in scenario.zones { if let at = zone.geography.at { expected["zone \(zone.id)"] = at } }
        for school in scenario.schools { if let at = school.at { expected["school \(school.id)"] = at } }
        for plan in scenario.plans {
            for project in plan.projects where project.kind == .build { if let at = project.at { expected["school \(project.school)"] = at } }
        }
        for district in scenario.districts {
            for estate in district.estates { expected["estate \(estate.id)"] = estate.at }
            for housing in district.housing { if let at = housing.at { expected["housing \(housing.id ?? housing.name)"] = at } }
        }
        #expect(expected.count == 5 + 38 + 4 + 4 + 2)  // zones (east is its own), schools, builds, estates, housing
        #expect(features.count == expected.count)
        var seen: Set<String> = []
        for feature in features {
            let key = "\(feature.properties["kind"] ?? "?") \(feature.properties["id"] ?? "?")"
            #expect(seen.insert(key).inserted, "\(key) twice")
            let at = try #require(expected[key], "\(key) is not a place of the scenario")
            #expect(feature.point?.0 == at.longitude && feature.point?.1 == at.latitude,
                    "\(key): \(String(describing: feature.point)) instead of [\(at.longitude), \(at.latitude)]")
        }
        // Properties as GIS reads them: hexi-huayuan in 2035 under the baseline is 2,272 m from the nearest
        // kindergarten (coverage.csv's row) and a blind spot; under layout-plan, hexi-youeryuan-2 is 148 m away.
        let estate = try #require(features.first { $0.properties["id"] == "hexi-huayuan" }).properties
        #expect(estate["distance_m_kindergarten_baseline"] == "2272" && estate["blind_spot_baseline"] == "1")
        #expect(estate["nearest_kindergarten_layout-plan"] == "hexi-youeryuan-2" && estate["distance_m_kindergarten_layout-plan"] == "148")
        #expect(estate["dwellings"] == "2600")
        let built = try #require(features.first { $0.properties["id"] == "zenggong-xuexiao" }).properties
        #expect(built["opens_layout-plan"] == "2028" && built["opens_layout-plan-delayed"] == "2030" && built["in_baseline"] == "0")
        #expect(built["classrooms_primary"] == "36" && built["classrooms_junior"] == "24")
    }

    /// 一乡一园 on example-city: south-townships has only a private kindergarten until layout-plan's public
    /// one opens in 2027; 2026–2035 is 10 township-years without, 1 under layout-plan (2026 only).
    /// Blind spots: baseline 4 estates × 10 years + hexi-xincheng-1 2026–2035 + laocheng-anzhi 2027–2035 =
    /// 59 area-years; their dwellings in 2035: 2600 + 1800 + 3200 + 2100 + (1800 + 2400 + 1600) + 900 = 16,400.
    @Test func townshipsAndBlindSpotMeasuresByHand() throws {
        let (scenario, allocation) = try simulate(path: Self.example)
        let summary = PlanComparison(allocation, scenario: scenario).coverage
        #expect(summary.townships.zoneIDs == ["south-townships"])
        #expect(summary.measures(plan: "baseline")?.townshipYearsWithoutPublicKindergarten == 10)
        #expect(summary.measures(plan: "layout-plan", district: "south")?.townshipYearsWithoutPublicKindergarten == 1)
        #expect(summary.measures(plan: "layout-plan-delayed")?.townshipYearsWithoutPublicKindergarten == 1)
        #expect(summary.measures(plan: "baseline")?.blindSpotAreaYears == 59)
        #expect(summary.measures(plan: "baseline", district: "central")?.blindSpotDwellings == 16_400)
        #expect(summary.measures(plan: "baseline", district: "east")?.blindSpotAreaYears == 0)
    }

    @Test func aPointWrittenLatitudeFirstIsWarnedAbout() throws {
        // example-city moved 30° west (where both numbers of a pair are valid either way round), with one
        // school written latitude first.
        let text = try String(contentsOfFile: Self.example, encoding: .utf8).replacingOccurrences(of: "[116.", with: "[86.")
        #expect(diagnostics(text).isEmpty)
        let swapped = text.replacingOccurrences(of: "at: [86.4143, 27.9586]", with: "at: [27.9586, 86.4143]")
        let warnings = diagnostics(swapped)
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning && warnings.first?.message.contains("school 'dongxiang-shiyan-xiaoxue'") == true)
        let line = swapped.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("[27.9586, 86.4143]") }
        #expect(warnings.first?.location.line == line.map { $0 + 1 })
    }
}
