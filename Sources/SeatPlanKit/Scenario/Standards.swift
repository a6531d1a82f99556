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
    /// `standards.compulsory`: the stages of compulsory education (`nil`: `primary` and `junior`, those that exist).
    public var compulsory: [String]?
    public var compulsoryLocation: SourceLocation?
    /// `standards.upper_secondary` (普职比), if given.
    public var upperSecondary: UpperSecondary?
    /// Pupils per special-school classroom (`standards.special_class_size`, default 12).
    public var specialClassSize: Int

    public init(stages: [Stage], largeClass: Int, superLargeClass: Int, alerts: AlertThresholds,
                compulsory: [String]? = nil, upperSecondary: UpperSecondary? = nil, specialClassSize: Int = 12) {
        self.stages = stages
        self.largeClass = largeClass
        self.superLargeClass = superLargeClass
        self.alerts = alerts
        self.compulsory = compulsory
        self.upperSecondary = upperSecondary
        self.specialClassSize = specialClassSize
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

    /// The catchment of stage `s`: its own, else `zone`, except for a stage fed from a stage that is itself
    /// fed from another (upper secondary), whose default is `district`.
    public func catchment(of s: Int) -> Catchment {
        if let own = stages[s].catchment { return own }
        guard case .stage(let feeder) = stages[s].feed, let f = stageIndex(feeder),
              case .stage = stages[f].feed else { return .zone }
        return .district
    }

    /// `large_class` of stage `s`: its own band, else the scenario's.
    public func largeClass(of s: Int) -> Int { stages[s].largeClass ?? largeClass }
    /// `super_large_class` of stage `s`: its own band, else the scenario's.
    public func superLargeClass(of s: Int) -> Int { stages[s].superLargeClass ?? superLargeClass }

    /// Positions of the compulsory stages: `compulsory` as listed, else `primary` and `junior` where they exist.
    public var compulsoryStages: [Int] {
        (compulsory ?? ["primary", "junior"]).compactMap { stageIndex($0) }
    }
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
    /// `catchment` as written (`nil`: the default rule of `Standards.catchment(of:)`).
    public var catchment: Catchment?
    public var overflow: Overflow = .none
    /// The stage's own class bands (`nil`: the scenario's).
    public var largeClass: Int?
    public var superLargeClass: Int?
    /// `service_radius_m` as written (`nil`: the default of the stage id, see `serviceRadius`).
    public var serviceRadiusSetting: Double?
    /// `staff_ratio` as written (`nil`: the default of the stage id, see `staffRatio`).
    public var staffRatioSetting: Double?
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

    /// Walking distance in metres to a school of the stage: its own, else by id (GB 50180-2018:
    /// kindergarten 300, primary 500, junior 1000); `nil` for other ids.
    public var serviceRadius: Double? {
        serviceRadiusSetting ?? ["kindergarten": 300, "primary": 500, "junior": 1000][id]
    }

    /// Pupils per staff post (教职工编制): its own, else by id (2014 urban–rural standard: kindergarten 7,
    /// primary 19, junior 13.5, senior 12.5, vocational 20); `nil` for other ids.
    public var staffRatio: Double? {
        staffRatioSetting ?? ["kindergarten": 7, "primary": 19, "junior": 13.5, "senior": 12.5, "vocational": 20][id]
    }

    /// Seats per classroom: the mean of the grades' class sizes, since a stage's classrooms are taken
    /// as spread evenly over its grades (`seats = classrooms × mean(c_g)`).
    public var seatsPerClassroom: Double {
        guard !classSizes.isEmpty else { return 0 }
        return Double(classSizes.reduce(0, +)) / Double(classSizes.count)
    }
}
