/// Buffers every draw writes its own slots of.
struct DrawOutput: @unchecked Sendable {
    /// Students minus the central students, `[cell · stride + draw]`.
    let samples: UnsafeMutableBufferPointer<Float>
    let stride: Int
    /// Summary measures, `[draw · perDraw + …]` (see `SummaryLayout`).
    let measures: UnsafeMutableBufferPointer<Double>
    /// Shortage seat-years of each network over all zones and stages, `[draw · networks + k]`.
    let planTotals: UnsafeMutableBufferPointer<Double>
}
