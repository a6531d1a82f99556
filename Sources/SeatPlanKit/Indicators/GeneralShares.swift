/// The general share of upper-secondary intake (普职比) of each district and year: `G ÷ (G + V)`, with `G`
/// and `V` the grade-1 pupils of the general and the vocational stage of `standards.upper_secondary` in the
/// district's own demand — `cohort + migration + Σ_zones housing` of grade 1, before any catchment or transfer
/// (in the base year the counted grade 1). `ALL` (position `districtCount`) sums `G` and `V` over the districts.
struct GeneralShares {
    /// `G` and `V` per district (then `ALL`) and year position: `[d][t]`.
    private let general: [[Double]]
    private let vocational: [[Double]]
    /// `standards.upper_secondary.target` (0 when there is none).
    let target: Double

    init(_ demand: Demand, grid: AreaGrid, standards: Standards) {
        let T = grid.yearCount, D = grid.districtCount
        guard let upper = standards.upperSecondary, let g = standards.stageIndex(upper.general),
              let v = standards.stageIndex(upper.vocational) else {
            general = []
            vocational = []
            target = 0
            return
        }
        target = upper.target
        func entry(_ district: DistrictDemand, stage s: Int, t: Int) -> Double {
            guard s < district.cohort.count, !district.cohort[s].isEmpty else { return 0 }
            var pupils = district.cohort[s][0][t] + district.migration[s][0][t]
            for zone in district.zoneHousing { pupils += zone[s][0][t] }
            return pupils
        }
        var general = demand.districts.map { district in (0..<T).map { entry(district, stage: g, t: $0) } }
        var vocational = demand.districts.map { district in (0..<T).map { entry(district, stage: v, t: $0) } }
        general.append((0..<T).map { t in (0..<D).reduce(0) { $0 + general[$1][t] } })
        vocational.append((0..<T).map { t in (0..<D).reduce(0) { $0 + vocational[$1][t] } })
        self.general = general
        self.vocational = vocational
    }

    /// `G ÷ (G + V)` of district position `d` (`districtCount`: `ALL`) in year position `t`; `nil` without
    /// `upper_secondary` or without pupils of either stage.
    func share(district d: Int, t: Int) -> Double? {
        guard d < general.count else { return nil }
        let total = general[d][t] + vocational[d][t]
        return total > 0 ? general[d][t] / total : nil
    }
}
