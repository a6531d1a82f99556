/// The distinct school networks of the plans (plans with the same classrooms in every row share one):
/// each network's classrooms per grid row (`Allocator.classroomTable`), its seats, and the central students
/// of each sample cell (`DrawCells`), taken from the central run's rows.
struct NetworkTables: Sendable {
    /// Classrooms per grid row of each network.
    let tables: [[Int]]
    /// Network of each plan (allocation order).
    let planNetwork: [Int]
    /// The central students of each sample cell.
    let centralStudents: [Double]

    var count: Int { tables.count }

    init(allocation: Allocation, perNetworkCells: (Int) -> DrawCells) {
        var tables: [[Int]] = []
        var known: [[Int]: Int] = [:]
        var planNetwork: [Int] = []
        var representative: [Int] = []  // the first plan of each network
        for (p, outcome) in allocation.outcomes.enumerated() {
            let table = Allocator.classroomTable(outcome.network, grid: allocation.grid)
            if let k = known[table] {
                planNetwork.append(k)
            } else {
                known[table] = tables.count
                planNetwork.append(tables.count)
                representative.append(p)
                tables.append(table)
            }
        }
        self.tables = tables
        self.planNetwork = planNetwork
        let cells = perNetworkCells(tables.count)
        var central = Array(repeating: 0.0, count: cells.sampleCount)
        for (k, p) in representative.enumerated() where cells.perNetwork || k == 0 {
            let rows = allocation.outcomes[p].rows
            for q in 0..<cells.projectedRows {
                central[cells.sample(network: k, projected: q)] = rows.students(cells.gridRow(q))
            }
        }
        centralStudents = central
    }

    /// Seats of grid row `i` under network `k`.
    func seats(network k: Int, row i: Int, grid: AreaGrid) -> Double {
        Double(tables[k][i]) * grid.seatsPerClassroom[grid.stage(i)]
    }
}
