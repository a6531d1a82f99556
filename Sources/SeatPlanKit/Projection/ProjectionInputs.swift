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

    public init(ratios: [[Double]], entryBirths: [[Double]], migration: [[Double]]) {
        self.ratios = ratios
        self.entryBirths = entryBirths
        self.migration = migration
    }
}

/// One district's projection: the inputs it ran on, the births series behind them, the resulting demand
/// and the assumptions reported.
struct DistrictProjection: Sendable {
    var inputs: ProjectionInputs
    var births: BirthsSeries
    var demand: DistrictDemand
    var assumptions: [Assumption]
}

/// The projection of every district, and the `Demand` assembled from it.
struct PreparedProjection: Sendable {
    var districts: [DistrictProjection]
    var demand: Demand
    /// Stages in an order where every feeding stage comes before the stages it feeds.
    var order: [Int]
    /// The stage position feeding each stage fed `from` another (its own position otherwise).
    var feeders: [Int]
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

    /// Projects `cohort` and `migration` (`[stage][grade][t]`, base year at `t = 0` already filled) for
    /// `t = 1 … horizon` from `inputs`, overwriting every projected value:
    /// - entry grade of a births-fed stage: `E(s,1,Y) = births(Y − A) × ρ_s`, migration `M(s,Y)/G_s`
    /// - grade 1 of a stage fed by stage `f`: `E(s,1,Y) = E(f,G_f,Y−1) × R_{s,1}`, migration likewise `+ M/G_s`
    /// - any other grade: `E(s,g,Y) = E(s,g−1,Y−1) × R_{s,g}`, migration likewise `+ M/G_s`
    static func projectCohorts(_ inputs: ProjectionInputs, stages: [Stage], order: [Int], feeders: [Int],
                               horizon: Int, cohort: inout [[[Double]]], migration: inout [[[Double]]]) {
        for t in stride(from: 1, through: horizon, by: 1) {
            for s in order {
                let stage = stages[s]
                let added = inputs.migration[s][t] / Double(stage.grades)
                for g in 0..<stage.grades {
                    let ratio = inputs.ratios[s][g]
                    if g == 0 {
                        switch stage.feed {
                        case .births:
                            cohort[s][0][t] = inputs.entryBirths[s][t] * ratio
                            migration[s][0][t] = added
                        case .stage:
                            let f = feeders[s]
                            let last = stages[f].grades - 1
                            cohort[s][0][t] = cohort[f][last][t - 1] * ratio
                            migration[s][0][t] = migration[f][last][t - 1] * ratio + added
                        }
                    } else {
                        cohort[s][g][t] = cohort[s][g - 1][t - 1] * ratio
                        migration[s][g][t] = migration[s][g - 1][t - 1] * ratio + added
                    }
                }
            }
        }
    }
}

extension Housing {
    /// Completions in year order.
    var completions: [(year: Int, dwellings: Double)] {
        dwellings.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Pupils of one stage from this development in `year`, at `yield` pupils per 100 dwellings:
    /// `Σ_c dwellings_c × yield/100 × Δramp`, where `Δramp = ramp(Y−c)` for completion after the base year
    /// and `ramp(Y−c) − ramp(base−c)` otherwise. `slip` moves the completions after the base year by
    /// whole years (never to or before the base year); counted completions never move.
    func pupils(completions: [(year: Int, dwellings: Double)], yield: Double, year: Int, baseYear: Int,
                slip: Int = 0) -> Double {
        Self.pupils(completions: completions, ramp: ramp, yield: yield, year: year, baseYear: baseYear, slip: slip)
    }

    /// `pupils(completions:yield:year:baseYear:slip:)` of a development with this `ramp` (for the draws,
    /// which keep only the completions and the ramp of a development).
    static func pupils(completions: [(year: Int, dwellings: Double)], ramp: [Double], yield: Double, year: Int,
                       baseYear: Int, slip: Int = 0) -> Double {
        var pupils = 0.0
        for (planned, dwellings) in completions {
            let completed = planned > baseYear ? max(planned + slip, baseYear + 1) : planned
            var level = rampLevel(ramp, yearsAfterCompletion: year - completed)
            if completed <= baseYear {
                level -= rampLevel(ramp, yearsAfterCompletion: baseYear - completed)
            }
            pupils += dwellings * yield / 100 * level
        }
        return pupils
    }
}
