/// Where the numbers of a scenario stop meaning anything: the largest value of each kind a scenario may
/// hold, in one place. The loader refuses a larger value with the limit in the message ("… is beyond the
/// plausible — write at most LIMIT"); nothing is clamped. The README's "What SeatPlan refuses, and why"
/// lists the same values.
///
/// The limits are far above any real district (the largest cohorts of a whole country are a few million),
/// and low enough that every sum and product of the model stays exact in a `Double` and every class
/// count fits an `Int32`.
public enum PlausibilityLimits {
    /// Pupils of one grade of one district or zone in one year (enrolment), and extra migration per year.
    public static let pupils = 10_000_000.0
    /// Births of one district in one year.
    public static let births = 10_000_000.0
    /// Dwellings completed by one development in one year.
    public static let dwellings = 1_000_000.0
    /// Classrooms of one school for one stage, or added by one project.
    public static let classrooms = 10_000
    /// A standard class size, and the thresholds of large and super-large classes.
    public static let classSize = 200
    /// The cost of one project.
    public static let projectCost = 1e13
    /// The total cost of one plan's projects (those inherited with `based_on` included).
    public static let planCost = 1e15
    /// Years projected after the base year.
    public static let horizon = 100
}
