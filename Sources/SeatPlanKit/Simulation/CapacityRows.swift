/// The rows of one plan, kept as columns: the classrooms of every zone, stage and year and the summary of
/// the classes they make, beside the pupils shared by every plan (`DemandCells`). Reading `rows[i]`
/// builds the full `CapacityRow` of row `i` (its grades and class organisation); the reports read the
/// columns through the accessors below, which build nothing.
public struct CapacityRows: RandomAccessCollection, Sendable {
    public private(set) var plan: String
    /// The columns, behind one reference: copying the rows (into a report's loop, a closure) retains one
    /// object, not a dozen arrays.
    private let columns: Columns

    final class Columns: Sendable {
        let layout: CapacityLayout
        let cells: DemandCells
        /// Classrooms open in each row.
        let classrooms: [Int]
        let classes: [ClassSummary]
        let alerts: [Alert]

        init(layout: CapacityLayout, cells: DemandCells, classrooms: [Int], classes: [ClassSummary], alerts: [Alert]) {
            self.layout = layout
            self.cells = cells
            self.classrooms = classrooms
            self.classes = classes
            self.alerts = alerts
        }
    }

    /// (A copy: in a loop, read `columns.layout` — copying the layout retains each of its arrays.)
    public var layout: CapacityLayout { columns.layout }

    /// Allocates the classrooms of one plan: per row, the standard classes when the rooms suffice, else
    /// the highest-averages organisation of `ClassOrganisation`; the alert of `Alert.classify`.
    init(plan: String, classrooms: [Int], cells: DemandCells, layout: CapacityLayout, standards: Standards) {
        self.plan = plan
        var alerts: [Alert] = []
        let classes = [ClassSummary](settingEvery: layout.count) { classes in
            alerts = [Alert](settingEvery: layout.count) { alerts in
                Parallel.forEachChunk(count: layout.count) { range in
                    Self.allocate(range, classrooms: classrooms, cells: cells, layout: layout, standards: standards,
                                  classes: classes.buffer, alerts: alerts.buffer)
                }
            }
        }
        columns = Columns(layout: layout, cells: cells, classrooms: classrooms,
                          classes: classes, alerts: alerts)
    }

    /// The classes and alerts of rows `range`.
    private static func allocate(_ range: Range<Int>, classrooms: [Int], cells: DemandCells, layout: CapacityLayout,
                                 standards: Standards, classes: UnsafeMutableBufferPointer<ClassSummary>,
                                 alerts: UnsafeMutableBufferPointer<Alert>) {
        var scratch = Array(repeating: 0, count: layout.stages.map(\.grades).max() ?? 0)
        let (thresholds, alertThresholds) = (ClassSummary.Thresholds(standards), standards.alerts)
        cells.wholeGrades.withUnsafeBufferPointer { wholeGrades in
            scratch.withUnsafeMutableBufferPointer { scratch in
                for i in range {
                    let s = layout.stage(i)
                    let rooms = classrooms[i]
                    let cell = cells.rows[i]
                    if rooms >= Int(cell.standard.classesFormed) {
                        classes[i] = cell.standard
                    } else {
                        let first = layout.firstGrade(i), grades = layout.stages[s].grades
                        let pupils = UnsafeBufferPointer(rebasing: wholeGrades[first..<(first + grades)])
                        layout.stages[s].classSizes.withUnsafeBufferPointer { sizes in
                            let k = UnsafeMutableBufferPointer(rebasing: scratch[0..<grades])
                            ClassOrganisation.highestAverages(pupils: pupils, sizes: sizes, rooms: Swift.max(rooms, 0), into: k)
                            classes[i] = ClassSummary(pupils: pupils, classes: UnsafeBufferPointer(k), thresholds: thresholds)
                        }
                    }
                    let seats = Double(rooms) * layout.seatsPerClassroom[s]
                    alerts[i] = Alert.classify(wholePupils: cell.wholePupils, seats: seats,
                                               utilisation: seats > 0 ? cell.students / seats : nil,
                                               thresholds: alertThresholds)
                }
            }
        }
    }

    /// The same rows under another plan's id (a plan whose classrooms are the same everywhere).
    func named(_ plan: String) -> CapacityRows {
        var copy = self
        copy.plan = plan
        return copy
    }

    // MARK: Collection

    public var startIndex: Int { 0 }
    public var endIndex: Int { columns.classrooms.count }

    /// The full row `i`: ids, pupils of each grade by component, and the class organisation.
    public subscript(i: Int) -> CapacityRow {
        let z = columns.layout.zone(i), s = columns.layout.stage(i)
        let stage = columns.layout.stages[s]
        let first = columns.layout.firstGrade(i)
        let grades = Array(columns.cells.gradePupils[first..<(first + stage.grades)])
        let organisation = ClassOrganisation(pupils: Array(columns.cells.wholeGrades[first..<(first + stage.grades)]),
                                             classSizes: stage.classSizes, classrooms: columns.classrooms[i])
        let layout = columns.layout
        return CapacityRow(plan: plan, year: layout.year(i), district: layout.districtIDs[layout.districtOfZone[z]],
                           zone: layout.zoneIDs[z], stage: stage.id, grades: grades, organisation: organisation,
                           students: students(i), seats: seats(i), gap: gap(i), utilisation: utilisation(i),
                           classrooms: classrooms(i), classesNeeded: classesNeeded(i),
                           classroomShortage: classroomShortage(i), wholePupils: wholePupils(i),
                           largeClasses: largeClasses(i), superLargeClasses: superLargeClasses(i), alert: alert(i))
    }

    // MARK: Columns (the formulas of `CapacityRow`, without building one)

    /// `Σ_g E_g`, unrounded.
    @inline(__always)
    public func students(_ i: Int) -> Double { columns.cells.rows[i].students }
    /// `classrooms × mean standard class size`.
    @inline(__always)
    public func seats(_ i: Int) -> Double { Double(columns.classrooms[i]) * columns.layout.seatsPerClassroom[columns.layout.stage(i)] }
    /// `students − seats`; positive is a shortage.
    @inline(__always)
    public func gap(_ i: Int) -> Double { students(i) - seats(i) }
    /// `students ÷ seats`; `nil` where seats are 0.
    @inline(__always)
    public func utilisation(_ i: Int) -> Double? {
        let seats = seats(i)
        return seats > 0 ? students(i) / seats : nil
    }
    @inline(__always)
    public func classrooms(_ i: Int) -> Int { columns.classrooms[i] }
    /// `Σ_g ceil(n_g / c_g)`.
    @inline(__always)
    public func classesNeeded(_ i: Int) -> Int { Int(columns.cells.rows[i].standard.classesFormed) }
    /// `max(0, classes_needed − classrooms)`.
    @inline(__always)
    public func classroomShortage(_ i: Int) -> Int { Swift.max(0, classesNeeded(i) - columns.classrooms[i]) }
    @inline(__always)
    public func wholePupils(_ i: Int) -> Int { columns.cells.rows[i].wholePupils }
    @inline(__always)
    public func classesFormed(_ i: Int) -> Int { Int(columns.classes[i].classesFormed) }
    @inline(__always)
    public func largeClasses(_ i: Int) -> Int { Int(columns.classes[i].largeClasses) }
    @inline(__always)
    public func superLargeClasses(_ i: Int) -> Int { Int(columns.classes[i].superLargeClasses) }
    @inline(__always)
    public func maxClassSize(_ i: Int) -> Int { Int(columns.classes[i].largestClass) }
    @inline(__always)
    public func unplaced(_ i: Int) -> Int { Int(columns.classes[i].unplaced) }
    /// Pupils in a class: whole pupils − unplaced.
    @inline(__always)
    public func placed(_ i: Int) -> Int { wholePupils(i) - unplaced(i) }
    /// Placed pupils ÷ classes formed (0 without class).
    @inline(__always)
    public func meanClassSize(_ i: Int) -> Double {
        let formed = classesFormed(i)
        return formed > 0 ? Double(placed(i)) / Double(formed) : 0
    }
    @inline(__always)
    public func alert(_ i: Int) -> Alert { columns.alerts[i] }

    /// Pupils of grade `g` of row `i` by component (unrounded).
    func gradePupils(_ i: Int, grade g: Int) -> GradePupils { columns.cells.gradePupils[columns.layout.firstGrade(i) + g] }

    /// The classes of each grade of row `i` into `classes` (at least as many as the stage's grades), and the
    /// whole pupils of each grade into `pupils`: the organisation of `ClassOrganisation`, without arrays.
    func gradeClasses(_ i: Int, pupils: UnsafeMutableBufferPointer<Int>, classes: UnsafeMutableBufferPointer<Int>) {
        let stage = columns.layout.stages[columns.layout.stage(i)]
        let first = columns.layout.firstGrade(i)
        for g in 0..<stage.grades { pupils[g] = columns.cells.wholeGrades[first + g] }
        let n = UnsafeBufferPointer(rebasing: pupils[0..<stage.grades])
        let k = UnsafeMutableBufferPointer(rebasing: classes[0..<stage.grades])
        if columns.classrooms[i] >= classesNeeded(i) {
            for g in 0..<stage.grades {
                k[g] = ClassOrganisation.ceilDiv(n[g], g < stage.classSizes.count ? stage.classSizes[g] : 0)
            }
        } else {
            stage.classSizes.withUnsafeBufferPointer { sizes in
                ClassOrganisation.highestAverages(pupils: n, sizes: sizes, rooms: Swift.max(columns.classrooms[i], 0), into: k)
            }
        }
    }
}
