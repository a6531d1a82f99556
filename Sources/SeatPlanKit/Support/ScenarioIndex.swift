/// Integer positions of a scenario's stages, districts and zones, so that the hot loops index arrays
/// instead of looking up ids.
public struct ScenarioIndex: Sendable {
    public let stageIndex: [String: Int]
    public let districtIndex: [String: Int]
    /// Global position of every zone (districts' zones in file order).
    public let zoneIndex: [String: Int]
    public let zones: [Zone]
    /// District position of each zone.
    public let districtOfZone: [Int]
    /// Global zone positions of each district.
    public let zonesOfDistrict: [[Int]]

    public init(_ scenario: Scenario) {
        var stageIndex: [String: Int] = [:]
        for (i, stage) in scenario.standards.stages.enumerated() where stageIndex[stage.id] == nil {
            stageIndex[stage.id] = i
        }
        var districtIndex: [String: Int] = [:]
        var zoneIndex: [String: Int] = [:]
        var zones: [Zone] = []
        var districtOfZone: [Int] = []
        var zonesOfDistrict: [[Int]] = []
        for (d, district) in scenario.districts.enumerated() {
            if districtIndex[district.id] == nil { districtIndex[district.id] = d }
            var own: [Int] = []
            for zone in district.effectiveZones {
                if zoneIndex[zone.id] == nil { zoneIndex[zone.id] = zones.count }
                own.append(zones.count)
                zones.append(zone)
                districtOfZone.append(d)
            }
            zonesOfDistrict.append(own)
        }
        self.stageIndex = stageIndex
        self.districtIndex = districtIndex
        self.zoneIndex = zoneIndex
        self.zones = zones
        self.districtOfZone = districtOfZone
        self.zonesOfDistrict = zonesOfDistrict
    }
}
