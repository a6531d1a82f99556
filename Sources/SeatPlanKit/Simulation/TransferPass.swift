/// Overflow to neighbouring zones (MODEL.md, *Transfers*), for every stage with `overflow: neighbours`, in
/// every year of the rows of one plan. Unrounded pupils move; whole pupils and classes are taken after.
///
/// 1. Zone `z` has pupils `P_z`, seats `S_z`, excess `X_z = max(0, P_z − S_z)` and spare
///    `F_z = max(0, S_z − P_z)`; an excess or spare of 10⁻⁹ or less counts as none.
/// 2. Senders (`X_z > 0`) go largest excess first (ties: zone file order); each offers its excess to its
///    neighbours in preference order (`preference`), moving `t = min(X_z, F_m)` to each `m` with `F_m > 0`
///    and lowering both. One pass: pupils move at most once; a spare seat is filled at most once.
/// 3. A move of `t` from `z` takes `t · E_{z,g} / P_z` from grade `g` (grade pupils at the start of the
///    pass), and the receiver gets the same in grade `g`.
struct TransferPass: Sendable {
    /// One move, in the order made.
    struct Move: Sendable, Equatable {
        var t: Int
        var stage: Int
        var from: Int
        var to: Int
        var pupils: Double
    }

    /// Below this an excess or a spare counts as none.
    static let tolerance = 1e-9

    let grid: AreaGrid
    /// Stages with `overflow: neighbours` (zone catchments only, as the validator checks).
    let stages: [Int]
    /// For each zone, the zones its pupils may go to, in order: its own `neighbours` as written, then the
    /// zones that name it and are not in that list, in zone file order.
    let preference: [[Int]]

    init(scenario: Scenario, grid: AreaGrid) {
        self.grid = grid
        stages = scenario.standards.stages.indices.filter {
            scenario.standards.stages[$0].overflow == .neighbours && grid.catchments[$0] == .zone
        }
        let zones = scenario.zones
        var position: [String: Int] = [:]
        for (z, zone) in zones.enumerated() where position[zone.id] == nil { position[zone.id] = z }
        let named = zones.map { zone in zone.neighbours.compactMap { position[$0] }.filter { $0 != position[zone.id] } }
        preference = zones.indices.map { z in
            var order: [Int] = []
            for m in named[z] where !order.contains(m) { order.append(m) }
            for m in zones.indices where m != z && named[m].contains(z) && !order.contains(m) { order.append(m) }
            return order
        }
    }

    /// Whether any pupil can move at all.
    var isActive: Bool { !stages.isEmpty && preference.contains { !$0.isEmpty } }

    /// The moves of one plan, given its classrooms per row and the pupils of each row before transfers.
    func moves(classrooms: [Int], demand: AreaDemand) -> [Move] {
        guard isActive else { return [] }
        var moves: [Move] = []
        let Z = grid.zoneCount
        var excess = Array(repeating: 0.0, count: Z), spare = excess
        for t in 0..<grid.yearCount {
            for s in stages {
                let seatsPerRoom = grid.seatsPerClassroom[s]
                for z in 0..<Z {
                    guard let i = grid.row(t: t, area: z, stage: s) else { continue }
                    let pupils = demand.rows[i].students, seats = Double(classrooms[i]) * seatsPerRoom
                    excess[z] = pupils - seats > Self.tolerance ? pupils - seats : 0
                    spare[z] = seats - pupils > Self.tolerance ? seats - pupils : 0
                }
                let senders = (0..<Z).filter { excess[$0] > 0 }.sorted { (excess[$0], $1) > (excess[$1], $0) }
                for z in senders {
                    for m in preference[z] where spare[m] > Self.tolerance {
                        guard excess[z] > Self.tolerance else { break }
                        let amount = Swift.min(excess[z], spare[m])
                        excess[z] -= amount
                        spare[m] -= amount
                        moves.append(Move(t: t, stage: s, from: z, to: m, pupils: amount))
                    }
                }
            }
        }
        return moves
    }
}
