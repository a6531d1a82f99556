/// Every word the terminal prints itself, in Chinese and English (`--lang`, else the scenario's
/// `output.lang`, else Chinese); one place to read and correct them. Names from the scenario are shown as
/// written; ids stay beside names where a script may read them.
public struct TerminalLabels: Sendable {
    let language: ReportLanguage

    public init(language: ReportLanguage) {
        self.language = language
    }

    private func pick(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

    // MARK: compare
    func ranked(_ first: Int, _ last: Int) -> String {
        pick("Plans ranked, \(first)–\(last): fewest pupils without a class first (unplaced pupil-years), then shortage seat-years, then super-large classes, then cost:",
             "方案排序（\(first)—\(last) 年）：先看无班可编的学生（人·年），再看学位缺口（学位·年），再看超大班额，最后看投资：")
    }
    var rankingHeader: [String] {
        language == .zh
            ? ["#", "方案", "投资", "无班可编", "缺口学位·年", "减少", "每学位·年投资", "超大班额", "转至相邻片区", "此后无缺口", "此后无超大班额", "方案名称"]
            : ["#", "plan", "cost", "unplaced", "short seat-yrs", "avoided", "cost/seat-yr", "super-large", "transferred",
               "no shortage from", "no super-large from", "name"]
    }
    var baseline: String { pick("baseline", "现状") }
    var avoidsNone: String { pick("avoids none", "未减少缺口") }
    var worse: String { pick("worse", "缺口增加") }
    var never: String { pick("never", "未消除") }
    var noAreaShort: String { pick("no area short in any projected year", "各预测年份均无学位缺口") }
    func stillShort(_ n: Int) -> String { pick("still short in \(n) area-stage(s):", "仍有学位缺口的区域·学段 \(n) 处：") }
    func span(_ area: String, _ stage: String, _ years: String, count: Int, seatYears: Int, worst: Int) -> String {
        pick("\(area) \(stage) \(years) (\(count) year(s), \(seatYears) seat-years, up to \(worst) seats)",
             "\(area) \(stage) \(years)（\(count) 年，缺口 \(seatYears) 学位·年，最多缺 \(worst) 个学位）")
    }
    func andMore(_ n: Int, seatYears: Int) -> String {
        pick("… and \(n) more (\(seatYears) seat-years) in comparison.csv / capacity.csv",
             "……另有 \(n) 处（\(seatYears) 学位·年），见 comparison.csv / capacity.csv")
    }
    func transferred(_ pupils: Int, moves: Int) -> String {
        pick("pupils sent to neighbouring zones: \(pupils) pupil-years in \(moves) move(s) (transfers.csv)",
             "转至相邻片区就学：\(pupils) 人·年，共 \(moves) 次（transfers.csv）")
    }
    func flow(_ from: String, _ to: String, _ stage: String, _ years: String, total: Int) -> String {
        pick("    \(from) → \(to) \(stage): \(years) (\(total) pupil-years)", "    \(from) → \(to) \(stage)：\(years)（共 \(total) 人·年）")
    }
    func noShortageFrom(_ year: Int) -> String { pick("no shortage from \(year)", "\(year) 年起无学位缺口") }
    var shortageNeverEnds: String { pick("shortage never ends", "学位缺口在预测期内未消除") }
    func noSuperLargeFrom(_ year: Int) -> String { pick("no super-large class from \(year)", "\(year) 年起无超大班额") }
    var superLargeNeverEnds: String { pick("super-large classes never end", "超大班额在预测期内未消除") }
    func blocker(year: Int, area: String, stage: String, figure: Int, seats: Bool) -> String {
        seats ? pick(" (in \(year): \(area) \(stage), \(figure) seats short)", "（\(year) 年：\(area) \(stage) 缺 \(figure) 个学位）")
              : pick(" (in \(year): \(area) \(stage), \(figure) super-large classes)", "（\(year) 年：\(area) \(stage) 有 \(figure) 个超大班额）")
    }
    var separator: String { pick("; ", "；") }
    var byStage: String { pick("  by stage:", "  分学段：") }

    // MARK: ranking and coverage
    func rankingTitle(_ weights: String) -> String {
        pick("District ranking (lower is better; score = Σ weight × rank: \(weights)):",
             "区县考评排位（数值越小越好；得分 = Σ 权重 × 名次：\(weights)）：")
    }
    func rankingYear(_ year: Int, plan: String) -> String { pick("  \(year), under \(plan):", "  \(year) 年，\(plan) 方案：") }
    var rankingColumns: [String] { language == .zh ? ["#", "区县", "得分"] : ["#", "district", "score"] }
    var baselineRank: String { pick("baseline #", "现状名次") }
    var rankingFiles: String {
        pick("  every plan and year: rankings.csv; the indicators behind it: indicators.csv",
             "  各方案各年份：rankings.csv；指标明细：indicators.csv")
    }
    func coverageTitle(_ first: Int, _ last: Int) -> String {
        pick("Blind spots of coverage, \(first)–\(last): residential areas with pupils of a stage and no school of it within the service radius (coverage.csv):",
             "服务半径盲区（\(first)—\(last) 年）：有该学段学生、服务半径内却无该学段学校的居住区（coverage.csv）：")
    }

    // MARK: run
    func runTitle(_ title: String, first: Int, last: Int, districts: Int, zones: Int, plans: Int) -> String {
        pick("\(title) — projected \(first)–\(last), \(districts) district(s), \(zones) zone(s), \(plans) plan(s) with the baseline",
             "\(title) —— 预测 \(first)—\(last) 年，\(districts) 个区县、\(zones) 个片区、\(plans) 个方案（含现状）")
    }
    func planLine(_ plan: String, _ name: String, shortage: Int, red: Int, noSchool: Int, yellow: Int, green: Int) -> String {
        pick("Plan \(plan) (\(name)): shortage \(shortage) seat-years; area-stage-years red \(red), no school \(noSchool), yellow \(yellow), green \(green)",
             "方案 \(plan)（\(name)）：缺口 \(shortage) 学位·年；区域·学段·年 红色 \(red)、无学校 \(noSchool)、黄色 \(yellow)、绿色 \(green)")
    }
    var noAreaShortRun: String { pick("no area is short of seats in any projected year", "各预测年份均无区域缺少学位") }
    var worstHeader: [String] {
        language == .zh ? ["年份", "区域", "学段", "学生", "学位", "缺口", "使用率", "预警"]
                        : ["year", "area", "stage", "students", "seats", "gap", "use", "alert"]
    }
    func alert(_ alert: Alert) -> String {
        guard language == .zh else { return alert.rawValue }
        switch alert {
        case .green: return "绿"
        case .yellow: return "黄"
        case .red: return "红"
        case .noSchool: return "无学校"
        }
    }

    // MARK: validate
    public func validated(_ file: String, districts: Int, zones: Int, schools: Int, plans: Int, years: String,
                          warnings: Int) -> String {
        pick("\(file): ok — \(districts) district(s), \(zones) zone(s), \(schools) school(s), \(plans) plan(s), \(years); \(warnings) warning(s)",
             "\(file)：ok —— \(districts) 个区县、\(zones) 个片区、\(schools) 所学校、\(plans) 个方案，\(years) 年；\(warnings) 条警告")
    }

    // MARK: every command
    /// The line after `--draws`: how many, with which seed and threads, how long, and the shares of the ratio
    /// errors the draws used — common to all districts (`DrawSummary.commonShare`), to one district's ratios
    /// beyond that when above 0 (`districtShare`), held over the horizon (`lastingShare`) and, when above 0,
    /// its variance's growth with each further year (`driftShare`) and, when above 3, the kurtosis of its
    /// tails (`kurtosis`) — each with where it came from; and how many districts' ratio spreads rest on few
    /// years of errors (`DrawAssumption.restsOnFewYears`).
    public func draws(_ summary: DrawSummary, seconds: Double) -> String {
        let time = String(format: "%.2f", seconds)
        let (common, district, held) = (percent(summary.commonShare), percent(summary.districtShare),
                                        percent(summary.lastingShare))
        /// `(estimated…)` or `(uncertainty.KEY)`, closing the share's bracket.
        func source(_ estimated: Bool, _ key: String, en: String = "estimated", zh: String = "估计") -> String {
            estimated ? pick("(\(en))", "（\(zh)）") : pick("(uncertainty.\(key))", "（uncertainty.\(key) 给定）")
        }
        var line = pick("Monte Carlo: \(summary.draws) draws (seed \(summary.seed), \(summary.threads) thread(s)) in \(time) s; "
                        + "ratio errors common to all districts: \(common) % ",
                        "蒙特卡罗模拟：\(summary.draws) 次（种子 \(summary.seed)，\(summary.threads) 个线程），用时 \(time) 秒；"
                        + "各区县共同的比率误差占 \(common)%")
            + source(summary.commonShareEstimated, "common_share", en: "estimated from their histories", zh: "由各区县历史估计")
        if summary.districtShare > 0 {
            line += pick("; common to one district's ratios beyond that: \(district) % ", "；区县内各比率共同的误差另占 \(district)%")
                + source(summary.districtShareEstimated, "district_share")
        }
        line += pick("; held over the horizon: \(held) % ", "；误差在预测期内延续的部分占 \(held)%")
            + source(summary.lastingShareEstimated, "lasting_share")
        if held < 100 { line += pick(", the rest drawn afresh each year", "，其余逐年重新抽取") }
        if summary.driftShare > 0 {
            let drift = percent(summary.driftShare)
            line += pick("; its variance growing by \(drift) % of a year's each further year ",
                         "；误差方差每多预测一年增加一年方差的 \(drift)%")
                + source(summary.driftShareEstimated, "drift_share")
        }
        if summary.kurtosis > 3 {
            let kurtosis = String(format: "%.1f", summary.kurtosis)
            line += pick("; heavy tails, kurtosis \(kurtosis) ", "；误差分布厚尾，峰度 \(kurtosis)")
                + source(summary.kurtosisEstimated, "kurtosis")
        }
        let few = summary.assumptions.filter(\.restsOnFewYears).count
        if few > 0 {
            let years = DrawAssumption.fewYears
            line += pick("; the ratio spread of \(few) district(s) rests on fewer than \(years) years of errors, itself uncertain (uncertainty.csv)",
                         "；\(few) 个区县的比率误差仅由不足 \(years) 年的误差估计，本身并不确定（见 uncertainty.csv）")
        }
        return line
    }

    /// A share as a whole percentage.
    private func percent(_ share: Double) -> Int { Int((100 * share).rounded()) }

    public func written(_ folder: String, _ names: String) -> String {
        pick("Reports written to \(folder)/: \(names)", "报告已写入 \(folder)/：\(names)")
    }
}
