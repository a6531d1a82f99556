import Foundation

/// Great-circle distance between two `at` points (MODEL.md, *Coverage*), by the haversine formula on a
/// sphere of the Earth's mean radius `R = 6,371,008.8 m` (IUGG):
///
///     a = sin²(Δφ/2) + cos φ₁ · cos φ₂ · sin²(Δλ/2)
///     d = 2R · asin(√a)
///
/// with φ the latitudes and λ the longitudes in radians. Δλ is taken as written: across the antimeridian
/// (179.9° and −179.9°) `sin²(Δλ/2)` is the same for Δλ and Δλ ∓ 360°, so no wrapping is needed. `a` is
/// clamped to 1 so that rounding never asks for `asin` of more than 1 (antipodal points). The sphere is
/// within 0.5 % of the ellipsoid everywhere, far below the error of a map-picked point at a few hundred metres.
public enum Haversine {
    /// The mean Earth radius in metres.
    public static let earthRadius = 6_371_008.8

    /// Metres between `a` and `b`.
    public static func distance(_ a: GeoPoint, _ b: GeoPoint) -> Double {
        let radians = Double.pi / 180
        let φ1 = a.latitude * radians, φ2 = b.latitude * radians
        let sinHalfΔφ = sin((φ2 - φ1) / 2)
        let sinHalfΔλ = sin((b.longitude - a.longitude) * radians / 2)
        let h = sinHalfΔφ * sinHalfΔφ + cos(φ1) * cos(φ2) * sinHalfΔλ * sinHalfΔλ
        return 2 * earthRadius * asin(min(1, h).squareRoot())
    }
}
