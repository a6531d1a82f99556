/// The one computation of a row, used by the central run and by every Monte Carlo draw: unrounded grade
/// pupils → whole pupils → the classes they need → the classes the rooms allow → the alert
/// (MODEL.md, *Per zone, stage and year: the gap*).
///
/// It reads and writes buffer pointers its callers hold for the span of one loop over rows — the rows'
/// grades over their own arrays, the class sizes, thresholds and scratch through `KernelScratch` (in
/// `AreaDemand`'s fill, `PlanPupils`, `PlanColumns.allocate`, the draws' `DrawWorker`) — and keeps none. What that buys, measured (docs/PERFORMANCE.md, *Unsafe code*): the kernel and its callers over
/// arrays made the central run's `allocate` phase about 50 % slower (nation 0.40 → 0.61 s) and the draws
/// about 12 % slower (300 province draws 5.8 → 6.5 s).
enum CellKernel {
    /// What a row's pupils give, whatever the rooms.
    struct Pupils: Sendable, BitwiseCopyable {
        /// `Σ_g E_g`, unrounded.
        var students = 0.0
        /// `Σ_g n_g`.
        var wholePupils = 0
        /// The classes when every grade gets `ceil(n_g / c_g)`: its `classesFormed` is the classes needed.
        var standard = ClassSummary()
    }

    /// What a row gives under a plan, as the measures read it (`MeasureAccumulator`).
    struct Result: Sendable {
        /// `students − seats`.
        var gap: Double
        var alert: Alert
        var classes: ClassSummary
        /// Pupils sent to neighbouring zones (unrounded).
        var transferredOut: Double
    }

    /// Whole pupils `n_g = round(E_g)` of each grade into `whole`, and the row's `Pupils`.
    static func pupils(grades: UnsafeBufferPointer<GradePupils>, whole: UnsafeMutableBufferPointer<Int>,
                       sizes: UnsafeBufferPointer<Int>, thresholds: ClassSummary.Thresholds,
                       scratch classes: UnsafeMutableBufferPointer<Int>) -> Pupils {
        var students = 0.0, wholePupils = 0
        for g in 0..<grades.count {
            let total = grades[g].total
            students += total
            let n = WholeNumbers.roundToInt(total)
            whole[g] = n
            wholePupils += n
            classes[g] = ClassOrganisation.ceilDiv(n, g < sizes.count ? sizes[g] : 0)
        }
        let standard = ClassSummary(pupils: UnsafeBufferPointer(whole),
                                    classes: UnsafeBufferPointer(rebasing: classes[0..<grades.count]),
                                    thresholds: thresholds)
        return Pupils(students: students, wholePupils: wholePupils, standard: standard)
    }

    /// The classes `rooms` classrooms make of the whole pupils `whole`: the standard classes when the rooms
    /// suffice, else the highest-averages organisation of `ClassOrganisation`.
    static func classes(_ pupils: Pupils, whole: UnsafeBufferPointer<Int>, rooms: Int, sizes: UnsafeBufferPointer<Int>,
                        thresholds: ClassSummary.Thresholds, scratch: UnsafeMutableBufferPointer<Int>) -> ClassSummary {
        if rooms >= Int(pupils.standard.classesFormed) { return pupils.standard }
        let k = UnsafeMutableBufferPointer(rebasing: scratch[0..<whole.count])
        ClassOrganisation.highestAverages(pupils: whole, sizes: sizes, rooms: Swift.max(rooms, 0), into: k)
        return ClassSummary(pupils: whole, classes: UnsafeBufferPointer(k), thresholds: thresholds)
    }

    /// The alert of a row: `Alert.classify` on its unrounded utilisation.
    @inline(__always)
    static func alert(_ pupils: Pupils, seats: Double, thresholds: AlertThresholds) -> Alert {
        Alert.classify(wholePupils: pupils.wholePupils, seats: seats,
                       utilisation: seats > 0 ? pupils.students / seats : nil, thresholds: thresholds)
    }
}
