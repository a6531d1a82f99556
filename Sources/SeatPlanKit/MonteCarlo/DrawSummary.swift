/// What `N` draws say: for every projected row (area, stage, year) the students' P10/P50/P90 and the share
/// of draws short, red or with a super-large class per plan; the P10/P50/P90 of the summary measures per plan, district
/// and stage; and for every pair of plans how often one leaves fewer shortage seat-years.
///
/// Quantiles follow GSL's `gsl_stats_quantile_from_sorted_data`: with the `N` values sorted,
/// `i = f·(N − 1)`, `q = (1 − δ)·x[⌊i⌋] + δ·x[⌊i⌋ + 1]`, `δ = i − ⌊i⌋` (see `SampleQuantiles`).
public struct DrawSummary: Sendable {
    public static let fractions = [0.1, 0.5, 0.9]

    public let draws: Int
    public let seed: UInt64
    public let threads: Int
    /// The plans in allocation order, and the distinct school network of each.
    public let plans: [String]
    let planNetwork: [Int]
    let grid: AreaGrid
    let cells: DrawCells
    let networks: NetworkTables
    var baseYear: Int { grid.baseYear }
    var horizon: Int { cells.horizon }
    var stageCount: Int { grid.stageCount }
    var districtCount: Int { grid.districtCount }

    /// Students' P10, P50, P90 of each sample cell (`DrawCells.sample`): `[cell · 3 + q]`.
    public let students: [Double]
    /// The smallest and largest students of any draw in each sample cell.
    public let studentsMin: [Double]
    public let studentsMax: [Double]
    var networkCount: Int { networks.count }
    /// Per network and projected row: draws short, red, with a super-large class, `[slot · 3 + i]`.
    let counts: [Int32]
    /// Per network, district (then all) and stage: P10/P50/P90 of each measure, `[(group · measures + m) · 3 + q]`.
    let measureQuantiles: [Double]
    /// And the smallest and largest of each measure, `[group · measures + m]`.
    let measureMin: [Double]
    let measureMax: [Double]
    /// Per group: draws whose shortage seat-years round to 1 or more.
    let anyShortage: [Int]
    /// `fewer[a · K + b]`: draws where network `a` leaves fewer whole shortage seat-years than `b`.
    let fewer: [Int]

    /// The scenario's shares of every ratio's error (`uncertainty.common_share`, `district_share`,
    /// `lasting_share`, `drift_share`, `kurtosis`, or as estimated from the districts' histories), and whether
    /// each was estimated.
    var shares = ErrorShares(common: 0, unit: 0)
    public internal(set) var commonShareEstimated = true
    public internal(set) var districtShareEstimated = true
    public internal(set) var lastingShareEstimated = true
    public internal(set) var driftShareEstimated = true
    public internal(set) var kurtosisEstimated = true
    /// Every district's spreads and shares as drawn, and where each comes from (`uncertainty.csv`).
    public internal(set) var assumptions: [DrawAssumption] = []
    /// Common to all districts in a draw.
    public var commonShare: Double { shares.common }
    /// Common to the ratios of one district beyond `commonShare`.
    public var districtShare: Double { shares.unit }
    /// Held over the horizon (the rest drawn afresh every year).
    public var lastingShare: Double { shares.lasting }
    /// The growth of the error variance with each further year, as a share of the one-year-ahead one.
    public var driftShare: Double { shares.drift }
    /// The kurtosis of the ratios' errors (3: normal tails).
    public var kurtosis: Double { ErrorTails.kurtosis(degrees: shares.tails) }

    init(draws: Int, seed: UInt64, threads: Int, grid: AreaGrid, networks: NetworkTables, cells drawCells: DrawCells,
         layout: SummaryLayout, output: DrawOutput, counts: [Int32], workers: Int, plans: [String]) {
        self.draws = draws
        self.seed = seed
        self.threads = threads
        self.plans = plans
        planNetwork = networks.planNetwork
        self.grid = grid
        self.cells = drawCells
        self.networks = networks
        self.counts = counts

        // Cells: sort each cell's samples in place, in parallel over blocks of cells.
        let cells = drawCells.sampleCount
        let blocks = max(1, min(workers * 4, cells))
        let central = networks.centralStudents
        // Per block of cells: each cell's P10, P50, P90, least and greatest, in cell order.
        let perBlock = Parallel.map(count: blocks) { b in
            var found: [Double] = []
            found.reserveCapacity((cells * (b + 1) / blocks - cells * b / blocks) * 5)
            for cell in (cells * b / blocks)..<(cells * (b + 1) / blocks) {
                let start = cell * output.stride
                let values = UnsafeMutableBufferPointer(rebasing: output.samples[start..<(start + draws)])
                let q = SampleQuantiles.quantiles(values, at: Self.fractions)
                for i in 0..<3 { found.append(central[cell] + q.quantiles[i]) }
                found += [central[cell] + q.min, central[cell] + q.max]
            }
            return found
        }
        var quantiles: [Double] = [], lows: [Double] = [], highs: [Double] = []
        quantiles.reserveCapacity(cells * 3)
        lows.reserveCapacity(cells)
        highs.reserveCapacity(cells)
        for found in perBlock {
            for c in stride(from: 0, to: found.count, by: 5) {
                quantiles += found[c..<(c + 3)]
                lows.append(found[c + 3])
                highs.append(found[c + 4])
            }
        }
        students = quantiles
        studentsMin = lows
        studentsMax = highs

        // Summary measures: one series of N values per network, district, stage and measure.
        let groups = layout.perDraw / SummaryLayout.measures
        var measureQuantiles: [Double] = []
        var measureMin: [Double] = []
        var measureMax: [Double] = []
        var anyShortage: [Int] = []
        measureQuantiles.reserveCapacity(layout.perDraw * 3)
        var series = Array(repeating: 0.0, count: draws)
        for group in 0..<groups {
            var short = 0
            for m in 0..<SummaryLayout.measures {
                let o = group * SummaryLayout.measures + m
                for draw in 0..<draws { series[draw] = output.measures[draw * layout.perDraw + o] }
                if m == SummaryLayout.Measure.shortageSeatYears.rawValue {
                    short = series.reduce(0) { $0 + (WholeNumbers.round($1) > 0 ? 1 : 0) }
                }
                let q = series.withUnsafeMutableBufferPointer { SampleQuantiles.quantiles($0, at: Self.fractions) }
                measureQuantiles += q.quantiles
                measureMin.append(q.min)
                measureMax.append(q.max)
            }
            anyShortage.append(short)
        }
        self.measureQuantiles = measureQuantiles
        self.measureMin = measureMin
        self.measureMax = measureMax
        self.anyShortage = anyShortage

        // Plans against each other, on whole seat-years.
        let K = networks.count
        var fewer = Array(repeating: 0, count: K * K)
        for draw in 0..<draws {
            for a in 0..<K {
                let ta = WholeNumbers.round(output.planTotals[draw * K + a])
                for b in 0..<K where ta < WholeNumbers.round(output.planTotals[draw * K + b]) {
                    fewer[a * K + b] += 1
                }
            }
        }
        self.fewer = fewer
    }

    // MARK: Reading

    /// The sample cell of a plan's grid row `i` (a projected year).
    func cell(plan p: Int, row i: Int) -> Int { cells.sample(network: planNetwork[p], projected: cells.projected(i)) }

    /// P10, P50, P90 of the students of a plan's grid row `i`.
    func students(plan p: Int, row i: Int) -> ArraySlice<Double> {
        let c = cell(plan: p, row: i)
        return students[(c * 3)..<(c * 3 + 3)]
    }

    /// Seats of a plan's grid row `i`.
    func seats(plan p: Int, row i: Int) -> Double { networks.seats(network: planNetwork[p], row: i, grid: grid) }

    /// The share of draws in which a plan's grid row `i` is short (rounded gap > 0), red, with a super-large
    /// class.
    func probabilities(plan p: Int, row i: Int) -> (shortage: Double, red: Double, superLarge: Double) {
        let o = cells.slot(network: planNetwork[p], projected: cells.projected(i)) * 3
        let n = Double(draws)
        return (Double(counts[o]) / n, Double(counts[o + 1]) / n, Double(counts[o + 2]) / n)
    }

    /// P10/P50/P90, smallest and largest of a summary measure of a plan, district (`districtCount` for
    /// all) and stage.
    func measure(_ m: SummaryLayout.Measure, plan p: Int, district d: Int, stage s: Int)
        -> (quantiles: [Double], min: Double, max: Double) {
        let group = (planNetwork[p] * (districtCount + 1) + d) * stageCount + s
        let o = group * SummaryLayout.measures + m.rawValue
        return (Array(measureQuantiles[(o * 3)..<(o * 3 + 3)]), measureMin[o], measureMax[o])
    }

    /// The share of draws whose shortage seat-years of a plan, district and stage round to 1 or more.
    func probabilityOfShortage(plan p: Int, district d: Int, stage s: Int) -> Double {
        Double(anyShortage[(planNetwork[p] * (districtCount + 1) + d) * stageCount + s]) / Double(draws)
    }

    /// The shares of draws in which plan `a` leaves fewer, as many and more whole shortage seat-years than
    /// plan `b` (adding up to 1).
    public func comparison(_ a: String, _ b: String) -> (fewer: Double, equal: Double, more: Double)? {
        guard let i = plans.firstIndex(of: a), let j = plans.firstIndex(of: b) else { return nil }
        let (ka, kb) = (planNetwork[i], planNetwork[j])
        let fewer = self.fewer[ka * networkCount + kb], more = self.fewer[kb * networkCount + ka]
        let n = Double(draws)
        return (Double(fewer) / n, Double(draws - fewer - more) / n, Double(more) / n)
    }
}
