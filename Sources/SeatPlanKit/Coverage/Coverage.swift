/// The service-radius coverage of every plan (MODEL.md, *Coverage*): per plan, year of the rows,
/// residential area and stage with a service radius, the nearest school of the whole scenario (any
/// district, public or private) with an `at` and classrooms of the stage open that year, and its
/// great-circle distance (`Haversine`). Ties go to the school listed first in the plan's network: existing
/// schools in file order, then the plan's builds in the order it applies them.
///
/// Computed per plan and stage along the years, incrementally: the first year searches a
/// `NearestPointIndex` of the open schools; a later year in which schools open searches an index of only
/// those and keeps the nearer answer; an area whose school closed is searched again over all open ones.
/// Either way the answer is the minimum of (distance, position) over the open schools, the brute-force one.
public struct Coverage: Sendable {
    /// A school that some plan's coverage may name.
    public struct School: Sendable {
        public var id: String
        public var name: String
        public var at: GeoPoint
        public var isPublic: Bool
        /// Zone position (`ScenarioIndex`).
        public var zone: Int
    }

    /// One plan's answers, at `((t · areas.count) + a) · stages.count + k`.
    public struct PlanCoverage: Sendable {
        public var plan: String
        /// Position in `Coverage.schools`, −1 where no school of the stage is open.
        var school: [Int32]
        /// Metres (unrounded); infinity where no school is open.
        var distance: [Double]
    }

    public let baseYear: Int
    public let yearCount: Int
    /// Positions (in `standards.stages`) of the stages with a service radius, and their radii.
    public let stages: [Int]
    public let radii: [Double]
    public let areas: [ResidentialArea]
    /// The scenario's district ids (`ResidentialArea.district` is a position in them).
    public let districtIDs: [String]
    /// Every school with an `at` of any plan, existing ones first, each id once.
    public let schools: [School]
    /// In the allocation's plan order (baseline first).
    public let plans: [PlanCoverage]

    public var years: Range<Int> { baseYear..<(baseYear + yearCount) }
    public var isEmpty: Bool { areas.isEmpty || stages.isEmpty }

    public init(_ allocation: Allocation, scenario: Scenario) {
        let stageList = scenario.standards.stages
        stages = stageList.indices.filter { stageList[$0].serviceRadius != nil }
        radii = stages.map { stageList[$0].serviceRadius! }
        areas = ResidentialArea.all(scenario)
        districtIDs = scenario.districts.map(\.id)
        baseYear = allocation.grid.baseYear
        yearCount = allocation.grid.yearCount
        var schools: [School] = []
        var number: [String: Int32] = [:]
        for outcome in allocation.outcomes {
            for member in outcome.network.schools where number[member.id] == nil {
                guard let at = member.at else { continue }
                number[member.id] = Int32(schools.count)
                schools.append(School(id: member.id, name: member.name, at: at, isPublic: member.isPublic,
                                      zone: member.zone))
            }
        }
        self.schools = schools
        let points = areas.map(\.at)
        let (stages, base, years, numbers) = (stages, baseYear, yearCount, number)
        let outcomes = allocation.outcomes
        let K = stages.count, A = points.count
        // One job per plan and stage; each fills its own slots.
        let answers: [(school: [Int32], distance: [Double])] = A == 0 ? [] : Parallel.map(count: outcomes.count * K) { job in
            let network = outcomes[job / K].network
            let global = network.schools.map { numbers[$0.id] ?? -1 }
            return Self.chain(network.schools, stage: stages[job % K], points: points, baseYear: base,
                              yearCount: years, global: global)
        }
        plans = outcomes.enumerated().map { p, outcome in
            var school = [Int32](repeating: -1, count: years * A * K)
            var distance = [Double](repeating: .infinity, count: years * A * K)
            for k in 0..<K where A > 0 {
                let answer = answers[p * K + k]
                for t in 0..<years {
                    for a in 0..<A {
                        school[(t * A + a) * K + k] = answer.school[t * A + a]
                        distance[(t * A + a) * K + k] = answer.distance[t * A + a]
                    }
                }
            }
            return PlanCoverage(plan: outcome.plan.id, school: school, distance: distance)
        }
    }

    /// The nearest open school of `stage` among a network's `members` to every point in every year, at
    /// `t · points.count + a`, as a position in `Coverage.schools` (`global` maps network positions there).
    static func chain(_ members: [SchoolNetwork.Member], stage: Int, points: [GeoPoint], baseYear: Int, yearCount: Int,
                      global: [Int32]) -> (school: [Int32], distance: [Double]) {
        let A = points.count
        var best = [Int](repeating: -1, count: A)  // network position
        var bestDistance = [Double](repeating: .infinity, count: A)
        var open = [Bool](repeating: false, count: members.count)
        var school = [Int32](repeating: -1, count: yearCount * A)
        var distance = [Double](repeating: .infinity, count: yearCount * A)
        for t in 0..<yearCount {
            let year = baseYear + t
            let now = members.map { $0.at != nil && $0.classrooms(stage: stage, year: year) > 0 }
            let added = members.indices.filter { now[$0] && !open[$0] }
            let removed = Set(members.indices.filter { !now[$0] && open[$0] })
            if !removed.isEmpty {
                let positions = members.indices.filter { now[$0] }
                let index = NearestPointIndex(positions.map { members[$0].at! })
                for a in 0..<A where removed.contains(best[a]) {
                    if let found = index.nearest(to: points[a]) {
                        best[a] = positions[found.position]
                        bestDistance[a] = found.distance
                    } else {
                        best[a] = -1
                        bestDistance[a] = .infinity
                    }
                }
            }
            if !added.isEmpty {
                let index = NearestPointIndex(added.map { members[$0].at! })
                for a in 0..<A {
                    guard let found = index.nearest(to: points[a]) else { continue }
                    let p = added[found.position]
                    if found.distance < bestDistance[a] || (found.distance == bestDistance[a] && p < best[a]) {
                        best[a] = p
                        bestDistance[a] = found.distance
                    }
                }
            }
            open = now
            for a in 0..<A {
                school[t * A + a] = best[a] >= 0 ? global[best[a]] : -1
                distance[t * A + a] = bestDistance[a]
            }
        }
        return (school, distance)
    }

    // MARK: Reading

    /// The answer for plan position `p`, year position `t`, area `a` and radius stage `k`.
    public func cell(plan p: Int, t: Int, area a: Int, stage k: Int) -> (school: School?, distance: Double?) {
        let i = (t * areas.count + a) * stages.count + k
        let s = plans[p].school[i]
        return s >= 0 ? (schools[Int(s)], plans[p].distance[i]) : (nil, nil)
    }

    /// Whether the nearest school is within the stage's radius (distance ≤ radius, unrounded; no school: no).
    public func isWithin(plan p: Int, t: Int, area a: Int, stage k: Int) -> Bool {
        plans[p].distance[(t * areas.count + a) * stages.count + k] <= radii[k]
    }

    /// A blind spot of coverage: the area is there that year, has pupils of the stage and no school within
    /// the radius.
    public func isBlindSpot(plan p: Int, t: Int, area a: Int, stage k: Int) -> Bool {
        areas[a].isPresent(in: baseYear + t) && areas[a].hasPupils[stages[k]] && !isWithin(plan: p, t: t, area: a, stage: k)
    }

    /// Whether the area is a blind spot for at least one stage in that year.
    public func isBlindSpot(plan p: Int, t: Int, area a: Int) -> Bool {
        stages.indices.contains { isBlindSpot(plan: p, t: t, area: a, stage: $0) }
    }
}
