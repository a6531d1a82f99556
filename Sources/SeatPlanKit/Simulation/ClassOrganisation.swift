/// How the pupils of one zone and stage are organised into classes in the classrooms there
/// (MODEL.md, "Per zone, stage and year").
///
/// Each grade needs `ceil(n_g / c_g)` classes. With enough classrooms every grade gets them. Otherwise the
/// rooms go one at a time to the grade most over standard, `n_g ÷ (classes_g × c_g)`, grades with pupils
/// and no class first (largest `n_g ÷ c_g` among them), ties to the lower grade — the highest-averages rule,
/// which keeps the largest class as small as the rooms allow. A grade's pupils are spread as evenly as
/// possible over its classes; pupils of a grade with no room are unplaced.
public struct ClassOrganisation: Sendable, Equatable {
    /// Whole pupils per grade.
    public var pupils: [Int]
    /// Classes formed per grade.
    public var classes: [Int]
    public var classSizes: [Int]

    /// Organises `pupils` (whole, per grade) with standard sizes `classSizes` into `classrooms` rooms.
    public init(pupils: [Int], classSizes: [Int], classrooms: Int) {
        self.pupils = pupils
        self.classSizes = classSizes
        let needed = zip(pupils, classSizes).map { Self.ceilDiv($0, $1) }
        if classrooms >= needed.reduce(0, +) {
            classes = needed
            return
        }
        self.classes = Self.highestAverages(pupils: pupils, sizes: classSizes, rooms: max(classrooms, 0))
    }

    /// The rooms handed out one at a time by the rule above, computed without looping over every room:
    /// a divisor-method allocation (first divisor 0) is bounded below by `max(1, ⌊v_g (R − m) / V⌋)` with
    /// `v_g = n_g / c_g`, `V = Σ v_g` and `m` the grades with pupils; from there at most about `2m` rooms
    /// remain, and those are handed out one at a time.
    static func highestAverages(pupils: [Int], sizes: [Int], rooms: Int) -> [Int] {
        var classes = Array(repeating: 0, count: pupils.count)
        let withPupils = pupils.indices.filter { pupils[$0] > 0 && sizes[$0] > 0 }
        var left = rooms
        if rooms > withPupils.count {
            let votes = withPupils.map { Double(pupils[$0]) / Double(sizes[$0]) }
            let total = votes.reduce(0, +)
            let spare = Double(rooms - withPupils.count)
            for (g, v) in zip(withPupils, votes) {
                let bound = (v * spare / total).rounded(.down)
                classes[g] = max(1, bound.isFinite ? Int(min(bound, Double(rooms))) : 1)
            }
            left = rooms - classes.reduce(0, +)
            if left < 0 {  // cannot happen by the bound; start from scratch rather than overshoot
                classes = Array(repeating: 0, count: pupils.count)
                left = rooms
            }
        }
        while left > 0 {
            var best: Int?
            for g in withPupils {
                guard let b = best else { best = g; continue }
                if comesFirst(g, before: b, pupils: pupils, classes: classes, sizes: sizes) { best = g }
            }
            guard let chosen = best else { break }
            classes[chosen] += 1
            left -= 1
        }
        return classes
    }

    /// Whether grade `a` takes the next room before grade `b` (`b < a` is assumed, so ties keep `b`).
    private static func comesFirst(_ a: Int, before b: Int, pupils: [Int], classes: [Int], sizes: [Int]) -> Bool {
        let (aEmpty, bEmpty) = (classes[a] == 0, classes[b] == 0)
        if aEmpty != bEmpty { return aEmpty }
        // Compare n_a / (k_a c_a) with n_b / (k_b c_b) exactly, by cross-multiplying (k = 1 for grades without class).
        let ka = max(classes[a], 1), kb = max(classes[b], 1)
        return exactProduct(pupils[a], kb, sizes[b]) > exactProduct(pupils[b], ka, sizes[a])
    }

    /// `x·y·z` exactly while it fits an `Int`, else as a `Double` (no overflow trap on absurd inputs).
    private static func exactProduct(_ x: Int, _ y: Int, _ z: Int) -> Double {
        let (xy, o1) = x.multipliedReportingOverflow(by: y)
        let (xyz, o2) = xy.multipliedReportingOverflow(by: z)
        return o1 || o2 ? Double(x) * Double(y) * Double(z) : Double(xyz)
    }

    /// `ceil(n / c)` for `n ≥ 0`, `c > 0` (0 otherwise), without overflow.
    static func ceilDiv(_ n: Int, _ c: Int) -> Int {
        guard n > 0, c > 0 else { return 0 }
        return n / c + (n % c > 0 ? 1 : 0)
    }

    /// `Σ_g ceil(n_g / c_g)`.
    public var classesNeeded: Int { zip(pupils, classSizes).reduce(0) { $0 + Self.ceilDiv($1.0, $1.1) } }
    public var classesFormed: Int { classes.reduce(0, +) }
    /// Pupils of grades that got no classroom.
    public var unplaced: Int { zip(pupils, classes).reduce(0) { $0 + ($1.1 == 0 ? $1.0 : 0) } }
    public var placed: Int { pupils.reduce(0, +) - unplaced }

    /// Sizes of the classes of grade `g`: `n mod k` classes of `⌊n/k⌋ + 1` and the rest of `⌊n/k⌋`.
    public func sizes(grade g: Int) -> (large: Int, largeCount: Int, small: Int, smallCount: Int) {
        let k = classes[g]
        guard k > 0 else { return (0, 0, 0, 0) }
        let n = pupils[g]
        return (n / k + 1, n % k, n / k, k - n % k)
    }

    /// Largest class of grade `g` (0 without class).
    public func maxClassSize(grade g: Int) -> Int {
        let k = classes[g]
        return k > 0 ? ClassOrganisation.ceilDiv(pupils[g], k) : 0
    }

    public var maxClassSize: Int { classes.indices.map(maxClassSize(grade:)).max() ?? 0 }

    /// Placed pupils ÷ classes formed (0 without class).
    public var meanClassSize: Double { classesFormed > 0 ? Double(placed) / Double(classesFormed) : 0 }

    /// Number of classes of grade `g` with at least `threshold` pupils.
    public func classes(grade g: Int, atLeast threshold: Int) -> Int {
        let s = sizes(grade: g)
        return (s.large >= threshold ? s.largeCount : 0) + (s.small >= threshold ? s.smallCount : 0)
    }

    /// Number of classes with at least `threshold` pupils.
    public func classes(atLeast threshold: Int) -> Int {
        classes.indices.reduce(0) { $0 + classes(grade: $1, atLeast: threshold) }
    }
}
