/// The advisor's targets read from a plan's rows as the model computes them (after transfers, with the
/// class organisation of MODEL.md): the judge of every choice the programme proposes.
public struct TargetCheck: Sendable, Equatable {
    /// One target and how the plan fares.
    public struct Result: Sendable, Equatable {
        /// The target's key, e.g. `no_super_large_from`.
        public var target: String
        /// The year or amount the scenario sets.
        public var goal: Double
        public var met: Bool
        /// `no_super_large_from` / `no_shortage_from`: the first year from which no target row has a
        /// super-large class / a shortage, that year and every later one (`nil`: none).
        /// `max_shortage_seat_years`: `nil`.
        public var yearMet: Int?
        /// Super-large classes from the target year / rows short from it / the shortage seat-years.
        public var amount: Double
    }

    public var results: [Result]
    /// Rows of the target stages that fail `no_super_large_from` or `no_shortage_from` (from its year).
    var failingRows: [Int] = []
    public var allMet: Bool { results.allSatisfy(\.met) }

    /// The targets of `targets` on `rows` over the target `stages` (positions).
    init(targets: AdvisorSettings.Targets, stages: [Int], rows: PlanColumns) {
        let grid = rows.grid
        let inTarget = Set(stages)
        let T = grid.yearCount
        var superLarge = Array(repeating: 0, count: T)
        var shortRows = Array(repeating: 0, count: T)
        var shortSeats = Array(repeating: 0.0, count: T)
        var failing: [Int] = []
        for i in rows.indices where inTarget.contains(grid.stage(i)) {
            let t = grid.t(i)
            let classes = rows.superLargeClasses(i)
            superLarge[t] += classes
            let gap = rows.gap(i)
            if gap > 1e-9 {
                shortRows[t] += 1
                shortSeats[t] += gap
            }
            if classes > 0, let from = targets.noSuperLargeFrom, grid.year(i) >= from { failing.append(i) }
            else if gap > 1e-9, let from = targets.noShortageFrom, grid.year(i) >= from { failing.append(i) }
        }
        failingRows = failing
        /// The first year from which `counts` is 0 in every later year (`nil` when the last is not 0).
        func firstClear(_ counts: [Int]) -> Int? {
            var first: Int? = nil
            for t in (1..<max(T, 1)).reversed() {
                guard counts[t] == 0 else { break }
                first = grid.baseYear + t
            }
            return first
        }
        var results: [Result] = []
        if let from = targets.noSuperLargeFrom {
            let amount = (max(from - grid.baseYear, 0)..<T).reduce(0) { $0 + superLarge[$1] }
            results.append(Result(target: "no_super_large_from", goal: Double(from), met: amount == 0,
                                  yearMet: firstClear(superLarge), amount: Double(amount)))
        }
        if let from = targets.noShortageFrom {
            let amount = (max(from - grid.baseYear, 0)..<T).reduce(0) { $0 + shortRows[$1] }
            results.append(Result(target: "no_shortage_from", goal: Double(from), met: amount == 0,
                                  yearMet: firstClear(shortRows), amount: Double(amount)))
        }
        if let limit = targets.maxShortageSeatYears {
            let amount = (1..<max(T, 1)).reduce(0.0) { $0 + shortSeats[$1] }
            results.append(Result(target: "max_shortage_seat_years", goal: limit, met: amount <= limit + 1e-9,
                                  yearMet: nil, amount: amount))
        }
        self.results = results
    }
}
