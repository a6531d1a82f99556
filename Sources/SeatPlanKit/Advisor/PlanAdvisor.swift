/// The plan advisor (MODEL.md, *Plan advisor*): the cheapest choice of the scenario's `advisor` candidates
/// and opening years that meets every target when run through the model.
///
/// 1. `AdvisorProgram` states the targets as linear conditions on classrooms per target group and year —
///    exact for a one-class-size stage without transfers, a relaxation elsewhere (`TargetGroups`): every
///    choice that meets the targets satisfies them.
/// 2. The programme is solved in MODEL.md's order of preference, lexicographically, by re-solves:
///    least cost (then `Σ cost ≤ C*`); fewest projects (then `Σ x ≤ K*`); candidates' file positions,
///    sorted, first — the lowest position that can still be chosen is fixed in, else out, position by
///    position (one solve first asks whether any set before the current one exists at all); then each
///    chosen candidate's opening year, in candidate order, earliest first.
/// 3. Every solution the order relies on (each level's optimum, each witness that a position can be
///    chosen) is run through the model (`Allocator`'s classroom table, `TransferPass`, `PlanPupils`,
///    `PlanColumns`) and judged by `TargetCheck`. If a target fails, cuts remove the choices that fail
///    for the same reason (`AdvisorProgram.cuts`): a year's rows depend only on that year's classrooms
///    (demand is the plan's own in no way, transfers are made year by year and only between neighbours),
///    so every choice that opens the same candidates of a failing group by that year fails there too. A
///    failure of `max_shortage_seat_years` alone (a sum over years) removes exactly the choice:
///    `Σ_{(c,y) ∈ A} x_{c,y} − Σ_{(c,y) ∉ A} x_{c,y} ≤ |A| − 1`. Then step 2 runs again.
/// Because step 1 removes no choice that meets the targets and each cut removes only failing ones, the
/// first confirmed choice is the first in the order of preference among all that meet the targets: the
/// optimum. No advice is returned that the model has not confirmed.
public struct PlanAdvisor: Sendable {
    /// Choices run through the model before the advisor gives up.
    public var modelRunLimit: Int

    public init(modelRunLimit: Int = 2000) {
        self.modelRunLimit = modelRunLimit
    }

    /// One chosen candidate.
    public struct Choice: Sendable {
        /// Position of the candidate in the `advisor` block.
        public var candidate: Int
        public var year: Int
        /// The project as it goes into the advised plan (`year` set to the opening year).
        public var project: Project
        /// Seats added in the last projected year, by stage id, in stage order.
        public var seatsAdded: [(stage: String, seats: Double)]
        /// Targets whose group-years it adds classrooms to.
        public var serves: [String]
        /// The zone of its school.
        public var zone: String
    }

    /// Work done: solves, the solver's own seconds, choices run through the model, cuts added.
    public struct Statistics: Sendable {
        public var solves = 0
        public var solverSeconds = 0.0
        public var modelRuns = 0
        public var cuts = 0
    }

    /// The advisor's answer.
    public struct Advice: Sendable {
        public var choices: [Choice]
        public var cost: Double
        /// The advised plan (id `advisor`, based on `based_on`).
        public var plan: Plan
        /// The targets on the advised plan's rows, and on those of `based_on` alone.
        public var check: TargetCheck
        public var before: TargetCheck
        public var statistics: Statistics
    }

    /// Why no advice: the targets no choice can meet, each with where and by how much.
    public struct Failure: Error, Sendable {
        public var reasons: [String]
        public var statistics: Statistics
    }

    /// Chooses the candidates of the scenario's `advisor` block on `demand` (the projection of the compiled
    /// scenario: its grid, plans and transfer rule as the validator compiled them).
    public func advise(_ compiled: CompiledScenario, demand: Demand) -> Result<Advice, Failure> {
        let scenario = compiled.scenario
        guard let advisor = scenario.advisor else {
            return .failure(Failure(reasons: ["the scenario has no 'advisor' block"], statistics: Statistics()))
        }
        let standards = scenario.standards
        let grid = compiled.grid
        let pupils = AreaDemand(demand: demand, grid: grid, standards: standards)
        let transfers = compiled.transfers
        let stages = Self.targetStages(advisor.targets, standards: standards)
        let groups = TargetGroups(stages: stages, grid: grid, transfers: transfers)
        let effects = CandidateEffects(compiled)
        var program = AdvisorProgram(advisor: advisor, effects: effects, groups: groups, demand: pupils, grid: grid,
                                     standards: standards)
        var statistics = Statistics()

        func run(_ choice: [(c: Int, year: Int)]) -> TargetCheck {
            var rooms = effects.base
            for (c, year) in choice {
                for entry in effects.added[c] where grid.year(entry.row) >= year { rooms[entry.row] += entry.classrooms }
            }
            let planPupils = PlanPupils(base: pupils, moves: transfers.moves(classrooms: rooms, demand: pupils),
                                        grid: grid, standards: standards)
            let rows = PlanColumns(plan: "advisor", classrooms: rooms, pupils: planPupils, grid: grid,
                                    standards: standards)
            return TargetCheck(targets: advisor.targets, stages: stages, rows: rows)
        }
        let before = run([])
        statistics.modelRuns += 1

        if !program.unreachable.isEmpty {
            return .failure(Failure(reasons: program.unreachable.map { Self.describe($0, groups: groups, grid: grid) },
                                    statistics: statistics))
        }
        var lastFailure: TargetCheck? = nil
        let layout = program  // columns, years and groups (the cuts' own rows never change them)
        /// Runs a proposal through the model: `nil` when it meets every target, else the cuts it earns.
        func confirm(_ choice: [(c: Int, year: Int)], _ statistics: inout Statistics) -> [AdvisorProgram.Cut]? {
            statistics.modelRuns += 1
            let check = run(choice)
            if check.allMet { return nil }
            lastFailure = check
            statistics.cuts += 1
            let cuts = layout.cuts(failing: check.failingRows, choice: choice, groups: groups, effects: effects, grid: grid)
            return cuts.isEmpty ? [layout.noGood(choice)] : cuts
        }
        while statistics.modelRuns <= modelRunLimit {
            guard let choice = preferred(&program, advisor: advisor, statistics: &statistics, confirm: confirm) else {
                if statistics.modelRuns > modelRunLimit { break }
                if let budget = advisor.targets.budget {
                    // Without the budget: the least cost the targets need, or why no choice meets them.
                    var unbounded = advisor
                    unbounded.targets.budget = nil
                    switch advise(compiled.with(advisor: unbounded), demand: demand) {
                    case .success(let free):
                        return .failure(Failure(reasons: ["budget: the least cost of a choice that meets the targets is "
                                                          + "\(Self.number(free.cost)), over the budget of \(Self.number(budget))"],
                                                statistics: statistics))
                    case .failure(let failure):
                        return .failure(Failure(reasons: failure.reasons, statistics: statistics))
                    }
                }
                return .failure(Failure(reasons: whyNone(lastFailure: lastFailure, grid: grid), statistics: statistics))
            }
            // The preferred choice is made of confirmed solutions; run it once more as it stands.
            statistics.modelRuns += 1
            let check = run(choice)
            if check.allMet {
                let made = choice.map { c, year in
                    makeChoice(c, year: year, advisor: advisor, effects: effects, program: program, grid: grid)
                }
                return .success(Advice(choices: made, cost: made.reduce(0) { $0 + $1.project.cost },
                                       plan: Self.plan(made, advisor: advisor, scenario: scenario),
                                       check: check, before: before, statistics: statistics))
            }
            program.program.addRow(layout.noGood(choice).terms, .atMost, layout.noGood(choice).bound)
            statistics.cuts += 1
        }
        return .failure(Failure(reasons: ["gave up after \(modelRunLimit) choices run through the model, none meeting every target"],
                                statistics: statistics))
    }

    /// The target stages: `targets.stages`, else the compulsory ones.
    static func targetStages(_ targets: AdvisorSettings.Targets, standards: Standards) -> [Int] {
        targets.stages.map { $0.compactMap { standards.stageIndex($0) } } ?? standards.compulsoryStages
    }

    // MARK: The lexicographic solve

    /// The first choice of `program`'s feasible set in MODEL.md's order of preference, or `nil` if none.
    private func preferred(_ advisor: inout AdvisorProgram, advisor settings: AdvisorSettings,
                           statistics: inout Statistics,
                           confirm: ([(c: Int, year: Int)], inout Statistics) -> [AdvisorProgram.Cut]?)
        -> [(c: Int, year: Int)]? {
        var lp = advisor.program
        let columns = advisor.columns
        let n = columns.count
        func solve(_ lp: LinearProgram) -> [Double]? {
            statistics.solves += 1
            if case .optimal(let values, _) = lp.solve(seconds: &statistics.solverSeconds) { return values }
            return nil
        }
        func chosenSet(_ values: [Double]) -> [Int] {
            (0..<n).filter { c in columns[c].contains { values[$0] > 0.5 } }
        }
        func uses(_ c: Int) -> [(column: Int, coefficient: Double)] { columns[c].map { ($0, 1) } }
        let years = advisor.years
        /// An optimum of `lp` that the model confirms: each proposal the model rejects adds its cuts (to
        /// `lp` and to the programme) and `lp` is solved again.
        func confirmedSolve(_ lp: inout LinearProgram) -> [Double]? {
            while statistics.modelRuns <= modelRunLimit {
                guard let values = solve(lp) else { return nil }
                let choice = (0..<n).compactMap { c in
                    columns[c].firstIndex { values[$0] > 0.5 }.map { (c: c, year: years[c].lowerBound + $0) }
                }
                guard let cuts = confirm(choice, &statistics) else { return values }
                for cut in cuts {
                    lp.addRow(cut.terms, .atMost, cut.bound)
                    advisor.program.addRow(cut.terms, .atMost, cut.bound)
                }
            }
            return nil
        }

        // Least cost.
        let costs = settings.candidates.map(\.project.cost)
        let scale = max(costs.max() ?? 1, 1)
        var objective: [Int: Double] = [:]
        for c in 0..<n { for column in columns[c] { objective[column] = costs[c] / scale } }
        lp.setObjective(objective)
        guard var values = confirmedSolve(&lp) else { return nil }
        let cost = chosenSet(values).reduce(0.0) { $0 + costs[$1] / scale }
        lp.addRow((0..<n).flatMap { c in columns[c].map { ($0, costs[c] / scale) } }, .atMost, cost + 1e-9)

        // Fewest projects.
        objective = [:]
        for column in columns.joined() { objective[column] = 1 }
        lp.setObjective(objective)
        values = confirmedSolve(&lp) ?? values
        let count = chosenSet(values).count
        lp.addRow(columns.joined().map { ($0, 1) }, .atMost, Double(count))

        // File positions, sorted, first: u_j fixed to 1 where possible, position by position.
        objective = [:]
        for c in 0..<n { for column in columns[c] { objective[column] = Double(c + 1) } }
        lp.setObjective(objective)
        values = confirmedSolve(&lp) ?? values
        var set = chosenSet(values)
        var fixedIn: [Int] = []
        for j in 0..<n {
            if fixedIn.count == count { break }
            if set.contains(j) {
                lp.addRow(uses(j), .atLeast, 1)
                fixedIn.append(j)
                continue
            }
            let later = set.filter { $0 > j }
            let earlier = (j..<(later.max() ?? j)).filter { !set.contains($0) }
            if earlier.isEmpty { break }
            var probe = lp
            probe.addRow(earlier.flatMap(uses), .atLeast, 1)
            guard solve(probe) != nil else { break }  // no set of the same cost and size comes before `set`
            var single = lp
            single.addRow(uses(j), .atLeast, 1)
            if let found = confirmedSolve(&single) {
                set = chosenSet(found)
                lp = single
                fixedIn.append(j)
            } else {
                for column in columns[j] { lp.fix(column, to: 0) }
            }
        }
        for c in 0..<n where !set.contains(c) { for column in columns[c] { lp.fix(column, to: 0) } }
        for c in set where !fixedIn.contains(c) { lp.addRow(uses(c), .atLeast, 1) }

        // Opening years in candidate order, earliest first.
        var choice: [(c: Int, year: Int)] = []
        for c in set {
            var k = 0
            if columns[c].count > 1 {
                objective = [:]
                for (position, column) in columns[c].enumerated() { objective[column] = Double(position) }
                lp.setObjective(objective)
                guard let found = confirmedSolve(&lp) else { return nil }
                k = columns[c].firstIndex { found[$0] > 0.5 } ?? 0
            }
            for (position, column) in columns[c].enumerated() { lp.fix(column, to: position == k ? 1 : 0) }
            choice.append((c, advisor.years[c].lowerBound + k))
        }
        return choice
    }

    // MARK: Results

    private func makeChoice(_ c: Int, year: Int, advisor: AdvisorSettings, effects: CandidateEffects,
                            program: AdvisorProgram, grid: AreaGrid) -> Choice {
        var project = advisor.candidates[c].project
        project.year = year
        var seats = Array(repeating: 0.0, count: grid.stageCount)
        let last = grid.yearCount - 1
        for entry in effects.added[c] where grid.t(entry.row) == last {
            let s = grid.stage(entry.row)
            seats[s] += Double(entry.classrooms) * grid.seatsPerClassroom[s]
        }
        var serves: [String] = []
        for (target, cells) in program.constrained {
            if effects.added[c].contains(where: { entry in
                grid.year(entry.row) >= year && cells.contains(program.cell(ofRow: entry.row, grid: grid))
            }) { serves.append(target) }
        }
        let order = ["no_super_large_from", "no_shortage_from", "max_shortage_seat_years"]
        serves.sort { (order.firstIndex(of: $0) ?? 9) < (order.firstIndex(of: $1) ?? 9) }
        return Choice(candidate: c, year: year, project: project,
                      seatsAdded: seats.indices.filter { seats[$0] != 0 }.map { (grid.stages[$0].id, seats[$0]) },
                      serves: serves, zone: effects.zones[c])
    }

    /// The advised plan: `based_on` plus the chosen projects, in candidate order.
    static func plan(_ choices: [Choice], advisor: AdvisorSettings, scenario: Scenario) -> Plan {
        let names = choices.map { $0.project.kind == .build ? ($0.project.name ?? $0.project.school) : $0.project.school }
        var id = "advisor"
        var n = 2
        while scenario.plans.contains(where: { $0.id == id }) { id = "advisor-\(n)"; n += 1 }
        return Plan(id: id, name: "方案建议（\(names.joined(separator: "、"))）", basedOn: advisor.basedOn,
                    basedOnLocation: advisor.basedOnLocation, delays: [], projects: choices.map(\.project),
                    location: advisor.location)
    }

    private static func describe(_ shortfall: AdvisorProgram.Shortfall, groups: TargetGroups, grid: AreaGrid) -> String {
        if shortfall.group < 0 {
            return "\(shortfall.target): even with every candidate at its earliest year the target stages keep "
                + "\(Self.number(shortfall.short)) shortage seat-years more than allowed"
        }
        let what = shortfall.target == "no_super_large_from" ? "to form no super-large class" : "to seat every pupil"
        return "\(shortfall.target): \(groups.label(shortfall.group, grid: grid)) in \(shortfall.year) is "
            + "\(Int(shortfall.short)) classroom\(shortfall.short == 1 ? "" : "s") short \(what), even with every candidate at its earliest year"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// Why the programme has no choice left: the targets the model never confirmed.
    private func whyNone(lastFailure: TargetCheck?, grid: AreaGrid) -> [String] {
        guard let lastFailure else {
            return ["the targets cannot be met together by any choice of the candidates (the expansions need their builds)"]
        }
        // Where the last choice tried failed first: its area, stage and year.
        let whereFirst = lastFailure.failingRows.first.map { i -> String in
            let z = grid.zone(i)
            return ", first in \(z >= 0 ? grid.zoneIDs[z] : grid.districtIDs[grid.district(i)]) \(grid.stages[grid.stage(i)].id) \(grid.year(i))"
        } ?? ""
        let reasons = lastFailure.results.filter { !$0.met }.map { result -> String in
            switch result.target {
            case "no_super_large_from":
                return "no_super_large_from \(Int(result.goal)): every choice the classroom conditions allow still forms super-large classes when run through the model (the last one tried: \(Int(result.amount))\(whereFirst))"
            case "no_shortage_from":
                return "no_shortage_from \(Int(result.goal)): every choice the classroom conditions allow still leaves areas short when run through the model (the last one tried: \(Int(result.amount)) area-years\(whereFirst))"
            default:
                return "max_shortage_seat_years \(Self.number(result.goal)): every choice the classroom conditions allow exceeds it when run through the model (the last one tried: \(Self.number(result.amount)))"
            }
        }
        return reasons
    }
}

extension PlanAdvisor {
    /// `scenario` with the advised plan added after its own plans.
    public static func scenario(_ scenario: Scenario, with advice: Advice) -> Scenario {
        var copy = scenario
        copy.plans.append(advice.plan)
        return copy
    }

    /// The plans the advice is compared with: `based_on` (if any) and the advised plan (the baseline is
    /// always run).
    public static func comparedPlans(_ advice: Advice) -> Set<String> {
        Set([advice.plan.id] + (advice.plan.basedOn.map { [$0] } ?? []))
    }

    /// The scenario's advisor targets on a plan's rows (as the advisor judged its choice).
    public static func check(_ scenario: Scenario, rows: PlanColumns) -> TargetCheck? {
        guard let advisor = scenario.advisor else { return nil }
        return TargetCheck(targets: advisor.targets, stages: targetStages(advisor.targets, standards: scenario.standards),
                           rows: rows)
    }
}
