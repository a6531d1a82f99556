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
    private(set) var shortageBlocker: PlanMeasures.Blocker?
    private(set) var superLargeBlocker: PlanMeasures.Blocker?

    init(baseYear: Int, yearCount: Int) {
        self.baseYear = baseYear
        shortageByYear = Array(repeating: 0, count: yearCount)
        shortYear = Array(repeating: false, count: yearCount)
        superLargeYear = shortYear
    }

    /// Adds row `i` of `rows` (a projected year).
    mutating func add(_ rows: CapacityRows, _ i: Int, grid: AreaGrid) {
        let t = grid.t(i)
        let areaYear = t * grid.areaCount + grid.area(i)
        let gap = rows.gap(i)
        hasRows = true
        shortageByYear[t] += Swift.max(0, gap)
        let alert = rows.alert(i)
        if alert == .red, lastRed != areaYear { red += 1; lastRed = areaYear }
        if alert == .noSchool { noSchool += 1 }
        let superLargeHere = rows.superLargeClasses(i)
        if superLargeHere > 0 {
            if lastSuperLarge != areaYear { superLargeAreas += 1; lastSuperLarge = areaYear }
            superLargeYear[t] = true
            if superLargeBlocker == nil || grid.year(i) > superLargeBlocker!.year
                || (grid.year(i) == superLargeBlocker!.year && Double(superLargeHere) > superLargeBlocker!.figure) {
                superLargeBlocker = Self.blocker(i, grid: grid, figure: Double(superLargeHere))
            }
        }
        if WholeNumbers.round(gap) > 0 {
            shortYear[t] = true
            if shortageBlocker == nil || grid.year(i) > shortageBlocker!.year
                || (grid.year(i) == shortageBlocker!.year && gap > shortageBlocker!.figure) {
                shortageBlocker = Self.blocker(i, grid: grid, figure: gap)
            }
        }
        large += rows.largeClasses(i)
        superLarge += superLargeHere
        unplaced += rows.unplaced(i)
        largest = Swift.max(largest, rows.maxClassSize(i))
        transferred += rows.transferredOut(i)
    }

    private static func blocker(_ i: Int, grid: AreaGrid, figure: Double) -> PlanMeasures.Blocker {
        let z = grid.zone(i)
        return PlanMeasures.Blocker(year: grid.year(i), district: grid.districtIDs[grid.district(i)],
                                    zone: z >= 0 ? grid.zoneIDs[z] : "", stage: grid.stages[grid.stage(i)].id,
                                    figure: figure)
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
    func measures(plan: String, district: String, stage: String?) -> PlanMeasures {
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
            shortageBlocker: shortageBlocker,
            superLargeBlocker: superLargeBlocker,
            shortageAvoided: 0, costPerSeatYearAvoided: nil, verdict: .baseline)
    }
}
