/// The stages of schooling and the class-size and alert standards of a country or city.
///
/// Chinese national defaults (GB 50099-2011, 幼儿园工作规程): kindergarten 3 years from age 3 in classes of 30,
/// primary 6 years from age 6 in classes of 45, junior and senior 3 years each in classes of 50;
/// 56–65 pupils is a large class (大班额), 66 or more a super-large class (超大班额);
/// early-warning yellow at 90 % utilisation, red at 100 % (学位预警).
public struct Standards: Sendable {
    public var stages: [Stage]
    /// A class of this many pupils or more is large (the super-large ones included).
    public var largeClass: Int
    /// A class of this many pupils or more is super-large.
    public var superLargeClass: Int
    public var alerts: AlertThresholds

    public init(stages: [Stage], largeClass: Int, superLargeClass: Int, alerts: AlertThresholds) {
        self.stages = stages
        self.largeClass = largeClass
        self.superLargeClass = superLargeClass
        self.alerts = alerts
    }

    public static func chineseDefaults(at location: SourceLocation) -> Standards {
        Standards(
            stages: [
                Stage(id: "kindergarten", name: "幼儿园", grades: 3, feed: .births(entryAge: 3),
                      classSizes: [30, 30, 30], location: location),
                Stage(id: "primary", name: "小学", grades: 6, feed: .births(entryAge: 6),
                      classSizes: Array(repeating: 45, count: 6), location: location),
                Stage(id: "junior", name: "初中", grades: 3, feed: .stage("primary"),
                      classSizes: [50, 50, 50], location: location),
                Stage(id: "senior", name: "普通高中", grades: 3, feed: .stage("junior"),
                      classSizes: [50, 50, 50], location: location),
            ],
            largeClass: 56,
            superLargeClass: 66,
            alerts: AlertThresholds(yellow: 0.90, red: 1.00)
        )
    }

    public func stage(_ id: String) -> Stage? { stages.first { $0.id == id } }
    public func stageIndex(_ id: String) -> Int? { stages.firstIndex { $0.id == id } }
}

/// Utilisation thresholds of the early-warning alert (pupils ÷ seats).
public struct AlertThresholds: Sendable {
    public var yellow: Double
    public var red: Double

    public init(yellow: Double, red: Double) {
        self.yellow = yellow
        self.red = red
    }
}

/// A stage of schooling (kindergarten, primary, …) with its grades and class sizes.
public struct Stage: Sendable {
    /// How a stage's first grade is fed.
    public enum Feed: Sendable, Equatable {
        /// From births: a child born in year `b` enters in year `b + entryAge`.
        case births(entryAge: Int)
        /// From the last grade of another stage, one year later.
        case stage(String)
    }

    public var id: String
    public var name: String
    public var grades: Int
    public var feed: Feed
    /// Standard class size of each grade (all equal unless the scenario lists them per grade).
    public var classSizes: [Int]
    /// Labels of the grades for reports (`K, 1, 2 …`); grade numbers `1…grades` by default.
    public var gradeNames: [String]
    public var location: SourceLocation

    public init(id: String, name: String, grades: Int, feed: Feed, classSizes: [Int],
                gradeNames: [String]? = nil, location: SourceLocation) {
        self.id = id
        self.name = name
        self.grades = grades
        self.feed = feed
        self.classSizes = classSizes
        self.gradeNames = gradeNames ?? (1...max(grades, 1)).prefix(grades).map(String.init)
        self.location = location
    }

    /// Seats per classroom: the mean of the grades' class sizes, since a stage's classrooms are taken
    /// as spread evenly over its grades (`seats = classrooms × mean(c_g)`).
    public var seatsPerClassroom: Double {
        guard !classSizes.isEmpty else { return 0 }
        return Double(classSizes.reduce(0, +)) / Double(classSizes.count)
    }
}
