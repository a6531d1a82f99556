/// An existing residential area (小区) of a district, for the service-radius check (MODEL.md, *Coverage*).
public struct Estate: Sendable {
    public var id: String
    public var name: String
    /// The zone it lies in.
    public var zone: String
    public var at: GeoPoint
    /// Dwellings, for reports and maps only: no number of the model uses them.
    public var dwellings: Double
    public var location: SourceLocation

    public init(id: String, name: String, zone: String, at: GeoPoint, dwellings: Double, location: SourceLocation) {
        self.id = id
        self.name = name
        self.zone = zone
        self.at = at
        self.dwellings = dwellings
        self.location = location
    }
}
