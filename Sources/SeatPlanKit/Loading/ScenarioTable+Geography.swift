/// Reads of the geography columns of the CSV tables: `longitude` and `latitude` (WGS84 degrees, both or
/// neither), yes/no cells (`township`, `public`) and `;`-separated lists (`neighbours`).
extension ScenarioTable {
    /// The point of the `longitude` and `latitude` columns; `nil` when both are empty (or after an error).
    mutating func point(_ record: CSVRecord) -> GeoPoint? {
        let longitude = number(record, "longitude", min: -180, max: 180, optional: true)
        let latitude = number(record, "latitude", min: -90, max: 90, optional: true)
        if let longitude, let latitude { return GeoPoint(longitude: longitude, latitude: latitude) }
        let given = ["longitude", "latitude"].filter { optionalText(record, $0) != nil }
        if given.count == 1, let cell = cell(record, given[0]) {
            let missing = given[0] == "longitude" ? "latitude" : "longitude"
            error(cell, "'\(given[0])' is given without '\(missing)'",
                  hint: "give both (WGS84 degrees, e.g. longitude 116.358, latitude 27.948) or leave both empty")
        }
        return nil
    }

    /// `yes`/`true`/`1` or `no`/`false`/`0`; `nil` when empty (or after an error).
    mutating func flag(_ record: CSVRecord, _ column: String) -> Bool? {
        guard let text = optionalText(record, column), let cell = cell(record, column) else { return nil }
        switch text.lowercased() {
        case "yes", "true", "1": return true
        case "no", "false", "0": return false
        default:
            error(cell, "'\(column)' is '\(text.prefix(40))'", hint: "write yes or no (or leave it empty)")
            return nil
        }
    }

    /// The `;`-separated items of a column (empty when the cell is).
    func list(_ record: CSVRecord, _ column: String) -> [String] {
        (optionalText(record, column) ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
