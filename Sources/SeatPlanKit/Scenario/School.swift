/// An existing school: the zone it sits in and its classrooms per stage.
public struct School: Sendable {
    public var id: String
    public var name: String
    public var zone: String
    /// Classrooms by stage (one entry for a one-stage school, several for e.g. a nine-year school).
    public var classrooms: [StageClassrooms]
    /// Closed from this year on, if set.
    public var closes: Int?
    /// `public: false` for a private school (民办).
    public var isPublic = true
    public var at: GeoPoint?
    public var location: SourceLocation

    public init(id: String, name: String, zone: String, classrooms: [StageClassrooms], closes: Int?,
                location: SourceLocation) {
        self.id = id
        self.name = name
        self.zone = zone
        self.classrooms = classrooms
        self.closes = closes
        self.location = location
    }
}

/// The classroom key of special-school classrooms (特殊教育), which serve the district.
public let specialClassroomsKey = "special"

extension [StageClassrooms] {
    /// Classrooms under the key `special`.
    public var special: Int { filter { $0.stage == specialClassroomsKey }.reduce(0) { $0 + $1.count } }
}

/// A number of classrooms for one stage.
public struct StageClassrooms: Sendable, Equatable {
    public var stage: String
    public var count: Int
    public var location: SourceLocation

    public init(stage: String, count: Int, location: SourceLocation) {
        self.stage = stage
        self.count = count
        self.location = location
    }

    public static func == (a: StageClassrooms, b: StageClassrooms) -> Bool {
        a.stage == b.stage && a.count == b.count
    }
}
