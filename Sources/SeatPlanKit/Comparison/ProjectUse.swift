/// One project of one plan as applied, for one stage it touches, and whether its seats are used.
///
/// Used in a year: the project's seats are open and the zone's utilisation of that stage under the plan is
/// at least the threshold. A build or expansion whose seats are used in fewer than half of its open
/// projected years is over-building — seats that open after the shortage has passed.
public struct ProjectUse: Sendable {
    public var plan: String
    /// 1-based position of the project in the plan as applied (inherited projects first).
    public var number: Int
    public var kind: Project.Kind
    public var school: String
    public var schoolName: String
    public var district: String
    public var zone: String
    public var stage: String
    /// Classrooms added (negative: removed by a closure).
    public var classrooms: Int
    /// `classrooms × mean class size of the stage`.
    public var seats: Double
    /// Year written in the plan, and the year as applied after delays.
    public var plannedYear: Int
    public var year: Int
    public var delayedBy: Int
    /// The plan whose `projects` list holds it.
    public var origin: String
    /// The project's cost (on the first stage row of a project; `nil` on the others, so sums stay right).
    public var cost: Double?
    /// Projected years in which the project's seats count (none for closures).
    public var yearsOpen: [Int]
    /// Those of `yearsOpen` with the zone's utilisation at or above the threshold.
    public var yearsUsed: [Int]

    /// Over-building: a build or expansion whose seats are used in fewer than half of their open years.
    public var overBuilding: Bool {
        kind != .close && !yearsOpen.isEmpty && yearsUsed.count * 2 < yearsOpen.count
    }
}
