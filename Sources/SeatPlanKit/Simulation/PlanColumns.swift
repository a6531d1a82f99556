/// The rows of one plan, kept as columns: the classrooms of every area, stage and year and the summary of
/// the classes they make, beside the plan's pupils (`PlanPupils`: the shared `AreaDemand` after its transfers). Reading `rows[i]`
/// builds the full `CapacityRow` of row `i` (its grades and class organisation); the reports read the
/// columns through the accessors below, which build nothing.
public struct PlanColumns: RandomAccessCollection, Sendable {
    public private(set) var plan: String
    /// The columns, behind one reference: copying the rows (into a report's loop, a closure) retains one
    /// object, not a dozen arrays.
    private let columns: Columns

    final class Columns: Sendable {
        let grid: AreaGrid
        let pupils: PlanPupils
        /// Classrooms open in each row.
        let classrooms: [Int]
        let classes: [ClassSummary]
        let alerts: [Alert]

        init(grid: AreaGrid, pupils: PlanPupils, classrooms: [Int], classes: [ClassSummary], alerts: [Alert]) {
            self.grid = grid
            self.pupils = pupils
            self.classrooms = classrooms
            self.classes = classes
            self.alerts = alerts
        }
    }

    /// The grid of the rows (a reference: cheap to pass around).
    public var grid: AreaGrid { columns.grid }
    /// The plan's transfers, in the order made.
    var moves: [TransferPass.Move] { columns.pupils.moves }

    /// Allocates the classrooms of one plan to its pupils (after transfers): per row, the classes of
    /// `CellKernel.classes` and the alert of `CellKernel.alert`.
    init(plan: String, classrooms: [Int], pupils: PlanPupils, grid: AreaGrid, standards: Standards) {
        self.plan = plan
        var alerts: [Alert] = []
        let classes = [ClassSummary](settingEvery: grid.count) { classes in
            alerts = [Alert](settingEvery: grid.count) { alerts in
                Parallel.forEachChunk(count: grid.count) { range in
                    Self.allocate(range, classrooms: classrooms, pupils: pupils, grid: grid, standards: standards,
                                  classes: classes.buffer, alerts: alerts.buffer)
                }
            }
        }
        columns = Columns(grid: grid, pupils: pupils, classrooms: classrooms, classes: classes, alerts: alerts)
    }

    /// The classes and alerts of rows `range`.
    private static func allocate(_ range: Range<Int>, classrooms: [Int], pupils: PlanPupils, grid: AreaGrid,
                                 standards: Standards, classes: UnsafeMutableBufferPointer<ClassSummary>,
                                 alerts: UnsafeMutableBufferPointer<Alert>) {
        var kernel = KernelScratch(grid: grid, standards: standards)
        let (alertThresholds, seatsPerClassroom) = (standards.alerts, grid.seatsPerClassroom)
        kernel.open { kernel in
            for i in range {
                let s = grid.stage(i)
                let rooms = classrooms[i]
                let cell = pupils.pupils(i)
                if rooms >= Int(cell.standard.classesFormed) {
                    classes[i] = cell.standard
                } else {
                    classes[i] = pupils.withWholeGrades(i, grid: grid) { whole in
                        CellKernel.classes(cell, whole: whole, rooms: rooms, sizes: kernel.classSizes(s),
                                           thresholds: kernel.thresholds[s], scratch: kernel.scratch)
                    }
                }
                alerts[i] = CellKernel.alert(cell, seats: Double(rooms) * seatsPerClassroom[s],
                                             thresholds: alertThresholds)
            }
        }
    }

    /// The same rows under another plan's id (a plan whose classrooms are the same everywhere).
    func named(_ plan: String) -> PlanColumns {
        var copy = self
        copy.plan = plan
        return copy
    }

    // MARK: Collection

    public var startIndex: Int { 0 }
    public var endIndex: Int { columns.classrooms.count }

    /// The full row `i`: ids, pupils of each grade by component, and the class organisation.
    public subscript(i: Int) -> CapacityRow {
        let grid = columns.grid
        let s = grid.stage(i), z = grid.zone(i), d = grid.district(i)
        let stage = grid.stages[s]
        let grades = (0..<stage.grades).map { columns.pupils.grade(i, $0, grid: grid) }
        let whole = columns.pupils.withWholeGrades(i, grid: grid) { Array($0) }
        let organisation = ClassOrganisation(pupils: whole, classSizes: stage.classSizes, classrooms: columns.classrooms[i])
        return CapacityRow(plan: plan, year: grid.year(i), district: grid.districtIDs[d],
                           zone: z >= 0 ? grid.zoneIDs[z] : "", stage: stage.id, grades: grades, organisation: organisation,
                           students: students(i), seats: seats(i), gap: gap(i), utilisation: utilisation(i),
                           classrooms: classrooms(i), classesNeeded: classesNeeded(i),
                           classroomShortage: classroomShortage(i), wholePupils: wholePupils(i),
                           largeClasses: largeClasses(i), superLargeClasses: superLargeClasses(i), alert: alert(i),
                           transferredOut: transferredOut(i), transferredIn: transferredIn(i))
    }

    // MARK: Columns (the formulas of `CapacityRow`, without building one)

    /// `Σ_g E_g`, unrounded.
    @inline(__always)
    public func students(_ i: Int) -> Double { columns.pupils.pupils(i).students }
    /// `classrooms × mean standard class size`.
    @inline(__always)
    public func seats(_ i: Int) -> Double { Double(columns.classrooms[i]) * columns.grid.seatsPerClassroom[columns.grid.stage(i)] }
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
    public func classesNeeded(_ i: Int) -> Int { Int(columns.pupils.pupils(i).standard.classesFormed) }
    /// `max(0, classes_needed − classrooms)`.
    @inline(__always)
    public func classroomShortage(_ i: Int) -> Int { Swift.max(0, classesNeeded(i) - columns.classrooms[i]) }
    @inline(__always)
    public func wholePupils(_ i: Int) -> Int { columns.pupils.pupils(i).wholePupils }
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

    /// What the measures read of row `i`.
    @inline(__always)
    func result(_ i: Int) -> CellKernel.Result {
        CellKernel.Result(gap: gap(i), alert: alert(i), classes: columns.classes[i], transferredOut: transferredOut(i))
    }

    /// Pupils row `i` sent to neighbouring zones (unrounded).
    @inline(__always)
    public func transferredOut(_ i: Int) -> Double { columns.pupils.transferredOut(i) }
    /// Pupils row `i` received from neighbouring zones (unrounded).
    @inline(__always)
    public func transferredIn(_ i: Int) -> Double { columns.pupils.transferredIn(i) }

    /// Pupils of grade `g` of row `i` by component (unrounded).
    func gradePupils(_ i: Int, grade g: Int) -> GradePupils { columns.pupils.grade(i, g, grid: columns.grid) }

    /// The classes of each grade of row `i` into `classes` (at least as many as the stage's grades), and the
    /// whole pupils of each grade into `pupils` (likewise): the organisation of `ClassOrganisation`, without
    /// building one.
    func gradeClasses(_ i: Int, pupils: inout [Int], classes: inout [Int]) {
        let grid = columns.grid
        let stage = grid.stages[grid.stage(i)]
        let G = stage.grades
        columns.pupils.withWholeGrades(i, grid: grid) { whole in
            for g in 0..<G { pupils[g] = whole[g] }
        }
        if columns.classrooms[i] >= classesNeeded(i) {
            for g in 0..<G {
                classes[g] = ClassOrganisation.ceilDiv(pupils[g], g < stage.classSizes.count ? stage.classSizes[g] : 0)
            }
        } else {
            let rooms = Swift.max(columns.classrooms[i], 0)
            pupils.withUnsafeBufferPointer { n in
                stage.classSizes.withUnsafeBufferPointer { sizes in
                    classes.withUnsafeMutableBufferPointer { k in
                        ClassOrganisation.highestAverages(pupils: UnsafeBufferPointer(rebasing: n[0..<G]), sizes: sizes,
                                                          rooms: rooms, into: UnsafeMutableBufferPointer(rebasing: k[0..<G]))
                    }
                }
            }
        }
    }
}
