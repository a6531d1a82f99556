import Foundation

/// Housing developments, gathered from one row per completion year.
extension TableMerger {
    /// One development of the housing table, gathered from its rows (one per completion year).
    struct Development {
        var district: Int
        var housing: Housing
        var firstLine: Int
        var zone: String?
        var yields: [String: Double]?
        var ramp: [Double]
        var years: [Int: SourceLocation]
    }

    mutating func addHousing(_ table: inout ScenarioTable) {
        var developments: [Development] = []
        var position: [DistrictStage: Int] = [:]   // district and development name
        var yamlNames: [DistrictStage: SourceLocation] = [:]
        for (d, district) in districts.enumerated() {
            for housing in district.housing { yamlNames[DistrictStage(district: d, stage: housing.name)] = housing.location }
        }
        for record in table.records {
            let d = district(record, in: &table)
            let name = table.text(record, "development")
            let year = table.year(record, "year")
            let dwellings = table.number(record, "dwellings", max: PlausibilityLimits.dwellings)
            let zone = table.optionalText(record, "zone")
            let yieldsCell = table.cell(record, "pupils_per_100_dwellings")
            let rampCell = table.cell(record, "ramp")
            guard let d, let name, let nameCell = table.cell(record, "development") else { continue }
            let key = DistrictStage(district: d, stage: name)
            let yields = yieldsCell.flatMap { $0.trimmed.isEmpty ? nil : self.yields($0, in: &table) }
            let ramp = rampCell.flatMap { $0.trimmed.isEmpty ? nil : self.ramp($0, in: &table) }
            guard let p = position[key] else {
                if let yaml = yamlNames[key] {
                    table.error(nameCell, "housing '\(name)' of '\(districts[d].id)' is given both under 'housing:' (\(yaml)) and here",
                                hint: "keep one of them")
                    continue
                }
                if let yieldsCell, yieldsCell.trimmed.isEmpty {
                    table.error(yieldsCell, "the first row of development '\(name)' has no 'pupils_per_100_dwellings'",
                                hint: "give the pupils per 100 dwellings by stage on its first row, e.g. primary=16;junior=7")
                }
                var housing = Housing(name: name, zone: zone,
                                      zoneLocation: zone == nil ? nil : table.cell(record, "zone").map(table.location),
                                      dwellings: [:], pupilsPer100Dwellings: yields ?? [:],
                                      yieldLocations: [:], ramp: ramp ?? [], location: table.location(nameCell))
                if let yields, let yieldsCell {
                    housing.yieldLocations = yields.mapValues { _ in table.location(yieldsCell) }
                }
                var development = Development(district: d, housing: housing, firstLine: record.line, zone: zone,
                                              yields: yields, ramp: ramp ?? [], years: [:])
                if let year, let dwellings, let cell = table.cell(record, "year") {
                    development.housing.dwellings[year] = dwellings
                    development.years[year] = table.location(cell)
                }
                position[key] = developments.count
                developments.append(development)
                continue
            }
            // A later row: what belongs to the whole development is empty or as on its first row.
            let first = developments[p].firstLine
            let hint = "give it on the development's first row (line \(first)) and leave it empty on later rows, or repeat it exactly"
            if let zone, zone != developments[p].zone, let cell = table.cell(record, "zone") {
                table.error(cell, "development '\(name)' has zone '\(zone)' here and \(developments[p].zone.map { "'\($0)'" } ?? "none") on its first row",
                            hint: hint)
            }
            if let yields, yields != developments[p].yields, let yieldsCell {
                table.error(yieldsCell, "development '\(name)' has other 'pupils_per_100_dwellings' here than on its first row", hint: hint)
            }
            if let ramp, ramp != developments[p].ramp, let rampCell {
                table.error(rampCell, "development '\(name)' has another 'ramp' here than on its first row", hint: hint)
            }
            guard let year, let dwellings, let cell = table.cell(record, "year") else { continue }
            if let firstYear = developments[p].years[year] {
                table.error(cell, "dwellings of '\(name)' completed in \(year) are given twice (first at \(firstYear))",
                            hint: "keep one row per development and completion year")
                continue
            }
            developments[p].years[year] = table.location(cell)
            developments[p].housing.dwellings[year] = dwellings
        }
        for development in developments {
            districts[development.district].housing.append(development.housing)
        }
    }

    /// `primary=16;junior=7`: pupils per 100 dwellings by stage.
    func yields(_ cell: CSVField, in table: inout ScenarioTable) -> [String: Double]? {
        var result: [String: Double] = [:]
        var ok = true
        for part in cell.trimmed.split(separator: ";", omittingEmptySubsequences: false) {
            let entry = String(part).trimmingWhitespace
            let pieces = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2 else {
                table.error(cell, "'\(entry.prefix(40))' in 'pupils_per_100_dwellings' is not STAGE=YIELD",
                            hint: "write the pupils per 100 dwellings by stage, separated by ';', e.g. primary=16;junior=7")
                ok = false
                continue
            }
            let stage = String(pieces[0]).trimmingWhitespace
            guard !stage.isEmpty else {
                table.error(cell, "a yield in 'pupils_per_100_dwellings' has no stage", hint: "write STAGE=YIELD, e.g. primary=16")
                ok = false
                continue
            }
            guard let value = table.number(String(pieces[1]).trimmingWhitespace, at: cell,
                                           what: "the \(stage) yield", min: 0, max: 1000) else {
                ok = false
                continue
            }
            if result[stage] != nil {
                table.error(cell, "stage '\(stage)' is given twice in 'pupils_per_100_dwellings'", hint: "give each stage's yield once")
                ok = false
            }
            result[stage] = value
        }
        return ok ? result : nil
    }

    /// `0.6;0.85;1.0`: the share of full yield in the completion year, the year after, …
    func ramp(_ cell: CSVField, in table: inout ScenarioTable) -> [Double]? {
        var result: [Double] = []
        for part in cell.trimmed.split(separator: ";", omittingEmptySubsequences: false) {
            guard let value = table.number(String(part).trimmingWhitespace, at: cell, what: "a ramp level", min: 0, max: 10)
            else { return nil }
            result.append(value)
        }
        return result
    }
}
