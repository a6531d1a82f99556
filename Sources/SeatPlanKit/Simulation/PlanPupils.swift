/// The pupils of one plan's rows: the rows shared by every plan (`AreaDemand`), with the rows its transfers
/// change replaced by their grade pupils after the pass (`TransferPass`): grade `g` of a sender loses
/// `Σ t · E_{z,g} / P_z`, the receiver gains the same; whole pupils and classes follow from the new grades
/// through `CellKernel`.
struct PlanPupils: Sendable {
    let base: AreaDemand
    let moves: [TransferPass.Move]
    /// Per row: its position among the replaced rows, or −1; empty when the plan moves no pupil.
    private let replaced: [Int]
    private let rows: [CellKernel.Pupils]
    /// Grades of the replaced rows, one after the other (`firstSlot` of each).
    private let firstSlot: [Int]
    private let wholeGrades: [Int]
    private let gradePupils: [GradePupils]
    /// Per row, unrounded (empty when the plan moves no pupil).
    private let transferredOut: [Double]
    private let transferredIn: [Double]

    init(base: AreaDemand, moves: [TransferPass.Move], grid: AreaGrid, standards: Standards) {
        self.base = base
        self.moves = moves
        guard !moves.isEmpty else {
            replaced = []; rows = []; firstSlot = []; wholeGrades = []; gradePupils = []
            transferredOut = []; transferredIn = []
            return
        }
        var replaced = Array(repeating: -1, count: grid.count)
        var out = Array(repeating: 0.0, count: grid.count), into = out
        var order: [Int] = []
        for move in moves {
            let from = grid.row(t: move.t, area: move.from, stage: move.stage)!
            let to = grid.row(t: move.t, area: move.to, stage: move.stage)!
            out[from] += move.pupils
            into[to] += move.pupils
            for i in [from, to] where replaced[i] < 0 {
                replaced[i] = order.count
                order.append(i)
            }
        }
        var firstSlot: [Int] = [], grades: [GradePupils] = []
        for i in order {
            firstSlot.append(grades.count)
            let s = grid.stage(i), first = grid.firstGrade(i)
            for g in 0..<grid.gradeCounts[s] { grades.append(base.gradePupils[first + g]) }
        }
        // Each move takes from the sender's grades in proportion to its grades at the start of the pass.
        for move in moves {
            let from = grid.row(t: move.t, area: move.from, stage: move.stage)!
            let to = grid.row(t: move.t, area: move.to, stage: move.stage)!
            let total = base.rows[from].students
            let first = grid.firstGrade(from)
            for g in 0..<grid.gradeCounts[move.stage] {
                let amount = total > 0 ? move.pupils * base.gradePupils[first + g].total / total : 0
                grades[firstSlot[replaced[from]] + g].transfer -= amount
                grades[firstSlot[replaced[to]] + g].transfer += amount
            }
        }
        var whole = Array(repeating: 0, count: grades.count)
        var rows: [CellKernel.Pupils] = []
        rows.reserveCapacity(order.count)
        var kernel = KernelScratch(grid: grid, standards: standards)
        kernel.open { kernel in
            grades.withUnsafeBufferPointer { g in
                whole.withUnsafeMutableBufferPointer { w in
                    for (k, i) in order.enumerated() {
                        let s = grid.stage(i)
                        let range = firstSlot[k]..<(firstSlot[k] + grid.grades(i))
                        rows.append(CellKernel.pupils(grades: UnsafeBufferPointer(rebasing: g[range]),
                                                      whole: UnsafeMutableBufferPointer(rebasing: w[range]),
                                                      sizes: kernel.classSizes(s), thresholds: kernel.thresholds[s],
                                                      scratch: kernel.scratch))
                    }
                }
            }
        }
        self.replaced = replaced
        self.rows = rows
        self.firstSlot = firstSlot
        self.wholeGrades = whole
        self.gradePupils = grades
        self.transferredOut = out
        self.transferredIn = into
    }

    /// The pupils of row `i`.
    @inline(__always)
    func pupils(_ i: Int) -> CellKernel.Pupils {
        if replaced.isEmpty { return base.rows[i] }
        let k = replaced[i]
        return k < 0 ? base.rows[i] : rows[k]
    }

    /// Pupils of grade `g` of row `i` by component.
    func grade(_ i: Int, _ g: Int, grid: AreaGrid) -> GradePupils {
        if !replaced.isEmpty, replaced[i] >= 0 { return gradePupils[firstSlot[replaced[i]] + g] }
        return base.gradePupils[grid.firstGrade(i) + g]
    }

    /// Calls `body` with the whole pupils of each grade of row `i`.
    @inline(__always)
    func withWholeGrades<R>(_ i: Int, grid: AreaGrid, _ body: (UnsafeBufferPointer<Int>) -> R) -> R {
        let count = grid.grades(i)
        if !replaced.isEmpty, replaced[i] >= 0 {
            let first = firstSlot[replaced[i]]
            return wholeGrades.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[first..<(first + count)])) }
        }
        let first = grid.firstGrade(i)
        return base.wholeGrades.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[first..<(first + count)])) }
    }

    /// Pupils row `i` sent to neighbouring zones (unrounded).
    @inline(__always) func transferredOut(_ i: Int) -> Double { transferredOut.isEmpty ? 0 : transferredOut[i] }
    /// Pupils row `i` received from neighbouring zones (unrounded).
    @inline(__always) func transferredIn(_ i: Int) -> Double { transferredIn.isEmpty ? 0 : transferredIn[i] }
}
