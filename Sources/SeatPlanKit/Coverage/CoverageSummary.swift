/// The coverage measures of every plan, over the projected years, computed once for `comparison.csv`, the
/// terminal and the page (which only format them):
/// - `blind_spot_area_years`: (residential area, year) pairs with the area a blind spot of coverage for at
///   least one stage (MODEL.md, *Coverage*);
/// - `blind_spot_dwellings`: dwellings of the areas that are blind spots in the last projected year
///   (housing: those completed by then);
/// - `township_years_without_public_kindergarten`: (township, year) pairs failing 一乡一园.
/// Per plan and district (the district of the area or township), and for the whole scenario (`ALL`).
public struct CoverageSummary: Sendable {
    public struct Measures: Sendable {
        public var plan: String
        public var district: String
        public var blindSpotAreaYears = 0
        public var blindSpotDwellings = 0.0
        public var townshipYearsWithoutPublicKindergarten = 0
    }

    /// A residential area that is a blind spot in some projected year of a plan.
    public struct BlindSpot: Sendable {
        /// Position in `coverage.areas`.
        public var area: Int
        /// The projected years it is a blind spot.
        public var years: [Int]
        /// In the last of those years: each stage it is a blind spot for (position in `coverage.stages`), the
        /// nearest school of the stage and its distance (`nil`: no school of the stage open).
        public var stages: [(stage: Int, school: String?, distance: Double?)]
        /// Its dwellings in that year.
        public var dwellings: Double
    }

    public let coverage: Coverage
    public let townships: TownshipKindergartens
    /// Per plan (allocation order), per district in file order, then `ALL`.
    public let measures: [Measures]
    /// Per plan id: its blind spots, most dwellings first (then area order).
    public let blindSpots: [String: [BlindSpot]]
    /// Residential areas beyond reach for at least one stage, per plan, every year of the rows and district:
    /// `[(p · yearCount + t) · districts + d]` (the indicators' `blind_spot_areas`).
    private let blindSpotAreaCounts: [Int]
    private let planPosition: [String: Int]
    private let districtPosition: [String: Int]

    public init(_ allocation: Allocation, scenario: Scenario) {
        let coverage = Coverage(allocation, scenario: scenario)
        let townships = TownshipKindergartens(allocation, scenario: scenario)
        let districtIDs = scenario.districts.map(\.id)
        let districtIndex = Dictionary(districtIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let D = districtIDs.count
        let lastYear = coverage.baseYear + coverage.yearCount - 1
        var measures: [Measures] = []
        var blindSpots: [String: [BlindSpot]] = [:]
        for (p, outcome) in allocation.outcomes.enumerated() {
            let plan = outcome.plan.id
            var perDistrict = (districtIDs + [AreaGrid.allDistricts]).map { Measures(plan: plan, district: $0) }
            var spots: [BlindSpot] = []
            for (a, area) in coverage.areas.enumerated() {
                var spot = BlindSpot(area: a, years: [], stages: [], dwellings: 0)
                for t in 1..<max(1, coverage.yearCount) where coverage.isBlindSpot(plan: p, t: t, area: a) {
                    spot.years.append(coverage.baseYear + t)
                }
                guard let year = spot.years.last else { continue }
                let t = year - coverage.baseYear
                spot.dwellings = area.dwellings(in: year)
                spot.stages = coverage.stages.indices.filter { coverage.isBlindSpot(plan: p, t: t, area: a, stage: $0) }
                    .map { k in
                        let cell = coverage.cell(plan: p, t: t, area: a, stage: k)
                        return (k, cell.school?.id, cell.distance)
                    }
                spots.append(spot)
                for d in [area.district, D] {
                    perDistrict[d].blindSpotAreaYears += spot.years.count
                    if spot.years.last == lastYear { perDistrict[d].blindSpotDwellings += spot.dwellings }
                }
            }
            for (j, district) in townships.districts.enumerated() {
                for t in 1..<max(1, townships.yearCount) where townships.isWithout(plan: p, t: t, township: j) {
                    for d in [districtIndex[district] ?? D, D] { perDistrict[d].townshipYearsWithoutPublicKindergarten += 1 }
                }
            }
            measures += perDistrict
            blindSpots[plan] = spots.enumerated().sorted { ($0.element.dwellings, -$0.offset) > ($1.element.dwellings, -$1.offset) }
                .map(\.element)
        }
        var counts = Array(repeating: 0, count: allocation.outcomes.count * coverage.yearCount * D)
        for p in allocation.outcomes.indices {
            for t in 0..<coverage.yearCount {
                for a in coverage.areas.indices where coverage.isBlindSpot(plan: p, t: t, area: a) {
                    counts[(p * coverage.yearCount + t) * D + coverage.areas[a].district] += 1
                }
            }
        }
        self.coverage = coverage
        self.townships = townships
        self.measures = measures
        self.blindSpots = blindSpots
        blindSpotAreaCounts = counts
        planPosition = Dictionary(allocation.outcomes.enumerated().map { ($1.plan.id, $0) }, uniquingKeysWith: { a, _ in a })
        districtPosition = districtIndex
    }

    /// The measures of a plan in a district (or `ALL`).
    /// `measures(plan:district:)` when `measures[k]` is it (the comparison's rows come in the same order).
    public func measures(at k: Int, plan: String, district: String) -> Measures? {
        if k < measures.count, measures[k].plan == plan, measures[k].district == district { return measures[k] }
        return self.measures(plan: plan, district: district)
    }

    public func measures(plan: String, district: String = AreaGrid.allDistricts) -> Measures? {
        measures.first { $0.plan == plan && $0.district == district }
    }
}

/// The indicators' `blind_spot_areas`: residential areas of a district beyond reach for at least one stage
/// under a plan in a year (areas, not area-stages), counted once when the coverage is gathered.
extension CoverageSummary: BlindSpotSource {
    public func blindSpotAreas(plan: String, year: Int, district: String) -> Int {
        let t = year - coverage.baseYear
        guard let p = planPosition[plan], let d = districtPosition[district], t >= 0, t < coverage.yearCount else { return 0 }
        return blindSpotAreaCounts[(p * coverage.yearCount + t) * districtPosition.count + d]
    }
}
