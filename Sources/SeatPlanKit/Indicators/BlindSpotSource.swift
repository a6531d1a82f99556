/// What the indicator `blind_spot_areas` reads from the coverage check (MODEL.md, *Coverage*): how many
/// residential areas of a district are beyond reach — a school of a stage with a service radius further than
/// the radius, or none — for at least one stage, under a plan in a year. Areas are counted once, however many
/// of their stages are beyond reach. Without a source, `blind_spot_areas` is empty.
public protocol BlindSpotSource: Sendable {
    /// Residential areas of `district` (an id of the scenario's districts) beyond reach for at least one
    /// stage under `plan` in `year`.
    func blindSpotAreas(plan: String, year: Int, district: String) -> Int
}
