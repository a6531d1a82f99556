/// The schools of one plan, existing and built, with the years each is open and its classrooms by stage.
public struct SchoolNetwork: Sendable {
    public struct Member: Sendable {
        public var id: String
        public var name: String
        public var zone: Int
        /// Classrooms by stage position.
        public var classrooms: [Int: Int]
        /// Open from this year (`nil`: already open).
        public var opens: Int?
        /// Closed from this year (`nil`: stays open).
        public var closes: Int?
        /// Classrooms added by expansions: stage position, count, from year, and the position of the
        /// project in the plan as applied.
        public var expansions: [(stage: Int, count: Int, from: Int, project: Int)]
        /// Special-school classrooms (the key `special`, 特殊教育), which no stage's rows count, and those
        /// added by expansions from a year.
        public var special = 0
        public var specialExpansions: [(count: Int, from: Int)] = []
        /// Where it stands (`nil`: not given), for the coverage check and the maps.
        public var at: GeoPoint? = nil
        /// `false` for a private school (民办).
        public var isPublic = true

        public func isOpen(in year: Int) -> Bool {
            (opens.map { year >= $0 } ?? true) && (closes.map { year < $0 } ?? true)
        }

        /// Classrooms of a stage in a year: 0 when closed; otherwise the school's own plus expansions in force.
        public func classrooms(stage: Int, year: Int) -> Int {
            guard isOpen(in: year) else { return 0 }
            var total = classrooms[stage] ?? 0
            for expansion in expansions where expansion.stage == stage && expansion.from <= year {
                total += expansion.count
            }
            return total
        }

        /// Special-school classrooms in a year: 0 when closed; otherwise the school's own plus expansions in force.
        public func specialClassrooms(year: Int) -> Int {
            guard isOpen(in: year) else { return 0 }
            return special + specialExpansions.reduce(0) { $0 + ($1.from <= year ? $1.count : 0) }
        }
    }

    /// The scenario's own schools, before any plan: built once and shared by every plan's network.
    public struct Existing: Sendable {
        public let schools: [Member]
        /// Position of each school id in `schools`.
        let position: [String: Int]

        /// The schools of `scenario` whose zone is known (the others are reported by the validator), the
        /// first of a repeated id only.
        public init(_ scenario: Scenario, index: ScenarioIndex) {
            var members: [Member] = []
            var position: [String: Int] = [:]
            members.reserveCapacity(scenario.schools.count)
            position.reserveCapacity(scenario.schools.count)
            for school in scenario.schools where position[school.id] == nil {
                guard let zone = index.zoneIndex[school.zone] else { continue }
                var rooms: [Int: Int] = [:]
                for entry in school.classrooms {
                    if let s = index.stageIndex[entry.stage] { rooms[s, default: 0] += entry.count }
                }
                position[school.id] = members.count
                members.append(Member(id: school.id, name: school.name, zone: zone, classrooms: rooms, opens: nil,
                                      closes: school.closes, expansions: [], special: school.classrooms.special,
                                      at: school.at, isPublic: school.isPublic))
            }
            schools = members
            self.position = position
        }
    }

    public var plan: ResolvedPlan
    public var schools: [Member]
    private let existing: [String: Int]
    /// Positions of the schools the plan builds.
    private let built: [String: Int]

    /// The school of an id, existing or built by the plan.
    public func member(_ id: String) -> Member? {
        (built[id] ?? existing[id]).map { schools[$0] }
    }

    /// Applies a resolved plan on the existing schools. Unknown schools, zones and stages, and a build
    /// that reuses an id, are diagnostics at the project.
    public static func build(_ plan: ResolvedPlan, scenario: Scenario, index: ScenarioIndex,
                             diagnostics: inout DiagnosticCollector) -> SchoolNetwork {
        build(plan, on: Existing(scenario, index: index), index: index, diagnostics: &diagnostics)
    }

    /// `build(plan, scenario:…)` on existing schools already gathered (once for every plan).
    public static func build(_ plan: ResolvedPlan, on existing: Existing, index: ScenarioIndex,
                             diagnostics: inout DiagnosticCollector) -> SchoolNetwork {
        var members = existing.schools
        var built: [String: Int] = [:]
        func position(_ id: String) -> Int? { built[id] ?? existing.position[id] }
        for (number, applied) in plan.projects.enumerated() {
            let project = applied.project
            /// "did you mean" the nearest school id (existing or built so far), then what to name.
            func hintSchools() -> String {
                let ids = members.map(\.id)
                let suggestion = YAMLReader.closest(to: project.school, in: ids).map { "did you mean '\($0)'? " } ?? ""
                return suggestion + "name a school listed under 'schools' or built by this plan (or the plan it is based on)"
            }
            switch project.kind {
            case .build:
                if position(project.school) != nil {
                    diagnostics.error(at: project.location,
                                      "'build' uses the id '\(project.school)', which another school already has",
                                      hint: "give the new school an id of its own")
                    continue
                }
                guard let zoneID = project.zone, let zone = index.zoneIndex[zoneID] else {
                    let suggestion = YAMLReader.closest(to: project.zone ?? "", in: index.zones.map(\.id))
                        .map { "did you mean '\($0)'? " } ?? ""
                    diagnostics.error(at: project.location, "the new school's zone '\(project.zone ?? "")' is not a zone of any district",
                                      hint: suggestion + "use a zone id listed under a district's 'zones' (or a district id, for a district without zones)")
                    continue
                }
                let rooms = stageRooms(project.classrooms, schoolRooms: [:], project: project, index: index,
                                       diagnostics: &diagnostics)
                built[project.school] = members.count
                members.append(Member(id: project.school, name: project.name ?? project.school, zone: zone,
                                      classrooms: rooms, opens: applied.year, closes: nil, expansions: [],
                                      special: project.classrooms.special, at: project.at, isPublic: project.isPublic))
            case .expand:
                guard let i = position(project.school) else {
                    diagnostics.error(at: project.location, "'expand' names '\(project.school)', which is not a school",
                                      hint: hintSchools())
                    continue
                }
                if case .ofTheSchoolsStage(let count, _) = project.classrooms, members[i].classrooms.isEmpty,
                   members[i].special > 0 {
                    members[i].specialExpansions.append((count, applied.year))  // a special school's one kind of room
                    continue
                }
                let rooms = stageRooms(project.classrooms, schoolRooms: members[i].classrooms, project: project,
                                       index: index, diagnostics: &diagnostics)
                for (stage, count) in rooms.sorted(by: { $0.key < $1.key }) {
                    members[i].expansions.append((stage, count, applied.year, number))
                }
                if project.classrooms.special > 0 {
                    members[i].specialExpansions.append((project.classrooms.special, applied.year))
                }
            case .close:
                guard let i = position(project.school) else {
                    diagnostics.error(at: project.location, "'close' names '\(project.school)', which is not a school",
                                      hint: hintSchools())
                    continue
                }
                members[i].closes = min(members[i].closes ?? applied.year, applied.year)
            }
        }
        return SchoolNetwork(plan: plan, schools: members, existing: existing.position, built: built)
    }

    private static func stageRooms(_ classrooms: ProjectClassrooms, schoolRooms: [Int: Int], project: Project,
                                   index: ScenarioIndex, diagnostics: inout DiagnosticCollector) -> [Int: Int] {
        switch classrooms {
        case .byStage(let entries):
            var rooms: [Int: Int] = [:]
            for entry in entries where entry.stage != specialClassroomsKey {
                guard let s = index.stageIndex[entry.stage] else {
                    diagnostics.error(at: entry.location, "unknown stage '\(entry.stage)'",
                                      hint: "use a stage id of 'standards' (\(index.stageIndex.keys.sorted().joined(separator: ", ")))")
                    continue
                }
                rooms[s, default: 0] += entry.count
            }
            return rooms
        case .ofTheSchoolsStage(let count, let location):
            let stages = schoolRooms.keys.sorted()
            guard stages.count == 1, let only = stages.first else {
                diagnostics.error(at: location, "'\(project.school)' has \(stages.count) stages, so one number does not say which stage gains the classrooms",
                                  hint: "give classrooms by stage, e.g. classrooms: { primary: 12 }")
                return [:]
            }
            return [only: count]
        }
    }
}
