import Foundation

/// Backtests projection methods on a history: for each origin year `T`, fit on what was known at `T`,
/// project `T+1 … T+h`, and compare with what was counted (issue: "check the accuracy of previous forecasts").
public struct BacktestRunner: Sendable {
    public struct Options: Sendable {
        /// Origin years; `nil`: every year from the third counted year of the top unit to the one before last.
        public var origins: [Int]?
        public var horizons: ClosedRange<Int>
        public var methods: [ForecastMethod]
        /// Entry grades taken as counted (only progression is tested, the protocol of published comparisons).
        public var entryKnown: Bool
        /// Leave ratio observations that touch a break year out of the fits.
        public var excludeBreaks: Bool
        /// Leave ratio observations that touch a common shock year out of every method's fits, `auto`'s
        /// included (the default, as `projection: exclude_shocks` in a scenario).
        public var excludeShocks: Bool
        public var detail: Detail
        /// Draws per case for the P10–P90 ranges (0: none), and their seed.
        public var draws: Int
        public var seed: UInt64

        public init(origins: [Int]? = nil, horizons: ClosedRange<Int> = 1...5, methods: [ForecastMethod]? = nil,
                    entryKnown: Bool = false, excludeBreaks: Bool = false, excludeShocks: Bool = true,
                    detail: Detail = .all, draws: Int = 0, seed: UInt64 = 1) {
            self.draws = draws
            self.seed = seed
            self.origins = origins
            self.horizons = horizons
            self.methods = methods ?? ForecastMethod.standardSet(entryKnown: entryKnown)
            self.entryKnown = entryKnown
            self.excludeBreaks = excludeBreaks
            self.excludeShocks = excludeShocks
            self.detail = detail
        }
    }

    /// Which cases `backtest.csv` lists (accuracy always uses them all).
    public enum Detail: String, Sendable, CaseIterable {
        case all, totals, none
    }

    /// One projected number against the counted one.
    public struct Case: Sendable {
        public var unit: String
        public var level: UnitHistory.Level
        public var stage: Int
        /// 1-based grade; `nil` for the stage total.
        public var grade: Int?
        public var origin: Int
        public var horizon: Int
        public var method: Int
        public var projected: Double
        public var actual: Double
        /// With draws: the 10th and 90th percentiles of the drawn projections.
        public var p10: Double?
        public var p90: Double?

        public var error: Double { projected - actual }
        /// `100 · (projected − actual) / actual`; NaN when nothing was counted.
        public var percentageError: Double { Self.percentageError(projected: projected, actual: actual) }

        static func percentageError(projected: Double, actual: Double) -> Double {
            actual != 0 ? 100 * (projected - actual) / actual : .nan
        }
    }

    /// Accuracy of one method at one horizon for one level, stage and target (stage totals or all grades).
    public struct AccuracyRow: Sendable {
        public var level: UnitHistory.Level
        public var stage: Int
        /// `true`: stage totals; `false`: single grades pooled.
        public var totals: Bool
        public var method: Int
        public var horizon: Int
        public var accuracy: Accuracy
        /// 1 = lowest MAPE among the methods at this level, stage, target and horizon.
        public var rank: Int
        /// MAPE below both naive baselines' at this horizon.
        public var beatsBaselines: Bool
        /// With draws: the share of cases (with a range) whose actual lies within P10–P90, and the mean of
        /// `100 · (P90 − P10) / actual` (`nil` for a method without ranges: the naive baselines, `auto:combine`).
        public var coverage: Double? = nil
        public var meanWidth: Double? = nil
    }

    public struct Result: Sendable {
        public var stages: [Stage]
        public var methods: [ForecastMethod]
        public var origins: [Int]
        public var horizons: ClosedRange<Int>
        public var cases: [Case]
        public var accuracy: [AccuracyRow]
        public var breaks: [BreakDetector.Break]
        /// Years in which every unit's ratios moved together (`CommonShockDetector`).
        public var shocks: [CommonShockDetector.Shock]
        public var units: Int
        /// Entry grades were taken as counted.
        public var entryKnown: Bool
        /// Draws per case (0: no ranges).
        public var draws: Int = 0
        /// With draws: what each level, origin and method's ranges were drawn with (`error_model.csv`).
        public var errorModel: [ErrorModelRow] = []

        /// The report name of method `m` (without the births trend when entry was known).
        public func methodName(_ m: Int) -> String { methods[m].name(entryKnown: entryKnown) }
    }

    public init() {}

    public func run(_ units: [UnitHistory], stages: [Stage], options: Options) -> Result {
        let forecaster = OriginForecaster(stages: stages)
        let top = units.first { $0.level != .unit } ?? units.first
        let topYears = top?.counts.keys.sorted() ?? []
        let origins = options.origins
            ?? (topYears.count >= 4 ? Array(topYears[2...(topYears.count - 2)]) : [])
        let detector = BreakDetector()
        let shocks = CommonShockDetector().shocks(in: units, stages: stages)
        let shockYears = Set(shocks.map(\.year))
        var breaks: [BreakDetector.Break] = []
        let topBreaks = top.map { detector.breaks(in: $0) } ?? []
        let levels = UnitHistory.Level.allCases
        let methodCount = options.methods.count
        let horizonCount = options.horizons.count
        // Percentage errors by (level, stage, target, method, horizon).
        @Sendable func slot(_ level: Int, _ stage: Int, _ totals: Bool, _ method: Int, _ horizon: Int) -> Int {
            ((((level * stages.count) + stage) * 2 + (totals ? 1 : 0)) * methodCount + method) * horizonCount
                + (horizon - options.horizons.lowerBound)
        }
        let slots = levels.count * stages.count * 2 * methodCount * horizonCount
        // Units are evaluated in blocks on all cores; blocks are merged in unit order, so the result does not
        // depend on the number of threads.
        struct Block {
            var errors: [[Double]]
            /// With draws, by slot: cases with a range, those whose actual lies within it, Σ width %.
            var ranged: [Int] = []
            var inside: [Int] = []
            var width: [Double] = []
            var cases: [Case] = []
            var breaks: [BreakDetector.Break] = []
        }
        let autos = options.methods.compactMap { method -> (AutoRule, BirthsProjection)? in
            if case .auto(let rule, let births) = method { return (rule, births) }
            return nil
        }
        let autoRules = Set(autos.map(\.0))
        let autoBirths = autos.first?.1 ?? BirthsProjection(method: .linear, fitWindow: 5)
        let blockSize = 64
        let blockCount = (units.count + blockSize - 1) / blockSize
        let excludedShocks = options.excludeShocks ? shockYears : []
        /// The years left out of the fits: the breaks (with `excludeBreaks`) and the common shocks (with
        /// `excludeShocks`).
        @Sendable func autoExcluded(_ unit: UnitHistory) -> Set<Int> {
            (options.excludeBreaks ? Set((detector.breaks(in: unit) + topBreaks).map(\.year)) : []).union(excludedShocks)
        }
        // `auto`'s record of the candidates on every unit (once for all origins: each origin reads only the
        // cases it could have known), computed before the origins because the ranges estimate how errors move
        // together across units, and `auto:pooled_units` pools them.
        let needsScores = !autoRules.isEmpty || options.draws > 0
        let scored = Parallel.map(count: blockCount) { b in
            units[(b * blockSize)..<min(units.count, (b + 1) * blockSize)].map { unit -> MethodSelector.Scores? in
                guard needsScores else { return nil }
                var none: [Int: OriginForecaster.Origin] = [:]
                return MethodSelector.Scores(
                    unit, forecaster: forecaster, observations: forecaster.observations(unit, excluding: autoExcluded(unit)),
                    contexts: &none, births: autoBirths, entryKnown: options.entryKnown, rules: autoRules,
                    spreads: options.draws > 0)
            }
        }
        let allScores = scored.flatMap { $0 }
        // `auto:pooled_units`: the one-year-ahead ratio errors of every unit, summed by level in unit order.
        var acrossUnits: [[[Int: MethodSelector.Scores.Total]]] = levels.map { _ in [] }
        if autoRules.contains(.pooledUnits) {
            for (unit, scores) in zip(units, allScores) {
                guard let scores else { continue }
                let level = levels.firstIndex(of: unit.level) ?? 0
                acrossUnits[level] = MethodSelector.Scores.add(acrossUnits[level], scores.ratios)
            }
        }
        let pooledByLevel = acrossUnits
        // With draws: how the errors move together at each level and origin (`ErrorShares`), and the common
        // standard normals of each origin and draw, shared by every unit.
        let shares: [[ErrorShares]] = options.draws > 0
            ? Self.errorShares(units, scores: allScores, levels: levels, origins: origins) : []
        let persistence: [[[MethodErrors]]] = options.draws > 0
            ? Self.persistence(units, scores: allScores, levels: levels, origins: origins, methods: options.methods) : []
        // Whether some method of a level drifts at an origin: only then are that level's walks drawn there.
        let walks: [[Bool]] = persistence.map { $0.map { $0.contains { $0.drift > 0 } } }
        let commonDraws: [[Double]] = options.draws > 0
            ? origins.map { Self.commonDraws(seed: options.seed, origin: $0, draws: options.draws,
                                             horizon: options.horizons.upperBound) } : []
        // Each draw's factor of the tails at each level and origin (`ν` of the level's `ErrorShares`).
        let tails: [[DrawnErrors.Tails]] = shares.map { byOrigin in
            byOrigin.indices.map { o in
                DrawnErrors.Tails(degrees: byOrigin[o].tails, common: commonDraws[o], draws: options.draws,
                                  horizon: options.horizons.upperBound)
            }
        }
        let blocks = Parallel.map(count: blockCount) { b in
            var block = Block(errors: Array(repeating: [], count: slots))
            // Each slot's room for the block's cases at most (its units of the level × origins × grades), so that
            // the errors are not copied as they grow.
            let members = (b * blockSize)..<min(units.count, (b + 1) * blockSize)
            for (l, level) in levels.enumerated() {
                let count = members.filter { units[$0].level == level }.count * origins.count
                guard count > 0 else { continue }
                for s in stages.indices {
                    for m in 0..<methodCount {
                        for k in options.horizons {
                            block.errors[slot(l, s, true, m, k)].reserveCapacity(count)
                            block.errors[slot(l, s, false, m, k)].reserveCapacity(count * stages[s].grades)
                        }
                    }
                }
            }
            if options.draws > 0 {
                block.ranged = Array(repeating: 0, count: slots)
                block.inside = block.ranged
                block.width = Array(repeating: 0, count: slots)
            }
            // The drawn errors' room, filled anew for each unit and origin.
            var drawn = DrawnErrors(draws: options.draws, horizon: options.horizons.upperBound,
                                    recurrence: forecaster.recurrence, entryKnown: options.entryKnown)
            for u in (b * blockSize)..<min(units.count, (b + 1) * blockSize) {
                let unit = units[u]
                let own = detector.breaks(in: unit)
                block.breaks += own
                let breaksExcluded: Set<Int> = options.excludeBreaks ? Set((own + topBreaks).map(\.year)) : []
                let observations = forecaster.observations(unit, excluding: breaksExcluded.union(excludedShocks))
                let level = levels.firstIndex(of: unit.level) ?? 0
                var scores = allScores[u]
                if !pooledByLevel[level].isEmpty { scores?.acrossUnits = pooledByLevel[level] }
                // `auto` births: the candidates scored once on the unit's series, read at each origin.
                let birthsScores = !options.entryKnown && autoBirths.auto ? BirthsSelector.Scores(unit.births) : nil
                for (o, origin) in origins.enumerated() where unit.counts[origin] != nil {
                    // The counts of each target year, looked up once for every method.
                    let actuals = options.horizons.map { unit.counts[origin + $0] }
                    var context = OriginForecaster.Origin(unit, observations: observations, year: origin,
                                                          birthsScores: birthsScores)
                    // The drawn errors of this unit and origin, in units of σ: the same for every method.
                    var drawnHere = false
                    for (m, method) in options.methods.enumerated() {
                        guard let projection = forecaster.forecast(unit, from: &context, horizon: options.horizons.upperBound,
                                                                   method: method, entryKnown: options.entryKnown,
                                                                   scores: scores) else { continue }
                        var ranged = false
                        if options.draws > 0, let sigma = spread(method, at: origin, scores: scores) {
                            if !drawnHere, let stream = try? RandomStream(run: options.seed, draw: u * origins.count + o) {
                                drawn.draw(shares: shares[level][o], stream: stream, common: commonDraws[o],
                                           tails: tails[level][o], walks: walks[level][o])
                                drawnHere = true
                            }
                            if drawnHere {
                                let own = persistence[level][o][m]
                                drawn.computeRanges(central: projection, sigma: sigma, lasting: own.lasting, drift: own.drift)
                                ranged = true
                            }
                        }
                        /// Counts the range of one case (with draws) and returns the error; the case itself is
                        /// made only when `backtest.csv` lists it.
                        func record(projected p: Double, actual a: Double, slot i: Int,
                                    range: (p10: Double, p90: Double)?) -> (p10: Double, p90: Double)? {
                            block.errors[i].append(Case.percentageError(projected: p, actual: a))
                            guard let range, a > 0 else { return nil }
                            block.ranged[i] += 1
                            if range.p10 <= a && a <= range.p90 { block.inside[i] += 1 }
                            block.width[i] += 100 * (range.p90 - range.p10) / a
                            return range
                        }
                        for k in options.horizons {
                            guard let actual = actuals[k - options.horizons.lowerBound] else { continue }
                            for (s, stage) in stages.enumerated() {
                                var projectedTotal = 0.0, actualTotal = 0.0
                                for g in 0..<stage.grades {
                                    let p = projection[s][g][k], a = actual[s][g]
                                    projectedTotal += p
                                    actualTotal += a
                                    // An entry grade taken as counted is in the total but is no forecast: not a case.
                                    guard p.isFinite, !(options.entryKnown && forecaster.recurrence.isEntry(stage: s, grade: g))
                                    else { continue }
                                    let range = record(projected: p, actual: a, slot: slot(level, s, false, m, k),
                                                       range: ranged ? drawn.range(stage: s, row: g, k: k) : nil)
                                    if options.detail == .all {
                                        block.cases.append(Case(unit: unit.id, level: unit.level, stage: s, grade: g + 1,
                                                                origin: origin, horizon: k, method: m, projected: p,
                                                                actual: a, p10: range?.p10, p90: range?.p90))
                                    }
                                }
                                guard projectedTotal.isFinite else { continue }
                                let range = record(projected: projectedTotal, actual: actualTotal,
                                                   slot: slot(level, s, true, m, k), range: ranged ? drawn.range(stage: s, row: stage.grades, k: k) : nil)
                                if options.detail != .none {
                                    block.cases.append(Case(unit: unit.id, level: unit.level, stage: s, grade: nil,
                                                            origin: origin, horizon: k, method: m, projected: projectedTotal,
                                                            actual: actualTotal, p10: range?.p10, p90: range?.p90))
                                }
                            }
                        }
                    }
                }
            }
            return block
        }
        var ranged = Array(repeating: 0, count: slots), inside = ranged, width = Array(repeating: 0.0, count: slots)
        var cases: [Case] = []
        for block in blocks {
            for i in block.ranged.indices where block.ranged[i] > 0 {
                ranged[i] += block.ranged[i]
                inside[i] += block.inside[i]
                width[i] += block.width[i]
            }
            cases += block.cases
            breaks += block.breaks
        }
        let naive = options.methods.indices.filter { options.methods[$0].isNaive }
        // Each slot's errors gathered from the blocks in unit order, on every core.
        let slotAccuracy = Parallel.map(count: slots) { i in Accuracy(parts: blocks.map { $0.errors[i] }) }
        var accuracy: [AccuracyRow] = []
        for (l, level) in levels.enumerated() {
            for s in stages.indices {
                for totals in [true, false] {
                    for k in options.horizons {
                        let found = (0..<methodCount).compactMap { m in
                            slotAccuracy[slot(l, s, totals, m, k)].map { (m, $0) }
                        }
                        let ranked = found.sorted { ($0.1.mape, $0.0) < ($1.1.mape, $1.0) }
                        let baselineMAPE = found.filter { naive.contains($0.0) }.map(\.1.mape)
                        for (rank, entry) in ranked.enumerated() {
                            let i = slot(l, s, totals, entry.0, k)
                            accuracy.append(AccuracyRow(
                                level: level, stage: s, totals: totals, method: entry.0, horizon: k, accuracy: entry.1,
                                rank: rank + 1,
                                beatsBaselines: !baselineMAPE.isEmpty && baselineMAPE.allSatisfy { entry.1.mape < $0 },
                                coverage: ranged[i] > 0 ? Double(inside[i]) / Double(ranged[i]) : nil,
                                meanWidth: ranged[i] > 0 ? width[i] / Double(ranged[i]) : nil))
                        }
                    }
                }
            }
        }
        accuracy.sort { ($0.level.rawValue, $0.stage, $0.totals ? 0 : 1, $0.method, $0.horizon)
            < ($1.level.rawValue, $1.stage, $1.totals ? 0 : 1, $1.method, $1.horizon) }
        var errorModel: [ErrorModelRow] = []
        for l in persistence.indices {
            for o in origins.indices {
                for (m, own) in persistence[l][o].enumerated() where own.units > 0 {
                    var model = shares[l][o]
                    model.lasting = own.lasting
                    model.drift = own.drift
                    errorModel.append(ErrorModelRow(level: levels[l], origin: origins[o], method: m, units: own.units,
                                                    errors: own.errors, medianSpread: own.medianSpread, shares: model))
                }
            }
        }
        return Result(stages: stages, methods: options.methods, origins: origins, horizons: options.horizons,
                      cases: cases, accuracy: accuracy, breaks: breaks, shocks: shocks, units: units.count,
                      entryKnown: options.entryKnown, draws: options.draws, errorModel: errorModel)
    }
}

extension BacktestRunner {
    /// The spread `σ` of a method's ratios at `origin`: the one-year-ahead log errors on the unit up to the
    /// origin (`MethodSelector.Scores.spread`) of its `rangeEstimation`. `nil` for the naive baselines and
    /// `auto:combine` (no range).
    func spread(_ method: ForecastMethod, at origin: Int, scores: MethodSelector.Scores?) -> Double? {
        guard let scores, let estimation = Self.rangeEstimation(method, at: origin, scores: scores) else { return nil }
        return scores.spread(of: estimation, at: origin)
    }

    /// The averaging whose errors make a method's range at `origin`: its own; for `auto`, the candidate it
    /// chooses there. `nil` for the naive baselines and `auto:combine`.
    static func rangeEstimation(_ method: ForecastMethod, at origin: Int, scores: MethodSelector.Scores) -> RatioEstimation? {
        switch method {
        case .cohort(let estimation, _):
            return estimation
        case .auto(let rule, _) where rule != .combine:
            return scores.choices(at: origin, rule: rule).first??.estimation ?? ProjectionSettings.defaults.progression
        default:
            return nil
        }
    }

    /// The lasting share `ρ` and the drift `δ` of every level, origin and method (`[level][origin][method]`):
    /// `ErrorShares.persistence` over the units of the level, each with its errors (years `≤ T`) of the method's
    /// `rangeEstimation` — a method's own, as `run --draws` takes the district's method's (a `last` error lasts
    /// about half, a mean over 6 of independent values 1/7). `(1, 0)` for a level without errors (unused).
    static func persistence(_ units: [UnitHistory], scores: [MethodSelector.Scores?], levels: [UnitHistory.Level],
                              origins: [Int], methods: [ForecastMethod]) -> [[[MethodErrors]]] {
        let byOrigin = Parallel.map(count: origins.count) { o in
            methods.map { method -> [MethodErrors] in
                var byLevel: [[ErrorTotals]] = levels.map { _ in [] }
                for (unit, scores) in zip(units, scores) {
                    guard let scores, let estimation = rangeEstimation(method, at: origins[o], scores: scores),
                          let totals = scores.errorTotals(of: estimation, upTo: origins[o]) else { continue }
                    byLevel[levels.firstIndex(of: unit.level) ?? 0].append(totals)
                }
                return byLevel.map { totals in
                    let spreads = totals.compactMap(\.spread)
                    let (lasting, drift) = totals.isEmpty ? (1, 0) : ErrorShares.persistence(totals)
                    return MethodErrors(lasting: lasting, drift: drift, units: spreads.count,
                                        errors: totals.map(\.errors.count).reduce(0, +),
                                        medianSpread: (try? GSL.median(spreads)) ?? 0)
                }
            }
        }
        return levels.indices.map { l in byOrigin.map { $0.map { $0[l] } } }
    }

    /// A method's `ρ` and `δ` at one level and origin, and the units and errors behind them (`error_model.csv`).
    struct MethodErrors: Sendable {
        var lasting: Double
        var drift: Double
        var units: Int
        var errors: Int
        var medianSpread: Double
    }

    /// The error shares of every level at every origin: `ErrorShares.estimate` over the units of the level,
    /// each with the one-year-ahead log errors (years `≤ T`) of the candidate `auto` chooses for it at `T`. Its
    /// `c` and `w` serve every method, since they describe how the data move together; `ρ`, how long an
    /// estimate's error lasts, and `δ`, how far it drifts, are each method's own (`persistence`).
    static func errorShares(_ units: [UnitHistory], scores: [MethodSelector.Scores?], levels: [UnitHistory.Level],
                            origins: [Int]) -> [[ErrorShares]] {
        let fallback = ProjectionSettings.defaults.progression
        let byOrigin = Parallel.map(count: origins.count) { o in
            let origin = origins[o]
            var byLevel: [[[(year: Int, errors: YearErrors)]]] = levels.map { _ in [] }
            for (unit, scores) in zip(units, scores) {
                guard let scores else { continue }
                let chosen = scores.choices(at: origin, rule: MethodSelector.rule).first??.estimation ?? fallback
                let level = levels.firstIndex(of: unit.level) ?? 0
                byLevel[level].append(scores.yearErrors(of: chosen, upTo: origin))
            }
            return byLevel.map { ErrorShares.estimate($0) }
        }
        return levels.indices.map { l in byOrigin.map { $0[l] } }
    }

    /// The common standard normals `Z` of one origin, `[d · (2 · horizon + 1) + j]` for draw `d` (`j = 0` the
    /// held one, `j = k` year `k`'s, `j = horizon + k` the walks' step of year `k`: `DrawnErrors.commonCount`):
    /// from their own generator, seeded from the run's seed and the origin only, so that draw `d` of every unit
    /// from that origin shares them.
    static func commonDraws(seed: UInt64, origin: Int, draws: Int, horizon: Int) -> [Double] {
        let Y = DrawnErrors.commonCount(horizon: horizon), pairs = draws / 2
        var common = Array(repeating: 0.0, count: draws * Y)
        guard let stream = try? RandomStream(run: seed ^ 0x636F_6D6D_6F6E, draw: origin) else { return common }
        for d in DrawnErrors.drawn(draws) {
            for j in 0..<Y { common[d * Y + j] = stream.ziggurat() }
        }
        // Antithetic pairs, as `DrawnErrors` draws them.
        for d in 0..<pairs {
            for j in 0..<Y { common[(pairs + d) * Y + j] = -common[d * Y + j] }
        }
        return common
    }
}

extension BacktestRunner.Result {
    /// The method with the lowest mean MAPE over the horizons for stage totals at `level` (ties: listed first):
    /// the best chosen after the fact, among the fixed methods (never `auto`).
    public func best(level: UnitHistory.Level, stage: Int = 0, naive: Bool = false) -> Int? {
        let rows = accuracy.filter {
            $0.level == level && $0.stage == stage && $0.totals && methods[$0.method].isNaive == naive
                && !methods[$0.method].isAuto
        }
        var sums: [Int: (Double, Int)] = [:]
        for row in rows {
            let sum = sums[row.method, default: (0, 0)]
            sums[row.method] = (sum.0 + row.accuracy.mape, sum.1 + 1)
        }
        let complete = sums.filter { $0.value.1 == horizons.count }
        return complete.min { ($0.value.0, $0.key) < ($1.value.0, $1.key) }?.key
    }

    public func accuracy(level: UnitHistory.Level, stage: Int = 0, totals: Bool = true, method: Int, horizon: Int) -> Accuracy? {
        accuracy.first { $0.level == level && $0.stage == stage && $0.totals == totals && $0.method == method && $0.horizon == horizon }?.accuracy
    }
}
