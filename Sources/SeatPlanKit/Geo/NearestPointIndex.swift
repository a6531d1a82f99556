/// The nearest of a fixed set of points to any query point, by `Haversine.distance`, with ties to the point
/// listed first — a k-d tree over the points' `UnitVector`s, so a query visits a few dozen points instead of
/// all of them (MODEL.md, *Coverage*: "the nearest school … ties: file order").
///
/// The tree splits the points at the median of the axis with the widest spread, down to leaves of at most
/// `leafSize` points. A query descends to the query's side first, then visits the other side only when the
/// splitting plane is nearer than the best chord found so far (the chord orders points as the great-circle
/// distance does, see `UnitVector`). The chord is only a filter: every point that passes is measured by the
/// haversine formula and compared by (distance, position), so the answer is exactly the brute-force one. The
/// filter allows `chordSlack` (about 6 µm on the Earth) so that rounding of the chord never drops a point
/// that ties or wins on haversine.
public struct NearestPointIndex: Sendable {
    static let leafSize = 8
    static let chordSlack = 1e-12

    private let points: [GeoPoint]
    private let vectors: [UnitVector]
    /// Positions in `points`, permuted into tree order.
    private var order: [Int]
    /// Splitting axis of the node whose median sits at each tree position (leaves: unused).
    private var axes: [UInt8]

    /// An index over `points`; a point's position is its rank on ties.
    public init(_ points: [GeoPoint]) {
        self.points = points
        vectors = points.map(UnitVector.init)
        order = Array(points.indices)
        axes = Array(repeating: 0, count: points.count)
        build(0, points.count)
    }

    public var count: Int { points.count }

    private mutating func build(_ lo: Int, _ hi: Int) {
        guard hi - lo > Self.leafSize else { return }
        var low = [Double](repeating: .infinity, count: 3), high = [Double](repeating: -.infinity, count: 3)
        for i in lo..<hi {
            let v = vectors[order[i]]
            for a in 0..<3 {
                low[a] = Swift.min(low[a], v[a])
                high[a] = Swift.max(high[a], v[a])
            }
        }
        let axis = (0..<3).max { high[$0] - low[$0] < high[$1] - low[$1] }!
        let vectors = self.vectors
        order[lo..<hi].sort { (vectors[$0][axis], $0) < (vectors[$1][axis], $1) }
        let mid = (lo + hi) / 2
        axes[mid] = UInt8(axis)
        build(lo, mid)
        build(mid + 1, hi)
    }

    /// The position of the nearest point to `query` (the first listed on a tie) and its distance in metres;
    /// `nil` when the index is empty.
    public func nearest(to query: GeoPoint) -> (position: Int, distance: Double)? {
        guard !points.isEmpty else { return nil }
        var best = Best(position: -1, distance: .infinity, chord: .infinity)
        search(0, points.count, query, UnitVector(query), &best)
        return (best.position, best.distance)
    }

    private struct Best {
        var position: Int
        var distance: Double
        var chord: Double

        /// Squared chord beyond which no point can win or tie.
        var bound: Double {
            let c = chord + NearestPointIndex.chordSlack
            return c * c
        }
    }

    private func consider(_ p: Int, _ query: GeoPoint, _ q: UnitVector, _ best: inout Best) {
        let c2 = vectors[p].squaredChord(to: q)
        guard c2 <= best.bound else { return }
        let d = Haversine.distance(query, points[p])
        if d < best.distance || (d == best.distance && p < best.position) {
            best = Best(position: p, distance: d, chord: c2.squareRoot())
        }
    }

    private func search(_ lo: Int, _ hi: Int, _ query: GeoPoint, _ q: UnitVector, _ best: inout Best) {
        if hi - lo <= Self.leafSize {
            for i in lo..<hi { consider(order[i], query, q, &best) }
            return
        }
        let mid = (lo + hi) / 2
        let p = order[mid], axis = Int(axes[mid])
        let diff = q[axis] - vectors[p][axis]
        if diff < 0 {
            search(lo, mid, query, q, &best)
            consider(p, query, q, &best)
            if diff * diff <= best.bound { search(mid + 1, hi, query, q, &best) }
        } else {
            search(mid + 1, hi, query, q, &best)
            consider(p, query, q, &best)
            if diff * diff <= best.bound { search(lo, mid, query, q, &best) }
        }
    }
}
