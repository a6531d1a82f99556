import Foundation
import Testing
import TestSupport
@testable import SeatPlanKit

/// Runs the central case and `draws` Monte Carlo draws of scenario text.
func drawn(_ yaml: String, draws: Int, seed: UInt64 = 1, threads: Int = 2) throws
    -> (Scenario, Allocation, DrawSummary) {
    let (scenario, allocation) = try simulate(yaml)
    let summary = try MonteCarlo(draws: draws, seed: seed, threads: threads).run(scenario, allocation: allocation)
    return (scenario, allocation, summary)
}

/// One district of a two-grade stage whose grade 1 is 100 every year (a fixed entry ratio of 1, births 100)
/// and whose grade 2 of 2016 … 2025 is `100 · ratios[i]` (grade 2 over grade 1 of the year before), the
/// progression projected by `last`; base 2025.
func oneRatioHistory(_ ratios: [Double], horizon: Int) -> String {
    var enrollment = "      2015: { primary: [100, 100] }\n"
    for (i, x) in ratios.enumerated() {
        enrollment += "      \(2016 + i): { primary: [100, \(String(format: "%.0f", 100 * x))] }\n"
    }
    let births = (2009...2022).map { "\($0): 100" }.joined(separator: ", ")
    return """
        scenario: one
        base_year: 2025
        horizon: \(horizon)
        standards:
          stages:
            - { id: primary, grades: 2, entry_age: 6, class_size: 30 }
        projection:
          progression: { method: last, window: 1 }
          ratios:
            - { stage: primary, grade: 1, value: 1 }
        uncertainty: { births: 0 }
        districts:
          - id: d
            births: { \(births) }
            enrollment:
        \(enrollment)schools:
          - { id: s, zone: d, stage: primary, classrooms: 8 }
        """
}

/// `text` with `block` inserted before `districts:` (top-level keys).
func withTopLevel(_ text: String, _ block: String) -> String {
    text.replacingOccurrences(of: "\ndistricts:\n", with: "\n\(block)\ndistricts:\n")
}

/// The ranges, probabilities and plan comparison of the draws (README, "Uncertainty").
@Suite struct MonteCarloTests {
    /// Spreads of zero everywhere: ratios, births, migration and yields fixed; slips certain and zero.
    static let noSpread = "uncertainty: { ratios: 0, births: 0, migration: 0, housing_yield: 0, slip: { 0: 1 } }"

    // MARK: Zero spreads

    /// With every spread zero each draw is the central run: every cell's smallest and largest students equal
    /// the allocator's, the probabilities are 0 or 1 as the central row says, the summary measures equal
    /// `summary.csv`'s and the plan comparison follows the central shortage seat-years.
    @Test(arguments: ["tiny", "example-city", "eau-claire-wi"])
    func zeroSpreadsGiveTheCentralRunInEveryDraw(input: String) throws {
        let text = input == "tiny" ? tinyScenario
            : try String(contentsOfFile: Repo.path("scenarios/\(input).yaml"), encoding: .utf8)
        let (scenario, allocation, summary) = try drawn(withTopLevel(text, Self.noSpread), draws: 40, threads: 3)
        var checked = 0
        for (p, outcome) in allocation.outcomes.enumerated() {
            for (i, row) in zip(outcome.rows.indices, outcome.rows) where row.year > scenario.baseYear {
                let cell = summary.cell(plan: p, row: i)
                #expect(summary.studentsMin[cell] == row.students && summary.studentsMax[cell] == row.students)
                #expect(summary.students[(cell * 3)..<(cell * 3 + 3)].allSatisfy { $0 == row.students })
                #expect(summary.seats(plan: p, row: i) == row.seats)
                let chance = summary.probabilities(plan: p, row: i)
                #expect(chance.shortage == (WholeNumbers.round(row.gap) > 0 ? 1 : 0))
                #expect(chance.red == (row.alert == .red ? 1 : 0))
                #expect(chance.superLarge == (row.superLargeClasses > 0 ? 1 : 0))
                checked += 1
            }
        }
        #expect(checked == allocation.outcomes.count * scenario.horizon * allocation.grid.rowsPerYear)

        // summary_ranges.csv against summary.csv, measure by measure.
        var reports = ReportSet(allocation: allocation, scenario: scenario, excel: false)
        reports.addRanges(summary, scenario: scenario, excel: false)
        let central = try CSVFile(data: reports.files.first { $0.name == "summary.csv" }!.data).rows
        let ranges = try CSVFile(data: reports.files.first { $0.name == "summary_ranges.csv" }!.data).rows
        #expect(central.count == ranges.count)
        for (c, r) in zip(central, ranges) {
            #expect(c["plan"] == r["plan"] && c["district"] == r["district"] && c["stage"] == r["stage"])
            for name in ["shortage_seat_years", "peak_shortage"] {
                #expect(r["\(name)_p10"] == c[name] && r["\(name)_p90"] == c[name], "\(name): \(c) \(r)")
            }
            for name in ["red_area_years", "no_school_area_stage_years", "super_large_area_years", "largest_class"] {
                #expect(Double(r["\(name)_p10"] ?? "") == Double(c[name] ?? "-"), "\(name): \(c) \(r)")
                #expect(Double(r["\(name)_p90"] ?? "") == Double(c[name] ?? "-"), "\(name): \(c) \(r)")
            }
            let short = (Int(c["shortage_seat_years"] ?? "") ?? 0) > 0
            #expect(r["probability_shortage"] == (short ? "1.0000" : "0.0000"))
        }

        let comparison = PlanComparison(allocation, scenario: scenario)
        for a in allocation.outcomes.map(\.plan.id) {
            for b in allocation.outcomes.map(\.plan.id) where a != b {
                let (sa, sb) = (comparison.measures(plan: a)!.shortageSeatYears, comparison.measures(plan: b)!.shortageSeatYears)
                let chance = try #require(summary.comparison(a, b))
                #expect(chance.fewer == (WholeNumbers.round(sa) < WholeNumbers.round(sb) ? 1 : 0))
                #expect(chance.more == (WholeNumbers.round(sa) > WholeNumbers.round(sb) ? 1 : 0))
            }
        }
    }

    /// Certain changes equal the central run of the changed scenario: a slip of exactly one year moves
    /// every completion to come one year later, a migration factor of exactly 2 doubles migration.
    @Test func certainSlipsAndFactorsEqualTheChangedScenario() throws {
        let changed = tinyScenario
            .replacingOccurrences(of: "dwellings: { 2024: 100, 2025: 200 }", with: "dwellings: { 2024: 100, 2026: 200 }")
            .replacingOccurrences(of: "migration: { primary: 30 }", with: "migration: { primary: 60 }")
        let (_, expected) = try simulate(changed)
        let varied = withTopLevel(tinyScenario, """
            uncertainty: { ratios: 0, births: 0, migration: { low: 2, high: 2 }, slip: { 1: 1 } }
            """)
        let (scenario, _, summary) = try drawn(varied, draws: 8)
        for (i, row) in zip(expected.outcomes[0].rows.indices, expected.outcomes[0].rows) where row.year > scenario.baseYear {
            let cell = summary.cell(plan: 0, row: i)
            // The 2024 completion is counted already and never moves; the 2025 one becomes 2026. Samples are
            // kept as single-precision differences from the central case (relative error 6·10⁻⁸ of a
            // difference of a few hundred pupils at most here).
            #expect(close(summary.studentsMin[cell], row.students, 1e-4), "\(row.year) \(row.zone) \(row.stage)")
            #expect(close(summary.studentsMax[cell], row.students, 1e-4))
        }
    }

    // MARK: A known distribution

    /// Only junior grade 2's progression ratio varies, `R ~ N(R̂, 0.1)`; everything else is fixed. Then in
    /// each projected year the junior students of a zone are `a + share·(E(j,1,Y−1) + M(j,1,Y−1))·R`: normal
    /// with the central students as mean and `σ = share·(E + M)·0.1`, so P10/P50/P90 are
    /// `μ − 1.2816σ, μ, μ + 1.2816σ`, and the chance of a shortage is `1 − Φ((seats + ½ − μ)/σ)`.
    ///
    /// Tolerance: with N = 4000 draws the standard error of a sample quantile is
    /// `√(p(1−p)/N) / φ(z_p) · σ` — 0.027σ at P10 and P90, 0.020σ at P50 — and of a proportion
    /// `√(P(1−P)/N)` (at most 0.0079); each check allows 4 standard errors (a correct implementation
    /// misses one with odds of about 6 in 100,000 for any seed), plus 10⁻³ pupils for the single-precision
    /// samples and one draw (1/N) for the proportions, which move in steps of 1/N.
    @Test func oneNormalRatioGivesTheNormalQuantiles() throws {
        let sd = 0.1, draws = 4000
        let text = withTopLevel(tinyScenario, """
            uncertainty:
              ratios: 0
              births: 0
              ratio_sd: [{ stage: junior, grade: 2, sd: \(sd) }]
            """)
        let (scenario, allocation, summary) = try drawn(text, draws: draws)
        let demand = allocation.demand.districts[0]
        let index = ScenarioIndex(scenario)
        let z90 = 1.2815515655446004
        let n = Double(draws)
        let quantileSE = [0.1, 0.5, 0.9].map { p in (p * (1 - p) / n).squareRoot() / normalDensity(inverseNormal(p)) }
        var checked = 0
        for (i, row) in zip(allocation.outcomes[0].rows.indices, allocation.outcomes[0].rows) where row.year > scenario.baseYear {
            let t = row.year - scenario.baseYear
            let z = index.zoneIndex[row.zone]!
            let cell = summary.cell(plan: 0, row: i)
            guard row.stage == "junior" else {
                #expect(summary.studentsMin[cell] == row.students && summary.studentsMax[cell] == row.students)
                continue
            }
            let share = demand.zoneShares[index.zonesOfDistrict[0].firstIndex(of: z)!]
            let sigma = share * (demand.cohort[1][0][t - 1] + demand.migration[1][0][t - 1]) * sd
            let mu = row.students
            let expected = [mu - z90 * sigma, mu, mu + z90 * sigma]
            for q in 0..<3 {
                let found = summary.students[cell * 3 + q]
                #expect(abs(found - expected[q]) <= 4 * quantileSE[q] * sigma + 1e-3,
                        "\(row.year) \(row.zone) P\([10, 50, 90][q]): \(found) vs \(expected[q]) (σ = \(sigma))")
            }
            let shortage = 1 - normalCDF((row.seats + 0.5 - WholeNumbers.halfTolerance - mu) / sigma)
            let found = summary.probabilities(plan: 0, row: i).shortage
            #expect(abs(found - shortage) <= 4 * (shortage * (1 - shortage) / n).squareRoot() + 1 / n,
                    "\(row.year) \(row.zone) P(short) \(found) vs \(shortage)")
            checked += 1
        }
        #expect(checked == scenario.horizon * 2)
    }

    /// Only births vary (`births: fit`, ratios fixed): kindergarten in 2026 holds `ρ·births(2023)` plus
    /// counted cohorts, and births(2023) lies on the linear trend within its standard error
    /// `s·√(1/n + (x − x̄)²/Sxx)` (`s² = SSR/(n − 2)`), so the students' P90 − P10 is `2·1.2816·ρ·se`.
    /// Tolerance: the standard error of P90 − P10 with N = 4000 is about 0.038σ; 4 of them.
    @Test func birthsVaryWithinTheTrendsStandardError() throws {
        let text = DefaultsTests.minimal
            .replacingOccurrences(of: "2016: 500, 2017: 510, 2018: 520, 2019: 530, 2020: 540, 2021: 550, 2022: 560",
                                  with: "2016: 500, 2017: 530, 2018: 505, 2019: 545, 2020: 520, 2021: 570, 2022: 548")
        let varied = withTopLevel(text, "uncertainty: { ratios: 0 }")
        let (scenario, allocation, summary) = try drawn(varied, draws: 4000)
        // The fit: linear over the newest 5 listed years, 2018–2022.
        let xs = [2018.0, 2019, 2020, 2021, 2022], ys = [505.0, 545, 520, 570, 548]
        let xBar = xs.reduce(0, +) / 5, yBar = ys.reduce(0, +) / 5
        let sxx = xs.reduce(0) { $0 + ($1 - xBar) * ($1 - xBar) }
        let slope = zip(xs, ys).reduce(0) { $0 + ($1.0 - xBar) * ($1.1 - yBar) } / sxx
        let ssr = zip(xs, ys).reduce(0) { $0 + pow($1.1 - (yBar + slope * ($1.0 - xBar)), 2) }
        let se = (ssr / 3).squareRoot() * (1.0 / 5 + pow(2023 - xBar, 2) / sxx).squareRoot()
        let rho = try #require(allocation.demand.assumptions.first { $0.parameter == .entryRatio && $0.stage == "kindergarten" }).value
        let sigma = rho * se
        let grid = allocation.grid
        let cell = summary.cell(plan: 0, row: try #require(grid.row(t: 1, area: 0, stage: 0)))
        let spread = summary.students[cell * 3 + 2] - summary.students[cell * 3]
        #expect(abs(spread - 2 * 1.2815515655446004 * sigma) <= 4 * 0.038 * sigma, "\(spread) vs σ = \(sigma)")
        // Primary in 2026 takes births of 2020, listed: it does not vary.
        let primary = summary.cell(plan: 0, row: try #require(grid.row(t: 1, area: 0, stage: 1)))
        #expect(summary.studentsMin[primary] == summary.studentsMax[primary])
        #expect(scenario.horizon == 2)
    }

    // MARK: A province with a common shock

    /// 100 districts of one 3-grade stage (served province-wide: one row holds the province's pupils), every estimated ratio with sd 0.05 (`ratios: 0.05`), births fixed.
    /// In 2026 district `d`'s pupils are `Σ_g D_{d,g} · (R̂_g + 0.05 · z_{d,g})`, `D` the ratio's denominator
    /// (births of 2020 for the entry ratio, last year's grade before for the others), so the province total
    /// is normal with `σ = 0.05 · √(c · (Σ D)² + (1 − c) · Σ D²)` for `z = √c · z_common + √(1 − c) · z_own`;
    /// its P90 − P10 is `2 · 1.2816 · σ`. A fully common shock (`c = 1`) makes it `0.05 · Σ D` wide; none
    /// (`c = 0`) about √300 times narrower here (300 ratios of similar size).
    /// Tolerance: the standard error of P90 − P10 with N = 4000 draws is about 0.038σ; 4 of them.
    static func province(commonShare: Double, districtShare: Double? = nil) -> (text: String, denominators: [Double]) {
        var text = """
            scenario: province
            base_year: 2025
            horizon: 1
            standards:
              stages:
                - { id: primary, grades: 3, entry_age: 6, class_size: 30, catchment: scenario }
            projection:
              progression: { method: mean, window: 2 }
              entry: { method: mean, window: 2 }
            uncertainty: { ratios: 0.05, births: 0, common_share: \(commonShare)\(districtShare.map { ", district_share: \($0)" } ?? "") }
            districts:

            """
        var denominators: [Double] = []
        for d in 0..<100 {
            let b = 100 + d, e = 90 + d % 17
            text += """
                  - id: d\(d)
                    births: { 2018: \(b), 2019: \(b + 3), 2020: \(b + 5) }
                    enrollment:
                      2024: { primary: [\(e), \(e + 2), \(e + 4)] }
                      2025: { primary: [\(e + 1), \(e + 3), \(e + 1)] }

                """
            denominators += [Double(b + 5), Double(e + 1), Double(e + 3)]
        }
        text += "schools:\n"
        for d in 0..<100 { text += "  - { id: s\(d), zone: d\(d), stage: primary, classrooms: 12 }\n" }
        return (text, denominators)
    }

    @Test(arguments: [1.0, 0.0, 0.3])
    func aProvinceTotalIsAsWideAsItsCommonShockSays(commonShare c: Double) throws {
        let (text, denominators) = Self.province(commonShare: c)
        let (scenario, allocation, summary) = try drawn(text, draws: 4000, threads: 2)
        let sum = denominators.reduce(0, +), squares = denominators.reduce(0) { $0 + $1 * $1 }
        let sigma = 0.05 * (c * sum * sum + (1 - c) * squares).squareRoot()
        let grid = allocation.grid
        let cell = summary.cell(plan: 0, row: try #require(grid.row(t: 1, area: grid.zoneCount + grid.districtCount, stage: 0)))
        let width = summary.students[cell * 3 + 2] - summary.students[cell * 3]
        #expect(abs(width - 2 * 1.2815515655446004 * sigma) <= 4 * 0.038 * sigma, "c = \(c): \(width) vs σ = \(sigma)")
        #expect(scenario.districts.count == 100)
        #expect(summary.commonShare == c && !summary.commonShareEstimated)
        if c == 1 {
            // A fully common shock: 0.05 · Σ D, whatever the number of districts.
            #expect(abs(width / (2 * 1.2815515655446004 * 0.05 * sum) - 1) < 0.04)
        }
    }

    /// With a district share `w` too, a district's three ratios share `√w · z_district` beyond the common part:
    /// the province total's variance is `σ²·(c·(Σ D)² + w·Σ_d (Σ_{i∈d} D_i)² + (1 − c − w)·Σ D²)` (`w = 1`:
    /// each district's three ratios move as one; the stage's catchment is the scenario, so only the total
    /// has a row).
    @Test(arguments: [(0.0, 1.0), (0.3, 0.4), (0.0, 0.5)])
    func aProvinceTotalHoldsItsDistrictsSharedErrors(commonShare c: Double, districtShare w: Double) throws {
        let (text, denominators) = Self.province(commonShare: c, districtShare: w)
        let (_, allocation, summary) = try drawn(text, draws: 4000, threads: 2)
        let sum = denominators.reduce(0, +), squares = denominators.reduce(0) { $0 + $1 * $1 }
        // Three denominators per district, in district order.
        let districtSquares = stride(from: 0, to: denominators.count, by: 3).reduce(0.0) { total, i in
            let d = denominators[i] + denominators[i + 1] + denominators[i + 2]
            return total + d * d
        }
        let sigma = 0.05 * (c * sum * sum + w * districtSquares + (1 - c - w) * squares).squareRoot()
        let grid = allocation.grid
        let cell = summary.cell(plan: 0, row: try #require(grid.row(t: 1, area: grid.zoneCount + grid.districtCount, stage: 0)))
        let width = summary.students[cell * 3 + 2] - summary.students[cell * 3]
        #expect(abs(width - 2 * 1.2815515655446004 * sigma) <= 4 * 0.038 * sigma, "c = \(c), w = \(w): \(width) vs σ = \(sigma)")
        #expect(summary.districtShare == w && !summary.districtShareEstimated)
    }

    /// Over two years, the lasting share `ρ` decides how a ratio's errors of years 1 and 2 move together, and
    /// the drift share `δ` how much larger the second year's is: `z(t) = √ρ · z_held + √(1 − ρ) · z_fresh(t)
    /// + √δ · Σ_{i<t} z_step(i)`, so `Var z(1) = 1`, `Var z(2) = 1 + δ`, `Cov = ρ`. 100 districts of one 3-grade stage, every ratio fixed at
    /// 1 with sd 0.05, births listed: district `d`'s pupils in 2027 are
    /// `B₂₀₂₁ r₁(2) + B₂₀₂₀ r₁(1) r₂(2) + E₁ r₂(1) r₃(2)` (`E₁` its first grade of 2025), so to first order the
    /// ratios of year 1 weigh `a₁ = (B₂₀₂₀, E₁, 0)` and those of year 2 `a₂ = (B₂₀₂₁, B₂₀₂₀, E₁)`. Each
    /// share (`c` over all ratios, `w` over a district's, `1 − c − w` over one ratio) adds
    /// `Σ_groups (S₁² + (1 + δ) S₂² + 2ρ S₁ S₂)`, `S_t` the group's sum of `a_t`; `σ = 0.05 · √(that)`.
    @Test(arguments: [(1.0, 0.0, 1.0, 0.0), (1.0, 0.0, 0.0, 0.0), (1.0, 0.0, 0.4, 0.0), (0.2, 0.5, 0.3, 0.0),
                      (1.0, 0.0, 1.0, 2.0), (0.2, 0.5, 0.3, 0.8)])
    func aProvinceTotalOverTwoYearsHoldsTheLastingShareOfItsErrors(commonShare c: Double, districtShare w: Double,
                                                                  lastingShare rho: Double, driftShare delta: Double) throws {
        var text = """
            scenario: province
            base_year: 2025
            horizon: 2
            standards:
              stages:
                - { id: primary, grades: 3, entry_age: 6, class_size: 30, catchment: scenario }
            projection:
              ratios:
                - { stage: primary, grade: 1, value: 1 }
                - { stage: primary, grade: 2, value: 1 }
                - { stage: primary, grade: 3, value: 1 }
            uncertainty:
              births: 0
              common_share: \(c)
              district_share: \(w)
              lasting_share: \(rho)
              drift_share: \(delta)
              ratio_sd:
                - { stage: primary, grade: 1, sd: 0.05 }
                - { stage: primary, grade: 2, sd: 0.05 }
                - { stage: primary, grade: 3, sd: 0.05 }
            districts:

            """
        // Per district, the weights of its three ratios in year 1 and in year 2.
        var weights: [(year1: [Double], year2: [Double])] = []
        for d in 0..<100 {
            let (b20, b21, e) = (100.0 + Double(d), 104.0 + Double(d % 7), 90.0 + Double(d % 17))
            text += """
                  - id: d\(d)
                    births: { 2019: \(100 + d), 2020: \(Int(b20)), 2021: \(Int(b21)) }
                    enrollment:
                      2025: { primary: [\(Int(e)), \(Int(e) + 2), \(Int(e) + 4)] }

                """
            weights.append(([b20, e, 0], [b21, b20, e]))
        }
        text += "schools:\n"
        for d in 0..<100 { text += "  - { id: s\(d), zone: d\(d), stage: primary, classrooms: 12 }\n" }
        let (_, allocation, summary) = try drawn(text, draws: 4000, threads: 2)

        func held(_ groups: [(Double, Double)]) -> Double {
            groups.reduce(0) { $0 + $1.0 * $1.0 + (1 + delta) * $1.1 * $1.1 + 2 * rho * $1.0 * $1.1 }
        }
        let all = held([(weights.reduce(0) { $0 + $1.year1.reduce(0, +) }, weights.reduce(0) { $0 + $1.year2.reduce(0, +) })])
        let districts = held(weights.map { ($0.year1.reduce(0, +), $0.year2.reduce(0, +)) })
        let ratios = held(weights.flatMap { d in (0..<3).map { (d.year1[$0], d.year2[$0]) } })
        let sigma = 0.05 * (c * all + w * districts + (1 - c - w) * ratios).squareRoot()
        let grid = allocation.grid
        let cell = summary.cell(plan: 0, row: try #require(grid.row(t: 2, area: grid.zoneCount + grid.districtCount, stage: 0)))
        let width = summary.students[cell * 3 + 2] - summary.students[cell * 3]
        #expect(abs(width - 2 * 1.2815515655446004 * sigma) <= 4 * 0.038 * sigma,
                "c = \(c), w = \(w), ρ = \(rho), δ = \(delta): \(width) vs σ = \(sigma)")
        #expect(summary.lastingShare == rho && !summary.lastingShareEstimated)
        #expect(summary.driftShare == delta && !summary.driftShareEstimated)
        if c == 1 && rho == 0 {
            // Fresh every year: narrower than held (ρ = 1), by √((S₁² + S₂²)/(S₁ + S₂)²).
            let heldSigma = 0.05 * (weights.reduce(0) { $0 + $1.year1.reduce(0, +) + $1.year2.reduce(0, +) })
            #expect(width < 0.85 * 2 * 1.2815515655446004 * heldSigma)
        }
    }

    /// The lasting share estimated from a district's history (`HistorySpread`, `ErrorShares.estimate`): with
    /// `last`, the estimate made before year `y` is the ratio of `y − 1`, its error `r₁ = ln(x_{y−1}/x_y)`,
    /// and one year on `r₂ = ln(x_{y−1}/x_{y+1})`; `ρ = Σ r₁r₂ / Σ r₁² + (1 + 3ρ)/n` over the `n` years with
    /// pairs, clamped to `[0, 1]`; `δ` from `R = Σ r₂² / Σ r₁²` (here below 1: 0). The entry ratio is fixed
    /// (no errors).
    @Test func theLastingShareIsEstimatedFromTheDistrictsHistory() throws {
        let ratios = [0.98, 1.01, 0.99, 1.00, 1.03, 0.99, 1.01, 1.02, 0.98, 1.00]
        let text = oneRatioHistory(ratios, horizon: 3)
        let (_, _, summary) = try drawn(text, draws: 16, threads: 1)
        var products = 0.0, first = 0.0, second = 0.0, n = 0.0
        for i in 1..<(ratios.count - 1) {
            let r1 = log(ratios[i - 1] / ratios[i]), r2 = log(ratios[i - 1] / ratios[i + 1])
            products += r1 * r2
            first += r1 * r1
            second += r2 * r2
            n += 1
        }
        let raw = max(0, min(1, products / first))
        let expected = max(0, min(1, raw + (1 + 3 * raw) / n))
        #expect(abs(summary.lastingShare - expected) < 1e-12, "\(summary.lastingShare) vs \(expected)")
        #expect(summary.lastingShareEstimated && expected > 0 && expected < 1)
        #expect(second < first && summary.driftShare == 0 && summary.driftShareEstimated)
    }

    /// The drift estimated from a district's history whose ratio walks upwards (`last`: `r₁ = ln(x_{y−1}/x_y)`,
    /// `r₂ = ln(x_{y−1}/x_{y+1})`): `R = Σ r₂² / Σ r₁²`, `δ̂ = R − 1`, `Var R = Σ (r₂² − R r₁²)² / (Σ r₁²)²`,
    /// `δ = δ̂ − Var R / δ̂` (ErrorShares.persistence as docs/FORECASTING.md writes it), and its draws: grade 2 of
    /// year 3 is `100 · R̂ · exp(s · z(3))` with `Var z(3) = 1 + 2δ` whatever `ρ` (grade 1 fixed at 100), so its
    /// P10 / P90 are `100 + 108 · exp(∓1.2816 · s · √(1 + 2δ))` (`R̂` = 1.08, the last ratio). Tolerance: 4
    /// standard errors of a quantile of 4,000 draws.
    @Test func theDriftIsEstimatedFromTheDistrictsHistoryAndWidensItsLaterYears() throws {
        let ratios = [0.90, 0.92, 0.95, 0.96, 0.99, 1.00, 1.03, 1.04, 1.07, 1.08]
        let draws = 4000
        let (_, allocation, summary) = try drawn(oneRatioHistory(ratios, horizon: 3), draws: draws)
        var first = 0.0, second = 0.0
        var pairs: [(a: Double, b: Double)] = []
        for i in 1..<(ratios.count - 1) {
            let r1 = log(ratios[i - 1] / ratios[i]), r2 = log(ratios[i - 1] / ratios[i + 1])
            first += r1 * r1
            second += r2 * r2
            pairs.append((r2 * r2, r1 * r1))
        }
        let ratio = second / first
        // Times G / (G − 1) for its G = 8 district-years with pairs.
        let noise = pairs.map { pow($0.a - ratio * $0.b, 2) }.reduce(0, +) / (first * first) * 8 / 7
        let delta = (ratio - 1) - noise / (ratio - 1)
        #expect(abs(summary.driftShare - delta) < 1e-12 && summary.driftShareEstimated, "\(summary.driftShare) vs \(delta)")
        #expect(delta > 1.5 && delta < 2)
        let s = ((1..<ratios.count).map { pow(log(ratios[$0 - 1] / ratios[$0]), 2) }.reduce(0, +) / 9).squareRoot()
        let spread = s * (1 + 2 * delta).squareRoot()
        let i = try #require(allocation.outcomes[0].rows.firstIndex { $0.year == 2028 })
        let cell = summary.cell(plan: 0, row: i)
        for (q, p) in [(0, 0.1), (2, 0.9)] {
            let expected = 100 + 108 * exp(inverseNormal(p) * spread)
            let slope = 108 * spread * exp(inverseNormal(p) * spread)
            let se = (p * (1 - p) / Double(draws)).squareRoot() / normalDensity(inverseNormal(p)) * slope
            #expect(abs(summary.students[cell * 3 + q] - expected) <= 4 * se,
                    "P\([10, 50, 90][q]): \(summary.students[cell * 3 + q]) vs \(expected)")
        }
    }

    /// `uncertainty.csv` records what the draws were made with: the drifting history of the test above gives
    /// its ratio spread `s = √(Σ ln(x_{i−1}/x_i)² / 9)` from 9 errors of 2017–2025 and its drift `δ` as worked
    /// out there, both `estimated`; the district's own `lasting_share: 0.5` is `given`, with no errors; births
    /// held (`births: 0`) are a given relative spread of 0; and the draws' number and seed come first.
    @Test func theRangesSayWhatTheyWereDrawnWith() throws {
        let ratios = [0.90, 0.92, 0.95, 0.96, 0.99, 1.00, 1.03, 1.04, 1.07, 1.08]
        let text = oneRatioHistory(ratios, horizon: 2)
            .replacingOccurrences(of: "  - id: d\n", with: "  - id: d\n    uncertainty: { lasting_share: 0.5 }\n")
        let (scenario, allocation, summary) = try drawn(text, draws: 20, seed: 11)
        let r1 = (1..<(ratios.count - 1)).map { log(ratios[$0 - 1] / ratios[$0]) }
        let r2 = (1..<(ratios.count - 1)).map { log(ratios[$0 - 1] / ratios[$0 + 1]) }
        let first = r1.map { $0 * $0 }.reduce(0, +), second = r2.map { $0 * $0 }.reduce(0, +)
        let ratio = second / first
        let noise = zip(r1, r2).map { pow($1 * $1 - ratio * $0 * $0, 2) }.reduce(0, +) / (first * first) * 8 / 7
        let delta = (ratio - 1) - noise / (ratio - 1)
        let s = ((1..<ratios.count).map { pow(log(ratios[$0 - 1] / ratios[$0]), 2) }.reduce(0, +) / 9).squareRoot()

        let rows = Dictionary(uniqueKeysWithValues: summary.assumptions.map { ($0.parameter, $0) })
        #expect(summary.assumptions.map(\.parameter) == DrawAssumption.Parameter.allCases)
        let spread = try #require(rows[.ratioSpread])
        #expect(abs(spread.value! - s) < 1e-12 && spread.source == .estimated && spread.errors == 9
                && spread.years == 2017...2025, "\(spread)")
        let drift = try #require(rows[.driftShare])
        #expect(abs(drift.value! - delta) < 1e-12 && drift.source == .estimated && drift.errors == 9, "\(drift)")
        #expect(rows[.lastingShare] == DrawAssumption(district: "d", parameter: .lastingShare, value: 0.5, source: .given,
                                                      note: rows[.lastingShare]!.note))
        #expect(rows[.birthsSpread]?.value == 0 && rows[.birthsSpread]?.source == .given)
        #expect(rows[.kurtosis]?.source == .estimated && (rows[.kurtosis]?.value ?? 0) >= 3)

        var reports = ReportSet(allocation: allocation, scenario: scenario, excel: false)
        reports.addRanges(summary, scenario: scenario, excel: false)
        let csv = try CSVFile(data: reports.files.first { $0.name == "uncertainty.csv" }!.data).rows
        #expect(csv.prefix(2).map { [$0["district"], $0["parameter"], $0["value"]] } == [["ALL", "draws", "20"],
                                                                                       ["ALL", "seed", "11"]])
        let written = try #require(csv.first { $0["parameter"] == "ratio_spread" })
        #expect(written["value"] == String(format: "%.6f", s) && written["errors"] == "9"
                && written["first_year"] == "2017" && written["last_year"] == "2025", "\(written)")
        let lasting = try #require(csv.first { $0["parameter"] == "lasting_share" })
        #expect(lasting["value"] == "0.500000" && lasting["source"] == "given" && lasting["errors"] == "")
    }

    /// An observed spread is drawn as the backtest scores it, `R̂ · exp(s·z)`: a ratio that moved by ±5–20 %
    /// a year (`last`, `R̂` = 1.00, `s = √(Σ ln(x_{i−1}/x_i)² / 9)` ≈ 0.19) gives grade 2 of the next year
    /// `100 · exp(±1.2816 s)` at P10 / P90 — 22 pupils below and 28 above, not the same on both sides as an
    /// additive `R̂ + σz` would. Tolerance: 4 standard errors of a quantile of 4,000 draws.
    @Test func anObservedSpreadIsDrawnAsALognormalRatio() throws {
        let ratios = [0.8, 1.2, 0.9, 1.1, 1.0, 0.85, 1.15, 0.95, 1.05, 1.0]
        let text = oneRatioHistory(ratios, horizon: 1)
        let draws = 4000
        let (_, allocation, summary) = try drawn(text, draws: draws)
        let s = ((1..<ratios.count).map { pow(log(ratios[$0 - 1] / ratios[$0]), 2) }.reduce(0, +) / 9).squareRoot()
        let z90 = 1.2815515655446004
        let i = try #require(allocation.outcomes[0].rows.firstIndex { $0.year == 2026 })
        let cell = summary.cell(plan: 0, row: i)
        // Grade 1 is 100 in every draw (fixed ratio, births fixed); grade 2 is 100 · exp(s·z).
        let expected = [100 + 100 * exp(-z90 * s), 200, 100 + 100 * exp(z90 * s)]
        for (q, p) in [0.1, 0.5, 0.9].enumerated() {
            let slope = 100 * s * exp(inverseNormal(p) * s)
            let se = (p * (1 - p) / Double(draws)).squareRoot() / normalDensity(inverseNormal(p)) * slope
            #expect(abs(summary.students[cell * 3 + q] - expected[q]) <= 4 * se,
                    "P\([10, 50, 90][q]): \(summary.students[cell * 3 + q]) vs \(expected[q])")
        }
        // The two sides differ by about 6 pupils: far beyond the tolerance.
        #expect(expected[2] - 200 - (200 - expected[0]) > 5)
    }

    /// A given kurtosis (`uncertainty.kurtosis: 9`, `ν = 4 + 6 / 6 = 5`) scales each draw's ratio errors by
    /// `v = √(3 / χ²₅)`: grade 2 of the next year is `100 · exp(s · v z)`, `s v z` a Student t of 5 degrees of
    /// freedom with variance `s²`, so its P10 / P90 are `100 · exp(∓ s · t₀.₉(5) · √(3/5))`, `t₀.₉(5) = 1.475884`
    /// from the table — 10 % narrower than the normal's, 2.4 pupils at P10 and 4.1 at P90 here. Tolerance: 4
    /// standard errors of a quantile of 16,000 draws (the t's density at its quantile), half the gap to the normal's.
    @Test func aGivenKurtosisDrawsTheRatiosAsAStudentT() throws {
        let ratios = [0.8, 1.2, 0.9, 1.1, 1.0, 0.85, 1.15, 0.95, 1.05, 1.0]
        let text = oneRatioHistory(ratios, horizon: 1).replacingOccurrences(of: "uncertainty: { births: 0 }",
                                                                           with: "uncertainty: { births: 0, kurtosis: 9 }")
        let draws = 16_000
        let (_, allocation, summary) = try drawn(text, draws: draws)
        #expect(summary.kurtosis == 9 && !summary.kurtosisEstimated)
        let s = ((1..<ratios.count).map { pow(log(ratios[$0 - 1] / ratios[$0]), 2) }.reduce(0, +) / 9).squareRoot()
        let scale = (3.0 / 5).squareRoot(), t90 = 1.475884
        let i = try #require(allocation.outcomes[0].rows.firstIndex { $0.year == 2026 })
        let cell = summary.cell(plan: 0, row: i)
        // The density of a t with 5 degrees of freedom at t₀.₉, Γ(3) / (√(5π) Γ(5/2)) · (1 + t²/5)^(−3).
        let density = tgamma(3) / ((5 * Double.pi).squareRoot() * tgamma(2.5)) * pow(1 + t90 * t90 / 5, -3)
        for (q, sign) in [(0, -1.0), (2, 1.0)] {
            let expected = 100 + 100 * exp(sign * t90 * scale * s)
            let slope = 100 * s * scale * exp(sign * t90 * scale * s)
            let se = (0.1 * 0.9 / Double(draws)).squareRoot() / density * slope
            #expect(abs(summary.students[cell * 3 + q] - expected) <= 4 * se,
                    "P\([10, 50, 90][q]): \(summary.students[cell * 3 + q]) vs \(expected) ± \(4 * se)")
            let normal = 100 + 100 * exp(sign * 1.2815515655446004 * s)
            #expect(abs(normal - expected) > 8 * se, "the normal's quantile within the tolerance")
        }
        // The tails' normal is the draw's own: the same ranges whatever the threads.
        let (_, _, one) = try drawn(text, draws: 64, seed: 5, threads: 1)
        let (_, _, many) = try drawn(text, draws: 64, seed: 5, threads: 3)
        #expect(one.students == many.students && one.studentsMin == many.studentsMin && one.studentsMax == many.studentsMax)
    }

    /// The kurtosis estimated from the districts' histories (`HistorySpread`, `ErrorTails.estimate`): 40
    /// districts like `oneRatioHistory`'s, each ratio moving ±1–2 % a year but 12 % once (in a year of its own,
    /// up or down by district, so that no year is a common shock). With `last`, a district's errors are
    /// `r = ln(x_{y−1}/x_y)`, one a year; in units of its own `σ_d`, `κ̂ = N Σ z⁴ / (Σ z²)²` over all of them,
    /// `Var κ̂ = Σ (A + N z⁴ − 2 A z² · N / B)² / B⁴` over the district-years (the delta method, one error a
    /// cell), and `κ = 3 + e − Var κ̂ / e`, `e = κ̂ − 3` — worked out here from the ratios as docs/FORECASTING.md
    /// writes it (κ = 3.86 here, ν = 11).
    @Test func theKurtosisIsEstimatedFromTheDistrictsHistories() throws {
        var text = ""
        var errors: [[Double]] = []
        for d in 0..<40 {
            var ratios = (0..<10).map { i in 1 + 0.01 * Double((i + d) % 3 - 1) * Double(1 + (i * 7 + d) % 2) }
            ratios[1 + d % 9] += d % 2 == 0 ? 0.12 : -0.12
            ratios = ratios.map { ($0 * 100).rounded() / 100 }
            errors.append((1..<ratios.count).map { log(ratios[$0 - 1] / ratios[$0]) })
            let one = oneRatioHistory(ratios, horizon: 1)
            let district = one[one.range(of: "  - id: d\n")!.lowerBound..<one.range(of: "schools:")!.lowerBound]
            text += district.replacingOccurrences(of: "id: d\n", with: "id: d\(d)\n")
        }
        let header = oneRatioHistory([1], horizon: 1)
        let scenario = String(header[..<header.range(of: "  - id: d\n")!.lowerBound]) + text + "schools:\n"
            + (0..<40).map { "  - { id: s\($0), zone: d\($0), stage: primary, classrooms: 8 }\n" }.joined()
        let (_, _, summary) = try drawn(scenario, draws: 8, threads: 1)
        var n = 0.0, a = 0.0, b = 0.0
        var z: [[Double]] = []
        for r in errors {
            let sigma = (r.map { $0 * $0 }.reduce(0, +) / Double(r.count)).squareRoot()
            z.append(r.map { $0 / sigma })
        }
        for row in z {
            n += Double(row.count)
            a += row.map { pow($0, 4) }.reduce(0, +)
            b += row.map { $0 * $0 }.reduce(0, +)
        }
        let kappa = n * a / (b * b)
        // Each district-year holds one error; times G / (G − 1) for its G = 360 of them.
        let variance = z.joined().map { pow(a + n * pow($0, 4) - 2 * a * $0 * $0 * n / b, 2) }.reduce(0, +) / pow(b, 4)
            * 360 / 359
        let excess = kappa - 3, kept = excess - variance / excess
        #expect(kept > 0.5, "κ̂ = \(kappa), Var = \(variance)")
        #expect(abs(summary.kurtosis - (3 + kept)) < 1e-9 && summary.kurtosisEstimated, "\(summary.kurtosis) vs \(3 + kept)")
    }

    /// A common shock is drawn once per draw from the draw's own stream: the ranges do not depend on threads.
    @Test func aCommonShockGivesTheSameRangesWhateverTheThreads() throws {
        let (text, _) = Self.province(commonShare: 0.3)
        let (_, _, one) = try drawn(text, draws: 64, seed: 5, threads: 1)
        let (_, _, many) = try drawn(text, draws: 64, seed: 5, threads: 3)
        #expect(one.students == many.students && one.studentsMin == many.studentsMin && one.studentsMax == many.studentsMax)
    }

    /// The common share read back: the scenario's key, a district's own over it, and estimated without.
    @Test func theCommonShareIsReadOrEstimated() throws {
        let (text, _) = Self.province(commonShare: 0.4)
        let scenario = try ScenarioLoader().load(text: text, file: "p.yaml")
        #expect(scenario.uncertainty.commonShare == .share(0.4))
        let estimated = try ScenarioLoader().load(text: text.replacingOccurrences(of: "common_share: 0.4", with: "common_share: estimated"),
                                                  file: "p.yaml")
        #expect(estimated.uncertainty.commonShare == .estimated)
    }

    // MARK: Reproducible

    @Test func theSameSeedGivesTheSameFilesWhateverTheThreads() throws {
        let text = try String(contentsOfFile: Repo.path("scenarios/example-city.yaml"), encoding: .utf8)
        func files(seed: UInt64, threads: Int) throws -> [String: Data] {
            let (scenario, allocation, summary) = try drawn(text, draws: 100, seed: seed, threads: threads)
            var reports = ReportSet(allocation: allocation, scenario: scenario, excel: false)
            reports.addRanges(summary, scenario: scenario, excel: false)
            return Dictionary(reports.files.map { ($0.name, $0.data) }, uniquingKeysWith: { a, _ in a })
        }
        // example-city's defaults: spreads and the common share from its districts' histories.
        let one = try files(seed: 42, threads: 1)
        let many = try files(seed: 42, threads: 4)
        let other = try files(seed: 43, threads: 4)
        for name in ReportSet.rangeFileNames {
            #expect(one[name] != nil && one[name] == many[name], "\(name)")
        }
        #expect(one["ranges.csv"] != other["ranges.csv"])
        #expect(one["summary_ranges.csv"] != other["summary_ranges.csv"])
    }

    @Test func everyDrawOfARunHasItsOwnSeed() {
        let seeds = (0..<100_000).map { RandomStream.drawSeed(run: 1, draw: $0) }
        #expect(Set(seeds).count == seeds.count)
        #expect(RandomStream.drawSeed(run: 1, draw: 0) != RandomStream.drawSeed(run: 2, draw: 0))
        // Neighbouring run seeds do not share draws (unlike seed ⊕ draw, where seeds 0 and 1 would).
        #expect(Set((0..<1000).map { RandomStream.drawSeed(run: 0, draw: $0) })
            .isDisjoint(with: (0..<1000).map { RandomStream.drawSeed(run: 1, draw: $0) }))
    }

    @Test func aStreamRepeatsForItsSeed() throws {
        let a = try RandomStream(run: 7, draw: 3), b = try RandomStream(run: 7, draw: 3), c = try RandomStream(run: 7, draw: 4)
        let xs = (0..<5).map { _ in a.gaussian() }, ys = (0..<5).map { _ in b.gaussian() }, zs = (0..<5).map { _ in c.gaussian() }
        #expect(xs == ys && xs != zs)
        #expect((0..<1000).map { _ in a.uniform() }.allSatisfy { (0..<1).contains($0) })
    }

    // MARK: Building blocks

    /// Selecting the order statistics gives exactly what sorting and GSL's quantile give, ties included.
    @Test func quantilesBySelectionEqualGSLOnSortedData() {
        var generator = SplitMix(seed: 5)
        for n in [1, 2, 3, 7, 10, 11, 16, 100, 200, 1000, 1001] {
            for ties in [false, true] {
                let values = (0..<n).map { _ in Float(ties ? Double(generator.next() % 7) : generator.unit() * 100 - 50) }
                // Every quantile with the extremes among them, the two the ranges use, and none (extremes only).
                for fractions in [[0.1, 0.5, 0.9, 0.25, 0.0, 1.0], [0.1, 0.9], []] {
                    var a = values, b = values
                    let selected = a.withUnsafeMutableBufferPointer { SampleQuantiles.quantiles($0, at: fractions) }
                    let sorted = b.withUnsafeMutableBufferPointer { GSL.quantilesSortingInPlace($0, at: fractions) }
                    #expect(selected.quantiles == sorted, "n = \(n), ties = \(ties), \(fractions)")
                    #expect(selected.min == Double(values.min()!) && selected.max == Double(values.max()!))
                }
            }
        }
    }

    /// The allocation-free largest class equals `ClassOrganisation`'s, with rooms to spare and short.
    @Test func largestClassWithoutAllocatingEqualsTheOrganisation() {
        var generator = SplitMix(seed: 9)
        for _ in 0..<5000 {
            let grades = Int(generator.next() % 6) + 1
            let pupils = (0..<grades).map { _ in Int(generator.next() % 200) }
            let sizes = (0..<grades).map { _ in [25, 30, 45, 50][Int(generator.next() % 4)] }
            let rooms = Int(generator.next() % 20)
            var scratch = Array(repeating: 0, count: grades)
            let found = pupils.withUnsafeBufferPointer { n in
                sizes.withUnsafeBufferPointer { c in
                    scratch.withUnsafeMutableBufferPointer { k in
                        ClassOrganisation.largestClass(pupils: n, sizes: c, classrooms: rooms,
                                                       standard: ClassOrganisation.standardClasses(pupils: n, sizes: c),
                                                       scratch: k)
                    }
                }
            }
            #expect(found == ClassOrganisation(pupils: pupils, classSizes: sizes, classrooms: rooms).maxClassSize,
                    "\(pupils) \(sizes) \(rooms)")
        }
        for n in [0, 1, 44, 45, 46, 89, 90, 91, (1 << 26) - 1, 1 << 26, 1 << 40] {
            for c in [1, 7, 45, 50, (1 << 26) - 1, 1 << 26] {
                #expect(ClassOrganisation.quickCeilDiv(n, c) == ClassOrganisation.ceilDiv(n, c), "\(n) / \(c)")
            }
        }
    }

    @Test func theProgressLineSaysDoneRateAndTimeLeft() {
        #expect(TerminalProgress.line(done: 0, total: 1000, elapsed: 0) == "draws [░░░░░░░░░░░░░░░░░░░░]    0/1000")
        #expect(TerminalProgress.line(done: 500, total: 1000, elapsed: 10)
            == "draws [██████████░░░░░░░░░░]  500/1000  50.0 draws/s  10 s left")
        #expect(TerminalProgress.duration(185) == "3 min 05 s")
        #expect(TerminalProgress.duration(3720) == "1 h 02 min")
    }
}

/// A small seeded generator for test inputs (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return RandomStream.splitMix64(state &- 0x9E37_79B9_7F4A_7C15)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }
func normalDensity(_ x: Double) -> Double { exp(-x * x / 2) / (2 * Double.pi).squareRoot() }
/// `Φ⁻¹(p)` by bisection (enough for the three quantiles used here).
func inverseNormal(_ p: Double) -> Double {
    var lo = -10.0, hi = 10.0
    for _ in 0..<200 {
        let mid = (lo + hi) / 2
        if normalCDF(mid) < p { lo = mid } else { hi = mid }
    }
    return (lo + hi) / 2
}
