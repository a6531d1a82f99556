/// A place on the Earth: `at: [longitude, latitude]` in WGS84 degrees (longitude first, as GeoJSON writes it).
public struct GeoPoint: Sendable, Equatable, Hashable {
    /// East of Greenwich, −180…180.
    public var longitude: Double
    /// North of the equator, −90…90.
    public var latitude: Double

    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }
}
