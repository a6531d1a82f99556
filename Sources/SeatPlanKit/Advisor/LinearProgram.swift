/// A mixed-integer linear programme: minimise `Σ_j cost_j · x_j` subject to rows `Σ_j a_ij · x_j (≥|≤|=) b_i`,
/// each column `x_j` binary or continuous within bounds. A plain value; `solve()` (GLPK.swift) hands it to
/// the solver.
struct LinearProgram: Sendable {
    enum Sense: Sendable { case atLeast, atMost, equal }

    struct Column: Sendable {
        var cost: Double
        var lower: Double
        var upper: Double
        var isBinary: Bool
    }

    struct Row: Sendable {
        var terms: [(column: Int, coefficient: Double)]
        var sense: Sense
        var bound: Double
    }

    /// The solver's answer: the value of every column at an optimum, or none.
    enum Outcome: Sendable {
        case optimal(values: [Double], objective: Double)
        case infeasible
    }

    private(set) var columns: [Column] = []
    private(set) var rows: [Row] = []

    /// A binary column (0 or 1) of the given objective coefficient; returns its position.
    @discardableResult
    mutating func addBinary(cost: Double = 0) -> Int {
        columns.append(Column(cost: cost, lower: 0, upper: 1, isBinary: true))
        return columns.count - 1
    }

    /// A continuous column `lower ≤ x ≤ upper`; returns its position.
    @discardableResult
    mutating func addContinuous(lower: Double = 0, upper: Double = .infinity, cost: Double = 0) -> Int {
        columns.append(Column(cost: cost, lower: lower, upper: upper, isBinary: false))
        return columns.count - 1
    }

    /// Adds `Σ terms (sense) bound`; terms with coefficient 0 are dropped, repeated columns summed.
    mutating func addRow(_ terms: [(column: Int, coefficient: Double)], _ sense: Sense, _ bound: Double) {
        var summed: [Int: Double] = [:]
        for term in terms where term.coefficient != 0 { summed[term.column, default: 0] += term.coefficient }
        let kept = summed.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { (column: $0.key, coefficient: $0.value) }
        rows.append(Row(terms: kept, sense: sense, bound: bound))
    }

    /// Replaces the objective: `cost[j]` for every column (missing ones 0).
    mutating func setObjective(_ cost: [Int: Double]) {
        for j in columns.indices { columns[j].cost = cost[j] ?? 0 }
    }

    /// Fixes column `j` to a value (both bounds).
    mutating func fix(_ j: Int, to value: Double) {
        columns[j].lower = value
        columns[j].upper = value
    }
}
