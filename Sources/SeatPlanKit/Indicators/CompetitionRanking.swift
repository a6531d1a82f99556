/// Competition ranking ("1, 1, 3"), lower values first: a value's rank is 1 + the number of values strictly
/// below it, where values equal to 9 decimals (`round(x · 10⁹)`, halves away from zero) are equal — so tied
/// values share the best rank and the next rank skips as many places as were tied.
enum CompetitionRanking {
    /// The rank of each value, in the order given.
    static func ranks(_ values: [Double]) -> [Int] {
        let keys = values.map { ($0 * 1e9).rounded(.toNearestOrAwayFromZero) }
        let sorted = keys.sorted()
        return keys.map { key in
            // 1 + the count of keys strictly below: the first position of `key` in the sorted keys.
            var low = 0, high = sorted.count
            while low < high {
                let mid = (low + high) / 2
                if sorted[mid] < key { low = mid + 1 } else { high = mid }
            }
            return low + 1
        }
    }
}
