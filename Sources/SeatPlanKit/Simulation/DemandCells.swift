/// What every row's pupils give, whatever the plan: computed once from the demand and shared by every
/// plan's rows (`CapacityLayout` says where row `i` sits).
struct DemandCells: Sendable {
    /// The numbers of one row (zone, stage and year).
    struct Row: Sendable {
        /// `Σ_g E_g`, unrounded.
        var students = 0.0
        /// `Σ_g n_g`.
        var wholePupils = 0
        /// The classes when every grade gets `ceil(n_g / c_g)`: its `classesFormed` is the classes needed.
        var standard = ClassSummary()
    }

    var rows: [Row]
    /// Whole pupils of each grade, `n_g = round(E_g)`; row `i`'s grades start at `layout.firstGrade(i)`.
    var wholeGrades: [Int]
    /// Pupils of each grade by component (unrounded), in the slots of `wholeGrades`.
    var gradePupils: [GradePupils]

    /// Computed on every core, each zone by one worker.
    init(demand: Demand, layout: CapacityLayout, standards: Standards) {
        let slots = layout.yearCount * layout.zoneCount * layout.gradesPerBlock
        // Every zone sets every row, grade slot and component of its own.
        var wholeGrades: [Int] = []
        var gradePupils: [GradePupils] = []
        rows = [Row](settingEvery: layout.count) { out in
            wholeGrades = [Int](settingEvery: slots) { whole in
                gradePupils = [GradePupils](settingEvery: slots) { pupils in
                    Parallel.forEachChunk(count: layout.zoneCount, minimumChunk: 64) { zones in
                        for z in zones {
                            Self.fill(zone: z, demand: demand, layout: layout, standards: standards,
                                      rows: out.buffer, wholeGrades: whole.buffer, gradePupils: pupils.buffer)
                        }
                    }
                }
            }
        }
        self.wholeGrades = wholeGrades
        self.gradePupils = gradePupils
    }

    /// The rows of zone `z`, every year and stage: each grade's years read from the demand at once.
    private static func fill(zone z: Int, demand: Demand, layout: CapacityLayout, standards: Standards,
                             rows: UnsafeMutableBufferPointer<Row>, wholeGrades: UnsafeMutableBufferPointer<Int>,
                             gradePupils: UnsafeMutableBufferPointer<GradePupils>) {
        let district = demand.districts[layout.districtOfZone[z]]
        let zone = layout.zoneInDistrict[z]
        var classes = Array(repeating: 0, count: layout.stages.map(\.grades).max() ?? 0)
        let thresholds = ClassSummary.Thresholds(standards)
        for (s, stage) in layout.stages.enumerated() {
            for g in 0..<stage.grades {
                let series = district.series(zone: zone, stage: s, grade: g)
                for t in 0..<layout.yearCount {
                    let slot = layout.firstGrade(layout.row(t: t, zone: z, stage: s)) + g
                    let components = series[t]
                    gradePupils[slot] = components
                    wholeGrades[slot] = WholeNumbers.roundToInt(components.total)
                }
            }
            for t in 0..<layout.yearCount {
                let i = layout.row(t: t, zone: z, stage: s)
                let first = layout.firstGrade(i)
                var total = 0.0, whole = 0
                for g in 0..<stage.grades {
                    total += gradePupils[first + g].total
                    let n = wholeGrades[first + g]
                    whole += n
                    classes[g] = ClassOrganisation.ceilDiv(n, g < stage.classSizes.count ? stage.classSizes[g] : 0)
                }
                let standard = classes.withUnsafeBufferPointer { k in
                    ClassSummary(pupils: UnsafeBufferPointer(rebasing: wholeGrades[first..<(first + stage.grades)]),
                                 classes: UnsafeBufferPointer(rebasing: k[0..<stage.grades]), thresholds: thresholds)
                }
                rows[i] = Row(students: total, wholePupils: whole, standard: standard)
            }
        }
    }
}
