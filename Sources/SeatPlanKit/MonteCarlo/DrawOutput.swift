/// Buffers every draw writes its own slots of. `@unchecked Sendable` because it holds pointers: the memory
/// is allocated and freed by `MonteCarlo.run` around the workers' loop, each slot is written by the one
/// worker that ran its draw (chunks of `MonteCarlo.chunk` draws, so no two threads share a cache line), and
/// everything is read only after `Parallel.map` has returned.
struct DrawOutput: @unchecked Sendable {
    /// Students minus the central students, `[cell · stride + draw]`.
    let samples: UnsafeMutableBufferPointer<Float>
    let stride: Int
    /// Summary measures, `[draw · perDraw + …]` (see `SummaryLayout`).
    let measures: UnsafeMutableBufferPointer<Double>
    /// Shortage seat-years of each network over all zones and stages, `[draw · networks + k]`.
    let planTotals: UnsafeMutableBufferPointer<Double>
}
