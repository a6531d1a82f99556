import Foundation

/// The files of `seatplan backtest`: `backtest.csv` (every case), `accuracy.csv` (per method and horizon),
/// `breaks.csv` (years far outside a unit's history), `shocks.csv` (years every unit's ratios moved together),
/// with draws `error_model.csv` (what the ranges were drawn with) and, with classrooms in the history,
/// `classes.csv`.
public struct BacktestReports: Sendable {
    public var files: [ReportFile]

    public static let casesColumns = ["unit", "level", "stage", "grade", "origin", "horizon", "target_year", "method",
                                      "projected", "actual", "error", "percentage_error"]
    public static let accuracyColumns = ["level", "stage", "target", "method", "horizon", "cases", "mape_pct", "mpe_pct",
                                         "median_ape_pct", "p90_ape_pct", "rank", "beats_naive_baselines"]
    public static let breaksColumns = ["unit", "year", "total", "previous", "change_pct", "typical_change_pct", "threshold_pct"]
    public static let shocksColumns = ["year", "units", "common_move_pct", "typical_move_pct", "threshold_pct", "same_sign_pct"]
    public static let birthsColumns = ["level", "target", "stage", "method", "fit_window", "extend", "births_horizon", "horizon", "cases",
                                       "mape_pct", "mpe_pct", "median_ape_pct", "p90_ape_pct", "rank"]
    public static let birthsAutoColumns = ["unit", "origin", "method", "fit_window", "extend", "score_pct", "cases",
                                           "runner_up", "runner_up_score_pct"]
    public static let errorModelColumns = ["level", "origin", "method", "units", "errors", "spread_median", "common_share",
                                           "unit_share", "lasting_share", "drift_share", "kurtosis"]
    public static let classesColumns = ["unit", "year", "grade", "grade_name", "pupils", "classrooms_used", "classes_needed",
                                        "difference"]

    public init(_ result: BacktestRunner.Result, classCheck: ClassCheck? = nil, births: BirthsBacktest.Result? = nil,
                excel: Bool = false) {
        let writer = CSVWriter(excel: excel)
        // With draws, the ranges' columns follow the others.
        let ranged = result.draws > 0
        let cases = ReportFile.csv("backtest.csv", columns: Self.casesColumns + (ranged ? ["p10", "p90"] : []),
                                   writer: writer) { cases in
            for c in result.cases {
                let stage = result.stages[c.stage]
                cases.append([.text(c.unit), .text(c.level.rawValue), .text(stage.id),
                              c.grade.map { .text(stage.gradeNames[$0 - 1]) } ?? .text("total"),
                              .integer(c.origin), .integer(c.horizon), .integer(c.origin + c.horizon),
                              .text(result.methodName(c.method)), .decimal(c.projected, places: 2),
                              .decimal(c.actual, places: 2), .decimal(c.error, places: 2),
                              .decimal(c.percentageError.isFinite ? c.percentageError : nil, places: 4)]
                             + (ranged ? [.decimal(c.p10, places: 2), .decimal(c.p90, places: 2)] : []))
            }
        }
        let accuracy = ReportFile.csv("accuracy.csv",
                                      columns: Self.accuracyColumns + (ranged ? ["coverage_p10_p90", "mean_width_pct"] : []),
                                      writer: writer) { accuracy in
            for row in result.accuracy {
                accuracy.append([.text(row.level.rawValue), .text(result.stages[row.stage].id), .text(row.totals ? "total" : "grades"),
                                 .text(result.methodName(row.method)), .integer(row.horizon),
                                 .integer(row.accuracy.cases), .decimal(row.accuracy.mape, places: 4),
                                 .decimal(row.accuracy.mpe, places: 4), .decimal(row.accuracy.medianAPE, places: 4),
                                 .decimal(row.accuracy.p90APE, places: 4), .integer(row.rank),
                                 .text(result.methods[row.method].isNaive ? "" : (row.beatsBaselines ? "yes" : "no"))]
                                + (ranged ? [.decimal(row.coverage, places: 4), .decimal(row.meanWidth, places: 4)] : []))
            }
        }
        let breaks = ReportFile.csv("breaks.csv", columns: Self.breaksColumns, writer: writer) { breaks in
            for b in result.breaks {
                breaks.append([.text(b.unit), .integer(b.year), .decimal(b.total, places: 0), .decimal(b.previous, places: 0),
                               .decimal(100 * b.change, places: 2), .decimal(100 * b.typicalChange, places: 2),
                               .decimal(100 * b.threshold, places: 2)])
            }
        }
        let shocks = ReportFile.csv("shocks.csv", columns: Self.shocksColumns, writer: writer) { shocks in
            for shock in result.shocks {
                shocks.append([.integer(shock.year), .integer(shock.units), .decimal(100 * shock.commonMove, places: 2),
                               .decimal(100 * shock.typicalMove, places: 2), .decimal(100 * shock.threshold, places: 2),
                               .decimal(100 * shock.sameSign, places: 1)])
            }
        }
        files = [cases, accuracy, breaks, shocks]
        if ranged {
            files.append(.csv("error_model.csv", columns: Self.errorModelColumns, writer: writer) { rows in
                for row in result.errorModel {
                    rows.append([.text(row.level.rawValue), .integer(row.origin), .text(result.methodName(row.method)),
                                 .integer(row.units), .integer(row.errors), .decimal(row.medianSpread, places: 6),
                                 .decimal(row.shares.common, places: 6), .decimal(row.shares.unit, places: 6),
                                 .decimal(row.shares.lasting, places: 6), .decimal(row.shares.drift, places: 6),
                                 .decimal(ErrorTails.kurtosis(degrees: row.shares.tails), places: 6)])
                }
            })
        }
        if let births, !births.rows.isEmpty { files += Self.births(births, writer: writer) }
        if let classCheck, !classCheck.rows.isEmpty, let stage = result.stages.first {
            files.append(.csv("classes.csv", columns: Self.classesColumns, writer: writer) { classes in
                for row in classCheck.rows {
                    classes.append([.text(row.unit), .integer(row.year), .integer(row.grade), .text(stage.gradeNames[row.grade - 1]),
                                    .whole(row.pupils), .integer(row.classroomsUsed), .integer(row.classesNeeded),
                                    .integer(row.difference)])
                }
            })
        }
    }

    /// `births.csv` (the births trends' accuracy on the entry grade) and `births_auto.csv` (`auto`'s choices).
    static func births(_ result: BirthsBacktest.Result, writer: CSVWriter) -> [ReportFile] {
        @Sendable func window(_ trend: BirthsProjection) -> CSVCell {
            trend.fitWindow >= BirthsSelector.allYears ? .text("all") : .integer(trend.fitWindow)
        }
        @Sendable func extend(_ trend: BirthsProjection) -> CSVCell {
            trend.method == .constant ? .empty : .integer(trend.extend)
        }
        let accuracy = ReportFile.csv("births.csv", columns: Self.birthsColumns, writer: writer) { rows in
            for row in result.rows {
                let method = result.methods[row.method]
                var trend: BirthsProjection?
                if case .trend(let t) = method { trend = t }
                rows.append([.text(row.level.rawValue), .text(row.entry ? "entry" : "births"),
                             row.entry ? .text(result.stages[row.stage].id) : .empty, .text(method.name),
                             trend.map(window) ?? .empty, trend.map(extend) ?? .empty,
                             .integer(row.birthsHorizon), .integer(row.horizon), .integer(row.accuracy.cases),
                             .decimal(row.accuracy.mape, places: 4), .decimal(row.accuracy.mpe, places: 4),
                             .decimal(row.accuracy.medianAPE, places: 4), .decimal(row.accuracy.p90APE, places: 4),
                             .integer(row.rank)])
            }
        }
        let choices = ReportFile.csv("births_auto.csv", columns: Self.birthsAutoColumns, writer: writer) { rows in
            for c in result.choices {
                let trend = c.choice.trend
                rows.append([.text(c.unit), .integer(c.origin), .text(trend.method.rawValue), window(trend), extend(trend),
                             .decimal(c.choice.score, places: 4), .integer(c.choice.cases),
                             .text(c.choice.runnerUp.map { BirthsSelector.name($0.trend) } ?? ""),
                             .decimal(c.choice.runnerUp?.score, places: 4)])
            }
        }
        return [accuracy, choices]
    }

    public var names: [String] { files.map(\.name) }

    @discardableResult
    public func write(to directory: String) throws(OutputDirectory.WriteError) -> Int {
        try OutputDirectory(path: directory).write(files)
    }
}

extension BacktestSummary {
    /// The births section: per level and births-fed stage, the entry grade's MAPE % by births horizon of
    /// `auto`, the default trend (`linear:5 extend 5`), the best trend after the fact, the naive baselines
    /// and the reference with the births known.
    public static func births(_ result: BirthsBacktest.Result, language: ReportLanguage = .en) -> String {
        let zh = language == .zh
        var lines: [String] = []
        let defaults = ProjectionSettings.defaults.births
        let levels = UnitHistory.Level.allCases.filter { level in result.rows.contains { $0.level == level } }
        for level in levels {
            let targets: [(Int, Stage?)] = result.stages.enumerated().map { ($0.offset, $0.element) } + [(result.stages.count, nil)]
            for (s, stage) in targets {
                let entry = stage != nil
                guard let best = result.best(level: level, stage: entry ? s : 0, entry: entry) else { continue }
                if !lines.isEmpty { lines.append("") }
                if let stage {
                    lines.append(zh ? "\(level.rawValue) 层级，\(stage.id) 入学年级 —— 出生预测方法，按出生步长 j 的 MAPE %（入学年 = 起点 + 入学年龄 + j；见 births.csv）："
                                    : "\(level.rawValue) level, entry grade of \(stage.id) — births trends, MAPE % by births horizon j (entry in origin + entry age + j; births.csv):")
                } else {
                    lines.append(zh ? "\(level.rawValue) 层级，出生数本身 —— 按出生步长 j 的 MAPE %（见 births.csv）："
                                    : "\(level.rawValue) level, the births themselves — MAPE % by births horizon j (births.csv):")
                }
                let fixed = result.methods.firstIndex {
                    guard case .trend(let t) = $0 else { return false }
                    return t.method == defaults.method && t.fitWindow == defaults.fitWindow && t.extend == defaults.extend
                }
                let picks = result.methods.indices.filter { result.methods[$0] == .auto(BirthsSelector.rule) }
                    + [fixed, best].compactMap { $0 }
                    + result.methods.indices.filter { result.methods[$0].isNaive || result.methods[$0].isReference }
                var table = [[zh ? "方法" : "method"] + result.horizons.map { "j\($0)" }]
                for m in picks where result.rows.contains(where: { $0.level == level && $0.entry == entry && $0.method == m }) {
                    let note = m == best ? (zh ? "（事后最优）" : " (best after the fact)")
                        : m == fixed ? (zh ? "（默认）" : " (the default)") : ""
                    table.append([result.methods[m].label + note] + result.horizons.map { j in
                        result.accuracy(level: level, stage: entry ? s : 0, entry: entry, method: m, birthsHorizon: j)
                            .map { CSVWriter.format($0.mape, places: 2) } ?? "—"
                    })
                }
                lines += TextTable.render(table).map { "  " + $0 }
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// What `backtest` prints: `auto`'s error by horizon (chosen at each origin from what was known then), the
/// best fixed method's (chosen after the fact) and the naive baselines'.
public enum BacktestSummary {
    public static func text(_ result: BacktestRunner.Result, classCheck: ClassCheck?, language: ReportLanguage = .en) -> String {
        let zh = language == .zh
        var lines: [String] = []
        let origins = result.origins.isEmpty ? (zh ? "无" : "none") : "\(result.origins.first!)–\(result.origins.last!)"
        let horizons = "\(result.horizons.lowerBound)–\(result.horizons.upperBound)"
        lines.append(zh ? "回测：\(result.units) 个单元，起点年份 \(origins)，预测步长 \(horizons)，\(result.methods.count) 种方法"
                        : "Backtest: \(result.units) unit(s), origins \(origins), horizons \(horizons), \(result.methods.count) methods")
        let levels = UnitHistory.Level.allCases.filter { level in result.accuracy.contains { $0.level == level } }
        for level in levels {
            for (s, stage) in result.stages.enumerated() {
                guard let best = result.best(level: level, stage: s) else { continue }
                let naive = result.methods.indices.filter { result.methods[$0].isNaive }
                lines.append("")
                lines.append(zh ? "\(level.rawValue) 层级，\(stage.id) 合计 —— 各步长的 MAPE %（括号内为偏差）："
                                : "\(level.rawValue) level, \(stage.id) total — MAPE % by horizon (bias in brackets):")
                let autos = result.methods.indices.filter { result.methods[$0].isAuto }
                var table = [[zh ? "方法" : "method"] + result.horizons.map { "h\($0)" }]
                for m in autos + [best] + naive {
                    let after = zh ? "（事后最优）" : " (best after the fact)"
                    table.append([result.methodName(m) + (m == best ? after : "")] + result.horizons.map { k in
                        guard let a = result.accuracy(level: level, stage: s, method: m, horizon: k) else { return "—" }
                        return "\(CSVWriter.format(a.mape, places: 2)) (\(CSVWriter.format(a.mpe, places: 1)))"
                    })
                }
                lines += TextTable.render(table).map { "  " + $0 }
                let before = zh ? "（事前选择）" : " (chosen before the fact)"
                for (m, what) in autos.map({ ($0, result.methodName($0) + before) }) + [(best, zh ? "事后最优方法" : "the best method")] {
                    let losing = result.horizons.filter { k in
                        !(result.accuracy.first { $0.level == level && $0.stage == s && $0.totals && $0.method == m && $0.horizon == k }?.beatsBaselines ?? false)
                    }
                    let list = losing.map(String.init).joined(separator: ", ")
                    lines.append(losing.isEmpty
                        ? (zh ? "  \(what) 在每个步长都优于两种朴素基准" : "  \(what) beats both naive baselines at every horizon")
                        : (zh ? "  \(what) 在步长 \(list) 未优于两种朴素基准" : "  \(what) does NOT beat both naive baselines at horizon(s) \(list)"))
                }
                if result.draws > 0 { lines += coverage(result, level: level, stage: s, methods: autos, zh: zh) }
            }
        }
        if !result.breaks.isEmpty {
            lines.append("")
            lines.append((zh ? "断点（远超历史波动的年份，见 breaks.csv）：" : "Breaks (years far outside the history; see breaks.csv): ")
                + result.breaks.prefix(8).map { "\($0.unit) \($0.year) (\(CSVWriter.format(100 * $0.change, places: 1)) %)" }.joined(separator: ", ")
                + (result.breaks.count > 8 ? ", …" : ""))
        }
        if !result.shocks.isEmpty {
            lines.append("")
            lines.append((zh ? "共同冲击（所有单元的比率同时变动；auto 拟合时剔除，见 shocks.csv）："
                             : "Common shocks (every unit's ratios moved together; left out of auto's fits, see shocks.csv): ")
                + result.shocks.map { "\($0.year) (\(CSVWriter.format(100 * $0.commonMove, places: 1)) %, \(CSVWriter.format(100 * $0.sameSign, places: 0)) % of units)" }
                    .joined(separator: ", "))
        }
        if let classCheck, !classCheck.rows.isEmpty {
            lines.append("")
            let (exact, within, mean) = (CSVWriter.format(100 * classCheck.exactShare, places: 1),
                                         CSVWriter.format(100 * classCheck.withinOneShare, places: 1),
                                         CSVWriter.format(classCheck.meanDifference, places: 2))
            lines.append(zh ? "编班模型与实际使用教室对比（\(classCheck.rows.count) 个单元·年·年级）：相同 \(exact) %，相差一个以内 \(within) %，平均差 \(mean) 个班（需要 − 实际）"
                            : "Class organisation against the classrooms used (\(classCheck.rows.count) unit-year-grades): "
                + "equal in \(exact) %, within one in \(within) %, mean difference \(mean) classes (needed − used)")
        }
        return lines.joined(separator: "\n")
    }

    /// With draws, one line per `auto` method: the share of actuals its P10–P90 held by horizon, of the totals
    /// and of single grades (`accuracy.csv`'s `coverage_p10_p90`), against the 80 % it promises.
    static func coverage(_ result: BacktestRunner.Result, level: UnitHistory.Level, stage s: Int, methods: [Int],
                         zh: Bool) -> [String] {
        methods.map { m in
            func held(_ totals: Bool) -> String {
                result.horizons.map { k in
                    result.accuracy.first { $0.level == level && $0.stage == s && $0.totals == totals && $0.method == m
                        && $0.horizon == k }?.coverage.map { CSVWriter.format(100 * $0, places: 0) } ?? "—"
                }.joined(separator: " / ")
            }
            let name = result.methodName(m)
            return zh ? "  \(name) 的 P10—P90 区间覆盖实际值：合计 \(held(true)) %，单个年级 \(held(false)) %（目标 80 %；见 accuracy.csv）"
                : "  \(name)'s P10–P90 held the actual in \(held(true)) % of totals, \(held(false)) % of single grades (80 % promised; accuracy.csv)"
        }
    }
}
