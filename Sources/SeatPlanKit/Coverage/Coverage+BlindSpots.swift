/// Coverage answers the indicators' `blind_spot_areas`: the residential areas of a district beyond reach
/// for at least one stage under a plan in a year (areas, not area-stages).
extension Coverage: BlindSpotSource {
    public func blindSpotAreas(plan: String, year: Int, district: String) -> Int {
        guard let p = plans.firstIndex(where: { $0.plan == plan }), years.contains(year) else { return 0 }
        let t = year - baseYear
        return areas.indices.filter { a in
            districtIDs[areas[a].district] == district && isBlindSpot(plan: p, t: t, area: a)
        }.count
    }
}
