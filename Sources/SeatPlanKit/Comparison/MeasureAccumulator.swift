/// Gathers the measures of `PlanMeasures` from one plan's rows, row by row, for one group (a district or
/// `ALL`, one stage or all stages). The only place where shortage seat-years, peaks, area-years, first
/// years and blockers are computed — for the central run and for every Monte Carlo draw.
///
/// Rows come in year order, and within a year the rows of one area are consecutive, so an (area, year) is
/// counted once by remembering the last one counted.
struct MeasureAccumulator: Sendable {
    let baseYear: Int
    /// `Σ max(0, gap)` by year position `t` (0, the base year, stays empty).
    private(set) var shortageByYear: [Double]
    private var shortYear: [Bool]
    private var superLargeYear: [Bool]
    private var hasRows = false
    private var red = 0, superLargeAreas = 0, noSchool = 0, large = 0, superLarge = 0, unplaced = 0, largest = 0
    private var transferred = 0.0
    private var lastRed = -1, lastSuperLarge = -1
    /// The row and figure that block the first year without shortage / without super-large classes
    /// (row −1: none), made into `PlanMeasures.Blocker`s only by `measures`.
    private var shortageBlocker = (row: -1, figure: 0.0)
    private var superLargeBlocker = (row: -1, figure: 0.0)

    init(baseYear: Int, yearCount: Int) {
        self.baseYear = baseYear
        shortageByYear = Array(repeating: 0, count: yearCount)
        shortYear = Array(repeating: false, count: yearCount)
        superLargeYear = shortYear
    }

    /// Back to no row, keeping the arrays (a Monte Carlo worker reuses its accumulators draw after draw).
    mutating func reset() {
        for t in shortageByYear.indices {
            shortageByYear[t] = 0
            shortYear[t] = false
            superLargeYear[t] = false
        }
        hasRows = false
        red = 0; superLargeAreas = 0; noSchool = 0; large = 0; superLarge = 0; unplaced = 0; largest = 0
        transferred = 0
        lastRed = -1; lastSuperLarge = -1
        shortageBlocker = (-1, 0)
        superLargeBlocker = (-1, 0)
    }

    /// The largest one-year shortage (0 without rows).
    var peakShortage: Double { years.reduce(0) { Swift.max($0, shortageByYear[$1]) } }
    var redAreaYears: Int { red }
    var noSchoolAreaStageYears: Int { noSchool }
    var superLargeAreaYears: Int { superLargeAreas }
    var largestClass: Int { largest }

    /// Adds row `i` of `rows` (a projected year).
    @inline(__always)
    mutating func add(_ rows: PlanColumns, _ i: Int, grid: AreaGrid) { add(rows.result(i), i, grid: grid) }

    /// Adds row `i` (a projected year) whose results under the plan are `row` — the central run's rows or a
    /// Monte Carlo draw's, through the same `CellKernel`.
    mutating func add(_ row: CellKernel.Result, _ i: Int, grid: AreaGrid) {
        let t = grid.t(i)
        let areaYear = t * grid.areaCount + grid.area(i)
        let gap = row.gap
        hasRows = true
        shortageByYear[t] += Swift.max(0, gap)
        let alert = row.alert
        if alert == .red, lastRed != areaYear { red += 1; lastRed = areaYear }
        if alert == .noSchool { noSchool += 1 }
        let superLargeHere = Int(row.classes.superLargeClasses)
        if superLargeHere > 0 {
            if lastSuperLarge != areaYear { superLargeAreas += 1; lastSuperLarge = areaYear }
            superLargeYear[t] = true
            if Self.blocks(i, Double(superLargeHere), over: superLargeBlocker, grid: grid) {
                superLargeBlocker = (i, Double(superLargeHere))
            }
        }
        if WholeNumbers.round(gap) > 0 {
            shortYear[t] = true
            if Self.blocks(i, gap, over: shortageBlocker, grid: grid) { shortageBlocker = (i, gap) }
        }
        large += Int(row.classes.largeClasses)
        superLarge += superLargeHere
        unplaced += Int(row.classes.unplaced)
        largest = Swift.max(largest, Int(row.classes.largestClass))
        transferred += row.transferredOut
    }

    /// Row `i` with `figure` blocks rather than `current`: a later year, or the same year and a larger figure.
    @inline(__always)
    private static func blocks(_ i: Int, _ figure: Double, over current: (row: Int, figure: Double), grid: AreaGrid) -> Bool {
        current.row < 0 || grid.t(i) > grid.t(current.row) || (grid.t(i) == grid.t(current.row) && figure > current.figure)
    }

    private static func blocker(_ b: (row: Int, figure: Double), grid: AreaGrid) -> PlanMeasures.Blocker? {
        guard b.row >= 0 else { return nil }
        let z = grid.zone(b.row)
        return PlanMeasures.Blocker(year: grid.year(b.row), district: grid.districtIDs[grid.district(b.row)],
                                    zone: z >= 0 ? grid.zoneIDs[z] : "", stage: grid.stages[grid.stage(b.row)].id,
                                    figure: b.figure)
    }

    /// The projected years' positions, `1 ..< yearCount` (none without rows).
    private var years: Range<Int> { hasRows ? 1..<Swift.max(shortageByYear.count, 1) : 0..<0 }

    var shortageSeatYears: Double { years.reduce(0) { $0 + shortageByYear[$1] } }

    /// The earliest year from which no later year has `flag` set (`nil` if the last year has it, or no rows).
    private func firstClear(_ flag: [Bool]) -> Int? {
        var first: Int? = nil
        for t in years.reversed() {
            if flag[t] { break }
            first = baseYear + t
        }
        return first
    }

    /// The measures, before costs, seats added and the comparison with the baseline.
    func measures(plan: String, district: String, stage: String?, grid: AreaGrid) -> PlanMeasures {
        var peak = 0.0, peakYear: Int?
        for t in years where shortageByYear[t] > peak {
            peak = shortageByYear[t]
            peakYear = baseYear + t
        }
        return PlanMeasures(
            plan: plan, district: district, stage: stage, cost: 0, seatsAdded: [],
            shortageSeatYears: shortageSeatYears, peakShortage: peak, peakYear: peakYear,
            redAreaYears: red, superLargeAreaYears: superLargeAreas, largeClasses: large,
            superLargeClasses: superLarge, noSchoolAreaStageYears: noSchool, unplacedPupilYears: unplaced,
            pupilsTransferred: transferred, largestClass: largest,
            firstYearWithoutShortage: firstClear(shortYear), firstYearWithoutSuperLarge: firstClear(superLargeYear),
            shortageBlocker: Self.blocker(shortageBlocker, grid: grid),
            superLargeBlocker: Self.blocker(superLargeBlocker, grid: grid),
            shortageAvoided: 0, costPerSeatYearAvoided: nil, verdict: .baseline)
    }
}
