/// Where each row of an allocation sits. Every plan has the same rows in the same order:
/// row `i = (t · zones + z) · stages + s` for year position `t`, global zone position `z` (districts'
/// zones in file order) and stage position `s`; the rows of one plan are therefore plain arrays indexed
/// by `i`, and nothing is looked up by id.
public struct CapacityLayout: Sendable {
    public let baseYear: Int
    public let yearCount: Int
    public let zoneCount: Int
    public let stages: [Stage]
    /// `Stage.seatsPerClassroom` of each stage.
    public let seatsPerClassroom: [Double]
    public let zoneIDs: [String]
    public let districtIDs: [String]
    /// District position of each zone.
    public let districtOfZone: [Int]
    /// Position of each zone among its district's zones (the order of `DistrictDemand.zoneShares`).
    public let zoneInDistrict: [Int]
    /// Whole-pupil slots of one (year, zone) block: one per grade of every stage.
    let gradesPerBlock: Int
    /// First slot of each stage's grades within a block.
    let firstGradeOfStage: [Int]

    init(scenario: Scenario, index: ScenarioIndex, yearCount: Int) {
        baseYear = scenario.baseYear
        self.yearCount = yearCount
        zoneCount = index.zones.count
        stages = scenario.standards.stages
        seatsPerClassroom = stages.map(\.seatsPerClassroom)
        zoneIDs = index.zones.map(\.id)
        districtIDs = scenario.districts.map(\.id)
        districtOfZone = index.districtOfZone
        var inDistrict = Array(repeating: 0, count: index.zones.count)
        for zones in index.zonesOfDistrict {
            for (k, z) in zones.enumerated() { inDistrict[z] = k }
        }
        zoneInDistrict = inDistrict
        var first: [Int] = []
        var slots = 0
        for stage in stages {
            first.append(slots)
            slots += stage.grades
        }
        firstGradeOfStage = first
        gradesPerBlock = slots
    }

    public var stageCount: Int { stages.count }
    /// Rows of one plan: `years × zones × stages`.
    public var count: Int { yearCount * zoneCount * stages.count }
    /// Rows of one year: `zones × stages`.
    public var rowsPerYear: Int { zoneCount * stages.count }

    public func row(t: Int, zone z: Int, stage s: Int) -> Int { (t * zoneCount + z) * stages.count + s }
    public func t(_ i: Int) -> Int { i / max(rowsPerYear, 1) }
    public func year(_ i: Int) -> Int { baseYear + t(i) }
    public func zone(_ i: Int) -> Int { (i / max(stages.count, 1)) % max(zoneCount, 1) }
    public func stage(_ i: Int) -> Int { i % max(stages.count, 1) }
    public func district(_ i: Int) -> Int { districtOfZone[zone(i)] }
    /// The first whole-pupil slot of row `i`'s grades in `DemandCells.wholeGrades`.
    func firstGrade(_ i: Int) -> Int { (i / max(stages.count, 1)) * gradesPerBlock + firstGradeOfStage[stage(i)] }
}
