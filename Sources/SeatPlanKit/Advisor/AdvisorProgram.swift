/// The advisor's integer programme (MODEL.md, *Plan advisor*). Columns: a binary `x_{c,y}` per candidate `c`
/// and year `y` of its window (`x = 1`: carry out `c`, opening in `y`), and a continuous shortage per
/// group-year when `max_shortage_seat_years` is set. Rows:
/// - at most one year per candidate: `Σ_y x_{c,y} ≤ 1`; at most one of several candidates that build the
///   same id;
/// - an `expand` of a school another candidate builds opens only once that build is open:
///   `x_{e,y} ≤ Σ_{b builds it} Σ_{y' ≤ y} x_{b,y'}`;
/// - `budget`: `Σ cost_c x_{c,y} ≤ budget`;
/// - per target group `G` (`TargetGroups`) and year `t` from the target year, with
///   `rooms_{G,t} = base_{G,t} + Σ_{c, y ≤ t} added_{c,G,t} x_{c,y}`:
///   `no_super_large_from`: `rooms ≥ superLargeNeed`; `no_shortage_from`: `rooms ≥ ceil(P ÷ size − 10⁻⁹)`;
///   `max_shortage_seat_years`: `short_{G,t} ≥ P − size × rooms`, `short ≥ 0`, `Σ short ≤ N` over the
///   projected years.
/// Rows a group meets without any candidate are left out.
struct AdvisorProgram: Sendable {
    var program = LinearProgram()
    /// Column of each candidate's window years: `columns[c][k]` opens in `years[c].lowerBound + k`.
    var columns: [[Int]] = []
    var years: [ClosedRange<Int>] = []
    /// Per target, the group-years no choice of candidates can bring to the target: what is short.
    var unreachable: [Shortfall] = []
    /// Per target key, the group-year cells (`g · years + t`) that carry one of its conditions.
    var constrained: [String: Set<Int>] = [:]
    /// The group of each row position within a year (`TargetGroups.groupOf`).
    private let groupOf: [Int]

    /// The group-year cell of row `i` (−1: not a target stage).
    func cell(ofRow i: Int, grid: AreaGrid) -> Int {
        let g = groupOf[grid.position(i)]
        return g < 0 ? -1 : g * grid.yearCount + grid.t(i)
    }

    /// A group-year short of a target even with every candidate at its earliest year.
    struct Shortfall: Sendable {
        var target: String
        var group: Int
        var year: Int
        /// Classrooms short (seat-years for `max_shortage_seat_years`).
        var short: Double
    }

    init(advisor: AdvisorSettings, effects: CandidateEffects, groups: TargetGroups, demand: AreaDemand,
         grid: AreaGrid, standards: Standards) {
        let candidates = advisor.candidates
        groupOf = groups.groupOf
        let lastYear = grid.baseYear + grid.yearCount - 1
        for candidate in candidates {
            let window = max(candidate.earliest, grid.baseYear)...max(min(candidate.latest, lastYear), max(candidate.earliest, grid.baseYear))
            years.append(window)
            columns.append(window.map { _ in program.addBinary() })
        }
        for c in candidates.indices where columns[c].count > 1 {
            program.addRow(columns[c].map { ($0, 1.0) }, .atMost, 1)
        }
        var builders: [String: [Int]] = [:]
        for (c, candidate) in candidates.enumerated() where candidate.project.kind == .build {
            builders[candidate.project.school, default: []].append(c)
        }
        for (_, same) in builders.sorted(by: { $0.key < $1.key }) where same.count > 1 {
            program.addRow(same.flatMap { columns[$0] }.map { ($0, 1.0) }, .atMost, 1)
        }
        for (e, required) in effects.prerequisites.enumerated() where !required.isEmpty {
            for (k, year) in years[e].enumerated() {
                var terms: [(column: Int, coefficient: Double)] = [(columns[e][k], 1)]
                for b in required {
                    for (k2, year2) in years[b].enumerated() where year2 <= year { terms.append((columns[b][k2], -1)) }
                }
                program.addRow(terms, .atMost, 0)
            }
        }
        if let budget = advisor.targets.budget {
            program.addRow(candidates.indices.flatMap { c in columns[c].map { ($0, candidates[c].project.cost) } },
                           .atMost, budget)
        }

        // Classrooms each candidate adds to each group-year: added[(g · years + t)] = [(c, rooms)].
        let T = grid.yearCount
        var added: [Int: [(c: Int, rooms: Int)]] = [:]
        for (c, entries) in effects.added.enumerated() {
            var byCell: [Int: Int] = [:]
            for entry in entries {
                let g = groups.groupOf[grid.position(entry.row)]
                guard g >= 0 else { continue }
                byCell[g * T + grid.t(entry.row), default: 0] += entry.classrooms
            }
            for (cell, rooms) in byCell { added[cell, default: []].append((c, rooms)) }
        }
        func baseRooms(_ g: Int, _ t: Int) -> Int {
            groups.groups[g].positions.reduce(0) { $0 + effects.base[t * grid.rowsPerYear + $1] }
        }
        /// `Σ_{c, y ≤ year} rooms_c · x_{c,y}` over the candidates in `adding`, and its largest value `Σ max(rooms_c, 0)`.
        func builtBy(_ adding: [(c: Int, rooms: Int)], year: Int) -> (terms: [(column: Int, coefficient: Double)], most: Int) {
            var terms: [(column: Int, coefficient: Double)] = []
            var most = 0
            for (c, rooms) in adding {
                most += max(rooms, 0)
                for (k, built) in years[c].enumerated() where built <= year {
                    terms.append((columns[c][k], Double(rooms)))
                }
            }
            return (terms, most)
        }
        /// Classrooms the candidates add to group `g` in year `t`.
        func terms(_ g: Int, _ t: Int) -> (terms: [(column: Int, coefficient: Double)], most: Int) {
            builtBy((added[g * T + t] ?? []).sorted(by: { $0.c < $1.c }), year: grid.baseYear + t)
        }
        // Classrooms each candidate adds to each target row: `Σ_{c, y ≤ year} added · x_{c,y}`.
        var addedToRow: [Int: [(c: Int, rooms: Int)]] = [:]
        for (c, entries) in effects.added.enumerated() {
            for entry in entries where !groups.neighbours[grid.position(entry.row)].isEmpty {
                addedToRow[entry.row, default: []].append((c, entry.classrooms))
            }
        }
        func rowTerms(_ i: Int) -> (terms: [(column: Int, coefficient: Double)], most: Int) {
            builtBy(addedToRow[i] ?? [], year: grid.year(i))
        }
        let targets = advisor.targets
        for g in groups.groups.indices {
            let size = grid.seatsPerClassroom[groups.groups[g].stage]
            /// From year `from` on, group `g` needs `need(t)` classrooms: `base + Σ added · x ≥ need`.
            func require(_ target: String, from: Int?, need: (Int) -> Int) {
                guard let from else { return }
                for t in max(from - grid.baseYear, 0)..<T {
                    let need = need(t), base = baseRooms(g, t)
                    guard need > base else { continue }
                    let (row, most) = terms(g, t)
                    if base + most < need {
                        unreachable.append(Shortfall(target: target, group: g, year: grid.baseYear + t,
                                                     short: Double(need - base - most)))
                    }
                    program.addRow(row, .atLeast, Double(need - base))
                    constrained[target, default: []].insert(g * T + t)
                }
            }
            require("no_super_large_from", from: targets.noSuperLargeFrom) { t in
                groups.superLargeNeed(g, t: t, demand: demand, grid: grid, standards: standards)
            }
            if size > 0 {
                require("no_shortage_from", from: targets.noShortageFrom) { t in
                    Int((groups.pupils(g, t: t, demand: demand, grid: grid) / size - 1e-9).rounded(.up))
                }
            }
        }
        // Per zone of a stage with transfers: its own rooms and its neighbours' spare (`TargetGroups`).
        // The spare `F_m = max(0, a)` of neighbour row `i`, `a = size · rooms − P`, is convex in `a`, so on the
        // range of `a` the candidates allow, `[a₀, a₁]`, it lies under its chord: `F ≤ max(0, a₀) + slope ·
        // size · (rooms − base)` with slope 1 for `a₀ ≥ 0`, 0 for `a₁ ≤ 0`, else `a₁ ÷ (a₁ − a₀)`.
        func spareBound(_ i: Int) -> (constant: Double, terms: [(column: Int, coefficient: Double)]) {
            let size = grid.seatsPerClassroom[grid.stage(i)]
            let (row, most) = rowTerms(i)
            let low = size * Double(effects.base[i]) - demand.rows[i].students
            let high = low + size * Double(most)
            let slope = low >= 0 ? 1 : high <= 0 ? 0 : high / (high - low)
            return (max(0, low), slope == 0 ? [] : row.map { ($0.column, $0.coefficient * size * slope) })
        }
        for r in 0..<grid.rowsPerYear where !groups.neighbours[r].isEmpty {
            let s = grid.rowStage[r], g = groups.groupOf[r]
            let size = grid.seatsPerClassroom[s]
            let limit = Double(max(standards.superLargeClass(of: s) - 1, 1))
            let halfGrades = 0.5 * Double(grid.stages[s].grades)
            func condition(_ target: String, from: Int?, perRoom: Double, slack: Double) {
                guard let from, perRoom > 0 else { return }
                for t in max(from - grid.baseYear, 0)..<T {
                    let i = t * grid.rowsPerYear + r
                    let pupils = demand.rows[i].students - slack
                    guard pupils > perRoom * Double(effects.base[i]) + 1e-9 else { continue }
                    let (row, _) = rowTerms(i)
                    var bound = pupils - perRoom * Double(effects.base[i])
                    var terms = row.map { ($0.column, $0.coefficient * perRoom) }
                    for m in groups.neighbours[r] {
                        let spare = spareBound(t * grid.rowsPerYear + m)
                        bound -= spare.constant
                        terms += spare.terms
                    }
                    guard bound > 1e-9 else { continue }
                    program.addRow(terms, .atLeast, bound)
                    constrained[target, default: []].insert(g * T + t)
                }
            }
            condition("no_super_large_from", from: targets.noSuperLargeFrom, perRoom: limit, slack: halfGrades)
            condition("no_shortage_from", from: targets.noShortageFrom, perRoom: size, slack: 0)
        }

        if let limit = targets.maxShortageSeatYears {
            var shortages: [(column: Int, coefficient: Double)] = []
            var leastTotal = 0.0
            for g in groups.groups.indices {
                let size = grid.seatsPerClassroom[groups.groups[g].stage]
                for t in 1..<max(T, 1) {
                    let pupils = groups.pupils(g, t: t, demand: demand, grid: grid)
                    let base = baseRooms(g, t)
                    guard pupils - size * Double(base) > 1e-9 else { continue }
                    let (row, most) = terms(g, t)
                    leastTotal += max(0, pupils - size * Double(base + most))
                    let short = program.addContinuous()
                    shortages.append((short, 1))
                    constrained["max_shortage_seat_years", default: []].insert(g * T + t)
                    program.addRow([(short, 1)] + row.map { ($0.column, $0.coefficient * size) }, .atLeast,
                                   pupils - size * Double(base))
                }
            }
            if leastTotal > limit + 1e-9 {
                unreachable.append(Shortfall(target: "max_shortage_seat_years", group: -1, year: 0, short: leastTotal - limit))
            }
            if !shortages.isEmpty { program.addRow(shortages, .atMost, limit) }
        }
    }

    /// Cuts that remove every choice failing like `choice` at the failing rows: for a failing group `G` in
    /// year `t`, the group's rows that year depend only on its classrooms that year, i.e. on which of the
    /// candidates adding rooms there (`R`) are open by `t` (`open_c = Σ_{y ≤ t} x_{c,y}`); so with `O` those
    /// of `R` that `choice` opens by `t`, `Σ_{c∈O} open_c − Σ_{c∈R∖O} open_c ≤ |O| − 1`.
    func cuts(failing: [Int], choice: [(c: Int, year: Int)], groups: TargetGroups, effects: CandidateEffects,
              grid: AreaGrid) -> [Cut] {
        var cells = Set<Int>()
        var result: [Cut] = []
        let opened = Dictionary(uniqueKeysWithValues: choice.map { ($0.c, $0.year) })
        for i in failing {
            let cell = cell(ofRow: i, grid: grid)
            guard cell >= 0, cells.insert(cell).inserted else { continue }
            let g = groupOf[grid.position(i)], t = grid.t(i), year = grid.year(i)
            let rows = Set(groups.groups[g].positions.map { t * grid.rowsPerYear + $0 })
            var terms: [(column: Int, coefficient: Double)] = []
            var open = 0
            for c in effects.added.indices where effects.added[c].contains(where: { rows.contains($0.row) }) {
                let isOpen = opened[c].map { $0 <= year } ?? false
                if isOpen { open += 1 }
                for (k, y) in years[c].enumerated() where y <= year {
                    terms.append((columns[c][k], isOpen ? 1 : -1))
                }
            }
            result.append(Cut(terms: terms, bound: Double(open - 1)))
        }
        return result
    }

    /// A row `Σ terms ≤ bound` that removes failing choices.
    struct Cut: Sendable {
        var terms: [(column: Int, coefficient: Double)]
        var bound: Double
    }

    /// The cut that removes exactly `choice`: `Σ_{(c,y) ∈ A} x_{c,y} − Σ_{(c,y) ∉ A} x_{c,y} ≤ |A| − 1`.
    func noGood(_ choice: [(c: Int, year: Int)]) -> Cut {
        var chosen = Set<Int>()
        for (c, year) in choice { chosen.insert(columns[c][year - years[c].lowerBound]) }
        return Cut(terms: columns.joined().map { ($0, chosen.contains($0) ? 1 : -1) }, bound: Double(chosen.count - 1))
    }
}
