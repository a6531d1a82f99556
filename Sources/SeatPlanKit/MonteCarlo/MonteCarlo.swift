import Dispatch
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
            model = try DrawModel(scenario: scenario, prepared: prepared)
        } catch {
            throw ScenarioError([.error(at: scenario.location, "the draws cannot be prepared: \(error)",
                                        hint: "check the births trends and 'uncertainty' of the scenario")])
        }
        let networks = NetworkTables(scenario: scenario, allocation: allocation, model: model)
        let layout = SummaryLayout(networks: networks.count, districts: scenario.districts.count,
                                   stages: model.stageCount, years: model.horizon)
        let stride = (draws + Self.chunk - 1) / Self.chunk * Self.chunk
        let bytes = Double(model.cellCount) * Double(stride) * 4 + Double(draws) * Double(layout.perDraw) * 8
        let available = Double(ProcessInfo.processInfo.physicalMemory) * 0.75
        guard bytes <= available else {
            let perDraw = bytes / Double(draws)
            throw ScenarioError([.error(
                at: scenario.location,
                "\(draws) draws of this scenario keep \(Self.gibibytes(bytes)) GiB of samples, more than this machine can hold (\(Self.gibibytes(available)) GiB usable)",
                hint: "use at most \(Int(available / perDraw)) draws")])
        }
        let samples = UnsafeMutableBufferPointer<Float>.allocate(capacity: model.cellCount * stride)
        let measures = UnsafeMutableBufferPointer<Double>.allocate(capacity: draws * layout.perDraw)
        let planTotals = UnsafeMutableBufferPointer<Double>.allocate(capacity: draws * networks.count)
        defer {
            samples.deallocate()
            measures.deallocate()
            planTotals.deallocate()
        }
        let output = DrawOutput(samples: samples, stride: stride, measures: measures, planTotals: planTotals)
        let coordinator = Coordinator(draws: draws, chunk: Self.chunk, progress: progress)
        let workers = min(threads, (draws + Self.chunk - 1) / Self.chunk)
        let seed = self.seed
        let counts = UnsafeMutableBufferPointer<[Int32]>.allocate(capacity: workers)
        counts.initialize(repeating: [])
        defer { counts.deinitialize().deallocate() }
        let countSlots = SendableBuffer(counts)

        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var worker = DrawWorker(model: model, networks: networks, layout: layout)
            do {
                while let range = coordinator.next() {
                    try worker.run(draws: range, seed: seed, into: output) { coordinator.done() }
                }
            } catch {
                coordinator.fail(error)
            }
            countSlots.buffer[w] = worker.counts
        }
        if let failure = coordinator.failure {
            throw ScenarioError([.error(at: scenario.location, "a draw failed: \(failure)",
                                        hint: "report this with the scenario; the central reports are unaffected")])
        }
        var counts32 = Array(repeating: Int32(0), count: networks.count * model.cellCount * 3)
        for w in 0..<workers {
            for (i, c) in counts[w].enumerated() { counts32[i] += c }
        }
        return DrawSummary(draws: draws, seed: seed, threads: threads, model: model, networks: networks,
                           layout: layout, output: output, counts: counts32, workers: threads,
                           plans: allocation.outcomes.map(\.plan.id))
    }
}

/// Buffers every draw writes its own slots of.
struct DrawOutput: @unchecked Sendable {
    /// Students minus the central students, `[cell · stride + draw]`.
    let samples: UnsafeMutableBufferPointer<Float>
    let stride: Int
    /// Summary measures, `[draw · perDraw + …]` (see `SummaryLayout`).
    let measures: UnsafeMutableBufferPointer<Double>
    /// Shortage seat-years of each network over all zones and stages, `[draw · networks + k]`.
    let planTotals: UnsafeMutableBufferPointer<Double>
}

/// Hands out chunks of draws, counts the draws done, reports progress, and keeps the first failure.
final class Coordinator: @unchecked Sendable {
    private let lock = NSLock()
    private let draws: Int
    private let chunk: Int
    private let progress: (@Sendable (Int) -> Void)?
    private var nextDraw = 0
    private var finished = 0
    private(set) var failure: (any Error)?

    init(draws: Int, chunk: Int, progress: (@Sendable (Int) -> Void)?) {
        self.draws = draws
        self.chunk = chunk
        self.progress = progress
    }

    func next() -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard failure == nil, nextDraw < draws else { return nil }
        let start = nextDraw
        nextDraw = min(draws, start + chunk)
        return start..<nextDraw
    }

    func done() {
        lock.lock()
        defer { lock.unlock() }
        finished += 1
        progress?(finished)
    }

    func fail(_ error: any Error) {
        lock.lock()
        defer { lock.unlock() }
        if failure == nil { failure = error }
    }
}

/// The classrooms and seats of each distinct school network, and the network of each plan.
struct NetworkTables: Sendable {
    /// Classrooms open per year, zone and stage, `[(t · zones + z) · stages + s]`: the draws still set each
    /// zone's pupils against its own schools' seats, whatever the stage's catchment, and move no pupil
    /// between zones (README, Limits: ranges do not yet follow catchment areas and transfers).
    static func zoneClassrooms(_ network: SchoolNetwork, grid: AreaGrid) -> [Int] {
        let Z = grid.zoneCount, S = grid.stageCount
        var table = Array(repeating: 0, count: grid.yearCount * Z * S)
        for school in network.schools {
            for t in 0..<grid.yearCount {
                for s in 0..<S {
                    table[(t * Z + school.zone) * S + s] += school.classrooms(stage: s, year: grid.baseYear + t)
                }
            }
        }
        return table
    }

    /// Classrooms of network `k` at `k · tableSize + (t · Z + z) · S + s`.
    let classrooms: [Int]
    /// Seats likewise.
    let seats: [Double]
    let tableSize: Int
    let count: Int
    /// The network of each plan of the allocation, in its order.
    let planNetwork: [Int]

    init(scenario: Scenario, allocation: Allocation, model: DrawModel) {
        var tables: [[Int]] = []
        var known: [[Int]: Int] = [:]
        var planNetwork: [Int] = []
        for outcome in allocation.outcomes {
            let table = Self.zoneClassrooms(outcome.network, grid: allocation.grid)
            if let k = known[table] {
                planNetwork.append(k)
            } else {
                known[table] = tables.count
                planNetwork.append(tables.count)
                tables.append(table)
            }
        }
        let S = model.stageCount
        classrooms = tables.flatMap { $0 }
        seats = tables.flatMap { table in table.enumerated().map { Double($0.element) * model.seatsPerClassroom[$0.offset % S] } }
        tableSize = model.yearCount * model.zoneCount * S
        count = tables.count
        self.planNetwork = planNetwork
    }
}

/// Where each summary measure of a draw sits: `[((k · (D + 1) + d) · S + s) · measures + m]`, district
/// `D` being the whole scenario.
struct SummaryLayout: Sendable {
    enum Measure: Int, CaseIterable {
        case shortageSeatYears, peakShortage, redZoneYears, noSchoolZoneYears, superLargeZoneYears, largestClass
    }

    let networks: Int
    let districts: Int
    let stages: Int
    let years: Int

    static let measures = Measure.allCases.count
    var perDraw: Int { networks * (districts + 1) * stages * Self.measures }

    func offset(network k: Int, district d: Int, stage s: Int) -> Int {
        ((k * (districts + 1) + d) * stages + s) * Self.measures
    }
}
