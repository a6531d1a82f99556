/// The sum of several areas' rows (a district, or the whole scenario) for one plan, year and stage.
///
/// Pupils, seats, classes, classrooms, shortages and unplaced pupils add up; the largest class is the
/// largest of the areas; the mean class size is placed pupils ÷ classes formed over all areas;
/// `classroom_shortage` is the sum of the areas' shortages (areas are not netted against each other).
struct CapacityTotals {
    var students = 0.0
    var seats = 0.0
    var wholePupils = 0
    var classesNeeded = 0
    var classrooms = 0
    var classroomShortage = 0
    var largeClasses = 0
    var superLargeClasses = 0
    var maxClassSize = 0
    var placed = 0
    var classesFormed = 0
    var unplaced = 0
    /// Areas whose rounded gap is above 0.
    var areasShort = 0
    var transferredOut = 0.0
    var transferredIn = 0.0

    /// Adds row `i` of `rows`.
    mutating func add(_ rows: PlanColumns, _ i: Int) {
        students += rows.students(i)
        seats += rows.seats(i)
        wholePupils += rows.wholePupils(i)
        classesNeeded += rows.classesNeeded(i)
        classrooms += rows.classrooms(i)
        classroomShortage += rows.classroomShortage(i)
        largeClasses += rows.largeClasses(i)
        superLargeClasses += rows.superLargeClasses(i)
        maxClassSize = max(maxClassSize, rows.maxClassSize(i))
        placed += rows.placed(i)
        classesFormed += rows.classesFormed(i)
        unplaced += rows.unplaced(i)
        if WholeNumbers.round(rows.gap(i)) > 0 { areasShort += 1 }
        transferredOut += rows.transferredOut(i)
        transferredIn += rows.transferredIn(i)
    }

    var utilisation: Double? { seats > 0 ? students / seats : nil }
    var meanClassSize: Double { classesFormed > 0 ? Double(placed) / Double(classesFormed) : 0 }

    func alert(_ thresholds: AlertThresholds) -> Alert {
        Alert.classify(wholePupils: wholePupils, seats: seats, utilisation: utilisation, thresholds: thresholds)
    }
}
