import Foundation

/// A point of the unit sphere in Earth-centred coordinates: `(cos φ cos λ, cos φ sin λ, sin φ)`.
///
/// The straight-line (chord) distance `c` between two such points and their great-circle distance `d`
/// are tied by `c = 2 sin(d / 2R)`, which grows with `d` on `0…πR`: the nearest point by chord is the
/// nearest by haversine. This is why `NearestPointIndex` can search in three flat dimensions (no wrapping
/// at the antimeridian, no squeeze at the poles) and still answer by `Haversine.distance`.
struct UnitVector: Sendable {
    var x: Double
    var y: Double
    var z: Double

    init(_ point: GeoPoint) {
        let radians = Double.pi / 180
        let φ = point.latitude * radians, λ = point.longitude * radians
        x = cos(φ) * cos(λ)
        y = cos(φ) * sin(λ)
        z = sin(φ)
    }

    subscript(axis: Int) -> Double {
        axis == 0 ? x : axis == 1 ? y : z
    }

    /// The squared chord between `self` and `other`.
    func squaredChord(to other: UnitVector) -> Double {
        let dx = x - other.x, dy = y - other.y, dz = z - other.z
        return dx * dx + dy * dy + dz * dz
    }
}
