/// A range of projected pupils of one zone, stage and year — e.g. the 10th and 90th percentiles of Monte
/// Carlo draws — drawn as a band around the pupils line of the capacity charts.
public struct PupilBand: Sendable, Equatable {
    public var zone: String
    public var stage: String
    public var year: Int
    public var low: Double
    public var high: Double

    public init(zone: String, stage: String, year: Int, low: Double, high: Double) {
        self.zone = zone
        self.stage = stage
        self.year = year
        self.low = low
        self.high = high
    }
}

extension PupilBand {
    /// The P10–P90 range of the students of every projected area, stage and year over Monte Carlo draws,
    /// under the first plan (the baseline; with transfers each plan has its own), keyed as the page names
    /// an area (`zone`, or `district:ID` for a district's or the scenario's own rows).
    public static func p10p90(_ summary: DrawSummary, scenario: Scenario) -> [PupilBand] {
        let grid = summary.grid
        var bands: [PupilBand] = []
        for i in grid.rowsPerYear..<grid.count {
            let z = grid.zone(i)
            let key = z >= 0 ? grid.zoneIDs[z] : "district:" + grid.districtIDs[grid.district(i)]
            let q = summary.students(plan: 0, row: i)
            bands.append(PupilBand(zone: key, stage: grid.stages[grid.stage(i)].id, year: grid.year(i),
                                   low: q[q.startIndex], high: q[q.startIndex + 2]))
        }
        return bands
    }
}
