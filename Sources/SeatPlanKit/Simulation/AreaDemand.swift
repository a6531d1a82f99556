/// The pupils of every row of the grid, whatever the plan: each area's grade pupils (the sum of its zones'
/// unrounded grade pupils, housing included), their whole pupils and the classes they need — computed
/// once and shared by every plan's rows (before transfers, which depend on the plan's seats).
struct AreaDemand: Sendable {
    /// `CellKernel.Pupils` of each row.
    var rows: [CellKernel.Pupils]
    /// Whole pupils of each grade, `n_g = round(E_g)`; row `i`'s grades start at `grid.firstGrade(i)`.
    var wholeGrades: [Int]
    /// Pupils of each grade by component (unrounded), in the slots of `wholeGrades`.
    var gradePupils: [GradePupils]

    /// Computed on every core, each row position (all its years) by one worker.
    init(demand: Demand, grid: AreaGrid, standards: Standards) {
        var wholeGrades: [Int] = []
        var gradePupils: [GradePupils] = []
        rows = [CellKernel.Pupils](settingEvery: grid.count) { out in
            wholeGrades = [Int](settingEvery: grid.slotCount) { whole in
                gradePupils = [GradePupils](settingEvery: grid.slotCount) { pupils in
                    Parallel.forEachChunk(count: grid.rowsPerYear, minimumChunk: 64) { positions in
                        var kernel = KernelScratch(grid: grid, standards: standards)
                        kernel.open { kernel in
                            for r in positions {
                                Self.fill(position: r, years: 0..<grid.yearCount, demand: demand, grid: grid,
                                          kernel: kernel, rows: out.buffer, wholeGrades: whole.buffer,
                                          gradePupils: pupils.buffer)
                            }
                        }
                    }
                }
            }
        }
        self.wholeGrades = wholeGrades
        self.gradePupils = gradePupils
    }

    /// Replaces the rows of the years `years` with those of `demand` (a Monte Carlo draw's), in place, on
    /// the calling thread: the same sums and `CellKernel` as the central run.
    mutating func update(from demand: Demand, years: Range<Int>, grid: AreaGrid, kernel: inout KernelScratch) {
        kernel.open { kernel in
            rows.withUnsafeMutableBufferPointer { rows in
                wholeGrades.withUnsafeMutableBufferPointer { whole in
                    gradePupils.withUnsafeMutableBufferPointer { pupils in
                        for r in 0..<grid.rowsPerYear {
                            Self.fill(position: r, years: years, demand: demand, grid: grid, kernel: kernel,
                                      rows: rows, wholeGrades: whole, gradePupils: pupils)
                        }
                    }
                }
            }
        }
    }

    /// The rows of position `r` in the years `years`: each grade's pupils summed over the area's zones.
    /// Writes only position `r`'s rows and grade slots, so positions can be filled on every core. Through
    /// pointers, not per-position arrays copied into the columns: see `CellKernel` for what that buys.
    private static func fill(position r: Int, years: Range<Int>, demand: Demand, grid: AreaGrid,
                             kernel: KernelScratch.View, rows: UnsafeMutableBufferPointer<CellKernel.Pupils>,
                             wholeGrades: UnsafeMutableBufferPointer<Int>,
                             gradePupils: UnsafeMutableBufferPointer<GradePupils>) {
        let s = grid.rowStage[r], grades = grid.gradeCounts[s]
        for t in years {
            let first = t * grid.slotsPerYear + grid.rowFirstSlot[r]
            for g in 0..<grades { gradePupils[first + g] = .zero }
        }
        // The zones of the area, without building their list (this runs for every row of every draw).
        func add(zone z: Int) {
            let d = grid.districtOfZone[z]
            for g in 0..<grades {
                let series = demand.districts[d].series(zone: grid.zoneInDistrict[z], stage: s, grade: g)
                for t in years {
                    gradePupils[t * grid.slotsPerYear + grid.rowFirstSlot[r] + g] += series[t]
                }
            }
        }
        let a = grid.rowArea[r]
        if a < grid.zoneCount {
            add(zone: a)
        } else if a < grid.zoneCount + grid.districtCount {
            for z in grid.zonesOfDistrict[a - grid.zoneCount] { add(zone: z) }
        } else {
            for z in 0..<grid.zoneCount { add(zone: z) }
        }
        for t in years {
            let first = t * grid.slotsPerYear + grid.rowFirstSlot[r]
            let range = first..<(first + grades)
            rows[t * grid.rowsPerYear + r] = CellKernel.pupils(
                grades: UnsafeBufferPointer(rebasing: gradePupils[range]),
                whole: UnsafeMutableBufferPointer(rebasing: wholeGrades[range]),
                sizes: kernel.classSizes(s), thresholds: kernel.thresholds[s], scratch: kernel.scratch)
        }
    }
}
