import Foundation

/// Schools, one row per stage, appended to the YAML ones.
extension TableMerger {
    mutating func addSchools(_ table: inout ScenarioTable, to schools: inout [School]) {
        var yaml: [String: SourceLocation] = [:]
        for school in schools where yaml[school.id] == nil { yaml[school.id] = school.location }
        var added: [School] = []
        var position: [String: Int] = [:]
        var firstLine: [Int] = []
        added.reserveCapacity(table.records.count)
        position.reserveCapacity(table.records.count)
        for record in table.records {
            guard let id = table.text(record, "id"), let idCell = table.cell(record, "id") else { continue }
            let stage = table.text(record, "stage")
            let classrooms = table.whole(record, "classrooms", max: PlausibilityLimits.classrooms)
            let zone = table.optionalText(record, "zone")
            let name = table.optionalText(record, "name")
            let isPublic = table.flag(record, "public"), at = table.point(record)
            var closes: Int?
            let closesGiven = table.optionalText(record, "closes") != nil
            if closesGiven { closes = table.year(record, "closes") }
            if closesGiven, closes == nil { continue }
            let rooms = stage.flatMap { stage in
                classrooms.map { StageClassrooms(stage: stage, count: $0, location: table.location(table.cell(record, "stage")!)) }
            }
            guard let p = position[id] else {
                if let first = yaml[id] {
                    table.error(idCell, "school '\(id)' is given both under 'schools:' (\(first)) and here",
                                hint: "keep one of them; a school with several stages has one row per stage, all with its id")
                    continue
                }
                guard let zone else {
                    if let cell = table.cell(record, "zone") {
                        table.error(cell, "'zone' is empty", hint: "write the zone of the school on its first row")
                    }
                    continue
                }
                position[id] = added.count
                firstLine.append(record.line)
                added.append(School(id: id, name: name ?? id, zone: zone, classrooms: rooms.map { [$0] } ?? [],
                                    closes: closes, location: table.location(idCell)))
                added[added.count - 1].isPublic = isPublic ?? true
                added[added.count - 1].at = at
                continue
            }
            // A further stage of the school: its name, zone and closing year are empty or as on its first row.
            var hint: String { "a school with several stages has one row per stage; give its name, zone and closing year on its first row (line \(firstLine[p])) and leave them empty on the others, or repeat them exactly" }
            if let zone, zone != added[p].zone, let cell = table.cell(record, "zone") {
                table.error(cell, "school '\(id)' is in zone '\(zone)' here and in '\(added[p].zone)' on its first row", hint: hint)
            }
            if let name, name != added[p].name, let cell = table.cell(record, "name") {
                table.error(cell, "school '\(id)' is named '\(name)' here and '\(added[p].name)' on its first row", hint: hint)
            }
            if let closes, closes != added[p].closes, let cell = table.cell(record, "closes") {
                table.error(cell, "school '\(id)' closes in \(closes) here and \(added[p].closes.map(String.init) ?? "never") on its first row",
                            hint: hint)
            }
            if let isPublic, isPublic != added[p].isPublic, let cell = table.cell(record, "public") {
                table.error(cell, "school '\(id)' is \(isPublic ? "public" : "private") here and not on its first row", hint: hint)
            }
            if let at, at != added[p].at, let cell = table.cell(record, "longitude") {
                table.error(cell, "school '\(id)' stands elsewhere here than on its first row", hint: hint)
            }
            if let rooms { added[p].classrooms.append(rooms) }
        }
        schools.append(contentsOf: added)
    }
}
