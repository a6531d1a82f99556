/// 一乡一园 (MODEL.md, *Coverage*): per plan and year of the rows, each township zone (`township: true`)
/// and the public schools open in it with classrooms of the stage `kindergarten`. A township with none in
/// a year fails the check that year. A scenario without a `kindergarten` stage or without township zones
/// has nothing to check.
public struct TownshipKindergartens: Sendable {
    /// Zone positions (`ScenarioIndex`) of the township zones, in zone file order.
    public let zones: [Int]
    public let zoneIDs: [String]
    public let districts: [String]
    public let baseYear: Int
    public let yearCount: Int
    /// Per plan (allocation order): plan id, and at `t · zones.count + j` the public kindergartens open and
    /// their kindergarten classrooms.
    public let plans: [(plan: String, schools: [Int], classrooms: [Int])]

    public init(_ allocation: Allocation, scenario: Scenario) {
        let index = allocation.index
        let stage = index.stageIndex["kindergarten"]
        let zones = stage == nil ? [] : index.zones.indices.filter { index.zones[$0].geography.township }
        self.zones = zones
        zoneIDs = zones.map { index.zones[$0].id }
        districts = zones.map { index.zones[$0].district }
        baseYear = allocation.grid.baseYear
        yearCount = allocation.grid.yearCount
        let position = Dictionary(zones.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let (J, T, base) = (zones.count, yearCount, baseYear)
        plans = allocation.outcomes.map { outcome in
            var schools = [Int](repeating: 0, count: T * J), classrooms = [Int](repeating: 0, count: T * J)
            if let stage {
                for member in outcome.network.schools where member.isPublic {
                    guard let j = position[member.zone] else { continue }
                    for t in 0..<T {
                        let rooms = member.classrooms(stage: stage, year: base + t)
                        if rooms > 0 {
                            schools[t * J + j] += 1
                            classrooms[t * J + j] += rooms
                        }
                    }
                }
            }
            return (outcome.plan.id, schools, classrooms)
        }
    }

    /// Whether township `j` has no open public kindergarten in year position `t` of plan position `p`.
    public func isWithout(plan p: Int, t: Int, township j: Int) -> Bool {
        plans[p].schools[t * zones.count + j] == 0
    }
}
