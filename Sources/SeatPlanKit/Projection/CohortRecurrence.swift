/// The cohort-component recurrence of MODEL.md (Demand items 1, 2 and 5) for one district (or one unit of a
/// backtest), year by year from the counted base year:
/// - entry grade of a births-fed stage: given by `entry(s, t)` (births × entry ratio, or a counted value)
/// - any other grade: `E(s,g,t) = E(s,g−1,t−1) × R_{s,g}`; for `g = 1`, the feeding stage's last grade
/// - migration `M(s,t) / G_s` added to every grade and carried forward like the cohort, kept apart
struct CohortRecurrence {
    let stages: [Stage]
    /// Stages in an order where every feeding stage comes before the stages it feeds.
    let order: [Int]
    /// Position of the stage feeding each stage (`nil` for births-fed stages).
    let feeder: [Int?]
    /// `feeder`, with a births-fed stage as its own feeder (the convention of `DemandProjector.projectCohorts`).
    var feeders: [Int] { feeder.enumerated().map { s, f in f ?? s } }
    /// Whether grade `g` of stage `s` is an entry grade fed by births (grade 1 of a stage without a feeder):
    /// the grade a backtest with entry known takes as counted, neither projected nor scored.
    func isEntry(stage s: Int, grade g: Int) -> Bool { g == 0 && feeder[s] == nil }

    init(stages: [Stage]) {
        self.stages = stages
        var position: [String: Int] = [:]
        for (i, stage) in stages.enumerated() where position[stage.id] == nil { position[stage.id] = i }
        feeder = stages.map { stage in
            if case .stage(let id) = stage.feed { return position[id] }
            return nil
        }
        var placed: [Int] = []
        var remaining = Array(stages.indices)
        let feeder = self.feeder
        while !remaining.isEmpty {
            let before = remaining.count
            remaining.removeAll { s in
                let ready = feeder[s].map { placed.contains($0) } ?? true
                if ready { placed.append(s) }
                return ready
            }
            if remaining.count == before { placed += remaining; break }  // a cycle: the validator reports it
        }
        order = placed
    }

    /// Pupils by `[stage][grade][t]`, `t = 0` being `base`, for `horizon` years, by the projection's own
    /// kernel (`DemandProjector.projectCohorts`), without migration (the backtest's units have none).
    /// - Parameters:
    ///   - ratios: `R_{s,g}` by stage and grade (grade 1 of a births-fed stage is unused here: see `entry`)
    ///   - entry: pupils entering grade 1 of births-fed stage `s` in year position `t`
    func run(base: [[Double]], ratios: [[Double]], horizon: Int,
             entry: (_ stage: Int, _ t: Int) throws -> Double) rethrows -> [[[Double]]] {
        var cohort = stages.map { Array(repeating: Array(repeating: 0.0, count: horizon + 1), count: $0.grades) }
        // The kernel carries migration too; here it is none, and what it computes is not read.
        var migration = cohort
        for s in stages.indices {
            for g in 0..<stages[s].grades where g < base[s].count { cohort[s][g][0] = base[s][g] }
        }
        guard horizon >= 1 else { return cohort }
        // The entry values are given whole: the kernel's entry ratio is then 1.
        var inputs = ProjectionInputs(ratios: ratios,
                                      entryBirths: stages.map { _ in Array(repeating: 0.0, count: horizon + 1) },
                                      migration: stages.map { _ in Array(repeating: 0.0, count: horizon + 1) })
        for t in 1...horizon {
            for s in order where feeder[s] == nil {
                inputs.entryBirths[s][t] = try entry(s, t)
                inputs.ratios[s][0] = 1
            }
        }
        DemandProjector.projectCohorts(inputs, stages: stages, order: order,
                                       feeders: stages.indices.map { feeder[$0] ?? $0 }, horizon: horizon,
                                       cohort: &cohort, migration: &migration)
        return cohort
    }
}

extension DemandProjector {
    /// Projects `cohort` and `migration` (`[stage][grade][t]`, base year at `t = 0` already filled) for
    /// `t = 1 … horizon` from `inputs`, overwriting every projected value:
    /// - entry grade of a births-fed stage: `E(s,1,Y) = births(Y − A) × ρ_s`, migration `M(s,Y)/G_s`
    /// - grade 1 of a stage fed by stage `f`: `E(s,1,Y) = E(f,G_f,Y−1) × R_{s,1}`, migration likewise `+ M/G_s`
    /// - any other grade: `E(s,g,Y) = E(s,g−1,Y−1) × R_{s,g}`, migration likewise `+ M/G_s`
    ///
    /// (`R_{s,g}(t)` of year `t` where `inputs.yearlyRatios` has them.)
    static func projectCohorts(_ inputs: ProjectionInputs, stages: [Stage], order: [Int], feeders: [Int],
                               horizon: Int, cohort: inout [[[Double]]], migration: inout [[[Double]]]) {
        let yearly = !inputs.yearlyRatios.isEmpty
        for t in stride(from: 1, through: horizon, by: 1) {
            for s in order {
                let stage = stages[s]
                let added = inputs.migration[s][t] / Double(stage.grades)
                for g in 0..<stage.grades {
                    let ratio = yearly ? inputs.yearlyRatios[s][g][t] : inputs.ratios[s][g]
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
