/// The sum of several zones' rows (a district, or the whole scenario) for one plan, year and stage.
///
/// Pupils, seats, classes, classrooms, shortages and unplaced pupils add up; the largest class is the
/// largest of the zones; the mean class size is placed pupils ÷ classes formed over all zones;
/// `classroom_shortage` is the sum of the zones' shortages (zones are not netted against each other).
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
    /// Zones whose rounded gap is above 0.
    var zonesShort = 0

    /// Adds row `i` of `rows`.
    mutating func add(_ rows: CapacityRows, _ i: Int) {
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
        if WholeNumbers.round(rows.gap(i)) > 0 { zonesShort += 1 }
    }

    var utilisation: Double? { seats > 0 ? students / seats : nil }
    var meanClassSize: Double { classesFormed > 0 ? Double(placed) / Double(classesFormed) : 0 }

    func alert(_ thresholds: AlertThresholds) -> Alert {
        Alert.classify(wholePupils: wholePupils, seats: seats, utilisation: utilisation, thresholds: thresholds)
    }
}
