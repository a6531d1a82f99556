/// The scenario's `advisor` block (MODEL.md, *Plan advisor*): candidate projects, the years each may open,
/// and the targets the cheapest choice must meet.
public struct AdvisorSettings: Sendable {
    /// The plan the candidates are added to (`nil`: the existing schools).
    public var basedOn: String?
    public var basedOnLocation: SourceLocation?
    public var candidates: [Candidate]
    public var targets: Targets
    public var location: SourceLocation

    public init(basedOn: String?, basedOnLocation: SourceLocation?, candidates: [Candidate], targets: Targets,
                location: SourceLocation) {
        self.basedOn = basedOn
        self.basedOnLocation = basedOnLocation
        self.candidates = candidates
        self.targets = targets
        self.location = location
    }

    /// A `build` or `expand` project (its `year` is `earliest`) that may open in any year `earliest…latest`.
    public struct Candidate: Sendable {
        public var project: Project
        public var earliest: Int
        public var latest: Int
        public var location: SourceLocation

        public init(project: Project, earliest: Int, latest: Int, location: SourceLocation) {
            self.project = project
            self.earliest = earliest
            self.latest = latest
            self.location = location
        }
    }

    /// What the choice must achieve, for the compulsory stages unless `stages` lists others.
    public struct Targets: Sendable {
        public var noSuperLargeFrom: Int?
        public var noShortageFrom: Int?
        public var maxShortageSeatYears: Double?
        public var budget: Double?
        public var stages: [String]?
        public var location: SourceLocation

        public init(noSuperLargeFrom: Int? = nil, noShortageFrom: Int? = nil, maxShortageSeatYears: Double? = nil,
                    budget: Double? = nil, stages: [String]? = nil, location: SourceLocation) {
            self.noSuperLargeFrom = noSuperLargeFrom
            self.noShortageFrom = noShortageFrom
            self.maxShortageSeatYears = maxShortageSeatYears
            self.budget = budget
            self.stages = stages
            self.location = location
        }
    }
}
