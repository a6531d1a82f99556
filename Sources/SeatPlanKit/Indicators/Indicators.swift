/// The bureau's indicators (MODEL.md, *Indicators and ranking*) of every plan, every year of the rows and
/// every district, then `ALL`: the rows of `indicators.csv`, in that order.
///
/// A district reads its own rows (its zones' rows and its district-level rows, after transfers); the rows of a
/// `scenario` catchment count in `ALL` only, and `ALL` reads every row:
/// - `large_class_share = Σ large_classes ÷ Σ classes_formed` and `super_large_classes = Σ super_large_classes`
///   over the rows of the compulsory stages (`standards.compulsory`);
/// - `shortage_seats = Σ max(0, gap)` and `no_school_areas` = rows with alert `no_school`, over every stage;
/// - `townships_without_public_kindergarten`: township zones where no open public school has `kindergarten`
///   classrooms that year (一乡一园); `ALL` sums the districts;
/// - `blind_spot_areas`: from a `BlindSpotSource` (the coverage check), `ALL` summing the districts;
/// - `general_share = G ÷ (G + V)`, `G` and `V` the grade-1 pupils of the general and vocational stages of
///   `standards.upper_secondary` in the district's own demand (cohort, migration and its zones' housing,
///   before any catchment or transfer; the base year's counted grade 1); `ALL` sums `G` and `V` over the
///   districts; `general_share_deviation = |general_share − target|`;
/// - staff per stage: `staff_needed = ceil(students ÷ staff_ratio − 10⁻⁹)`, students summed over the
///   district's rows of the stage; for a `scenario` stage the need is `ALL`'s only (from its rows); `ALL`'s
///   need of other stages is the sum of the districts' needs, its posts the sum of theirs (none if a district
///   gives none); `staff_shortage = Σ_s max(0, staff_gap_s)`;
/// - special education: `disabled = rate × Σ students` of the district's compulsory rows, `inclusion` and
///   `home` of them, the rest `special_school_pupils`; `special_seats = special classrooms of the district's
///   open schools × special_class_size`; `special_gap = special_school_pupils − special_seats`; `ALL` sums the
///   districts (pupils: none if a district gives no `special_education`).
public struct Indicators: Sendable {
    /// Per plan (baseline first), year, district (file order, `ALL` last).
    public let rows: [DistrictIndicators]
    /// The stage ids, in the order of each row's `staff`.
    public let stages: [String]

    public init(_ allocation: Allocation, scenario: Scenario, blindSpots: (any BlindSpotSource)? = nil) {
        let grid = allocation.grid
        let standards = scenario.standards
        let D = grid.districtCount, S = grid.stageCount
        stages = grid.stages.map(\.id)
        var compulsory = Array(repeating: false, count: S)
        for s in standards.compulsoryStages { compulsory[s] = true }
        let scenarioLevel = (0..<S).map { grid.catchments[$0] == .scenario }
        let ratios = grid.stages.map(\.staffRatio)
        let kindergarten = standards.stageIndex("kindergarten")
        let township = grid.zoneIsTownship
        let shares = GeneralShares(allocation.demand, grid: grid, standards: standards)
        let staffPosts = scenario.districts.map { district in grid.stages.map { district.staff?[$0.id] } }
        let special = scenario.districts.map(\.specialEducation)

        var rows: [DistrictIndicators] = []
        rows.reserveCapacity(allocation.outcomes.count * grid.yearCount * (D + 1))
        for outcome in allocation.outcomes {
            let plan = outcome.plan.id, data = outcome.rows
            // The schools the yearly checks read: public ones in township zones, and those with special rooms.
            let schools = outcome.network.schools.filter { school in
                (kindergarten != nil && township[school.zone] && school.isPublic)
                    || school.special > 0 || !school.specialExpansions.isEmpty
            }
            for t in 0..<grid.yearCount {
                let year = grid.baseYear + t
                // Sums over each district's rows; position D first the scenario's own rows, then every row.
                var formed = Array(repeating: 0, count: D + 1), large = formed, superLarge = formed, noSchool = formed
                var shortage = Array(repeating: 0.0, count: D + 1), compulsoryStudents = shortage
                var students = Array(repeating: 0.0, count: (D + 1) * S)
                for i in (t * grid.rowsPerYear)..<((t + 1) * grid.rowsPerYear) {
                    let s = grid.stage(i), d = grid.district(i)
                    if compulsory[s] {
                        formed[d] += data.classesFormed(i)
                        large[d] += data.largeClasses(i)
                        superLarge[d] += data.superLargeClasses(i)
                        compulsoryStudents[d] += data.students(i)
                    }
                    shortage[d] += Swift.max(0, data.gap(i))
                    if data.alert(i) == .noSchool { noSchool[d] += 1 }
                    students[d * S + s] += data.students(i)
                }
                for d in 0..<D {
                    formed[D] += formed[d]
                    large[D] += large[d]
                    superLarge[D] += superLarge[d]
                    compulsoryStudents[D] += compulsoryStudents[d]
                    shortage[D] += shortage[d]
                    noSchool[D] += noSchool[d]
                    for s in 0..<S { students[D * S + s] += students[d * S + s] }
                }
                // The plan's schools this year: public kindergartens by zone, special seats by district.
                var publicKindergarten = Array(repeating: false, count: grid.zoneCount)
                var specialRooms = Array(repeating: 0, count: D + 1)
                for school in schools where school.isOpen(in: year) {
                    if let k = kindergarten, township[school.zone], school.isPublic,
                       school.classrooms(stage: k, year: year) > 0 {
                        publicKindergarten[school.zone] = true
                    }
                    let rooms = school.specialClassrooms(year: year)
                    specialRooms[grid.districtOfZone[school.zone]] += rooms
                    specialRooms[D] += rooms
                }

                var staff = Array(repeating: [StaffIndicators](), count: D + 1)
                for s in 0..<S {
                    var sumNeeded: Int? = 0, sumPosts: Int? = 0
                    for d in 0..<D {
                        let needed = scenarioLevel[s] ? nil : ratios[s].map { Self.posts(students[d * S + s], ratio: $0) }
                        let posts = staffPosts[d][s]
                        staff[d].append(StaffIndicators(needed: needed, posts: posts))
                        sumNeeded = needed.flatMap { n in sumNeeded.map { $0 + n } }
                        sumPosts = posts.flatMap { n in sumPosts.map { $0 + n } }
                    }
                    let needed = scenarioLevel[s] ? ratios[s].map { Self.posts(students[D * S + s], ratio: $0) } : sumNeeded
                    staff[D].append(StaffIndicators(needed: D > 0 ? needed : nil, posts: D > 0 ? sumPosts : nil))
                }

                // Pupils with disabilities (all, inclusion, home) per district, then ALL: their sum, none if
                // a district gives no special_education.
                var pupils: [SpecialPupils?] = (0..<D).map { d in
                    special[d].map { SpecialPupils($0, students: compulsoryStudents[d]) }
                }
                pupils.append(D > 0 && pupils.allSatisfy { $0 != nil }
                              ? pupils.reduce(SpecialPupils.none) { $0 + $1! } : nil)

                var blind = (0..<D).map { d in
                    blindSpots?.blindSpotAreas(plan: plan, year: year, district: grid.districtIDs[d])
                }
                blind.append(blindSpots == nil ? nil : blind.reduce(0) { $0 + ($1 ?? 0) })

                for d in 0...D {
                    let zones = d < D ? grid.zonesOfDistrict[d] : Array(0..<grid.zoneCount)
                    let townships = kindergarten.map { _ in zones.filter { township[$0] && !publicKindergarten[$0] }.count }
                    let gaps = staff[d].compactMap(\.gap)
                    let seats = specialRooms[d] * standards.specialClassSize
                    let share = shares.share(district: d, t: t)
                    rows.append(DistrictIndicators(
                        plan: plan, year: year, district: grid.districtIDs[d],
                        classesFormed: formed[d], largeClasses: large[d],
                        largeClassShare: formed[d] > 0 ? Double(large[d]) / Double(formed[d]) : nil,
                        superLargeClasses: superLarge[d], shortageSeats: shortage[d], noSchoolAreas: noSchool[d],
                        townshipsWithoutPublicKindergarten: townships, blindSpotAreas: blind[d],
                        generalShare: share, generalShareDeviation: share.map { abs($0 - shares.target) },
                        staff: staff[d], staffShortage: gaps.isEmpty ? nil : gaps.reduce(0) { $0 + Swift.max(0, $1) },
                        disabledPupils: pupils[d]?.all, inclusionPupils: pupils[d]?.inclusion, homePupils: pupils[d]?.home,
                        specialSchoolPupils: pupils[d]?.specialSchool, specialSeats: seats,
                        specialGap: pupils[d].map { $0.specialSchool - Double(seats) }))
                }
            }
        }
        self.rows = rows
    }

    /// Whole staff posts for `students` at `ratio` pupils per post: `ceil(students ÷ ratio − 10⁻⁹)` (a need
    /// that is whole up to rounding is not raised by one).
    static func posts(_ students: Double, ratio: Double) -> Int {
        guard ratio > 0 else { return 0 }
        return Swift.max(0, Int((students / ratio - 1e-9).rounded(.up)))
    }
}

/// Pupils with disabilities of a district's compulsory stages: `all = rate × students`, `inclusion` and
/// `home` of them; the rest, `all − inclusion − home`, need special-school seats.
struct SpecialPupils {
    var all: Double
    var inclusion: Double
    var home: Double

    static let none = SpecialPupils(all: 0, inclusion: 0, home: 0)

    init(all: Double, inclusion: Double, home: Double) {
        self.all = all
        self.inclusion = inclusion
        self.home = home
    }

    init(_ settings: SpecialEducation, students: Double) {
        all = settings.rate * students
        inclusion = settings.inclusion * all
        home = settings.home * all
    }

    var specialSchool: Double { all - inclusion - home }

    static func + (a: SpecialPupils, b: SpecialPupils) -> SpecialPupils {
        SpecialPupils(all: a.all + b.all, inclusion: a.inclusion + b.inclusion, home: a.home + b.home)
    }
}
