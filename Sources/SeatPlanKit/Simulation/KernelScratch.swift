/// What the row kernel (`CellKernel`) reads besides a row's own grades — every stage's class sizes and
/// class-size thresholds — and the scratch it writes, opened as buffer pointers once for a whole loop over
/// rows instead of once per row: the one place the kernel's loops make pointers of arrays they do not own.
/// One per thread (the scratch is written). What the pointers buy is measured in docs/PERFORMANCE.md
/// (*Unsafe code*: over arrays the `allocate` phase was about 50 % slower); and read once per loop, no
/// stage (with its texts) is retained per row.
struct KernelScratch {
    /// Every stage's class sizes in one array, stage `s` from `start[s]` to `start[s + 1]`.
    private let sizes: [Int]
    private let start: [Int]
    private let thresholds: [ClassSummary.Thresholds]
    /// As many slots as the largest stage has grades.
    private var scratch: [Int]

    init(grid: AreaGrid, standards: Standards) {
        sizes = grid.stages.flatMap(\.classSizes)
        start = grid.stages.reduce(into: [0]) { $0.append($0.last! + $1.classSizes.count) }
        thresholds = grid.stages.indices.map { ClassSummary.Thresholds(standards, stage: $0) }
        scratch = Array(repeating: 0, count: Swift.max(grid.stages.map(\.grades).max() ?? 0, 1))
    }

    /// The buffers of one loop, valid inside `open` only.
    struct View {
        fileprivate let sizes: UnsafeBufferPointer<Int>
        fileprivate let start: [Int]
        let thresholds: [ClassSummary.Thresholds]
        let scratch: UnsafeMutableBufferPointer<Int>

        /// The class sizes of stage `s`, grade by grade.
        @inline(__always) func classSizes(_ s: Int) -> UnsafeBufferPointer<Int> {
            UnsafeBufferPointer(rebasing: sizes[start[s]..<start[s + 1]])
        }
    }

    /// Runs `body` with the buffers opened.
    mutating func open<R>(_ body: (View) -> R) -> R {
        let (start, thresholds) = (self.start, self.thresholds)
        return sizes.withUnsafeBufferPointer { sizes in
            scratch.withUnsafeMutableBufferPointer { scratch in
                body(View(sizes: sizes, start: start, thresholds: thresholds, scratch: scratch))
            }
        }
    }
}
