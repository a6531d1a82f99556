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
        pupils.withUnsafeBufferPointer { n in
            sizes.withUnsafeBufferPointer { c in
                classes.withUnsafeMutableBufferPointer { k in highestAverages(pupils: n, sizes: c, rooms: rooms, into: k) }
            }
        }
        return classes
    }

    /// `highestAverages` into `classes` (at least as long as `pupils`), without allocating.
    static func highestAverages(pupils: UnsafeBufferPointer<Int>, sizes: UnsafeBufferPointer<Int>, rooms: Int,
                                into classes: UnsafeMutableBufferPointer<Int>) {
        let count = pupils.count
        for g in 0..<count { classes[g] = 0 }
        var withPupils = 0
        var total = 0.0
        for g in 0..<count where pupils[g] > 0 && sizes[g] > 0 {
            withPupils += 1
            total += Double(pupils[g]) / Double(sizes[g])
        }
        var left = rooms
        if rooms > withPupils {
            let spare = Double(rooms - withPupils)
            var given = 0
            for g in 0..<count where pupils[g] > 0 && sizes[g] > 0 {
                let bound = (Double(pupils[g]) / Double(sizes[g]) * spare / total).rounded(.down)
                classes[g] = max(1, bound.isFinite ? Int(min(bound, Double(rooms))) : 1)
                given += classes[g]
            }
            left = rooms - given
            if left < 0 {  // cannot happen by the bound; start from scratch rather than overshoot
                for g in 0..<count { classes[g] = 0 }
                left = rooms
            }
        }
        while left > 0 {
            var best = -1
            for g in 0..<count where pupils[g] > 0 && sizes[g] > 0 {
                if best < 0 { best = g; continue }
                if comesFirst(g, before: best, pupils: pupils, classes: UnsafeBufferPointer(classes), sizes: sizes) {
                    best = g
                }
            }
            guard best >= 0 else { break }
            classes[best] += 1
            left -= 1
        }
    }

    /// Classes needed, `Σ_g ceil(n_g / c_g)`, and the largest class when every grade gets them.
    static func standardClasses(pupils: UnsafeBufferPointer<Int>, sizes: UnsafeBufferPointer<Int>)
        -> (needed: Int, largest: Int) {
        var needed = 0, largest = 0
        for g in 0..<pupils.count {
            let k = quickCeilDiv(pupils[g], sizes[g])
            needed += k
            if k > 0 { largest = max(largest, quickCeilDiv(pupils[g], k)) }
        }
        return (needed, largest)
    }

    /// `ceilDiv(n, c)` through a floating-point quotient when both are below 2²⁶: the quotient's
    /// truncation is then exactly `⌊n / c⌋` (its rounding error, under 2⁻²⁷, is smaller than the distance
    /// `1/c` of a non-whole quotient to the next whole number), and the slow integer division is avoided.
    @inline(__always)
    static func quickCeilDiv(_ n: Int, _ c: Int) -> Int {
        guard n > 0, c > 0, n < 1 << 26, c < 1 << 26 else { return ceilDiv(n, c) }
        let q = Int(Double(n) / Double(c))
        return q * c < n ? q + 1 : q
    }

    /// The largest class that `ClassOrganisation(pupils:classSizes:classrooms:)` forms (its `maxClassSize`),
    /// without allocating, from `standard = standardClasses(pupils:sizes:)` (which does not depend on the
    /// classrooms): `scratch` holds at least `pupils.count` values and is overwritten.
    static func largestClass(pupils: UnsafeBufferPointer<Int>, sizes: UnsafeBufferPointer<Int>, classrooms: Int,
                             standard: (needed: Int, largest: Int), scratch classes: UnsafeMutableBufferPointer<Int>)
        -> Int {
        if classrooms >= standard.needed { return standard.largest }
        highestAverages(pupils: pupils, sizes: sizes, rooms: max(classrooms, 0), into: classes)
        var largest = 0
        for g in 0..<pupils.count where classes[g] > 0 {
            largest = max(largest, ceilDiv(pupils[g], classes[g]))
        }
        return largest
    }

    /// Whether grade `a` takes the next room before grade `b` (`b < a` is assumed, so ties keep `b`).
    private static func comesFirst(_ a: Int, before b: Int, pupils: UnsafeBufferPointer<Int>,
                                   classes: UnsafeBufferPointer<Int>, sizes: UnsafeBufferPointer<Int>) -> Bool {
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
    public var unplaced: Int { zip(pupils, classes).reduce(0) { $0 + Self.unplaced(pupils: $1.0, in: $1.1) } }
    public var placed: Int { pupils.reduce(0, +) - unplaced }

    /// Sizes of the classes of grade `g`: `n mod k` classes of `⌊n/k⌋ + 1` and the rest of `⌊n/k⌋`.
    public func sizes(grade g: Int) -> (large: Int, largeCount: Int, small: Int, smallCount: Int) {
        let k = classes[g]
        guard k > 0 else { return (0, 0, 0, 0) }
        let n = pupils[g]
        return (n / k + 1, n % k, n / k, k - n % k)
    }

    /// Largest class of grade `g` (0 without class).
    public func maxClassSize(grade g: Int) -> Int { Self.largestClass(pupils: pupils[g], in: classes[g]) }

    /// The largest of `k` classes sharing `n` pupils as evenly as possible, `ceil(n / k)` (0 without class).
    static func largestClass(pupils n: Int, in k: Int) -> Int { k > 0 ? ceilDiv(n, k) : 0 }

    /// The pupils of a grade left without a class: all `n` when `k = 0`, else none.
    static func unplaced(pupils n: Int, in k: Int) -> Int { k == 0 ? n : 0 }

    public var maxClassSize: Int { classes.indices.map(maxClassSize(grade:)).max() ?? 0 }

    /// Placed pupils ÷ classes formed (0 without class).
    public var meanClassSize: Double { classesFormed > 0 ? Double(placed) / Double(classesFormed) : 0 }

    /// Number of classes of grade `g` with at least `threshold` pupils.
    public func classes(grade g: Int, atLeast threshold: Int) -> Int {
        Self.classes(pupils: pupils[g], in: classes[g], atLeast: threshold)
    }

    /// Of `n` pupils spread as evenly as possible over `k` classes (`n mod k` classes of `⌊n/k⌋ + 1`, the
    /// rest of `⌊n/k⌋`), the classes with at least `threshold` pupils.
    static func classes(pupils n: Int, in k: Int, atLeast threshold: Int) -> Int {
        guard k > 0 else { return 0 }
        let small = n / k, largeCount = n % k
        return (small + 1 >= threshold ? largeCount : 0) + (small >= threshold ? k - largeCount : 0)
    }

    /// Number of classes with at least `threshold` pupils.
    public func classes(atLeast threshold: Int) -> Int {
        classes.indices.reduce(0) { $0 + classes(grade: $1, atLeast: threshold) }
    }
}
