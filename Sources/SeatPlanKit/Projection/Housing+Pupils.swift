extension Housing {
    /// Completions in year order.
    var completions: [(year: Int, dwellings: Double)] {
        dwellings.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Pupils of one stage from this development in `year`, at `yield` pupils per 100 dwellings:
    /// `Σ_c dwellings_c × yield/100 × Δramp`, where `Δramp = ramp(Y−c)` for completion after the base year
    /// and `ramp(Y−c) − ramp(base−c)` otherwise. `slip` moves the completions after the base year by
    /// whole years (never to or before the base year); counted completions never move.
    func pupils(completions: [(year: Int, dwellings: Double)], yield: Double, year: Int, baseYear: Int,
                slip: Int = 0) -> Double {
        Self.pupils(completions: completions, ramp: ramp, yield: yield, year: year, baseYear: baseYear, slip: slip)
    }

    /// `pupils(completions:yield:year:baseYear:slip:)` of a development with this `ramp` (for the draws,
    /// which keep only the completions and the ramp of a development).
    static func pupils(completions: [(year: Int, dwellings: Double)], ramp: [Double], yield: Double, year: Int,
                       baseYear: Int, slip: Int = 0) -> Double {
        var pupils = 0.0
        for (planned, dwellings) in completions {
            let completed = planned > baseYear ? max(planned + slip, baseYear + 1) : planned
            var level = rampLevel(ramp, yearsAfterCompletion: year - completed)
            if completed <= baseYear {
                level -= rampLevel(ramp, yearsAfterCompletion: baseYear - completed)
            }
            pupils += dwellings * yield / 100 * level
        }
        return pupils
    }
}
