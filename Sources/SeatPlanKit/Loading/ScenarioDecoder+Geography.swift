internal import Yams

extension ScenarioDecoder {
    /// `at: [longitude, latitude]` in WGS84 degrees: longitude −180…180, latitude −90…90.
    mutating func point(_ node: Node) -> GeoPoint? {
        guard let items = reader.sequence(node, what: "'at'") else { return nil }
        guard items.count == 2 else {
            reader.error(node, "'at' has \(items.count) number\(items.count == 1 ? "" : "s"); it takes two",
                         hint: "write 'at: [longitude, latitude]' in WGS84 degrees, e.g. at: [116.358, 27.948]")
            return nil
        }
        if let lon = items[0].scalar.flatMap({ Double($0.string) }), let lat = items[1].scalar.flatMap({ Double($0.string) }),
           abs(lat) > 90, abs(lat) <= 180, abs(lon) <= 90 {
            reader.error(items[1], "the latitude of 'at' is \(items[1].scalar!.string), outside −90…90: the pair looks written latitude first",
                         hint: "write 'at: [\(items[1].scalar!.string), \(items[0].scalar!.string)]', longitude first (as GeoJSON does)")
            return nil
        }
        let longitude = reader.double(items[0], what: "the longitude of 'at'", min: -180, max: 180)
        let latitude = reader.double(items[1], what: "the latitude of 'at'", min: -90, max: 90)
        guard let longitude, let latitude else { return nil }
        return GeoPoint(longitude: longitude, latitude: latitude)
    }

    /// The zone keys `neighbours`, `township` and `at` of a zone (or of a district that is one zone).
    mutating func zoneGeography(_ map: YAMLReader.Mapping) -> ZoneGeography {
        var geography = ZoneGeography()
        if let node = map.value("neighbours"), let items = reader.sequence(node, what: "'neighbours'") {
            for item in items {
                if let id = reader.string(item, what: "a neighbour") {
                    geography.neighbours.append(id)
                    geography.neighbourLocations.append(reader.location(item))
                }
            }
        }
        geography.township = map.value("township").flatMap { reader.bool($0, what: "'township'") } ?? false
        geography.at = map.value("at").flatMap { point($0) }
        return geography
    }

    mutating func estate(_ node: Node) -> Estate? {
        guard let map = reader.mapping(node, what: "an estate", keys: ScenarioKeys.estate) else { return nil }
        let id = map.value("id").flatMap { reader.string($0, what: "an estate's 'id'") }
        let name = map.value("name").flatMap { reader.string($0, what: "an estate's 'name'") }
        let zone = map.value("zone").flatMap { reader.string($0, what: "an estate's 'zone'") }
        let at = map.value("at").flatMap { point($0) }
        let dwellings = map.value("dwellings").flatMap { reader.double($0, what: "an estate's 'dwellings'", min: 0, max: 1e7) }
        guard let id, let zone, let at, let dwellings else { return nil }
        return Estate(id: id, name: name ?? id, zone: zone, at: at, dwellings: dwellings, location: map.location)
    }
}
