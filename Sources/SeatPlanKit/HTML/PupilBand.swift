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
