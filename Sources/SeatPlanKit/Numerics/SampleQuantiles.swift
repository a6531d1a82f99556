/// Quantiles of a sample as GSL's `gsl_stats_quantile_from_sorted_data` defines them — with the values
/// sorted, `i = f·(n − 1)`, `δ = i − ⌊i⌋`, `q = (1 − δ)·x[⌊i⌋] + δ·x[⌊i⌋ + 1]` (`x[n − 1]` when `⌊i⌋ = n − 1`)
/// — computed by selecting only the order statistics needed (the smallest, the largest and the two
/// around each `i`), not by sorting all `n` values: a few passes over the data instead of `n log n` — by
/// selection, over the whole sample or, when every one lies within an outer eighth, over the values beyond
/// a threshold read from a small sample.
/// The numbers are the same as sorting and calling GSL (a test checks it); the buffer is reordered.
enum SampleQuantiles {
    static func quantiles(_ values: UnsafeMutableBufferPointer<Float>, at fractions: [Double])
        -> (quantiles: [Double], min: Double, max: Double) {
        quantiles(values, at: fractions) { GSL.quantilesSortingInPlace($0, at: fractions) }
    }

    static func quantiles(_ values: UnsafeMutableBufferPointer<Double>, at fractions: [Double])
        -> (quantiles: [Double], min: Double, max: Double) {
        quantiles(values, at: fractions) { GSL.quantilesSortingInPlace($0, at: fractions) }
    }

    private static func quantiles<T: BinaryFloatingPoint>(
        _ values: UnsafeMutableBufferPointer<T>, at fractions: [Double],
        sorting: (UnsafeMutableBufferPointer<T>) -> [Double]
    ) -> (quantiles: [Double], min: Double, max: Double) {
        let n = values.count
        guard n > 0 else { return (fractions.map { _ in .nan }, .nan, .nan) }
        if values.contains(where: \.isNaN) {  // no order to select in: sort as GSL does
            let q = sorting(values)
            return (q, Double(values[0]), Double(values[n - 1]))
        }
        // The order statistics each quantile reads, in order; after selecting `k`, the next one `k + 1` is the
        // least of what lies above it (one scan), and the smallest and largest values are the least below
        // the first one selected and the greatest above the last.
        var wanted: [Int] = []
        for f in fractions {
            let lhs = Int(f * Double(n - 1))
            wanted.append(lhs)
            if lhs < n - 1 { wanted.append(lhs + 1) }
        }
        wanted.sort()
        if wanted.isEmpty { wanted = [0] }
        // Quantiles in the tails only (P10 and P90 of a few hundred draws): selected among the values beyond
        // two thresholds (`selectTails`).
        let k = wanted.map { $0 < n / 2 ? $0 + 1 : n - $0 }.max() ?? 1
        if 8 * k > n || !selectTails(values, wanted, k: k) {
            selectEach(values, wanted[...], from: 0, to: n - 1)
        }
        let quantiles = fractions.map { f -> Double in
            let index = f * Double(n - 1)
            let lhs = Int(index)
            let delta = index - Double(lhs)
            if lhs == n - 1 { return Double(values[lhs]) }
            return (1 - delta) * Double(values[lhs]) + delta * Double(values[lhs + 1])
        }
        return (quantiles, Double(values[0]), Double(values[n - 1]))
    }

    /// Moves the order statistics `wanted` (ascending, within `lo…hi`) of `a[lo…hi]` into place, with the
    /// smallest value at `a[lo]` and the largest at `a[hi]`.
    private static func selectEach<T: BinaryFloatingPoint>(
        _ values: UnsafeMutableBufferPointer<T>, _ wanted: ArraySlice<Int>, from lo: Int, to hi: Int
    ) {
        var selected = lo - 1
        for k in wanted where k > selected {
            if k == selected + 1, selected >= lo {
                moveExtreme(values, from: k, to: hi, into: k, least: true)
            } else {
                select(values, k, from: selected + 1, to: hi)
            }
            selected = k
        }
        if let first = wanted.first, first > lo { moveExtreme(values, from: lo, to: first - 1, into: lo, least: true) }
        if selected < hi { moveExtreme(values, from: max(selected + 1, lo), to: hi, into: hi, least: false) }
    }

    /// With every wanted order statistic within `k` of an end (`8k ≤ n`): a threshold read from a sample of
    /// 16 values, all values at or below it moved to the front in one pass without branches (the
    /// comparisons of a selection's partitions mispredict every other time), and the selection done there;
    /// the same mirrored at the top. `false` when a threshold caught fewer than `k` values (nothing is lost:
    /// the caller then selects over the whole buffer, which the passes only reordered).
    private static func selectTails<T: BinaryFloatingPoint>(_ a: UnsafeMutableBufferPointer<T>, _ wanted: [Int],
                                                            k: Int) -> Bool {
        let n = a.count, m = 16
        // The sample's r-th smallest has about r·(n + 1)/(m + 1) values at or below it; two more for margin.
        let r = Swift.min(m - 1, (k * (m + 1) + n - 1) / n + 2)
        let (low, high) = withUnsafeTemporaryAllocation(of: T.self, capacity: m) { sample in
            for i in 0..<m { sample[i] = a[i * n / m] }
            // Insertion sort: sixteen values.
            for i in 1..<m {
                let x = sample[i]
                var j = i
                while j > 0, x < sample[j - 1] {
                    sample[j] = sample[j - 1]
                    j -= 1
                }
                sample[j] = x
            }
            return (sample[r - 1], sample[m - r])
        }
        guard low < high else { return false }
        var j = 0
        for i in 0..<n {
            let x = a[i]
            a[i] = a[j]
            a[j] = x
            j += x <= low ? 1 : 0
        }
        var top = n
        for i in stride(from: n - 1, through: j, by: -1) {
            let x = a[i]
            a[i] = a[top - 1]
            a[top - 1] = x
            top -= x >= high ? 1 : 0
        }
        guard j >= k, n - top >= k else { return false }
        let split = wanted.firstIndex { $0 >= n / 2 } ?? wanted.count
        selectEach(a, wanted[..<split], from: 0, to: j - 1)
        selectEach(a, wanted[split...], from: top, to: n - 1)
        return true
    }

    /// Swaps the least (or greatest) of `a[lo…hi]` into `a[position]`, `position` one of `lo`, `hi`.
    @inline(__always)
    private static func moveExtreme<T: Comparable>(_ a: UnsafeMutableBufferPointer<T>, from lo: Int, to hi: Int,
                                                   into position: Int, least: Bool) {
        var best = position
        for i in lo...hi where least ? a[i] < a[best] : a[best] < a[i] { best = i }
        a.swapAt(best, position)
    }

    /// Moves the `k`-th smallest of `a[lo…hi]` to `a[k]`, the smaller ones before it and the larger after
    /// (Hoare's selection with a median-of-three pivot; deterministic).
    static func select<T: Comparable>(_ a: UnsafeMutableBufferPointer<T>, _ k: Int, from lo: Int, to hi: Int) {
        var lo = lo, hi = hi
        while hi > lo {
            let mid = lo + (hi - lo) / 2
            if a[mid] < a[lo] { a.swapAt(mid, lo) }
            if a[hi] < a[lo] { a.swapAt(hi, lo) }
            if a[hi] < a[mid] { a.swapAt(hi, mid) }
            let pivot = a[mid]
            var i = lo, j = hi
            while i <= j {
                while a[i] < pivot { i += 1 }
                while pivot < a[j] { j -= 1 }
                if i <= j {
                    a.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                hi = j
            } else if k >= i {
                lo = i
            } else {
                return  // j < k < i: a[k] equals the pivot and is in place
            }
        }
    }
}
