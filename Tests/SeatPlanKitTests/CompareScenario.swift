/// A scenario for the plan comparison whose every number is easy by hand.
///
/// One stage `primary` of 2 grades, classes of 30, all ratios fixed at 1 and births constant, so that each
/// grade holds the births of its cohort: district A (births 120) has zones a1 and a2 (share ½ each: 120
/// pupils each), a2 also gets 100 dwellings in 2026 at 60 pupils per 100 (+60 from 2026: 180 pupils);
/// district B (births 60) has 120 pupils. Seats: a1 4 rooms (120), a2 3 rooms (90), B 4 + 2 rooms (180).
///
/// Baseline gaps: a2 is short 30 in 2025 and 90 in 2026–2028 (300 seat-years); a1 and B never.
let compareScenario = """
scenario: compare-small
base_year: 2024
horizon: 4
standards:
  stages:
    - { id: primary, grades: 2, entry_age: 6, class_size: 30 }
projection:
  births: { method: given }
  ratios:
    - { stage: primary, grade: 1, value: 1.0 }
    - { stage: primary, grade: 2, value: 1.0 }
districts:
  - id: A
    births: { 2017: 120, 2018: 120, 2019: 120, 2020: 120, 2021: 120, 2022: 120 }
    enrollment:
      2024: { primary: [120, 120] }
    zones:
      - { id: a1, share: 0.5 }
      - { id: a2, share: 0.5 }
    housing:
      - { name: Riverside, zone: a2, dwellings: { 2026: 100 }, pupils_per_100_dwellings: { primary: 60 } }
  - id: B
    births: { 2017: 60, 2018: 60, 2019: 60, 2020: 60, 2021: 60, 2022: 60 }
    enrollment:
      2024: { primary: [60, 60] }
schools:
  - { id: a1-school, zone: a1, stage: primary, classrooms: 4 }
  - { id: a2-school, zone: a2, stage: primary, classrooms: 3 }
  - { id: b1, zone: B, stage: primary, classrooms: 4 }
  - { id: b2, zone: B, stage: primary, classrooms: 2 }
plans:
  - id: on-time
    projects:
      - { build: n1, zone: a2, stage: primary, classrooms: 3, opens: 2026, cost: 900 }
      - { close: b2, year: 2027 }
  - id: late
    based_on: on-time
    delay: { n1: 2 }
  - id: expand-a1
    projects:
      - { expand: a1-school, classrooms: 2, opens: 2025, cost: 200 }
  - id: build-only
    based_on: on-time
    remove: [b2]
  - id: same-as-on-time
    projects:
      - { build: n1, zone: a2, stage: primary, classrooms: 3, opens: 2026, cost: 900 }
      - { close: b2, year: 2027 }
  - id: too-early
    projects:
      - { build: early, zone: a1, stage: primary, classrooms: 4, opens: 2025, cost: 400 }
"""
