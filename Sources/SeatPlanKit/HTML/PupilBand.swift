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
    /// The P10–P90 range of the students of every projected zone, stage and year over Monte Carlo draws.
    public static func p10p90(_ summary: DrawSummary, scenario: Scenario) -> [PupilBand] {
        let index = ScenarioIndex(scenario)
        let stages = scenario.standards.stages
        var bands: [PupilBand] = []
        for t in 1...max(scenario.horizon, 1) where t <= scenario.horizon {
            for (z, zone) in index.zones.enumerated() {
                for (s, stage) in stages.enumerated() {
                    let cell = ((t - 1) * index.zones.count + z) * stages.count + s
                    guard cell * 3 + 2 < summary.students.count else { continue }
                    bands.append(PupilBand(zone: zone.id, stage: stage.id, year: scenario.baseYear + t,
                                           low: summary.students[cell * 3], high: summary.students[cell * 3 + 2]))
                }
            }
        }
        return bands
    }
}
