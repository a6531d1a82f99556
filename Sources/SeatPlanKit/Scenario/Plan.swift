/// A version of the network layout plan (布局规划): projects applied on top of the existing schools.
public struct Plan: Sendable {
    public var id: String
    public var name: String
    /// Start from this plan's projects, as that plan applies them.
    public var basedOn: String?
    public var basedOnLocation: SourceLocation?
    /// Inherited projects moved later by a number of years, keyed by a build's id or the school an
    /// inherited expansion or closure names.
    public var delays: [PlanDelay]
    /// Inherited projects left out, named like delays (a build's id, or the school an expansion or
    /// closure names). To replace a project, remove it and list the new version under `projects`.
    public var removals: [PlanRemoval]
    /// This plan's own projects, added after the inherited ones, unmoved.
    public var projects: [Project]
    public var location: SourceLocation

    public init(id: String, name: String, basedOn: String?, basedOnLocation: SourceLocation?,
                delays: [PlanDelay], removals: [PlanRemoval] = [], projects: [Project], location: SourceLocation) {
        self.id = id
        self.name = name
        self.basedOn = basedOn
        self.basedOnLocation = basedOnLocation
        self.delays = delays
        self.removals = removals
        self.projects = projects
        self.location = location
    }

    /// The id of the plan that is always run: the existing schools, no project.
    public static let baselineID = "baseline"
}

/// `delay: {ID: years}` of a plan.
public struct PlanDelay: Sendable {
    public var target: String
    public var years: Int
    public var location: SourceLocation

    public init(target: String, years: Int, location: SourceLocation) {
        self.target = target
        self.years = years
        self.location = location
    }
}

/// An entry of `remove: [ID, …]` of a plan.
public struct PlanRemoval: Sendable {
    public var target: String
    public var location: SourceLocation

    public init(target: String, location: SourceLocation) {
        self.target = target
        self.location = location
    }
}

/// One project of a plan.
public struct Project: Sendable {
    public enum Kind: String, Sendable {
        case build
        case expand
        case close
    }

    public var kind: Kind
    /// The new school's id (`build`) or the school expanded or closed.
    public var school: String
    /// Display name of a new school (`build` only).
    public var name: String?
    /// Zone of a new school (`build` only).
    public var zone: String?
    /// Classrooms built or added (none for `close`).
    public var classrooms: ProjectClassrooms
    /// Year the new school opens, the expansion's classrooms count from, or the school is closed from.
    public var year: Int
    public var cost: Double
    /// A new school's `public` (`build` only; default public) and `at`.
    public var isPublic = true
    public var at: GeoPoint?
    public var location: SourceLocation

    public init(kind: Kind, school: String, name: String?, zone: String?, classrooms: ProjectClassrooms,
                year: Int, cost: Double, location: SourceLocation) {
        self.kind = kind
        self.school = school
        self.name = name
        self.zone = zone
        self.classrooms = classrooms
        self.year = year
        self.cost = cost
        self.location = location
    }
}

/// Classrooms of a project: by stage, or one number for an expansion of a one-stage school
/// (the stage is then the school's only one, found when the plan is applied).
public enum ProjectClassrooms: Sendable {
    case byStage([StageClassrooms])
    case ofTheSchoolsStage(count: Int, location: SourceLocation)

    public static let none = ProjectClassrooms.byStage([])

    /// Classrooms under the key `special` (0 for a number, which names the school's one stage).
    public var special: Int {
        if case .byStage(let entries) = self { return entries.special }
        return 0
    }
}
