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
        var wanted: [Int] = [0, n - 1]
        for f in fractions {
            let lhs = Int(f * Double(n - 1))
            wanted.append(lhs)
            if lhs < n - 1 { wanted.append(lhs + 1) }
        }
        var lo = 0
        for k in Set(wanted).sorted() {
            select(values, k, from: lo, to: n - 1)
            lo = k
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
