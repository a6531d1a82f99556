import Foundation

/// The arrays of one thread, allocated once and reused by every draw it runs. A draw varies the inputs,
/// projects them with the central run's recurrence (`DemandProjector.projectCohorts`), sums the zones into
/// areas (`AreaDemand.update`), moves pupils to neighbours (`TransferPass`, `PlanPupils`) and organises the
/// classes (`CellKernel`) for every distinct network, and gathers its measures (`MeasureAccumulator`) —
/// the central run's code at every step.
struct DrawWorker {
    /// What the seed is combined with for the stream of the districts' `z_district` ("district").
    static let districtStreamKey: UInt64 = 0x6469_7374_7269_6374
    /// … and for the stream of the errors' fresh parts, drawn every year ("fresh").
    static let freshStreamKey: UInt64 = 0x6672_6573_68
    /// … and for the stream of the drifting walks' steps ("drift").
    static let driftStreamKey: UInt64 = 0x6472_6966_74
    /// … and for the stream of the draw's `z_v`, the factor of its errors' tails ("tails").
    static let tailsStreamKey: UInt64 = 0x7461_696C_73

    let model: DrawModel
    let networks: NetworkTables
    let cells: DrawCells
    let layout: SummaryLayout
    let grid: AreaGrid
    let standards: Standards
    let transfers: TransferPass

    /// Each district's inputs, as this thread's current draw has them (ratios by year).
    private var inputs: [ProjectionInputs]
    /// This draw's fresh parts of year `t`: the one common to every district, and the current district's.
    private var freshCommon: [Double]
    private var freshDistrict: [Double]
    /// This draw's walk steps of year `t`: the one common to every district, and the current district's.
    private var stepCommon: [Double]
    private var stepDistrict: [Double]
    /// This draw's demand (the central one's arrays, overwritten draw after draw) and its areas' pupils.
    private var demand: Demand
    private var pupils: AreaDemand
    /// Per district and development: this draw's yield factor and slip.
    private var yieldFactor: [[Double]]
    private var slip: [[Int]]
    /// Per network, district (then all) and stage: this draw's measures.
    private var accumulators: [MeasureAccumulator]
    /// The kernel's class sizes, thresholds and scratch (`KernelScratch`), this thread's.
    private var kernel: KernelScratch
    /// Over the thread's draws: per network and projected row, draws short (rounded gap > 0), red, with a
    /// super-large class, `[slot · 3 + i]` (`DrawCells.slot`).
    private(set) var counts: [Int32]
    /// The current chunk's students minus the central ones, one row of sample cells per draw.
    private var staged: [Float]

    init(model: DrawModel, networks: NetworkTables, cells: DrawCells, layout: SummaryLayout, grid: AreaGrid,
         standards: Standards, transfers: TransferPass, central: Demand, centralPupils: AreaDemand) {
        self.model = model
        self.networks = networks
        self.cells = cells
        self.layout = layout
        self.grid = grid
        self.standards = standards
        self.transfers = transfers
        inputs = model.districts.map { district in
            var inputs = district.inputs
            inputs.yearlyRatios = inputs.ratios.map { $0.map { Array(repeating: $0, count: model.yearCount) } }
            return inputs
        }
        freshCommon = Array(repeating: 0, count: model.yearCount)
        freshDistrict = freshCommon
        stepCommon = freshCommon
        stepDistrict = freshCommon
        demand = central
        pupils = centralPupils
        yieldFactor = model.districts.map { Array(repeating: 1, count: $0.developments.count) }
        slip = model.districts.map { Array(repeating: 0, count: $0.developments.count) }
        let empty = MeasureAccumulator(baseYear: grid.baseYear, yearCount: grid.yearCount)
        accumulators = Array(repeating: empty, count: networks.count * (grid.districtCount + 1) * grid.stageCount)
        kernel = KernelScratch(grid: grid, standards: standards)
        counts = Array(repeating: 0, count: networks.count * cells.projectedRows * 3)
        staged = Array(repeating: 0, count: MonteCarlo.chunk * cells.sampleCount)
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

    /// Draw `draw`: vary the inputs, project, allocate every network, and write the draw's slots.
    private mutating func run(draw: Int, slot: Int, seed: UInt64, into output: DrawOutput) throws(GSLError) {
        let random = try RandomStream(run: seed, draw: draw)
        let common = random.gaussian()
        // One `z_district` per district from a stream of its own (so the other inputs' numbers are those
        // they were before `district_share` existed), drawn whatever the share.
        let districtStream = try RandomStream(run: seed ^ Self.districtStreamKey, draw: draw)
        // The fresh parts of every year, from a third stream (so that `lasting_share` moves no other number);
        // none when every district holds all of its errors (`ρ = 1`: they would be multiplied by 0).
        let fresh = model.drawsFreshParts ? try RandomStream(run: seed ^ Self.freshStreamKey, draw: draw) : nil
        if let fresh { for t in 1..<model.yearCount { freshCommon[t] = fresh.ziggurat() } }
        // The walks' steps, from a fourth stream; none when no district's errors drift (`δ = 0`).
        let steps = model.drawsDriftSteps ? try RandomStream(run: seed ^ Self.driftStreamKey, draw: draw) : nil
        if let steps { for t in 1..<model.yearCount { stepCommon[t] = steps.ziggurat() } }
        // The tails' `z_v` of the draw, from a fifth stream, shared by every district (each scales its errors by
        // `v = ErrorTails.scale(ν, z_v)`, worked out once for each `ν`); none when every district's are normal.
        let tailsNormal = model.drawsTails ? try RandomStream(run: seed ^ Self.tailsStreamKey, draw: draw).gaussian() : 0
        var scale: (nu: Double, v: Double) = (.infinity, 1)
        for d in model.districts.indices {
            let nu = model.districts[d].shares.tails
            if nu != scale.nu { scale = (nu, ErrorTails.scale(degrees: nu, normal: tailsNormal)) }
            vary(district: d, random: random, common: common, district: districtStream.gaussian(), fresh: fresh,
                 steps: steps, tails: scale.v)
            // Taken out and put back, so that the projection writes into the arrays without copying them.
            var district = demand.districts[d]
            demand.districts[d].cohort = []
            demand.districts[d].migration = []
            DemandProjector.projectCohorts(inputs[d], stages: model.stageList, order: model.order,
                                           feeders: model.feeders, horizon: model.horizon,
                                           cohort: &district.cohort, migration: &district.migration)
            demand.districts[d] = district
        }
        updateHousing()
        pupils.update(from: demand, years: 1..<grid.yearCount, grid: grid, kernel: &kernel)
        for k in 0..<networks.count { allocate(network: k, slot: slot) }
        finishDraw(draw: draw, output: output)
    }

    /// Copies the chunk's samples (`staged`, one row of cells per draw) into the shared buffer, where each
    /// cell's draws of a chunk share one cache line: written once, by this thread only.
    private func flushSamples(_ range: Range<Int>, into output: DrawOutput) {
        let count = cells.sampleCount
        staged.withUnsafeBufferPointer { staged in
            for cell in 0..<count {
                let target = cell * output.stride + range.lowerBound
                for j in 0..<range.count { output.samples[target + j] = staged[j * count + cell] }
            }
        }
    }

    /// Replaces the district's inputs with this draw's: ratios of year `t` `r̂ · exp(s·z(t))` for an observed
    /// log spread `s` (the backtest's model), `max(0, r̂ + σ·z(t))` for a given standard deviation `σ`, with
    /// `z(t) = √ρ · z_held + √(1 − ρ) · z_fresh(t) + √δ · Σ_{i<t} z_step(i)`, each `√c · (common) + √w ·
    /// (district) + √(1 − c − w) · (own)` (`c` the district's common share, its common parts the draw's,
    /// shared by every district; `w` its district share; `ρ` its lasting share; `δ` its drift share), all
    /// scaled by the draw's factor `v` of the district's tails (`tails`, 1 for normal ones), births
    /// along the district's births shock, migration × factor, each development's yield factor and slip. With
    /// `ρ = 1` and `δ = 0` every year has the held ratio.
    private mutating func vary(district d: Int, random: RandomStream, common: Double, district: Double,
                               fresh: RandomStream?, steps: RandomStream?, tails v: Double) {
        let m = model.districts[d]
        let shared = m.shares.common.squareRoot(), ownDistrict = m.shares.unit.squareRoot()
        let own = m.shares.own.squareRoot()
        let held = m.shares.lasting.squareRoot(), renewed = (1 - m.shares.lasting).squareRoot()
        let drifting = m.shares.drift.squareRoot()
        if let fresh { for t in 1..<model.yearCount { freshDistrict[t] = fresh.ziggurat() } }
        if let steps { for t in 1..<model.yearCount { stepDistrict[t] = steps.ziggurat() } }
        for s in 0..<model.stageCount {
            for g in 0..<model.grades[s] {
                let z = shared * common + own * random.gaussian() + ownDistrict * district
                // The spreads times the tails' factor, once per ratio rather than once per year.
                let (r, sd, logSD) = (m.inputs.ratios[s][g], m.ratioSD[s][g] * v, m.ratioLogSD[s][g] * v)
                func ratio(_ z: Double) -> Double { logSD > 0 ? r * exp(logSD * z) : max(0, r + sd * z) }
                guard fresh != nil || steps != nil else {
                    // Every year's error the held one (`ρ = 1`, `δ = 0` everywhere): one ratio for all years.
                    let value = ratio(held * z)
                    for t in 1..<model.yearCount { inputs[d].yearlyRatios[s][g][t] = value }
                    continue
                }
                var walk = 0.0
                for t in 1..<model.yearCount {
                    var zt = held * z
                    if let fresh {
                        zt += renewed * (shared * freshCommon[t] + own * fresh.ziggurat() + ownDistrict * freshDistrict[t])
                    }
                    if let steps {
                        zt += drifting * walk
                        walk += shared * stepCommon[t] + own * steps.ziggurat() + ownDistrict * stepDistrict[t]
                    }
                    inputs[d].yearlyRatios[s][g][t] = ratio(zt)
                }
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

    /// Housing of the zones whose developments vary, as `DemandProjector.housingDemand` computes it
    /// (stages, then developments in file order, then years), with this draw's yields and slips.
    private mutating func updateHousing() {
        let Y = model.yearCount
        for (zone, developments) in model.varyingZones {
            let d = grid.districtOfZone[zone], zi = grid.zoneInDistrict[zone]
            for s in 0..<model.stageCount {
                let grades = Double(model.grades[s])
                var perYear = Array(repeating: 0.0, count: Y)
                for (dd, i) in developments {
                    let development = model.districts[dd].developments[i]
                    let yieldOfStage = development.yields[s]
                    guard yieldOfStage > 0 else { continue }
                    let yield = yieldOfStage * yieldFactor[dd][i]
                    for t in 1..<Y {
                        perYear[t] += Housing.pupils(completions: development.completions, ramp: development.ramp,
                                                     yield: yield, year: model.baseYear + t, baseYear: model.baseYear,
                                                     slip: slip[dd][i]) / grades
                    }
                }
                for g in 0..<model.grades[s] {
                    for t in 1..<Y { demand.districts[d].zoneHousing[zi][s][g][t] = perYear[t] }
                }
            }
        }
    }

    /// Network `k` against this draw's pupils: its transfers, then every projected row through
    /// `CellKernel`, into its measures, counts and samples.
    private mutating func allocate(network k: Int, slot: Int) {
        // What the loop reads, held in locals: read through `self` while `self`'s counts and accumulators
        // change, each would be retained and released on every row (a third of a draw's time in a profile).
        let (grid, cells, central) = (self.grid, self.cells, networks.centralStudents)
        let classrooms = networks.tables[k]
        let plan = PlanPupils(base: pupils, moves: transfers.moves(classrooms: classrooms, demand: pupils),
                              grid: grid, standards: standards)
        let D = grid.districtCount, S = grid.stageCount
        let stagedRow = slot * cells.sampleCount
        let writesSamples = cells.perNetwork || k == 0
        let (seatsPerClassroom, alerts) = (grid.seatsPerClassroom, standards.alerts)
        var kernel = self.kernel  // opened as a local: `self` changes inside the loop
        kernel.open { kernel in
            for i in grid.rowsPerYear..<grid.count {
                let s = grid.stage(i), d = grid.district(i)
                let cell = plan.pupils(i)
                let rooms = classrooms[i]
                let seats = Double(rooms) * seatsPerClassroom[s]
                let classes = rooms >= Int(cell.standard.classesFormed) ? cell.standard
                    : plan.withWholeGrades(i, grid: grid) { whole in
                        CellKernel.classes(cell, whole: whole, rooms: rooms, sizes: kernel.classSizes(s),
                                           thresholds: kernel.thresholds[s], scratch: kernel.scratch)
                    }
                let result = CellKernel.Result(gap: cell.students - seats,
                                               alert: CellKernel.alert(cell, seats: seats, thresholds: alerts),
                                               classes: classes, transferredOut: plan.transferredOut(i))
                if d < D { accumulators[(k * (D + 1) + d) * S + s].add(result, i, grid: grid) }
                accumulators[(k * (D + 1) + D) * S + s].add(result, i, grid: grid)
                let p = cells.projected(i)
                let counted = cells.slot(network: k, projected: p) * 3
                if WholeNumbers.round(result.gap) > 0 { counts[counted] += 1 }
                if result.alert == .red { counts[counted + 1] += 1 }
                if classes.superLargeClasses > 0 { counts[counted + 2] += 1 }
                if writesSamples {
                    let sample = cells.sample(network: k, projected: p)
                    staged[stagedRow + sample] = Float(cell.students - central[sample])
                }
            }
        }
        self.kernel = kernel
    }

    /// Turns the draw's accumulators into its summary measures (as `summary.csv` has them) and its plan
    /// totals (as `comparison.csv`), writes them, and clears the accumulators.
    private mutating func finishDraw(draw: Int, output: DrawOutput) {
        let D = grid.districtCount, S = grid.stageCount
        let base = draw * layout.perDraw
        for group in accumulators.indices {
            let a = accumulators[group]
            let o = base + group * SummaryLayout.measures
            output.measures[o + SummaryLayout.Measure.shortageSeatYears.rawValue] = a.shortageSeatYears
            output.measures[o + SummaryLayout.Measure.peakShortage.rawValue] = a.peakShortage
            output.measures[o + SummaryLayout.Measure.redAreaYears.rawValue] = Double(a.redAreaYears)
            output.measures[o + SummaryLayout.Measure.noSchoolAreaStageYears.rawValue] = Double(a.noSchoolAreaStageYears)
            output.measures[o + SummaryLayout.Measure.superLargeAreaYears.rawValue] = Double(a.superLargeAreaYears)
            output.measures[o + SummaryLayout.Measure.largestClass.rawValue] = Double(a.largestClass)
        }
        for k in 0..<networks.count {
            var total = 0.0
            for s in 0..<S { total += accumulators[(k * (D + 1) + D) * S + s].shortageSeatYears }
            output.planTotals[draw * networks.count + k] = total
        }
        for group in accumulators.indices { accumulators[group].reset() }
    }
}
