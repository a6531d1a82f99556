/// The arrays of one thread, allocated once and reused by every draw it runs.
struct DrawWorker {
    let model: DrawModel
    let networks: NetworkTables
    let layout: SummaryLayout

    /// Each district's inputs, and its cohort and migration pupils `[stage][grade][t]`, as this thread's
    /// current draw has them.
    private var inputs: [ProjectionInputs]
    private var districtCohort: [[[[Double]]]]
    private var districtMigration: [[[[Double]]]]
    /// Cohort and migration pupils, `[t · rows + row]` with `row = rowOffset[d·S + s] + g` (year-major).
    private var cohort: [Double]
    private var migration: [Double]
    /// Housing pupils of one grade, `[(t·Z + z)·S + s]`.
    private var housing: [Double]
    /// Per district and development: this draw's yield factor and slip.
    private var yieldFactor: [[Double]]
    private var slip: [[Int]]
    /// Whole pupils per grade of the cell being walked, and scratch for class organisation.
    private var pupils: [Int]
    private var classes: [Int]
    /// Per draw: `Σ_zones max(0, gap)` per network, district (and all), stage and projected year.
    private var shortageByYear: [Double]
    /// Per draw: red, no-school, super-large zone-years and the largest class, per network, district, stage.
    private var zoneYears: [Int]
    /// Per draw: `Σ_zones Σ_stages max(0, gap)` per network and projected year.
    private var planByYear: [Double]
    /// Over the thread's draws: per network and cell, draws short (rounded gap > 0), red, with a super-large class.
    private(set) var counts: [Int32]
    /// The current chunk's students minus the central ones, one row of cells per draw.
    private var staged: [Float]

    init(model: DrawModel, networks: NetworkTables, layout: SummaryLayout) {
        self.model = model
        self.networks = networks
        self.layout = layout
        inputs = model.districts.map(\.inputs)
        districtCohort = model.districts.map(\.demand.cohort)
        districtMigration = model.districts.map(\.demand.migration)
        cohort = Array(repeating: 0, count: model.gradeRows * model.yearCount)
        migration = cohort
        housing = model.centralHousing
        yieldFactor = model.districts.map { Array(repeating: 1, count: $0.developments.count) }
        slip = model.districts.map { Array(repeating: 0, count: $0.developments.count) }
        pupils = Array(repeating: 0, count: max(model.largestStage, 1))
        classes = pupils
        let groups = networks.count * (model.districts.count + 1) * model.stageCount
        shortageByYear = Array(repeating: 0, count: groups * model.horizon)
        zoneYears = Array(repeating: 0, count: groups * 4)
        planByYear = Array(repeating: 0, count: networks.count * model.horizon)
        counts = Array(repeating: 0, count: networks.count * model.cellCount * 3)
        staged = Array(repeating: 0, count: MonteCarlo.chunk * model.cellCount)
    }

    /// Runs the draws of `range` (one chunk), then copies their samples into the shared buffer at once.
    mutating func run(draws range: Range<Int>, seed: UInt64, into output: DrawOutput, done: () -> Void)
        throws(GSLError) {
        for draw in range {
            try run(draw: draw, slot: draw - range.lowerBound, seed: seed, into: output)
            done()
        }
        flushSamples(range, into: output)
    }

    /// Draw `draw`: vary the inputs, project, walk every projected cell, and write the draw's slots.
    private mutating func run(draw: Int, slot: Int, seed: UInt64, into output: DrawOutput) throws(GSLError) {
        let random = try RandomStream(run: seed, draw: draw)
        for d in model.districts.indices {
            vary(district: d, random: random)
            DemandProjector.projectCohorts(inputs[d], stages: model.stageList, order: model.order,
                                           feeders: model.feeders, horizon: model.horizon,
                                           cohort: &districtCohort[d], migration: &districtMigration[d])
            flatten(district: d)
        }
        updateHousing()
        walkCells(slot: slot)
        finishDraw(draw: draw, output: output)
    }

    /// Copies the chunk's samples (`staged`, one row of cells per draw) into the shared buffer, where each
    /// cell's draws of a chunk share one cache line: written once, by this thread only.
    private func flushSamples(_ range: Range<Int>, into output: DrawOutput) {
        let cells = model.cellCount
        staged.withUnsafeBufferPointer { staged in
            for cell in 0..<cells {
                let target = cell * output.stride + range.lowerBound
                for j in 0..<range.count { output.samples[target + j] = staged[j * cells + cell] }
            }
        }
    }

    /// Replaces the district's inputs with this draw's: ratios `max(0, r̂ + σ·z)`, births along the
    /// district's births shock, migration × factor, each development's yield factor and slip.
    private mutating func vary(district d: Int, random: RandomStream) {
        let m = model.districts[d]
        for s in 0..<model.stageCount {
            for g in 0..<model.grades[s] {
                let z = random.gaussian()
                inputs[d].ratios[s][g] = max(0, m.inputs.ratios[s][g] + m.ratioSD[s][g] * z)
            }
        }
        let births = random.gaussian()
        for entry in m.births {
            inputs[d].entryBirths[entry.stage][entry.t] = entry.value(births)
        }
        for s in 0..<model.stageCount {
            let factor = m.migration.factor(random.uniform())
            guard m.migration != .none else { continue }
            for t in 1..<model.yearCount {
                inputs[d].migration[s][t] = m.inputs.migration[s][t] * factor
            }
        }
        for i in m.developments.indices {
            yieldFactor[d][i] = m.developments[i].yieldRange.factor(random.uniform())
            slip[d][i] = m.developments[i].slip.years(random.uniform())
        }
    }

    private mutating func flatten(district d: Int) {
        let Y = model.yearCount, S = model.stageCount
        for s in 0..<S {
            let first = model.rowOffset[d * S + s]
            for g in 0..<model.grades[s] {
                let row = first + g
                for t in 0..<Y {
                    cohort[t * model.gradeRows + row] = districtCohort[d][s][g][t]
                    migration[t * model.gradeRows + row] = districtMigration[d][s][g][t]
                }
            }
        }
    }

    /// Housing of the zones whose developments vary, as `DemandProjector.housingDemand` computes it
    /// (stages, then developments in file order, then years), with this draw's yields and slips.
    private mutating func updateHousing() {
        let Y = model.yearCount, S = model.stageCount, Z = model.zoneCount
        for (z, developments) in model.varyingZones {
            for s in 0..<S {
                for t in 1..<Y { housing[(t * Z + z) * S + s] = 0 }
                let grades = Double(model.grades[s])
                for (d, i) in developments {
                    let yieldOfStage = model.districts[d].developments[i].yields[s]
                    guard yieldOfStage > 0 else { continue }
                    let yield = yieldOfStage * yieldFactor[d][i]
                    let completions = model.districts[d].developments[i].completions
                    let ramp = model.districts[d].developments[i].ramp
                    let slipped = slip[d][i]
                    for t in 1..<Y {
                        let pupils = Housing.pupils(completions: completions, ramp: ramp, yield: yield,
                                                    year: model.baseYear + t, baseYear: model.baseYear, slip: slipped)
                        housing[(t * Z + z) * S + s] += pupils / grades
                    }
                }
            }
        }
    }

    /// Every projected year, zone and stage (in `capacity.csv` row order): students as the allocator
    /// computes them, the whole pupils of each grade and the classes they need (the same for every plan),
    /// then for each network the gap, the alert and the largest class.
    private mutating func walkCells(slot: Int) {
        let S = model.stageCount, Z = model.zoneCount, H = model.horizon
        let D = model.districts.count, K = networks.count, rows = model.gradeRows
        let tableSize = networks.tableSize, cells = model.cellCount
        let thresholds = model.alerts
        let superLarge = model.superLargeClass
        let stagedRow = slot * cells
        cohort.withUnsafeBufferPointer { cohort in
        migration.withUnsafeBufferPointer { migration in
        housing.withUnsafeBufferPointer { housing in
        pupils.withUnsafeMutableBufferPointer { pupils in
        classes.withUnsafeMutableBufferPointer { classes in
        shortageByYear.withUnsafeMutableBufferPointer { shortageByYear in
        zoneYears.withUnsafeMutableBufferPointer { zoneYears in
        planByYear.withUnsafeMutableBufferPointer { planByYear in
        counts.withUnsafeMutableBufferPointer { counts in
        staged.withUnsafeMutableBufferPointer { staged in
        networks.classrooms.withUnsafeBufferPointer { classrooms in
        model.classSizeTable.withUnsafeBufferPointer { classSizes in
        model.centralStudents.withUnsafeBufferPointer { central in
            for t in 1...H {
                for z in 0..<Z {
                    let d = model.zoneDistrict[z]
                    let share = model.zoneShare[z]
                    for s in 0..<S {
                        let first = model.rowOffset[d * S + s]
                        let grades = model.grades[s]
                        let table = (t * Z + z) * S + s
                        let h = housing[table]
                        var students = 0.0
                        var whole = 0
                        for g in 0..<grades {
                            let i = t * rows + first + g
                            let total = share * cohort[i] + share * migration[i] + h
                            let n = Self.roundToInt(total)
                            pupils[g] = n
                            whole += n
                            students += total
                        }
                        let cell = ((t - 1) * Z + z) * S + s
                        staged[stagedRow + cell] = Float(students - central[cell])
                        let gradePupils = UnsafeBufferPointer(rebasing: pupils[0..<grades])
                        let sizes = UnsafeBufferPointer(rebasing: classSizes[model.classSizeOffset[s]..<(model.classSizeOffset[s] + grades)])
                        let standard = ClassOrganisation.standardClasses(pupils: gradePupils, sizes: sizes)
                        let seatsPerClassroom = model.seatsPerClassroom[s]
                        // Networks usually differ in a few zones only: the alert and the largest class
                        // are computed again only when the classrooms differ from the previous network's.
                        var lastRooms = -1
                        var alert = Alert.green
                        var largest = 0
                        for k in 0..<K {
                            let rooms = classrooms[k * tableSize + table]
                            let seats = Double(rooms) * seatsPerClassroom
                            let gap = students - seats
                            let short = max(0, gap)
                            let group = (k * (D + 1) + d) * S + s
                            let all = (k * (D + 1) + D) * S + s
                            shortageByYear[group * H + t - 1] += short
                            shortageByYear[all * H + t - 1] += short
                            planByYear[k * H + t - 1] += short
                            let counted = (cell * K + k) * 3
                            if gap >= 0.5 - WholeNumbers.halfTolerance { counts[counted] += 1 }
                            if rooms != lastRooms {
                                lastRooms = rooms
                                alert = Alert.classify(wholePupils: whole, seats: seats,
                                                       utilisation: seats > 0 ? students / seats : nil,
                                                       thresholds: thresholds)
                                largest = ClassOrganisation.largestClass(pupils: gradePupils, sizes: sizes,
                                                                         classrooms: rooms, standard: standard,
                                                                         scratch: classes)
                            }
                            if alert == .red {
                                counts[counted + 1] += 1
                                zoneYears[group * 4] += 1
                                zoneYears[all * 4] += 1
                            } else if alert == .noSchool {
                                zoneYears[group * 4 + 1] += 1
                                zoneYears[all * 4 + 1] += 1
                            }
                            if largest >= superLarge {
                                counts[counted + 2] += 1
                                zoneYears[group * 4 + 2] += 1
                                zoneYears[all * 4 + 2] += 1
                            }
                            zoneYears[group * 4 + 3] = max(zoneYears[group * 4 + 3], largest)
                            zoneYears[all * 4 + 3] = max(zoneYears[all * 4 + 3], largest)
                        }
                    }
                }
            }
        }}}}}}}}}}}}}
    }

    /// `WholeNumbers.roundToInt(x)`, without the `floor` call for the usual `0 ≤ x < 10¹⁵` (where
    /// truncation is the floor): a fraction within 10⁻⁹ of ½ rounds up.
    @inline(__always)
    static func roundToInt(_ x: Double) -> Int {
        guard x >= 0, x < WholeNumbers.limit else { return WholeNumbers.roundToInt(x) }
        let floor = Int(x)
        return x - Double(floor) >= 0.5 - WholeNumbers.halfTolerance ? floor + 1 : floor
    }

    /// Turns the draw's accumulators into its summary measures (as `summary.csv` computes them) and its
    /// plan totals (as `comparison.csv`), writes them, and clears the accumulators.
    private mutating func finishDraw(draw: Int, output: DrawOutput) {
        let H = model.horizon
        let groups = shortageByYear.count / max(H, 1)
        let base = draw * layout.perDraw
        for group in 0..<groups {
            var total = 0.0, peak = 0.0
            for t in 0..<H {
                let value = shortageByYear[group * H + t]
                total += value
                if value > peak { peak = value }
            }
            let o = base + group * SummaryLayout.measures
            output.measures[o + SummaryLayout.Measure.shortageSeatYears.rawValue] = total
            output.measures[o + SummaryLayout.Measure.peakShortage.rawValue] = peak
            output.measures[o + SummaryLayout.Measure.redZoneYears.rawValue] = Double(zoneYears[group * 4])
            output.measures[o + SummaryLayout.Measure.noSchoolZoneYears.rawValue] = Double(zoneYears[group * 4 + 1])
            output.measures[o + SummaryLayout.Measure.superLargeZoneYears.rawValue] = Double(zoneYears[group * 4 + 2])
            output.measures[o + SummaryLayout.Measure.largestClass.rawValue] = Double(zoneYears[group * 4 + 3])
        }
        for k in 0..<networks.count {
            var total = 0.0
            for t in 0..<H { total += planByYear[k * H + t] }
            output.planTotals[draw * networks.count + k] = total
        }
        for i in shortageByYear.indices { shortageByYear[i] = 0 }
        for i in zoneYears.indices { zoneYears[i] = 0 }
        for i in planByYear.indices { planByYear[i] = 0 }
    }
}
