/// One district's projection: the inputs it ran on, the births series behind them, the resulting demand
/// and the assumptions reported.
struct DistrictProjection: Sendable {
    var inputs: ProjectionInputs
    var births: BirthsSeries
    var demand: DistrictDemand
    var assumptions: [Assumption]
    /// The averaging each ratio was estimated with, `[stage][grade]` (`auto`'s choice resolved; `nil` for a
    /// fixed ratio), and the years its estimation left out (`RatioExclusion`): what the draws' spreads
    /// (`HistorySpread`) estimate again, so that they never choose or exclude differently.
    var estimations: [[RatioEstimation?]]
    var excluded: Set<Int>
}

/// The projection of every district, and the `Demand` assembled from it.
struct PreparedProjection: Sendable {
    var districts: [DistrictProjection]
    var demand: Demand
    /// Stages in an order where every feeding stage comes before the stages it feeds.
    var order: [Int]
    /// The stage position feeding each stage fed `from` another (its own position otherwise).
    var feeders: [Int]
}
