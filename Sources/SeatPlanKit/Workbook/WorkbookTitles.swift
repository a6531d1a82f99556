/// The workbook's sheet and column titles in each language: in English the report's own file stem and
/// column names (as the CSV files and README name them), in Chinese the titles below. A report or column
/// not listed keeps its English name, so a new report is a sheet before it has a translation.
struct WorkbookTitles {
    let language: ReportLanguage

    /// The sheet of the ranked plans, first in the workbook.
    var overview: String { language == .zh ? "概览" : "overview" }

    /// The sheet of `file` (`capacity.csv` → `capacity` or 学位供需); at most 31 characters, none of `[]:*?/\`.
    func sheet(_ file: String) -> String {
        let stem = file.hasSuffix(".csv") ? String(file.dropLast(4)) : file
        let title = language == .zh ? Self.zhSheets[stem] ?? stem : stem
        let safe = String(title.map { "[]:*?/\\".contains($0) ? "_" : $0 })
        return String(safe.prefix(31))
    }

    func column(_ name: String) -> String {
        language == .zh ? Self.zhColumns[name] ?? name : name
    }

    static let zhSheets: [String: String] = [
        "capacity": "学位供需", "districts": "区县汇总", "grades": "年级明细", "summary": "缺口汇总",
        "assumptions": "预测假设", "comparison": "方案比较", "projects": "建设项目", "ranges": "区间预测",
        "summary_ranges": "缺口区间", "plan_probabilities": "方案优劣概率", "uncertainty": "区间参数",
        "transfers": "跨片区就学", "coverage": "服务半径覆盖", "indicators": "办学条件指标", "rankings": "排名",
        "townships": "一乡一园",
    ]

    static let zhColumns: [String: String] = [
        "plan": "方案", "plan_name": "方案名称", "plan_a": "方案A", "plan_b": "方案B",
        "year": "年份", "district": "区县", "district_name": "区县名称", "zone": "片区", "zone_name": "片区名称",
        "stage": "学段", "stage_name": "学段名称", "grade": "年级", "grade_name": "年级名称",
        "students": "学生数", "pupils": "学生数（整数）", "seats": "学位数", "gap": "缺口", "utilisation": "学位使用率",
        "classes_needed": "所需班数", "classrooms": "教室数", "classroom_shortage": "教室缺口",
        "large_classes": "大班额班数", "super_large_classes": "超大班额班数", "max_class_size": "最大班额",
        "mean_class_size": "平均班额", "unplaced": "未安置学生", "alert": "预警", "zones_short": "缺位片区数",
        "cohort": "队列推算", "migration": "迁移", "housing": "新建住宅", "class_size": "标准班额", "classes": "班数",
        "shortage_seat_years": "缺口（学位·年）", "peak_shortage": "最大缺口", "peak_year": "最大缺口年份",
        "red_zone_years": "红色预警片区·年", "no_school_zone_years": "无学校片区·年",
        "super_large_zone_years": "有超大班额的片区·年", "largest_class": "最大班额",
        "parameter": "参数", "value": "数值", "method": "方法", "window": "窗口（年）", "n": "观测数",
        "observed": "观测值", "std_error": "标准误", "r_squared": "R²", "note": "说明",
        "source": "来源", "errors": "误差个数", "first_year": "起始年份", "last_year": "截止年份",
        "cost": "投资", "seats_added": "新增学位", "seats_added_kindergarten": "新增学位（幼儿园）",
        "seats_added_primary": "新增学位（小学）", "seats_added_junior": "新增学位（初中）",
        "seats_added_senior": "新增学位（普通高中）", "seats_added_vocational": "新增学位（中职）",
        "first_year_without_shortage": "此后无缺口", "shortage_seat_years_avoided": "减少缺口（学位·年）",
        "cost_per_seat_year_avoided": "每减少1学位·年投资", "verdict": "结论",
        "project": "项目", "kind": "类型", "school": "学校", "school_name": "学校名称", "planned_year": "计划年份",
        "delayed_by": "推迟（年）", "from_plan": "来源方案", "years_open": "开办年数", "years_used": "使用年份",
        "used_share": "使用年份占比", "over_building": "超前建设",
        "students_p10": "学生数P10", "students_p50": "学生数P50", "students_p90": "学生数P90",
        "gap_p10": "缺口P10", "gap_p50": "缺口P50", "gap_p90": "缺口P90",
        "probability_shortage": "缺位概率", "probability_red": "红色预警概率", "probability_super_large": "超大班额概率",
        "shortage_seat_years_p10": "缺口（学位·年）P10", "shortage_seat_years_p50": "缺口（学位·年）P50",
        "shortage_seat_years_p90": "缺口（学位·年）P90", "peak_shortage_p10": "最大缺口P10",
        "peak_shortage_p50": "最大缺口P50", "peak_shortage_p90": "最大缺口P90",
        "red_zone_years_p10": "红色预警片区·年P10", "red_zone_years_p50": "红色预警片区·年P50",
        "red_zone_years_p90": "红色预警片区·年P90", "no_school_zone_years_p10": "无学校片区·年P10",
        "no_school_zone_years_p50": "无学校片区·年P50", "no_school_zone_years_p90": "无学校片区·年P90",
        "super_large_zone_years_p10": "有超大班额的片区·年P10", "super_large_zone_years_p50": "有超大班额的片区·年P50",
        "super_large_zone_years_p90": "有超大班额的片区·年P90", "largest_class_p10": "最大班额P10",
        "largest_class_p50": "最大班额P50", "largest_class_p90": "最大班额P90",
        "transferred_out": "转出学生", "transferred_in": "转入学生", "transfer": "跨片区转移",
        "areas_short": "缺位区域数", "red_area_years": "红色预警区域·年", "super_large_area_years": "有超大班额的区域·年",
        "no_school_area_stage_years": "无学校区域·学段·年", "unplaced_pupil_years": "无班可编学生（人·年）",
        "pupils_transferred": "转至相邻片区学生（人·年）", "peak_shortage_year": "最大缺口年份",
        "first_year_no_shortage": "此后无缺口", "first_year_no_super_large": "此后无超大班额",
        "cost_per_shortage_seat_year_avoided": "每减少1学位·年投资", "avoids_none": "未减少缺口",
        "shortage_blocked_by": "缺口仍存在于", "super_large_blocked_by": "超大班额仍存在于",
        "from_district": "转出区县", "from_zone": "转出片区", "to_district": "转入区县", "to_zone": "转入片区",
        "red_area_years_p10": "红色预警区域·年P10", "red_area_years_p50": "红色预警区域·年P50",
        "red_area_years_p90": "红色预警区域·年P90", "no_school_area_stage_years_p10": "无学校区域·学段·年P10",
        "no_school_area_stage_years_p50": "无学校区域·学段·年P50", "no_school_area_stage_years_p90": "无学校区域·学段·年P90",
        "super_large_area_years_p10": "有超大班额的区域·年P10", "super_large_area_years_p50": "有超大班额的区域·年P50",
        "super_large_area_years_p90": "有超大班额的区域·年P90",
        "probability_a_fewer": "A缺口更少的概率", "probability_equal": "相同的概率", "probability_a_more": "A缺口更多的概率",
    ]
}
