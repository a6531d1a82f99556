/// The scenario `seatplan init` writes: small enough to read in a minute, complete enough to run —
/// two districts (one split into two zones), the five stages, their history, a few schools, one new
/// housing estate and one plan — with a comment on every block saying what it is and what to change.
///
/// One template for both languages: `⟪English|中文⟫` is replaced by the chosen language's half, so the
/// numbers cannot differ between the two.
public enum StarterScenario {
    public static func text(_ language: ReportLanguage) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.range(of: "⟪") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "⟫"),
                  let bar = rest[open.upperBound..<close.lowerBound].firstIndex(of: "|") else { break }
            out += language == .en ? rest[open.upperBound..<bar] : rest[rest.index(after: bar)..<close.lowerBound]
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    static let template = """
    # ⟪A starter scenario written by 'seatplan init': replace the numbers with your own.|由 'seatplan init' 生成的入门情景：把数字换成本地的数据。⟫
    # ⟪Run it:  seatplan report starter.yaml   (CSV reports and report.html under output/starter/)|运行：seatplan report starter.yaml（CSV 报表和 report.html 写入 output/starter/）⟫
    # ⟪Check it after each change:  seatplan validate starter.yaml|每次修改后检查：seatplan validate starter.yaml⟫
    # ⟪Completion in editors: seatplan schema > scenario.schema.json, then make this the first line:|编辑器补全：seatplan schema > scenario.schema.json，再把下面一行放在文件第一行：⟫
    #   # yaml-language-server: $schema=scenario.schema.json
    scenario: starter                      # ⟪id: names the output folder|情景编号：输出文件夹以此命名⟫
    title: ⟪Starter city|入门示例市⟫
    base_year: 2025                        # ⟪latest year with counted enrolment|最近一个有实际在校生数的年份⟫
    horizon: 10                            # ⟪years projected after the base year|基年之后预测的年数⟫

    standards:                             # ⟪stages, class sizes and alert thresholds|学段、标准班额与预警阈值⟫
      stages:                              # ⟪entry_age: fed by births; from: fed by the stage before|entry_age：由出生人口入学；from：由上一学段升入⟫
        - { id: kindergarten, name: ⟪Kindergarten|幼儿园⟫, grades: 3, entry_age: 3, class_size: 30 }
        - { id: primary, name: ⟪Primary|小学⟫, grades: 6, entry_age: 6, class_size: 45 }
        - { id: junior, name: ⟪Junior secondary|初中⟫, grades: 3, from: primary, class_size: 50 }
        - { id: senior, name: ⟪Senior secondary|普通高中⟫, grades: 3, from: junior, class_size: 50 }
        - { id: vocational, name: ⟪Vocational|中职⟫, grades: 3, from: junior, class_size: 45 }
      large_class: 56                      # ⟪a class of 56 or more is large|56 人及以上为大班额⟫
      super_large_class: 66                # ⟪66 or more is super-large|66 人及以上为超大班额⟫
      alerts: { yellow: 0.90, red: 1.00 }  # ⟪utilisation at which a zone turns yellow, red|学位使用率达到此值时为黄色、红色预警⟫

    projection:                            # ⟪how history becomes ratios, and births a trend|如何由历史数据推算升学比率和出生趋势⟫
      progression: { method: weighted_mean, window: 2 }
      entry: { method: mean, window: 3 }
      births: { method: exponential, fit_window: 5 }

    districts:
      - id: central
        name: ⟪Central district|中心城区⟫
        births: { 2015: 1210, 2016: 1265, 2017: 1240, 2018: 1150, 2019: 1080, 2020: 990, 2021: 930, 2022: 870, 2023: 820, 2024: 780 }
        enrollment:                        # ⟪pupils per grade, one list per stage and year|各学段分年级在校生数，每年一组⟫
          2024:
            kindergarten: [1000, 1060, 1120]
            primary: [1300, 1340, 1330, 1290, 1270, 1250]
            junior: [1240, 1230, 1210]
            senior: [720, 700, 690]
            vocational: [430, 420, 410]
          2025:
            kindergarten: [950, 990, 1050]
            primary: [1250, 1310, 1345, 1330, 1285, 1265]
            junior: [1245, 1235, 1225]
            senior: [715, 715, 695]
            vocational: [425, 425, 415]
        migration: { primary: 60 }         # ⟪pupils newly admitted each projected year, on top of the trend|每个预测年份在趋势之外新增的随迁子女⟫
        zones:                             # ⟪catchment zones: shares of the district's pupils, adding up to 1|学区片区：各占本区学生的份额，合计为 1⟫
          - { id: central-old, name: ⟪Old town|老城片区⟫, share: 0.7 }
          - { id: central-new, name: ⟪New town|新城片区⟫, share: 0.3 }
        housing:                           # ⟪new homes and the pupils they bring|新建住宅及其带来的学生⟫
          - name: ⟪New town phase 1|新城一期⟫
            zone: central-new
            dwellings: { 2026: 1200, 2027: 1500 }
            pupils_per_100_dwellings: { kindergarten: 9, primary: 16, junior: 7, senior: 4, vocational: 2 }
            ramp: [0.6, 0.85, 1.0]
      - id: north
        name: ⟪North county|北部县⟫         # ⟪no zones: the county is one zone|未分片区：全县为一个片区⟫
        births: { 2015: 820, 2016: 840, 2017: 805, 2018: 740, 2019: 690, 2020: 630, 2021: 580, 2022: 540, 2023: 500, 2024: 470 }
        enrollment:
          2024:
            kindergarten: [640, 680, 710]
            primary: [820, 850, 860, 840, 830, 810]
            junior: [800, 790, 780]
            senior: [420, 410, 400]
            vocational: [330, 320, 310]
          2025:
            kindergarten: [600, 640, 675]
            primary: [780, 815, 845, 855, 835, 825]
            junior: [795, 790, 785]
            senior: [415, 415, 405]
            vocational: [325, 325, 315]

    schools:                               # ⟪classrooms per stage; seats = classrooms × class size|各学段教室数；学位数 = 教室数 × 标准班额⟫
      - { id: old-kg, name: ⟪Old town kindergarten|老城幼儿园⟫, zone: central-old, stage: kindergarten, classrooms: 60 }
      - { id: old-primary, name: ⟪Old town primary school|老城小学⟫, zone: central-old, stage: primary, classrooms: 120 }
      - { id: old-middle, name: ⟪No. 1 middle school|第一中学⟫, zone: central-old, classrooms: { junior: 54, senior: 42 } }
      - { id: city-vocational, name: ⟪City vocational school|市职业学校⟫, zone: central-old, stage: vocational, classrooms: 28 }
      - { id: new-nine-year, name: ⟪New town nine-year school|新城九年一贯制学校⟫, zone: central-new, classrooms: { primary: 36, junior: 18 } }
      - { id: new-kg, name: ⟪New town kindergarten|新城幼儿园⟫, zone: central-new, stage: kindergarten, classrooms: 24 }
      - { id: north-kg, name: ⟪North county kindergarten|北部县幼儿园⟫, zone: north, stage: kindergarten, classrooms: 70 }
      - { id: north-primary, name: ⟪North county primary school|北部县小学⟫, zone: north, stage: primary, classrooms: 112 }
      - { id: north-middle, name: ⟪North county middle school|北部县中学⟫, zone: north, classrooms: { junior: 48, senior: 27 } }
      - { id: north-vocational, name: ⟪North county vocational school|北部县职业中专⟫, zone: north, stage: vocational, classrooms: 21 }

    plans:                                 # ⟪versions of the layout plan to compare with the baseline (no project)|与现状（无项目）比较的布局规划方案⟫
      - id: new-town-school
        name: ⟪A second school in the new town|新城第二所学校⟫
        projects:
          - { build: new-second-school, name: ⟪New town second school|新城第二学校⟫, zone: central-new, classrooms: { primary: 24, junior: 12 }, opens: 2028, cost: 120000000 }
          - { expand: new-kg, classrooms: 9, opens: 2027, cost: 15000000 }

    output:
      excel: true                          # ⟪CSV that Excel opens with Chinese intact|Excel 可直接打开（中文不乱码）的 CSV⟫
    """
}
