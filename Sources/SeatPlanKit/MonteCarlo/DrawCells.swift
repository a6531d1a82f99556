/// The one index convention of the Monte Carlo draws, over the projected rows of `AreaGrid`:
/// - projected row `p = (t − 1) · rowsPerYear + r` of grid row `i = t · rowsPerYear + r` (`t ≥ 1`);
/// - per network `k` (a distinct set of classrooms): `p · networks + k` (draws short, red, super-large);
/// - a sample cell (students kept for quantiles): the projected row, or `k · projectedRows + p` when
///   transfers make a row's pupils depend on the network (`perNetwork`).
struct DrawCells: Sendable {
    let rowsPerYear: Int
    let horizon: Int
    let networks: Int
    /// Whether a row's students depend on the network (a scenario with transfers and several networks).
    let perNetwork: Bool

    /// Projected rows: `horizon × rowsPerYear`.
    var projectedRows: Int { horizon * rowsPerYear }
    /// Sample cells: the projected rows, once or per network.
    var sampleCount: Int { (perNetwork ? networks : 1) * projectedRows }

    /// The projected row of grid row `i` (`t ≥ 1`).
    @inline(__always) func projected(_ i: Int) -> Int { i - rowsPerYear }
    /// The grid row of projected row `p`.
    @inline(__always) func gridRow(_ p: Int) -> Int { p + rowsPerYear }
    /// The slot of projected row `p` under network `k` (for the per-network counts).
    @inline(__always) func slot(network k: Int, projected p: Int) -> Int { p * networks + k }
    /// The sample cell of projected row `p` under network `k`.
    @inline(__always) func sample(network k: Int, projected p: Int) -> Int { perNetwork ? k * projectedRows + p : p }
}
