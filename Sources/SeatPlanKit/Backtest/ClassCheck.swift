/// The class organisation model checked against real classrooms: for each unit, year and grade with a
/// counted number of classrooms, the classes the model says are needed, `ceil(n_g / c_g)`, against the
/// classrooms actually used.
public struct ClassCheck: Sendable {
    public struct Row: Sendable {
        public var unit: String
        public var year: Int
        public var grade: Int
        public var pupils: Double
        public var classroomsUsed: Int
        public var classesNeeded: Int
        /// `classes_needed − classrooms_used`: positive, the model asks for more rooms than were used.
        public var difference: Int { classesNeeded - classroomsUsed }
    }

    public var rows: [Row]

    public init(_ history: PlainHistory) {
        var rows: [Row] = []
        for unit in history.classrooms.keys.sorted() {
            for (year, byGrade) in (history.classrooms[unit] ?? [:]).sorted(by: { $0.key < $1.key }) {
                for (g, rooms) in byGrade.sorted(by: { $0.key < $1.key }) {
                    guard let n = history.pupils[unit]?[year]?[g], g < history.stage.classSizes.count else { continue }
                    let whole = WholeNumbers.roundToInt(n)
                    rows.append(Row(unit: unit, year: year, grade: g + 1, pupils: n, classroomsUsed: WholeNumbers.roundToInt(rooms),
                                    classesNeeded: ClassOrganisation.ceilDiv(whole, history.stage.classSizes[g])))
                }
            }
        }
        self.rows = rows
    }

    /// Share of rows where the model's classes equal the classrooms used.
    public var exactShare: Double { rows.isEmpty ? 0 : Double(rows.filter { $0.difference == 0 }.count) / Double(rows.count) }
    /// Share within one classroom.
    public var withinOneShare: Double { rows.isEmpty ? 0 : Double(rows.filter { abs($0.difference) <= 1 }.count) / Double(rows.count) }
    /// Mean of `classes_needed − classrooms_used`.
    public var meanDifference: Double { rows.isEmpty ? 0 : Double(rows.reduce(0) { $0 + $1.difference }) / Double(rows.count) }
}
