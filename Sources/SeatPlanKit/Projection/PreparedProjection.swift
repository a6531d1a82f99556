/// One district's projection: the inputs it ran on, the births series behind them, the resulting demand
/// and the assumptions reported.
struct DistrictProjection: Sendable {
    var inputs: ProjectionInputs
    var births: BirthsSeries
    var demand: DistrictDemand
    var assumptions: [Assumption]
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
