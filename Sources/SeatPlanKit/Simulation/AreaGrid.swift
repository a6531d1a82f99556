/// Where every number of an allocation sits: the catchment areas of each stage, the rows of one year in
/// `capacity.csv` order, and the grade slots of each row. Every plan has the same rows in the same order:
/// row `i = t · rowsPerYear + r` for year position `t` and position `r` within the year, and nothing is
/// looked up by id.
///
/// Areas (MODEL.md, *Catchment areas*): zone `z` is area `z`; district `d` is area `zones + d`; the whole
/// scenario is area `zones + districts`. A stage's rows are those of the areas of its catchment. Within a
/// year, rows run by district (file order; `ALL` last), zone (file order; the district's own rows after its
/// zones), then stage (stage order).
///
/// A final class of constants rather than a struct: the grid is read in every hot loop, and a struct of a
/// dozen arrays retains each of them whenever it is copied (a profile of the draws showed two thirds of the
/// time in those retains); a reference is retained once.
public final class AreaGrid: Sendable {
    public let baseYear: Int
    public let yearCount: Int
    public let stages: [Stage]
    /// The catchment of each stage.
    public let catchments: [Catchment]
    /// `Stage.seatsPerClassroom` of each stage.
    public let seatsPerClassroom: [Double]
    /// Grades of each stage (read per row in the kernel: a `Stage` read through `stages` retains its texts).
    let gradeCounts: [Int]
    public let zoneIDs: [String]
    public let zoneNames: [String]
    /// Whether each zone is a rural township (乡镇).
    public let zoneIsTownship: [Bool]
    /// The districts' ids, then `ALL` (district position `districtCount`, the scenario's own rows).
    public let districtIDs: [String]
    /// District position of each zone.
    public let districtOfZone: [Int]
    /// Position of each zone among its district's zones (the order of `DistrictDemand.zoneShares`).
    public let zoneInDistrict: [Int]
    /// Global zone positions of each district.
    public let zonesOfDistrict: [[Int]]
    /// Per row position `r` of a year: its area, stage, district (`districtCount` for `ALL`) and zone (−1: none).
    let rowArea: [Int]
    let rowStage: [Int]
    let rowDistrict: [Int]
    let rowZone: [Int]
    /// Row position of each (area, stage): `areaStageRow[a · stages + s]`, −1 where the stage has no row there.
    let areaStageRow: [Int]
    /// First grade slot of each row position within a year's block, and the slots of one year.
    let rowFirstSlot: [Int]
    let slotsPerYear: Int

    /// The grid of a scenario whose projection covers `yearCount` years from its base year (built once, by
    /// `CompiledScenario`).
    init(scenario: Scenario, index: ScenarioIndex, yearCount: Int) {
        baseYear = scenario.baseYear
        self.yearCount = yearCount
        stages = scenario.standards.stages
        catchments = stages.indices.map { scenario.standards.catchment(of: $0) }
        seatsPerClassroom = stages.map(\.seatsPerClassroom)
        gradeCounts = stages.map(\.grades)
        zoneIDs = index.zones.map(\.id)
        zoneNames = index.zones.map(\.name)
        zoneIsTownship = index.zones.map(\.geography.township)
        districtIDs = scenario.districts.map(\.id) + [Self.allDistricts]
        districtOfZone = index.districtOfZone
        zonesOfDistrict = index.zonesOfDistrict
        var inDistrict = Array(repeating: 0, count: index.zones.count)
        for zones in index.zonesOfDistrict {
            for (k, z) in zones.enumerated() { inDistrict[z] = k }
        }
        zoneInDistrict = inDistrict

        let Z = index.zones.count, D = scenario.districts.count, S = stages.count
        var area: [Int] = [], stage: [Int] = [], district: [Int] = [], zone: [Int] = [], first: [Int] = []
        var areaStage = Array(repeating: -1, count: (Z + D + 1) * S)
        var slots = 0
        let grades = scenario.standards.stages.map(\.grades)
        func add(area a: Int, stage s: Int, district d: Int, zone z: Int) {
            areaStage[a * S + s] = area.count
            area.append(a); stage.append(s); district.append(d); zone.append(z); first.append(slots)
            slots += grades[s]
        }
        let catchments = self.catchments
        for d in 0..<D {
            for z in index.zonesOfDistrict[d] {
                for s in 0..<S where catchments[s] == .zone { add(area: z, stage: s, district: d, zone: z) }
            }
            for s in 0..<S where catchments[s] == .district { add(area: Z + d, stage: s, district: d, zone: -1) }
        }
        for s in 0..<S where catchments[s] == .scenario { add(area: Z + D, stage: s, district: D, zone: -1) }
        rowArea = area
        rowStage = stage
        rowDistrict = district
        rowZone = zone
        areaStageRow = areaStage
        rowFirstSlot = first
        slotsPerYear = slots
    }

    /// The district id of the scenario's own rows (a `scenario` catchment) and of the whole-scenario totals.
    public static let allDistricts = "ALL"

    public var stageCount: Int { stages.count }
    public var zoneCount: Int { zoneIDs.count }
    /// Districts of the scenario (without `ALL`).
    public var districtCount: Int { districtIDs.count - 1 }
    /// Areas: every zone, every district, the scenario.
    public var areaCount: Int { zoneCount + districtCount + 1 }
    /// Rows of one year.
    public var rowsPerYear: Int { rowArea.count }
    /// Rows of one plan: `years × rows per year`.
    public var count: Int { yearCount * rowsPerYear }

    @inline(__always) public func t(_ i: Int) -> Int { i / Swift.max(rowsPerYear, 1) }
    @inline(__always) public func year(_ i: Int) -> Int { baseYear + t(i) }
    /// Position of row `i` within its year.
    @inline(__always) public func position(_ i: Int) -> Int { i % Swift.max(rowsPerYear, 1) }
    @inline(__always) public func stage(_ i: Int) -> Int { rowStage[position(i)] }
    @inline(__always) public func area(_ i: Int) -> Int { rowArea[position(i)] }
    /// District position of row `i`; `districtCount` for the scenario's own rows (`ALL`).
    @inline(__always) public func district(_ i: Int) -> Int { rowDistrict[position(i)] }
    /// Zone position of row `i`; −1 for a district's or the scenario's own rows.
    @inline(__always) public func zone(_ i: Int) -> Int { rowZone[position(i)] }

    /// The row of `area` and stage `s` in year position `t`, if the stage has a row there.
    @inline(__always) public func row(t: Int, area a: Int, stage s: Int) -> Int? {
        let r = areaStageRow[a * stages.count + s]
        return r < 0 ? nil : t * rowsPerYear + r
    }

    /// The area whose seats a school in zone `z` gives to stage `s`.
    @inline(__always) public func area(ofZone z: Int, stage s: Int) -> Int {
        switch catchments[s] {
        case .zone: return z
        case .district: return zoneCount + districtOfZone[z]
        case .scenario: return zoneCount + districtCount
        }
    }

    /// The first grade slot of row `i` (its grades follow in order).
    @inline(__always) func firstGrade(_ i: Int) -> Int { t(i) * slotsPerYear + rowFirstSlot[position(i)] }
    /// Grades of row `i`'s stage.
    @inline(__always) func grades(_ i: Int) -> Int { gradeCounts[stage(i)] }
    /// Grade slots of one plan.
    var slotCount: Int { yearCount * slotsPerYear }
}
