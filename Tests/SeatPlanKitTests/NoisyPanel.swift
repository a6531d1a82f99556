import Foundation
@testable import SeatPlanKit

/// A generated history with a known process: 40 units, 2000 to `lastYear`, one stage of `grades` grades,
/// grade 1 = 1,000 every year, each yearly progression ratio `0.99 · exp(0.02 · m)` with
/// `m = √c · Z_y + √w · W_{u,y} + √(1 − c − w) · ε` (`Z` of the year, common to all units; `W` of the unit and
/// year; `ε` of the grade; all standard normal, from `RandomStream(seed:)`). With `drift` above 0 the ratio's
/// true value walks too, `0.99 · exp(D_{u,g,y} + 0.02 · m)` with `D` adding `drift · m'` each year (`m'` made as
/// `m`, from normals drawn after the year's own, so that a panel without drift is the one it was before). With
/// `tails` degrees of freedom `ν` (an integer above 2; 0: normal), every `m` of year `y` is scaled by the year's
/// `v_y = √((ν − 2) / Σ_{i<ν} z_i²)`, shared by every unit: heavy-tailed noise of the same variance, in years
/// of turmoil and calm.
func noisyPanel(grades: Int = 6, common c: Double = 0, unit w: Double = 0, drift: Double = 0, tails: Int = 0,
                lastYear: Int = 2019, seed: UInt32 = 5) throws -> [UnitHistory] {
    let random = try RandomStream(seed: seed)
    let years = Array(2000...lastYear)
    let common = years.map { _ in random.gaussian() }
    let commonSteps = drift > 0 ? years.map { _ in random.gaussian() } : []
    let volatility = years.map { _ in
        tails > 2 ? (Double(tails - 2) / (0..<tails).map { _ in pow(random.gaussian(), 2) }.reduce(0, +)).squareRoot() : 1
    }
    return (0..<40).map { u in
        var counts: [Int: [[Double]]] = [:]
        var previous = Array(repeating: 1000.0, count: grades)
        var walk = Array(repeating: 0.0, count: grades)
        for (i, year) in years.enumerated() {
            let unitZ = random.gaussian()
            var row = [1000.0]
            for g in 1..<grades {
                let m = c.squareRoot() * common[i] + w.squareRoot() * unitZ + (1 - c - w).squareRoot() * random.gaussian()
                row.append(previous[g - 1] * 0.99 * exp(walk[g] + 0.02 * volatility[i] * m))
            }
            if drift > 0 {
                let unitStep = random.gaussian()
                for g in 1..<grades {
                    walk[g] += drift * (c.squareRoot() * commonSteps[i] + w.squareRoot() * unitStep
                        + (1 - c - w).squareRoot() * random.gaussian())
                }
            }
            counts[year] = [row]
            previous = row
        }
        return UnitHistory(id: "u\(u)", level: .unit, counts: counts, births: [:])
    }
}
