/// A scenario small enough to compute by hand; the tests state each expected number's arithmetic.
///
/// Two stages (primary 3 grades from age 6 in classes of 30, junior 2 grades from primary in classes
/// of 40), one district with two zones (0.75 / 0.25), migration, one housing development with a ramp,
/// and two plans (the second the first delayed).
let tinyScenario = """
scenario: tiny
title: Tiny
base_year: 2024
horizon: 3
standards:
  stages:
    - { id: primary, grades: 3, entry_age: 6, class_size: 30 }
    - { id: junior, grades: 2, from: primary, class_size: 40 }
  large_class: 36
  super_large_class: 37
projection:
  progression: { method: mean, window: 2 }
  entry: { method: mean, window: 2 }
  births: { method: linear, fit_window: 3 }
districts:
  - id: d
    births: { 2017: 100, 2018: 100, 2019: 120, 2020: 130, 2021: 140 }
    enrollment:
      2023: { primary: [90, 100, 100], junior: [95, 100] }
      2024: { primary: [95, 92, 98], junior: [99, 96] }
    migration: { primary: 30 }
    zones:
      - { id: z1, share: 0.75 }
      - { id: z2, share: 0.25 }
    housing:
      - name: New Estate
        zone: z2
        dwellings: { 2024: 100, 2025: 200 }
        pupils_per_100_dwellings: { primary: 15 }
        ramp: [0.5, 1.0]
schools:
  - { id: p1, zone: z1, stage: primary, classrooms: 6 }
  - { id: j1, zone: z1, stage: junior, classrooms: 4, closes: 2027 }
  - { id: nine, zone: z2, classrooms: { primary: 3, junior: 2 } }
plans:
  - id: build
    projects:
      - { build: new, zone: z2, stage: primary, classrooms: 3, opens: 2026, cost: 100 }
      - { expand: j1, classrooms: 2, opens: 2026, cost: 10 }
      - { expand: nine, classrooms: { junior: 1 }, opens: 2025 }
      - { close: p1, year: 2026 }
  - id: late
    based_on: build
    delay: { new: 1, p1: 1 }
"""
