/// What every row's pupils give, whatever the plan: computed once from the demand and shared by every
/// plan's rows (`CapacityLayout` says where row `i` sits).
struct DemandCells: Sendable {
    /// `Σ_g E_g`, unrounded.
    var students: [Double]
    /// Whole pupils of each grade, `n_g = round(E_g)`; row `i`'s grades start at `layout.firstGrade(i)`.
    var wholeGrades: [Int]
    /// Pupils of each grade by component (unrounded), in the slots of `wholeGrades`.
    var gradePupils: [GradePupils]
    /// `Σ_g n_g`.
    var wholePupils: [Int]
    /// The classes when every grade gets `ceil(n_g / c_g)`: `classesFormed` is then the classes needed.
    var standard: [ClassSummary]

    init(demand: Demand, layout: CapacityLayout, standards: Standards) {
        let count = layout.count
        students = Array(repeating: 0, count: count)
        wholeGrades = Array(repeating: 0, count: layout.yearCount * layout.zoneCount * layout.gradesPerBlock)
        gradePupils = Array(repeating: GradePupils(cohort: 0, migration: 0, housing: 0), count: wholeGrades.count)
        wholePupils = Array(repeating: 0, count: count)
        standard = Array(repeating: ClassSummary(), count: count)
        var classes = Array(repeating: 0, count: layout.stages.map(\.grades).max() ?? 0)
        for t in 0..<layout.yearCount {
            for z in 0..<layout.zoneCount {
                let district = demand.districts[layout.districtOfZone[z]]
                let zone = layout.zoneInDistrict[z]
                for (s, stage) in layout.stages.enumerated() {
                    let i = layout.row(t: t, zone: z, stage: s)
                    let first = layout.firstGrade(i)
                    var total = 0.0, whole = 0
                    for g in 0..<stage.grades {
                        let components = district.pupils(zone: zone, stage: s, grade: g, t: t)
                        gradePupils[first + g] = components
                        let pupils = components.total
                        total += pupils
                        let n = WholeNumbers.roundToInt(pupils)
                        wholeGrades[first + g] = n
                        whole += n
                        classes[g] = ClassOrganisation.ceilDiv(n, g < stage.classSizes.count ? stage.classSizes[g] : 0)
                    }
                    students[i] = total
                    wholePupils[i] = whole
                    wholeGrades.withUnsafeBufferPointer { all in
                        classes.withUnsafeBufferPointer { k in
                            standard[i] = ClassSummary(pupils: UnsafeBufferPointer(rebasing: all[first..<(first + stage.grades)]),
                                                       classes: UnsafeBufferPointer(rebasing: k[0..<stage.grades]),
                                                       standards: standards)
                        }
                    }
                }
            }
        }
    }
}
