/// Quantiles of a sample as GSL's `gsl_stats_quantile_from_sorted_data` defines them — with the values
/// sorted, `i = f·(n − 1)`, `δ = i − ⌊i⌋`, `q = (1 − δ)·x[⌊i⌋] + δ·x[⌊i⌋ + 1]` (`x[n − 1]` when `⌊i⌋ = n − 1`)
/// — computed by selecting only the order statistics needed (the smallest, the largest and the two
/// around each `i`), not by sorting all `n` values: a few passes over the data instead of `n log n`.
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
        var selected = -1
        for k in wanted where k > selected {
            if k == selected + 1, selected >= 0 {
                moveExtreme(values, from: k, to: n - 1, into: k, least: true)
            } else {
                select(values, k, from: selected + 1, to: n - 1)
            }
            selected = k
        }
        if let first = wanted.first, first > 0 { moveExtreme(values, from: 0, to: first - 1, into: 0, least: true) }
        if selected < n - 1 { moveExtreme(values, from: max(selected + 1, 0), to: n - 1, into: n - 1, least: false) }
        let quantiles = fractions.map { f -> Double in
            let index = f * Double(n - 1)
            let lhs = Int(index)
            let delta = index - Double(lhs)
            if lhs == n - 1 { return Double(values[lhs]) }
            return (1 - delta) * Double(values[lhs]) + delta * Double(values[lhs + 1])
        }
        return (quantiles, Double(values[0]), Double(values[n - 1]))
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
