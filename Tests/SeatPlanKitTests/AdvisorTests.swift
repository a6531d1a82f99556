import Foundation
import Testing
@testable import SeatPlanKit

/// The plan advisor against independent answers: the exhaustive search of `shared/spec` for the example
/// city, and an exhaustive search written here (every choice of candidates and years run through the model,
/// targets read from its rows) for small scenarios.
@Suite struct AdvisorTests {
    /// Loads, validates and projects scenario text, then advises.
    static func advise(_ yaml: String) throws -> (Scenario, Demand, Result<PlanAdvisor.Advice, PlanAdvisor.Failure>) {
        let scenario = try ScenarioLoader().load(text: yaml, file: "test.yaml")
        let compiled = try ScenarioValidator().compile(scenario).compiled
        let demand = try Pipeline().project(scenario)
        return (scenario, demand, PlanAdvisor().advise(compiled, demand: demand))
    }

    // MARK: The example city

    @Test func exampleCityMatchesTheExhaustiveSearch() throws {
        let expected = try String(contentsOfFile: "\(Repo.golden)/example-city.expected-advisor.txt", encoding: .utf8)
        let lines = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let minimum = try #require(lines.first { $0.hasPrefix("cost: ") }.flatMap { Double($0.dropFirst(6)) })
        let planStart = try #require(lines.firstIndex { $0.hasPrefix("plan (YAML") })
        let expectedPlan = lines[(planStart + 1)...].filter { !$0.isEmpty }.joined(separator: "\n") + "\n"

        let checked = try Pipeline().check(path: Repo.path("scenarios/example-city.yaml"))
        let demand = try Pipeline().project(checked.scenario)
        let advice = try PlanAdvisor().advise(checked.compiled, demand: demand).get()
        #expect(advice.cost == minimum)
        #expect(AdviceReport.yaml(advice.plan) == expectedPlan)

        // The advised plan, run through the model as any plan: no super-large class in the compulsory
        // stages from 2030.
        let advised = PlanAdvisor.scenario(checked.scenario, with: advice)
        let allocation = Pipeline().allocate(advised, demand: demand, plans: [advice.plan.id])
        let rows = try #require(allocation.outcome(advice.plan.id)?.rows)
        let compulsory = Set(checked.scenario.standards.compulsoryStages)
        let superLarge = rows.indices.filter { compulsory.contains(rows.grid.stage($0)) && rows.grid.year($0) >= 2030 }
            .reduce(0) { $0 + rows.superLargeClasses($1) }
        #expect(superLarge == 0)
        // Without the advice there are 72 (the expected file's own count).
        let baseline = try #require(allocation.outcome(Plan.baselineID)?.rows)
        let before = baseline.indices.filter { compulsory.contains(baseline.grid.stage($0)) && baseline.grid.year($0) >= 2030 }
            .reduce(0) { $0 + baseline.superLargeClasses($1) }
        #expect(before == 72)
    }

    // MARK: Small scenarios against an exhaustive search

    /// Three zones; primary pupils overflow between z1 and z2; crowded enough for super-large classes.
    static let small = """
    scenario: small-advisor
    title: Small advisor
    base_year: 2024
    horizon: 4
    standards:
      stages:
        - { id: primary, grades: 3, entry_age: 6, class_size: 30, overflow: neighbours }
        - { id: junior, grades: 2, from: primary, class_size: 40 }
      large_class: 36
      super_large_class: 41
    projection:
      progression: { method: mean, window: 2 }
      entry: { method: mean, window: 2 }
      births: { method: linear, fit_window: 3 }
    districts:
      - id: d
        births: { 2017: 300, 2018: 320, 2019: 360, 2020: 400, 2021: 430 }
        enrollment:
          2023: { primary: [280, 290, 300], junior: [280, 290] }
          2024: { primary: [300, 285, 292], junior: [295, 282] }
        migration: { primary: 20 }
        zones:
          - { id: z1, share: 0.5, neighbours: [z2] }
          - { id: z2, share: 0.3 }
          - { id: z3, share: 0.2 }
    schools:
      - { id: p1, zone: z1, stage: primary, classrooms: 12 }
      - { id: p2, zone: z2, stage: primary, classrooms: 8 }
      - { id: p3, zone: z3, stage: primary, classrooms: 5 }
      - { id: j1, zone: z1, stage: junior, classrooms: 7 }
      - { id: j2, zone: z2, stage: junior, classrooms: 4 }
      - { id: n3, zone: z3, classrooms: { junior: 3 } }

    """

    /// Eight candidates: a build and an expansion of it, one-year windows, two of equal cost.
    static let candidates = """
        - { build: pn1, zone: z1, stage: primary, classrooms: 6, cost: 100, earliest: 2025, latest: 2027 }
        - { expand: p2, classrooms: 5, cost: 40, earliest: 2025, latest: 2026 }
        - { expand: p3, classrooms: 4, cost: 30, earliest: 2026, latest: 2026 }
        - { expand: pn1, classrooms: 3, cost: 20, earliest: 2025, latest: 2027 }
        - { build: jn, zone: z1, stage: junior, classrooms: 4, cost: 60, earliest: 2025, latest: 2026 }
        - { expand: j2, classrooms: 2, cost: 30, earliest: 2025, latest: 2026 }
        - { expand: n3, classrooms: { junior: 1 }, cost: 10, earliest: 2026, latest: 2026 }
        - { expand: p1, classrooms: 8, cost: 90, earliest: 2026, latest: 2027 }
    """

    static func scenario(targets: String, candidates: String = candidates) -> String {
        small + "advisor:\n  candidates:\n" + candidates + "\n  targets: \(targets)\n"
    }

    /// A choice: the opening year of each candidate (`nil`: not chosen).
    typealias Choice = [Int?]

    /// Every choice allowed (an expansion of a candidate's build opens no earlier than the build), run
    /// through the model as a plan; returns those meeting the targets, in MODEL.md's order of preference.
    static func exhaustive(_ scenario: Scenario, demand: Demand) -> [Choice] {
        let advisor = scenario.advisor!
        let candidates = advisor.candidates
        var choices: [Choice] = [[]]
        for candidate in candidates {
            choices = choices.flatMap { prefix in ([nil] + (candidate.earliest...candidate.latest).map { $0 }).map { prefix + [$0] } }
        }
        choices = choices.filter { choice in
            candidates.indices.allSatisfy { e in
                guard let year = choice[e], candidates[e].project.kind == .expand,
                      let b = candidates.indices.first(where: { candidates[$0].project.kind == .build && candidates[$0].project.school == candidates[e].project.school })
                else { return true }
                return choice[b].map { $0 <= year } ?? false
            }
        }
        var trial = scenario
        trial.plans = choices.enumerated().map { n, choice in
            Plan(id: "c\(n)", name: "c\(n)", basedOn: advisor.basedOn, basedOnLocation: nil, delays: [],
                 projects: candidates.indices.compactMap { c in
                     choice[c].map { year in var p = candidates[c].project; p.year = year; return p }
                 }, location: advisor.location)
        }
        let allocation = Pipeline().allocate(trial, demand: demand)
        let stages = Set(advisor.targets.stages.map { $0.compactMap { scenario.standards.stageIndex($0) } }
                         ?? scenario.standards.compulsoryStages)
        let targets = advisor.targets
        func meets(_ rows: PlanColumns) -> Bool {
            var seatYears = 0.0
            for i in rows.indices where stages.contains(rows.grid.stage(i)) {
                let year = rows.grid.year(i)
                if let from = targets.noSuperLargeFrom, year >= from, rows.superLargeClasses(i) > 0 { return false }
                if let from = targets.noShortageFrom, year >= from, rows.students(i) > rows.seats(i) + 1e-9 { return false }
                if year > scenario.baseYear { seatYears += max(0, rows.gap(i)) }
            }
            return targets.maxShortageSeatYears.map { seatYears <= $0 + 1e-9 } ?? true
        }
        let cost = { (choice: Choice) in candidates.indices.reduce(0.0) { $0 + (choice[$1] == nil ? 0 : candidates[$1].project.cost) } }
        let met = choices.indices.filter { n in
            cost(choices[n]) <= (targets.budget ?? .infinity) && meets(allocation.outcome("c\(n)")!.rows)
        }.map { choices[$0] }
        return met.sorted { a, b in
            if cost(a) != cost(b) { return cost(a) < cost(b) }
            let sa = a.indices.filter { a[$0] != nil }, sb = b.indices.filter { b[$0] != nil }
            if sa.count != sb.count { return sa.count < sb.count }
            if sa != sb { return sa.lexicographicallyPrecedes(sb) }
            return sa.map { a[$0]! }.lexicographicallyPrecedes(sb.map { b[$0]! })
        }
    }

    static func choice(_ advice: PlanAdvisor.Advice, count: Int) -> Choice {
        var choice = Choice(repeating: nil, count: count)
        for made in advice.choices { choice[made.candidate] = made.year }
        return choice
    }

    @Test(arguments: [
        "{ no_super_large_from: 2026 }",
        "{ no_super_large_from: 2026, stages: [primary] }",
        "{ no_shortage_from: 2027, stages: [primary] }",
        "{ max_shortage_seat_years: 300 }",
        "{ no_super_large_from: 2027, max_shortage_seat_years: 600, budget: 400 }",
    ])
    func smallScenarioMatchesTheExhaustiveSearch(targets: String) throws {
        let (scenario, demand, result) = try Self.advise(Self.scenario(targets: targets))
        let feasible = Self.exhaustive(scenario, demand: demand)
        let best = try #require(feasible.first, "the test's targets must be reachable")
        let advice = try result.get()
        let candidates = scenario.advisor!.candidates
        let bestCost = candidates.indices.reduce(0.0) { $0 + (best[$1] == nil ? 0 : candidates[$1].project.cost) }
        #expect(advice.cost == bestCost)
        #expect(Self.choice(advice, count: candidates.count) == best)
        #expect(advice.check.allMet)
    }

    @Test func anExpansionOfABuildOpensOnlyWithIt() throws {
        // Only pn1's build and its expansion can seat z1's primary pupils by 2027 without shortage.
        let candidates = """
            - { build: pn1, zone: z1, stage: primary, classrooms: 6, cost: 100, earliest: 2026, latest: 2027 }
            - { expand: pn1, classrooms: 6, cost: 20, earliest: 2025, latest: 2027 }
            - { expand: p2, classrooms: 5, cost: 40, earliest: 2025, latest: 2026 }
            - { expand: p3, classrooms: 4, cost: 30, earliest: 2025, latest: 2027 }
        """
        let (scenario, demand, result) = try Self.advise(Self.scenario(targets: "{ no_shortage_from: 2027, stages: [primary] }",
                                                                     candidates: candidates))
        let advice = try result.get()
        let chosen = Self.choice(advice, count: 4)
        let build = try #require(chosen[0]), expand = try #require(chosen[1])
        #expect(build <= expand)
        #expect(chosen == Self.exhaustive(scenario, demand: demand).first)
    }

    @Test func anUnreachableTargetSaysWhereAndByHowMuch() throws {
        // p3 (z3, no neighbours) has 5 primary classrooms; 2028's 254 pupils need Σ_g ceil(n_g ÷ 40) rooms.
        let candidates = """
            - { expand: p3, classrooms: 1, cost: 30, earliest: 2025, latest: 2027 }
        """
        let (_, demand, result) = try Self.advise(Self.scenario(targets: "{ no_super_large_from: 2028, stages: [primary] }",
                                                                candidates: candidates))
        guard case .failure(let failure) = result else { Issue.record("expected no advice"); return }
        // The need, computed here from the whole pupils of z3's grades in 2028.
        let scenario = try ScenarioLoader().load(text: Self.small, file: "t.yaml")
        let allocation = Pipeline().allocate(scenario, demand: demand)
        let row = try #require(allocation.row(year: 2028, zone: "z3", stage: "primary"))
        let need = row.organisation.pupils.reduce(0) { $0 + ($1 + 39) / 40 }
        let short = need - 5 - 1
        #expect(short > 0)
        #expect(failure.reasons.contains { $0.contains("no_super_large_from") && $0.contains("z3") && $0.contains("2028")
                                           && $0.contains("\(short) classroom") })
    }

    @Test func aBudgetBelowTheLeastCostIsReported() throws {
        let targets = "{ no_super_large_from: 2026 }"
        let (scenario, demand, free) = try Self.advise(Self.scenario(targets: targets))
        let least = try free.get().cost
        #expect(Self.exhaustive(scenario, demand: demand).first.map { _ in least } == least)
        // A budget of exactly the least cost gives the same advice; one below it gives none.
        let (_, _, exact) = try Self.advise(Self.scenario(targets: "{ no_super_large_from: 2026, budget: \(Int(least)) }"))
        #expect(try exact.get().cost == least)
        let (_, _, short) = try Self.advise(Self.scenario(targets: "{ no_super_large_from: 2026, budget: \(Int(least) - 1) }"))
        guard case .failure(let failure) = short else { Issue.record("expected no advice"); return }
        #expect(failure.reasons.contains { $0.contains("budget") && $0.contains("\(Int(least))") })
    }

    @Test func aOneYearWindowOpensInThatYear() throws {
        // Only p3's expansion (window 2026–2026) reaches z3, which forms super-large classes from 2027.
        let (_, _, result) = try Self.advise(Self.scenario(targets: "{ no_super_large_from: 2027, stages: [primary] }"))
        let advice = try result.get()
        #expect(advice.choices.first { $0.candidate == 2 }?.year == 2026)
    }
}
