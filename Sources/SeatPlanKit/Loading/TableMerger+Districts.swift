import Foundation

/// Districts and zones of the tables: one district per row of `districts.csv`, one zone per row of `zones.csv`.
extension TableMerger {
    mutating func addDistricts(_ table: inout ScenarioTable) {
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

    mutating func addZones(_ table: inout ScenarioTable) {
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
}
