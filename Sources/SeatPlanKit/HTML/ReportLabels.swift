/// The language of the HTML report's own words. Names from the scenario are shown as written, in either.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case zh
    case en
}

/// Every word the HTML report writes itself, in Chinese and English; one place to read and correct them.
struct ReportLabels {
    let language: ReportLanguage

    private func pick(_ en: String, _ zh: String) -> String { language == .en ? en : zh }

    // MARK: Page

    var htmlLanguage: String { pick("en", "zh-CN") }
    var reportKind: String { pick("School-place capacity report", "学位供需测算报告") }
    func subtitle(id: String, base: Int, first: Int, last: Int) -> String {
        pick("Scenario \(id) · counted \(base) · projected \(first)–\(last)",
             "情景 \(id) · 基年 \(base)（实测） · 预测 \(first)—\(last) 年")
    }
    func counts(districts: Int, zones: Int, schools: Int, plans: Int) -> String {
        pick("\(districts) district(s), \(zones) zone(s), \(schools) school(s), \(plans) plan(s) and the baseline",
             "\(districts) 个区县，\(zones) 个片区，\(schools) 所学校，\(plans) 个方案及现状基准")
    }
    var contents: String { pick("Contents", "目录") }
    var footer: String {
        pick("Made by SeatPlan from the scenario file. Every number on this page is in the CSV files beside it (capacity.csv, comparison.csv, projects.csv, assumptions.csv); formulas in docs/MODEL.md. A seat-year is one seat for one school year.",
             "由 SeatPlan 根据情景文件生成。本页每个数字都在同一文件夹的 CSV 文件中（capacity.csv、comparison.csv、projects.csv、assumptions.csv）；计算公式见 docs/MODEL.md。“学位·年”指一个学位一个学年。")
    }
    var dataTable: String { pick("Data table", "数据表") }

    // MARK: Shared words

    var plan: String { pick("Plan", "方案") }
    var baselineName: String { pick("Baseline (existing schools, no project)", "现状（无项目）") }
    var district: String { pick("District", "区县") }
    var allDistricts: String { pick("All districts", "全市") }
    var zone: String { pick("Zone", "片区") }
    var stage: String { pick("Stage", "学段") }
    var year: String { pick("Year", "年份") }
    var pupils: String { pick("Pupils", "学生数") }
    var seats: String { pick("Seats", "学位数") }
    var cost: String { pick("Cost", "投资") }
    var classrooms: String { pick("Classrooms", "教室") }
    var school: String { pick("School", "学校") }
    var kind: String { pick("Project", "项目") }
    var never: String { pick("never", "无") }
    var shortageSeatYears: String { pick("Shortage seat-years", "缺口（学位·年）") }
    var avoided: String { pick("Shortage seat-years avoided", "减少缺口（学位·年）") }
    var costPerSeatYear: String { pick("Cost per seat-year avoided", "每减少1学位·年投资") }
    var redZoneYears: String { pick("Red area-years", "红色预警区域·年") }
    var noSchoolZoneYears: String { pick("No-school area-stage-years", "无学校区域·学段·年") }
    var superLargeZoneYears: String { pick("Area-years with super-large classes", "有超大班额的区域·年") }
    var unplacedPupilYears: String { pick("Pupils without a class (pupil-years)", "无班可编学生（人·年）") }
    var pupilsTransferred: String { pick("Pupils sent to neighbouring zones (pupil-years)", "转至相邻片区学生（人·年）") }
    var noSuperLargeFrom: String { pick("No super-large class from", "超大班额消除年份") }
    var districtWide: String { pick("district-wide", "全区统筹") }
    var transfersTitle: String { pick("Pupils sent to neighbouring zones (transfers.csv): from where to where, each year", "转至相邻片区就学（transfers.csv）：从哪里到哪里，每年多少人") }
    var transferFrom: String { pick("From", "转出片区") }
    var allStages: String { pick("All stages", "全部学段") }
    var endingTitle: String { pick("When does it end? The first year without shortage and without super-large classes, by stage, and what still blocks them", "何时消除？分学段的学位缺口和超大班额消除年份，以及仍存在的位置") }
    var transferTo: String { pick("To", "转入片区") }
    var total: String { pick("Total", "合计") }
    func endingOf(_ text: String) -> String { text }
    var superLargeClasses: String { pick("Super-large classes (class-years)", "超大班额（班·年）") }
    var noShortageFrom: String { pick("No shortage from", "此后无缺口") }
    var peakShortage: String { pick("Peak shortage (year)", "最大缺口（年份）") }
    var peakGap: String { pick("Largest gap", "最大缺口") }
    var seatsAdded: String { pick("Seats added (last year)", "新增学位（末年）") }
    var baselineVerdict: String { pick("baseline", "基准") }
    var avoidsNone: String { pick("avoids none", "未减少缺口") }
    var worseThanBaseline: String { pick("more shortage than baseline", "缺口多于现状") }
    func underPlan(_ plan: String) -> String { pick("under \(plan)", "\(plan) 方案") }
    func baselineWas(_ value: String) -> String { pick("baseline \(value)", "现状 \(value)") }

    // MARK: Overview

    var overview: String { pick("Overview", "概览") }
    func rankingTitle(_ first: Int, _ last: Int) -> String {
        pick("Plans ranked, \(first)–\(last)", "各方案排序（\(first)—\(last) 年）")
    }
    var rankingNote: String {
        pick("Ranking: fewest pupils without a class first (a pupil with no seat is worse off than one in a large class), then fewest shortage seat-years, then fewest super-large classes, then the lower cost. Shortage seat-years: pupils above seats, summed over catchment areas, stages and projected years (areas are not netted against each other). Cost per seat-year avoided = cost ÷ shortage seat-years avoided against the baseline.",
             "排序规则：先看无班可编的学生（没有学位比大班额更糟），再看缺口学位·年，再看超大班额数，最后看投资。缺口学位·年：各学区（片区、区县或全市）、各学段、各预测年份学生数超出学位数之和（区域之间不相抵）。每减少1学位·年投资 = 投资 ÷ 相对现状减少的缺口学位·年。")
    }
    func stillShortTitle(_ plan: String) -> String {
        plan == Plan.baselineID
            ? pick("Zones and stages short of seats", "存在学位缺口的片区和学段")
            : pick("Where the best plan, \(plan), still leaves a shortage", "最优方案 \(plan) 仍有学位缺口的片区和学段")
    }
    var yearsShort: String { pick("Years short", "缺口年份") }
    var baselineShortage: String { pick("Baseline shortage seat-years", "现状缺口（学位·年）") }
    var noZoneShort: String { pick("No zone is short of seats in any projected year.", "所有片区在各预测年份均无学位缺口。") }
    func andMore(_ n: Int) -> String { pick("… and \(n) more (capacity.csv has every zone and year).", "……另有 \(n) 处（详见 capacity.csv）。") }

    // MARK: Alerts

    var alertsTitle: String { pick("Early warning: zones × years", "学位预警：片区 × 年份") }
    var alertsNote: String {
        pick("Each cell is a zone's stage in a projected year, coloured by its alert and labelled with its utilisation (pupils ÷ seats). The overview counts a zone-year red when any of its stages is red.",
             "每格为一个片区某学段在一个预测年份的预警，按预警着色，格内为学位使用率（学生数 ÷ 学位数）。概览中，片区任一学段为红色即计为一个红色预警片区·年。")
    }
    func greenLegend(_ yellow: String) -> String { pick("green: below \(yellow)", "绿：低于 \(yellow)") }
    func yellowLegend(_ yellow: String, _ red: String) -> String { pick("yellow: \(yellow) to below \(red)", "黄：\(yellow) 至 \(red) 以下") }
    func redLegend(_ red: String) -> String { pick("red: \(red) or more", "红：\(red) 及以上") }
    var noSchoolLegend: String { pick("no school: pupils and no seat (a blind spot of the zoning)", "无学校：有学生无学位（学区盲区）") }
    var noSchoolCell: String { pick("none", "无校") }
    func alertName(_ alert: Alert) -> String {
        switch alert {
        case .green: return pick("green", "绿")
        case .yellow: return pick("yellow", "黄")
        case .red: return pick("red", "红")
        case .noSchool: return pick("no school", "无学校")
        }
    }
    func alertMapTitle(_ plan: String) -> String { pick("Alerts under \(plan)", "\(plan)：学位预警") }
    func cellDetail(alert: String, use: String, pupils: String, seats: String) -> String {
        pick("\(alert), \(use) (\(pupils) pupils, \(seats) seats)", "\(alert)，\(use)（学生 \(pupils)，学位 \(seats)）")
    }

    // MARK: Capacity

    var capacityTitle: String { pick("Pupils and seats by zone and stage", "分片区、分学段学生数与学位数") }
    func capacityNote(_ superLarge: Int) -> String {
        pick("Black: projected pupils (the same under every plan). Coloured: seats under each plan; plans with the same seats share a line. Red shading: pupils above seats. Boxes under the axis: years with super-large classes (\(superLarge)+ pupils), with the largest class. The grey year is counted, the others projected.",
             "黑线：预测学生数（各方案相同）；彩线：各方案学位数，学位相同的方案共用一条线；红色阴影：学生数超出学位数；横轴下方方框：出现超大班额（\(superLarge) 人及以上）的年份及最大班额。灰色年份为实测，其余为预测。")
    }
    func seatsOf(_ plan: String) -> String { pick("Seats \(plan)", "学位 \(plan)") }
    func gapOf(_ plan: String) -> String { pick("Gap \(plan)", "缺口 \(plan)") }
    func utilisationOf(_ plan: String) -> String { pick("Use \(plan)", "使用率 \(plan)") }
    func superLargeOf(_ plan: String) -> String { pick("Super-large classes (largest) \(plan)", "超大班额（最大班额）\(plan)") }
    func superLargeCell(_ count: Int, largest: Int) -> String { "\(count) (\(largest))" }
    var shortageShading: String { pick("pupils above seats (darker: more plans short)", "学生数超出学位数（颜色越深，缺口方案越多）") }
    func superLargeMarker(_ size: Int) -> String { pick("largest class, in years with classes of \(size)+", "超大班额（\(size) 人及以上）年份的最大班额") }
    var bandLegend: String { pick("pupils, P10–P90 range", "学生数 P10—P90 区间") }
    var counted: String { pick("counted", "实测") }
    func capacityChartTitle(zone: String, stage: String) -> String { pick("\(zone), \(stage): pupils and seats", "\(zone) \(stage)：学生数与学位数") }
    func shortUnder(_ plans: String) -> String { pick("short under \(plans)", "\(plans) 缺口") }
    func superLargeDetail(year: Int, plans: String, count: Int, largest: Int) -> String {
        pick("\(year), \(plans): \(count) super-large class(es), largest \(largest)", "\(year) 年 \(plans)：超大班额 \(count) 个，最大班额 \(largest) 人")
    }
    func shortYears(_ plan: String, _ years: String, peak: String) -> String {
        pick("\(plan) short \(years), up to \(peak)", "\(plan) 缺口 \(years)，最多 \(peak)")
    }
    func notShortUnder(_ plan: String) -> String { pick("\(plan) never short", "\(plan) 无缺口") }
    var neverShort: String { pick("never short", "无缺口") }
    func zoneStagesLeftOut(_ shown: Int, _ all: Int) -> String {
        pick("\(shown) of \(all) zone-stages shown: those with an alert or a super-large class under some plan. capacity.csv has all.",
             "共 \(all) 个片区·学段，此处显示有预警或超大班额的 \(shown) 个；全部见 capacity.csv。")
    }

    // MARK: Comparison

    var comparisonTitle: String { pick("Plans compared", "方案比较") }
    var comparisonNote: String {
        pick("Each point is a plan: its cost against the shortage seat-years it avoids compared with the baseline. Up and to the left buys more relief per unit of cost; read it with the shortage each plan still leaves.",
             "每个点为一个方案：投资与相对现状减少的缺口学位·年。越靠左上，单位投资减少的缺口越多；请同时看各方案仍剩余的缺口。")
    }
    var scatterTitle: String { pick("Cost against shortage seat-years avoided", "投资与减少的缺口学位·年") }
    func scatterPoint(plan: String, cost: String, avoided: String, left: String) -> String {
        pick("\(plan): cost \(cost), avoids \(avoided) seat-years, leaves \(left)", "\(plan)：投资 \(cost)，减少缺口 \(avoided) 学位·年，剩余 \(left)")
    }
    var comparisonTableCaption: String { pick("Plans, whole scenario (as comparison.csv, district ALL)", "各方案全市指标（同 comparison.csv 中 ALL 行）") }
    var byDistrict: String { pick("Plans by district", "分区县方案比较") }
    var projectsTitle: String { pick("Projects as applied, and the use of their seats", "各方案项目及其学位使用情况") }
    func projectsCaption(_ threshold: String) -> String {
        pick("Years used: projected years with the zone's utilisation at or above \(threshold), of the years open.",
             "使用年数：开放年份中片区学位使用率达到 \(threshold) 的年数。")
    }
    func projectKind(_ kind: Project.Kind) -> String {
        switch kind {
        case .build: return pick("build", "新建")
        case .expand: return pick("expand", "扩建")
        case .close: return pick("close", "撤并")
        }
    }
    var yearsUsed: String { pick("Years used / open", "使用年数/开放年数") }
    var overBuildingColumn: String { pick("Over-building", "过度建设") }
    var overBuilding: String { pick("seats mostly unused", "学位多数闲置") }

    // MARK: Assumptions

    var assumptionsTitle: String { pick("Assumptions: where the numbers come from", "测算假设：数字从何而来") }
    var assumptionsNote: String {
        pick("Births with the trend that projects them (grey: the years the trend is fitted on), and every ratio: the observed values used (dots) and the value the projection uses (dashed).",
             "出生人口及其预测趋势（灰色为拟合年份），以及各项比率：所用的观测值（圆点）与预测采用的值（虚线）。")
    }
    var births: String { pick("Births", "出生人口") }
    func birthsTitle(_ district: String) -> String { pick("Births, \(district)", "\(district) 出生人口") }
    var birthsListed: String { pick("births listed", "出生人口（已知）") }
    var birthsProjected: String { pick("births projected by the trend", "出生人口（趋势预测）") }
    var fitWindow: String { pick("fitted", "拟合") }
    func birthsFit(method: String, n: Int, c0: String, c1: String, r2: String?) -> String {
        pick("\(method) trend over \(n) years: c0 = \(c0), c1 = \(c1)" + (r2.map { ", R² = \($0)" } ?? ""),
             "\(method)，拟合 \(n) 年：c0 = \(c0)，c1 = \(c1)" + (r2.map { "，R² = \($0)" } ?? ""))
    }
    func rangesDrawn(draws: Int, seed: UInt64) -> String {
        pick("The P10–P90 bands come from \(ReportNumbers.grouped(Double(draws))) Monte Carlo draws (seed \(seed)); what each district's draws were made with is below and in uncertainty.csv.",
             "P10—P90 区间来自 \(ReportNumbers.grouped(Double(draws))) 次蒙特卡罗模拟（种子 \(seed)）；各区县模拟所用的参数见下文及 uncertainty.csv。")
    }
    var rangesDrawnWith: String { pick("Ranges drawn with: ", "区间参数：") }
    /// `text (source)`, with full-width parentheses in Chinese.
    func withSource(_ text: String, _ source: String) -> String { pick("\(text) (\(source))", "\(text)（\(source)）") }
    var given: String { pick("given", "设定") }
    var estimated: String { pick("estimated", "估计") }
    func estimatedFrom(errors: Int, years: String?) -> String {
        pick("estimated from \(errors) errors" + (years.map { ", \($0)" } ?? ""),
             (years.map { "由 \($0) 年" } ?? "由") + " \(errors) 个误差估计")
    }
    func drawParameter(_ parameter: DrawAssumption.Parameter) -> String {
        switch parameter {
        case .ratioSpread: return pick("ratio spread", "比率误差")
        case .birthsSpread: return pick("births spread", "出生误差")
        case .commonShare: return pick("common to all districts", "各区县共同")
        case .districtShare: return pick("common to the district's ratios", "本区县共同")
        case .lastingShare: return pick("held over the horizon", "逐年延续")
        case .driftShare: return pick("drift a year", "逐年漂移")
        case .kurtosis: return pick("kurtosis", "峰度")
        }
    }
    var birthsNotProjected: String { pick("no births projected (listed up to every year needed)", "无需预测（所需年份均已列出）") }
    var entryRatio: String { pick("entry ratio", "入学率") }
    var progressionRatio: String { pick("progression ratio", "升级率") }
    var fixed: String { pick("fixed", "固定值") }
    func ratioMethod(_ method: String, window: Int, n: Int) -> String {
        pick("\(method), window \(window), \(n) observed", "\(method)，窗口 \(window)，观测 \(n) 个")
    }
    func grade(_ name: String) -> String { pick("grade \(name)", "\(name) 年级") }
    var valueUsed: String { pick("value used", "采用值") }
    var observed: String { pick("Observed", "观测值") }
    var parameter: String { pick("Parameter", "参数") }
    var gradeColumn: String { pick("Grade", "年级") }
    var value: String { pick("Value", "值") }
    var method: String { pick("Method", "方法") }
    var window: String { pick("Window", "窗口") }
    var standardError: String { pick("Std. error", "标准误") }
    var note: String { pick("Note", "说明") }
    func housingAndMigrationTitle(_ year: Int) -> String {
        pick("New housing and migration: the pupils they add (\(year))", "新建住宅与随迁子女带来的学生（\(year) 年）")
    }
    var source: String { pick("Source", "来源") }
    func assumptionsCaption(_ district: String) -> String { pick("Assumptions of \(district) (as assumptions.csv)", "\(district) 测算假设（同 assumptions.csv）") }
    func parameterName(_ parameter: Assumption.Parameter) -> String {
        switch parameter {
        case .entryRatio: return entryRatio
        case .progressionRatio: return progressionRatio
        case .birthsIntercept: return pick("births trend c0", "出生趋势 c0")
        case .birthsSlope: return pick("births trend c1", "出生趋势 c1")
        case .birthsProjected: return pick("births projected", "预测出生人口")
        case .housingPupils: return pick("housing pupils", "新建住宅学生")
        case .migrationAdded: return pick("migration admitted", "新增随迁子女")
        case .migrationCarried: return pick("migration carried", "累计随迁子女")
        }
    }
    /// A method id of the scenario (`mean`, `weighted_mean` …, `linear`, `exponential` …) in words.
    func methodName(_ method: String) -> String {
        switch method {
        case "mean": return pick("mean", "平均")
        case "weighted_mean": return pick("weighted mean", "加权平均")
        case "median": return pick("median", "中位数")
        case "last": return pick("last value", "最近值")
        case "exponential": return pick("exponential", "指数")
        case "linear": return pick("linear", "线性")
        case "constant": return pick("constant", "常数")
        case "given": return pick("given", "给定")
        case "fixed": return fixed
        default: return method
        }
    }
}
