/// The numbers the cohort projection of one district runs on — what a Monte Carlo draw replaces, while
/// the counted enrolment, the stages and the zone split stay as they are.
///
/// Year position `t` runs `0 … horizon` for `baseYear + t`; `t = 0` is never read.
public struct ProjectionInputs: Sendable {
    /// `R_{s,g}` by stage and grade (0-based); grade 0 of a births-fed stage holds its entry ratio `ρ_s`.
    public var ratios: [[Double]]
    /// `births(Y − A_s)` for the entry grade of each births-fed stage, `[stage][t]` (0 for other stages).
    public var entryBirths: [[Double]]
    /// `M(s, Y)`: extra migration pupils of each stage and year, `[stage][t]`.
    public var migration: [[Double]]
    /// `R_{s,g}(t)`, `[stage][grade][t]`, where the ratios differ from year to year (a Monte Carlo draw whose
    /// ratio errors are partly drawn afresh each year); empty: `ratios` in every year.
    public var yearlyRatios: [[[Double]]] = []

    public init(ratios: [[Double]], entryBirths: [[Double]], migration: [[Double]]) {
        self.ratios = ratios
        self.entryBirths = entryBirths
        self.migration = migration
    }
}

extension DemandProjector {
    /// The births and migration tables of a district for `ProjectionInputs`. A birth year an entry needs
    /// but that is neither listed nor projected is an error at the district's births, for the first
    /// projected year and stage (in `order`) that needs it.
    func inputs(_ district: District, ratios: [[Double]], births: BirthsSeries, scenario: Scenario, order: [Int])
        throws -> ProjectionInputs {
        let stages = scenario.standards.stages
        let horizon = scenario.horizon
        var entryBirths = stages.map { _ in Array(repeating: 0.0, count: horizon + 1) }
        var migration = entryBirths
        for t in stride(from: 1, through: horizon, by: 1) {
            let year = scenario.baseYear + t
            for s in order {
                let stage = stages[s]
                migration[s][t] = district.migration[stage.id]?.pupils(in: year) ?? 0
                guard case .births(let age) = stage.feed else { continue }
                guard let b = births.births(in: year - age) else {
                    throw ProjectionFailure(diagnostic: .error(
                        at: district.birthsLocation,
                        "births of \(year - age) are needed for \(stage.id) entry in \(year) but are missing",
                        hint: "list births for \(year - age) or use a births method that projects them"))
                }
                entryBirths[s][t] = b
            }
        }
        return ProjectionInputs(ratios: ratios, entryBirths: entryBirths, migration: migration)
    }
}
