/// The cells over which the advisor states its classroom conditions (MODEL.md, *Plan advisor*), per target
/// stage: each area row of a stage without transfers, and for a stage with `overflow: neighbours` each group
/// of zones connected by neighbours (a zone without neighbours is a group of its own, exact like any row).
///
/// Transfers move pupils only between neighbours and keep every grade's pupils (MODEL.md, *Transfers*), so a
/// group's grade pupils `Σ_z E'_{z,g}` after transfers equal `Σ_z E_{z,g}` before. Hence, for a group `G`
/// of `m` zones, a stage of super-large size `L`, and any plan that forms no super-large class there:
/// `Σ_{z∈G} rooms_z ≥ Σ_z Σ_g ceil(n'_{z,g} ÷ (L−1)) ≥ Σ_g ceil(N_g ÷ (L−1))` with
/// `N_g = max(0, ceil(Σ_z E_{z,g} − m/2))` (each whole `n' = round(E') ≥ E' − ½`); and without shortage
/// `Σ rooms_z × size ≥ Σ_z P_z`; and its shortage `Σ_z max(0, P'_z − S_z) ≥ max(0, Σ P_z − Σ S_z)`.
/// Per zone `z` of such a stage, pupils leave only to its neighbours `N(z)` and fill at most their spare
/// seats `F_m = max(0, S_m − P_m)` (before the pass), so `P'_z ≥ P_z − Σ_{m∈N(z)} F_m`, and with `G` grades
/// `Σ_g n'_{z,g} ≥ P'_z − G/2`: no super-large class needs `(L−1) · rooms_z + Σ_{m∈N(z)} f_m ≥ P_z − G/2`,
/// no shortage `size · rooms_z + Σ_{m∈N(z)} f_m ≥ P_z`, for any `f_m ≥ max(0, size · rooms_m − P_m)`.
/// The conditions on groups and zones are therefore implied by every plan that meets the targets: a relaxation that
/// cuts off no feasible choice. For a single row without transfers they are the exact conditions.
struct TargetGroups: Sendable {
    /// One group: its stage and the row positions (within a year) of its areas.
    struct Group: Sendable {
        var stage: Int
        var positions: [Int]
    }

    let groups: [Group]
    /// The group of each row position within a year (−1: not a target stage).
    let groupOf: [Int]
    /// Per row position of a stage with transfers, the row positions of its zone's neighbours (else empty).
    let neighbours: [[Int]]

    init(stages: [Int], grid: AreaGrid, transfers: TransferPass) {
        var groups: [Group] = []
        var groupOf = Array(repeating: -1, count: grid.rowsPerYear)
        var neighbours = Array(repeating: [Int](), count: grid.rowsPerYear)
        for s in stages {
            if transfers.stages.contains(s) {
                // Union of zones over the neighbour relation (symmetric through `preference`).
                var parent = Array(0..<grid.zoneCount)
                func root(_ z: Int) -> Int {
                    var z = z
                    while parent[z] != z { parent[z] = parent[parent[z]]; z = parent[z] }
                    return z
                }
                for z in 0..<grid.zoneCount {
                    for m in transfers.preference[z] { parent[root(m)] = root(z) }
                }
                var groupOfRoot: [Int: Int] = [:]
                for z in 0..<grid.zoneCount {
                    guard let i = grid.row(t: 0, area: z, stage: s) else { continue }
                    let key = root(z)
                    if groupOfRoot[key] == nil {
                        groupOfRoot[key] = groups.count
                        groups.append(Group(stage: s, positions: []))
                    }
                    groups[groupOfRoot[key]!].positions.append(i)
                    groupOf[i] = groupOfRoot[key]!
                    neighbours[i] = transfers.preference[z].compactMap { grid.row(t: 0, area: $0, stage: s) }
                }
            } else {
                for r in 0..<grid.rowsPerYear where grid.rowStage[r] == s {
                    groupOf[r] = groups.count
                    groups.append(Group(stage: s, positions: [r]))
                }
            }
        }
        self.groups = groups
        self.groupOf = groupOf
        self.neighbours = neighbours
    }

    /// Classrooms group `g` needs in year position `t` for no super-large class (see the type's comment):
    /// `Σ_g ceil(n_g ÷ (L−1))` for one row, the grouped bound otherwise.
    func superLargeNeed(_ g: Int, t: Int, demand: AreaDemand, grid: AreaGrid, standards: Standards) -> Int {
        let group = groups[g]
        let grades = grid.stages[group.stage].grades
        let limit = max(standards.superLargeClass(of: group.stage) - 1, 1)
        var need = 0
        if group.positions.count == 1 {
            let first = grid.firstGrade(t * grid.rowsPerYear + group.positions[0])
            for k in 0..<grades { need += ClassOrganisation.ceilDiv(demand.wholeGrades[first + k], limit) }
            return need
        }
        for k in 0..<grades {
            var pupils = 0.0
            for r in group.positions { pupils += demand.gradePupils[grid.firstGrade(t * grid.rowsPerYear + r) + k].total }
            let whole = max(0, Int((pupils - 0.5 * Double(group.positions.count) - 1e-9).rounded(.up)))
            need += ClassOrganisation.ceilDiv(whole, limit)
        }
        return need
    }

    /// Pupils (unrounded, before transfers) of group `g` in year position `t`.
    func pupils(_ g: Int, t: Int, demand: AreaDemand, grid: AreaGrid) -> Double {
        groups[g].positions.reduce(0) { $0 + demand.rows[t * grid.rowsPerYear + $1].students }
    }

    /// The group's label for messages: its areas' zone or district names, and the stage.
    func label(_ g: Int, grid: AreaGrid) -> String {
        let group = groups[g]
        let areas = group.positions.map { r -> String in
            let z = grid.rowZone[r], d = grid.rowDistrict[r]
            return z >= 0 ? grid.zoneIDs[z] : grid.districtIDs[d]
        }
        let shown = areas.count > 4 ? areas.prefix(4).joined(separator: ", ") + " and \(areas.count - 4) more"
                                    : areas.joined(separator: ", ")
        return "\(grid.stages[group.stage].id) in \(shown)"
    }
}
