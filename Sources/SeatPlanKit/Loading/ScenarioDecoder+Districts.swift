internal import Yams

extension ScenarioDecoder {
    mutating func district(_ node: Node) -> District? {
        let enrollmentTable = tables?.has(.enrollment) == true   // then 'enrollment' may come from the table
        guard let map = reader.mapping(node, what: "a district", keys: ScenarioKeys.district,
                                       tables: enrollmentTable ? ["enrollment"] : []) else { return nil }
        let id = map.value("id").flatMap { reader.string($0, what: "a district's 'id'") }
        let name = map.value("name").flatMap { reader.string($0, what: "a district's 'name'") }
        let births = map.value("births").flatMap { self.yearTable($0, what: "'births'", max: PlausibilityLimits.births) } ?? [:]
        let enrollment = map.value("enrollment").flatMap { self.enrollment($0) }
            ?? (enrollmentTable && map.value("enrollment") == nil ? [] : nil)
        let migration = map.value("migration").flatMap { self.migration($0) } ?? [:]
        let zones = map.value("zones").flatMap { node in
            list(node, what: "'zones'") { $0.zone($1, district: id ?? "") }
        } ?? []
        if let node = map.value("zones"), reader.isEmptyList(node) {
            reader.error(node, "'zones' is empty", hint: "list the zones, or leave 'zones' out for a district that is one zone")
        }
        let housing = map.value("housing").flatMap { list($0, what: "'housing'") { $0.housing($1) } } ?? []
        let projection = map.value("projection").map { projectionOverride($0, what: "a district's 'projection'") }
            ?? ProjectionOverride()
        let uncertainty = map.value("uncertainty").map { self.uncertainty($0, what: "a district's 'uncertainty'") }
        let ownZone = zoneGeography(map)
        if !zones.isEmpty, let key = ["neighbours", "township", "at"].first(where: { map.has($0) }),
           let node = map.keyNode(key) {
            reader.error(node, "'\(key)' is a key of a zone, and this district has zones",
                         hint: "move '\(key)' to the zones it belongs to (a district carries it only when it is one zone)")
        }
        let estates = map.value("estates").flatMap { list($0, what: "'estates'") { $0.estate($1) } } ?? []
        let staff = map.value("staff").flatMap { staffPosts($0) }
        let specialEducation = map.value("special_education").flatMap { self.specialEducation($0) }
        guard let id, let enrollment else { return nil }
        var district = District(id: id, name: name ?? id, births: births,
                        birthsLocation: map.value("births").map(reader.location) ?? map.location,
                        enrollment: enrollment,
                        enrollmentLocation: map.keyNode("enrollment").map(reader.location) ?? map.location,
                        migration: migration, zones: zones, housing: housing,
                        projection: projection, uncertainty: uncertainty ?? UncertaintyOverride(), location: map.location)
        district.ownZone = ownZone
        district.estates = estates
        district.staff = staff?.posts
        district.staffLocations = staff?.locations ?? [:]
        district.specialEducation = specialEducation
        return district
    }

    /// `{year: count}` with counts of 0 or more.
    mutating func yearTable(_ node: Node, what: String, max: Double) -> [Int: Double]? {
        guard let entries = reader.rawMapping(node, what: what) else { return nil }
        var table: [Int: Double] = [:]
        for entry in entries {
            guard let year = reader.yearKey(entry.key, node: entry.keyNode, what: what),
                  let value = reader.double(entry.value, what: "the value of \(entry.key) in \(what)", min: 0, max: max)
            else { continue }
            table[year] = value
        }
        return table
    }

    mutating func enrollment(_ node: Node) -> [EnrollmentYear]? {
        guard let years = reader.rawMapping(node, what: "'enrollment'") else { return nil }
        var result: [EnrollmentYear] = []
        for entry in years {
            guard let year = reader.yearKey(entry.key, node: entry.keyNode, what: "'enrollment'"),
                  let stages = reader.rawMapping(entry.value, what: "the enrolment of \(year)") else { continue }
            var rows: [String: EnrollmentRow] = [:]
            for stageEntry in stages {
                guard let counts = reader.sequence(stageEntry.value, what: "the \(stageEntry.key) enrolment of \(year)")
                else { continue }
                let values = counts.map { reader.double($0, what: "a pupil count", min: 0, max: PlausibilityLimits.pupils) }
                guard values.allSatisfy({ $0 != nil }) else { continue }
                rows[stageEntry.key] = EnrollmentRow(counts: values.compactMap { $0 },
                                                     location: reader.location(stageEntry.keyNode))
            }
            result.append(EnrollmentYear(year: year, rows: rows, location: reader.location(entry.keyNode)))
        }
        return result.sorted { $0.year < $1.year }
    }

    mutating func migration(_ node: Node) -> [String: Migration]? {
        guard let entries = reader.rawMapping(node, what: "'migration'") else { return nil }
        var result: [String: Migration] = [:]
        for entry in entries {
            let location = reader.location(entry.keyNode)
            if case .mapping = entry.value {
                if let table = yearTable(entry.value, what: "the \(entry.key) migration", max: PlausibilityLimits.pupils) {
                    result[entry.key] = Migration(amount: .byYear(table), location: location)
                }
            } else if let value = reader.double(entry.value, what: "the \(entry.key) migration", min: 0, max: PlausibilityLimits.pupils) {
                result[entry.key] = Migration(amount: .everyYear(value), location: location)
            }
        }
        return result
    }

    mutating func zone(_ node: Node, district: String) -> Zone? {
        guard let map = reader.mapping(node, what: "a zone", keys: ScenarioKeys.zone) else {
            return nil
        }
        let id = map.value("id").flatMap { reader.string($0, what: "a zone's 'id'") }
        let name = map.value("name").flatMap { reader.string($0, what: "a zone's 'name'") }
        let share = map.value("share").flatMap { reader.double($0, what: "a zone's 'share'", min: 0) }
        if let node = map.value("share"), let share, share > 1 {
            reader.error(node, "a zone's 'share' must be at most 1", hint: "found \(share); shares are fractions of the district")
        }
        let geography = zoneGeography(map)
        guard let id, let share else { return nil }
        return Zone(id: id, name: name ?? id, share: share, district: district, geography: geography,
                    location: map.location)
    }

    mutating func housing(_ node: Node) -> Housing? {
        guard let map = reader.mapping(node, what: "a housing development", keys: ScenarioKeys.housing)
        else { return nil }
        let name = map.value("name").flatMap { reader.string($0, what: "the development's 'name'") }
        let zone = map.value("zone").flatMap { reader.string($0, what: "the development's 'zone'") }
        let dwellings = map.value("dwellings").flatMap { yearTable($0, what: "'dwellings'", max: PlausibilityLimits.dwellings) }
        var yields: [String: Double]?
        var yieldLocations: [String: SourceLocation] = [:]
        if let node = map.value("pupils_per_100_dwellings"),
           let entries = reader.rawMapping(node, what: "'pupils_per_100_dwellings'") {
            var table: [String: Double] = [:]
            for entry in entries {
                if let value = reader.double(entry.value, what: "the \(entry.key) yield", min: 0, max: 1000) {
                    table[entry.key] = value
                    yieldLocations[entry.key] = reader.location(entry.keyNode)
                }
            }
            yields = table
        }
        var ramp: [Double] = []
        if let node = map.value("ramp"), let items = reader.sequence(node, what: "'ramp'") {
            ramp = items.compactMap { reader.double($0, what: "a ramp level", min: 0, max: 10) }
            if items.isEmpty {
                reader.error(node, "'ramp' is empty", hint: "list the share of full yield per year after completion, e.g. [0.5, 0.8, 1.0], or leave it out")
            }
        }
        let slip = map.value("slip").flatMap { self.slip($0) }
        let id = map.value("id").flatMap { reader.string($0, what: "the development's 'id'") }
        let at = map.value("at").flatMap { point($0) }
        guard let name, let dwellings, let yields else { return nil }
        var housing = Housing(name: name, zone: zone, zoneLocation: map.value("zone").map(reader.location),
                              dwellings: dwellings, pupilsPer100Dwellings: yields, yieldLocations: yieldLocations,
                              ramp: ramp, slip: slip, location: map.location)
        housing.id = id
        housing.at = at
        return housing
    }
}
