import Foundation

/// Stage 4b of `run --draws`: `N` draws of the whole projection, each allocated against every plan's
/// schools, summarised into ranges and probabilities (`DrawSummary`).
///
/// What does not change between draws is built once: the draw model (central inputs and spreads), the
/// classroom and seat tables of each distinct school network (plans with the same classrooms share one),
/// the layout of the arrays. A draw varies the inputs (`DrawModel`), re-runs the cohort projection
/// (`DemandProjector.projectCohorts`) into arrays of its thread, recomputes the housing of the zones whose
/// housing varies, then walks every projected year, zone and stage once: the pupils of each grade (whole,
/// for classes), the students, and for each network the gap, alert and largest class — the numbers the
/// range reports need and nothing more (no `CapacityRow`, no allocation).
///
/// Draw `i` uses its own random stream (`RandomStream(run: seed, draw: i)`) and writes only its own slots,
/// and counts are sums of whole numbers, so the result does not depend on the number of threads.
public struct MonteCarlo: Sendable {
    public var draws: Int
    public var seed: UInt64
    public var threads: Int

    public init(draws: Int, seed: UInt64 = 1, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.draws = max(1, draws)
        self.seed = seed
        self.threads = max(1, threads)
    }

    static func gibibytes(_ bytes: Double) -> String { String(format: "%.1f", bytes / 1_073_741_824) }

    /// Draws per chunk a thread takes at a time: 16 single-precision samples fill one 64-byte cache
    /// line, so two threads never write the same line.
    static let chunk = 16

    /// Runs the draws for the plans of `allocation` (its central case). `progress` is called with the
    /// number of draws done, from the worker threads, one call at a time.
    public func run(_ scenario: Scenario, allocation: Allocation,
                    progress: (@Sendable (Int) -> Void)? = nil) throws(ScenarioError) -> DrawSummary {
        let prepared = try DemandProjector().prepare(scenario)
        let model: DrawModel
        do {
            model = try DrawModel(scenario: scenario, prepared: prepared, index: allocation.index)
        } catch {
            throw ScenarioError([.error(at: scenario.location, "the draws cannot be prepared: \(error)",
                                        hint: "check the births trends and 'uncertainty' of the scenario")])
        }
        let grid = allocation.grid
        let transfers = allocation.transfers
        let cellsOf = { (networks: Int) in
            DrawCells(rowsPerYear: grid.rowsPerYear, horizon: model.horizon, networks: networks,
                      perNetwork: transfers.isActive && networks > 1)
        }
        let networks = NetworkTables(allocation: allocation, perNetworkCells: cellsOf)
        let cells = cellsOf(networks.count)
        let layout = SummaryLayout(networks: networks.count, districts: scenario.districts.count,
                                   stages: model.stageCount, years: model.horizon)
        let centralPupils = AreaDemand(demand: allocation.demand, grid: grid, standards: scenario.standards)
        let stride = (draws + Self.chunk - 1) / Self.chunk * Self.chunk
        let bytes = Double(cells.sampleCount) * Double(stride) * 4 + Double(draws) * Double(layout.perDraw) * 8
        let available = Double(ProcessInfo.processInfo.physicalMemory) * 0.75
        guard bytes <= available else {
            let perDraw = bytes / Double(draws)
            throw ScenarioError([.error(
                at: scenario.location,
                "\(draws) draws of this scenario keep \(Self.gibibytes(bytes)) GiB of samples, more than this machine can hold (\(Self.gibibytes(available)) GiB usable)",
                hint: "use at most \(Int(available / perDraw)) draws")])
        }
        let samples = UnsafeMutableBufferPointer<Float>.allocate(capacity: cells.sampleCount * stride)
        let measures = UnsafeMutableBufferPointer<Double>.allocate(capacity: draws * layout.perDraw)
        let planTotals = UnsafeMutableBufferPointer<Double>.allocate(capacity: draws * networks.count)
        defer {
            samples.deallocate()
            measures.deallocate()
            planTotals.deallocate()
        }
        let output = DrawOutput(samples: samples, stride: stride, measures: measures, planTotals: planTotals)
        let coordinator = DrawCoordinator(draws: draws, chunk: Self.chunk, progress: progress)
        let workers = min(threads, (draws + Self.chunk - 1) / Self.chunk)
        let seed = self.seed
        let counts = Parallel.map(count: workers) { _ in
            var worker = DrawWorker(model: model, networks: networks, cells: cells, layout: layout, grid: grid,
                                    standards: scenario.standards, transfers: transfers, central: allocation.demand,
                                    centralPupils: centralPupils)
            do {
                while let range = coordinator.next() {
                    try worker.run(draws: range, seed: seed, into: output) { coordinator.done() }
                }
            } catch {
                coordinator.fail(error)
            }
            return worker.counts
        }
        if let failure = coordinator.failure {
            throw ScenarioError([.error(at: scenario.location, "a draw failed: \(failure)",
                                        hint: "report this with the scenario; the central reports are unaffected")])
        }
        var counts32 = Array(repeating: Int32(0), count: networks.count * cells.projectedRows * 3)
        for w in 0..<workers {
            for (i, c) in counts[w].enumerated() { counts32[i] += c }
        }
        var summary = DrawSummary(draws: draws, seed: seed, threads: threads, grid: grid, networks: networks,
                                  cells: cells, layout: layout, output: output, counts: counts32, workers: threads,
                                  plans: allocation.outcomes.map(\.plan.id))
        let settings = scenario.uncertainty
        summary.shares = settings.shares(estimated: model.estimatedShares)
        summary.commonShareEstimated = settings.commonShare == .estimated
        summary.districtShareEstimated = settings.districtShare == .estimated
        summary.lastingShareEstimated = settings.lastingShare == .estimated
        summary.driftShareEstimated = settings.driftShare == .estimated
        summary.kurtosisEstimated = settings.kurtosis == .estimated
        summary.assumptions = model.assumptions
        return summary
    }
}
