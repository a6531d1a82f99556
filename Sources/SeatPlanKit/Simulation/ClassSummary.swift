/// What the reports need of one zone's class organisation in a stage and year, kept per row instead of
/// the organisation itself (five numbers instead of three arrays).
struct ClassSummary: Sendable, Equatable {
    /// `Σ_g k_g`.
    var classesFormed: Int32 = 0
    /// `max_g ceil(n_g / k_g)` over grades with a class.
    var largestClass: Int32 = 0
    /// Classes with `large_class` pupils or more.
    var largeClasses: Int32 = 0
    /// Classes with `super_large_class` pupils or more.
    var superLargeClasses: Int32 = 0
    /// Pupils of grades with no class, `Σ_{g: k_g = 0} n_g`.
    var unplaced: Int32 = 0

    init() {}

    /// Class sizes from which a class counts as large and as super-large (`Standards`), as plain numbers:
    /// the hot loops pass these, not the whole standards.
    struct Thresholds: Sendable {
        var large: Int
        var superLarge: Int

        /// The bands of stage `s`: its own, else the scenario's.
        init(_ standards: Standards, stage s: Int) {
            large = standards.largeClass(of: s)
            superLarge = standards.superLargeClass(of: s)
        }
    }

    /// The summary of `classes[g]` classes for `pupils[g]` whole pupils of each grade.
    init(pupils: UnsafeBufferPointer<Int>, classes: UnsafeBufferPointer<Int>, thresholds: Thresholds) {
        var formed = 0, largest = 0, large = 0, superLarge = 0, unplaced = 0
        for g in 0..<min(pupils.count, classes.count) {
            let n = pupils[g], k = classes[g]
            unplaced += ClassOrganisation.unplaced(pupils: n, in: k)
            formed += k
            largest = max(largest, ClassOrganisation.largestClass(pupils: n, in: k))
            large += ClassOrganisation.classes(pupils: n, in: k, atLeast: thresholds.large)
            superLarge += ClassOrganisation.classes(pupils: n, in: k, atLeast: thresholds.superLarge)
        }
        classesFormed = Int32(clamping: formed)
        largestClass = Int32(clamping: largest)
        largeClasses = Int32(clamping: large)
        superLargeClasses = Int32(clamping: superLarge)
        self.unplaced = Int32(clamping: unplaced)
    }
}
