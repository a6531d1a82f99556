/// The area whose schools serve a stage's pupils (MODEL.md, *Catchment areas*).
public enum Catchment: String, Sendable, CaseIterable {
    /// Each zone is an area.
    case zone
    /// Each district is one area: its zones' pupils against the stage's classrooms of all its schools.
    case district
    /// The whole scenario is one area (a city-wide intake).
    case scenario
}

/// What happens to a zone's pupils beyond its seats (MODEL.md, *Transfers*).
public enum Overflow: String, Sendable, CaseIterable {
    /// They stay: the zone shows the shortage.
    case none
    /// One pass to neighbouring zones with spare seats.
    case neighbours
}
