#!/usr/bin/env python3
"""Generate scenarios/eau-claire-wi.yaml from the ECASD data in shared/data/eau-claire-wi.

Usage (from the repository root):
    python3 scenarios/tools/make_eau_claire.py [DATA_DIR] > scenarios/eau-claire-wi.yaml

DATA_DIR defaults to ../shared/data/eau-claire-wi relative to the repository root.
Standard library only. The output is deterministic: the same CSVs give the same bytes.
"""

import csv
import os
import re
import sys
from decimal import Decimal, ROUND_HALF_UP

SCENARIO = "eau-claire-wi"
TITLE = "Eau Claire Area School District (WI) — elementary K–5, 2019 base"
BASE_YEAR = 2019
HORIZON = 5
FIRST_ENROLLMENT_YEAR = 2010
ENTRY_AGE = 5
FIRST_BIRTH_YEAR = FIRST_ENROLLMENT_YEAR - ENTRY_AGE  # 2005 feeds K in fall 2010
GRADES = ["K", "1", "2", "3", "4", "5"]
CLASS_SIZE = [26, 26, 26, 26, 29, 29]
MEAN_CLASS_SIZE = Decimal(sum(CLASS_SIZE)) / len(CLASS_SIZE)  # 27 seats per classroom
SHARE_PLACES = Decimal("0.000001")

EXPAND_CLASSROOMS = 6
EXPAND_YEAR = 2021
EXPAND_COST = 3000000
CLOSE_YEAR = 2022


def fail(message):
    sys.stderr.write("make_eau_claire: " + message + "\n")
    sys.exit(1)


def read_csv(data_dir, name):
    path = os.path.join(data_dir, name)
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))
    except OSError as error:
        fail("cannot read %s: %s" % (path, error))


def to_int(value, what):
    try:
        return int(value.strip())
    except (AttributeError, ValueError):
        fail("%s is not an integer: %r" % (what, value))


def scalar(text):
    """A YAML scalar that is safe both in block and in flow context."""
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9 .'()\-–—]*", text) and not text.endswith(" "):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def slug(school):
    return school.strip().lower().replace(" ", "-")


def main(argv):
    repo_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    if len(argv) > 1:
        data_dir = argv[1]
    else:
        data_dir = os.path.normpath(os.path.join(repo_root, "..", "shared", "data", "eau-claire-wi"))

    # --- births ---------------------------------------------------------------------------
    births = {}
    for row in read_csv(data_dir, "ecasd_births_1995_2019.csv"):
        year = to_int(row["birth_year"], "birth_year")
        if year in births:
            fail("birth year %d listed twice" % year)
        births[year] = to_int(row["births"], "births of %d" % year)
    birth_years = list(range(FIRST_BIRTH_YEAR, BASE_YEAR + 1))
    missing = [y for y in birth_years if y not in births]
    if missing:
        fail("births missing for %s" % missing)

    # --- enrolment per fall year x school x grade --------------------------------------------
    enrol = {}      # (year, school) -> {grade: students}
    rooms = {}      # (year, school) -> {grade: classrooms}
    for row in read_csv(data_dir, "ecasd_school_grade_enrollment_1998_2024.csv"):
        year = to_int(row["fall_year"], "fall_year")
        school = row["school"].strip()
        grade = row["grade"].strip()
        if grade not in GRADES:
            fail("unknown grade %r for %s %d" % (grade, school, year))
        per_grade = enrol.setdefault((year, school), {})
        if grade in per_grade:
            fail("%s grade %s listed twice in %d" % (school, grade, year))
        per_grade[grade] = to_int(row["students"], "students of %s %s %d" % (school, grade, year))
        rooms.setdefault((year, school), {})[grade] = to_int(
            row["classrooms"], "classrooms of %s %s %d" % (school, grade, year))

    district = {}
    for year in range(FIRST_ENROLLMENT_YEAR, BASE_YEAR + 1):
        schools = [s for (y, s) in enrol if y == year]
        if not schools:
            fail("no enrolment for fall %d" % year)
        district[year] = [sum(enrol[(year, s)].get(g, 0) for s in schools) for g in GRADES]

    base_schools = sorted(s for (y, s) in enrol if y == BASE_YEAR and sum(enrol[(y, s)].values()) > 0)
    pupils = {s: sum(enrol[(BASE_YEAR, s)].values()) for s in base_schools}
    total = sum(pupils.values())
    if total != sum(district[BASE_YEAR]):
        fail("internal: school sum differs from district sum")

    # --- classrooms ----------------------------------------------------------------------------
    design = {}
    for row in read_csv(data_dir, "ecasd_school_sections.csv"):
        design[row["school"].strip()] = to_int(row["design_classrooms_k5"], "design_classrooms_k5")
    classrooms = {}
    fallback = []
    for s in base_schools:
        if s in design:
            classrooms[s] = design[s]
        else:
            classrooms[s] = sum(rooms[(BASE_YEAR, s)].values())
            fallback.append(s)

    # --- zone shares: 6 decimals, largest adjusted so they add up to exactly 1 ------------------
    shares = {s: (Decimal(pupils[s]) / Decimal(total)).quantize(SHARE_PLACES, rounding=ROUND_HALF_UP)
              for s in base_schools}
    largest = max(base_schools, key=lambda s: (shares[s], pupils[s], -base_schools.index(s)))
    adjustment = Decimal(1) - sum(shares.values())
    shares[largest] += adjustment
    if sum(shares.values()) != Decimal(1) or shares[largest] <= 0:
        fail("shares do not add up to 1")

    # --- illustrative plans --------------------------------------------------------------------
    utilisation = {s: Decimal(pupils[s]) / (classrooms[s] * MEAN_CLASS_SIZE) for s in base_schools}
    busiest = max(base_schools, key=lambda s: (utilisation[s], -base_schools.index(s)))
    smallest = min(base_schools, key=lambda s: (pupils[s], base_schools.index(s)))

    # --- notes on the school list ---------------------------------------------------------------
    window = range(FIRST_ENROLLMENT_YEAR, BASE_YEAR + 1)
    seen = {s for (y, s) in enrol if y in window}
    closed_before = sorted({s for (y, s) in enrol if y < FIRST_ENROLLMENT_YEAR} - seen)
    changing = []
    for year in window:
        present = sorted(s for (y, s) in enrol if y == year)
        if present != base_schools:
            changing.append("%d: %s" % (year, ", ".join(present)))

    # --- check the class sizes against the district's caps --------------------------------------
    caps = {}
    for row in read_csv(data_dir, "ecasd_class_size_cap_2013_2019.csv"):
        if to_int(row["fall_year"], "fall_year") == BASE_YEAR:
            caps.setdefault(row["grade"].strip(), set()).add(
                to_int(row["max_students_per_classroom"], "max_students_per_classroom"))
    for grade, size in zip(GRADES, CLASS_SIZE):
        if caps.get(grade, {size}) != {size}:
            fail("class size cap of grade %s in %d is %s, not %d" % (grade, BASE_YEAR, sorted(caps[grade]), size))

    # --- write ---------------------------------------------------------------------------------
    out = []
    w = out.append
    w("# Eau Claire Area School District (ECASD), Wisconsin, USA: elementary schools K-5, real data.")
    w("# Generated by scenarios/tools/make_eau_claire.py from shared/data/eau-claire-wi (see SOURCE.txt");
    w("# there): GitHub toxygene/ecasd-enrollment (MIT), data obtained by open-records requests from the")
    w("# district (third-Friday-in-September counts) and from Wisconsin DHS (resident births).")
    w("# Do not edit by hand; change the script and regenerate.")
    w("#")
    w("# Choices:")
    later = sorted({y for (y, _) in enrol if y > BASE_YEAR})
    if later:
        w("# - Base year %d (fall %d count). The data also has falls %d-%d, left out because enrolment"
          % (BASE_YEAR, BASE_YEAR, later[0], later[-1]))
        w("#   after base_year is an error in this format; they are kept for a backtest.")
        if BASE_YEAR + 1 in later:
            next_total = sum(n for (y, _), g in enrol.items() if y == BASE_YEAR + 1 for n in g.values())
            w("#   Fall %d is a COVID shock year: K-5 total %d, against %d in fall %d (%s%%)."
              % (BASE_YEAR + 1, next_total, sum(district[BASE_YEAR]), BASE_YEAR,
                 format((Decimal(next_total - sum(district[BASE_YEAR])) * 100
                         / sum(district[BASE_YEAR])).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), "+f")))
    else:
        w("# - Base year %d (fall %d count)." % (BASE_YEAR, BASE_YEAR))
    w("# - One district, the ECASD; one zone per elementary attendance area (school) open in fall %d."
      % BASE_YEAR)
    w("#   A zone's share is its school's share of the district's fall-%d K-5 pupils (%d), 6 decimals,"
      % (BASE_YEAR, total))
    if adjustment:
        w("#   the largest (%s) adjusted by %s so the shares add up to exactly 1."
          % (slug(largest), format(adjustment, "+f")))
    else:
        w("#   no adjustment needed: the rounded shares add up to exactly 1.")
    w("# - Enrolment %d-%d: district totals (sum over the schools) per grade, K first. The schools"
      % (FIRST_ENROLLMENT_YEAR, BASE_YEAR))
    if closed_before:
        w("#   closed before %d (%s) are not in these years." % (FIRST_ENROLLMENT_YEAR, ", ".join(closed_before)))
    if changing:
        w("#   The set of schools changes within these years: %s." % "; ".join(changing))
    else:
        w("#   The same %d schools report in every one of these years." % len(base_schools))
    w("# - Births %d-%d: resident live births in the district; births of year b feed K in fall b+5."
      % (FIRST_BIRTH_YEAR, BASE_YEAR))
    w("# - Class sizes are the district's caps (26 in K-3, 29 in grades 4-5), so a classroom holds 27 seats")
    w("#   on average. Classrooms are the design classrooms of ecasd_school_sections.csv (sections per")
    w("#   grade x 6). The district's analysis flags a school above 85% of its seats: yellow alert 0.85.")
    crowded = [s for s in base_schools if sum(rooms[(BASE_YEAR, s)].values()) > classrooms[s]]
    if crowded:
        w("#   In fall %d some schools used more homerooms than their design classrooms:" % BASE_YEAR)
        w("#   %s (used/design)."
          % ( ", ".join("%s %d/%d" % (s, sum(rooms[(BASE_YEAR, s)].values()), classrooms[s])
                                  for s in crowded)))
    w("# - large_class 30 and super_large_class 35 follow US practice (a homeroom of 30+ is large here).")
    w("")
    w("scenario: %s" % SCENARIO)
    w("title: %s" % TITLE)
    w("base_year: %d" % BASE_YEAR)
    w("horizon: %d" % HORIZON)
    w("")
    w("standards:")
    w("  stages:")
    w("    - { id: elementary, name: Elementary (K–5), grades: %d, entry_age: %d, class_size: [%s], "
      "grade_names: [%s] }" % (len(GRADES), ENTRY_AGE, ", ".join(str(c) for c in CLASS_SIZE),
                               ", ".join(g if not g.isdigit() else '"%s"' % g for g in GRADES)))
    w("  large_class: 30")
    w("  super_large_class: 35")
    w("  alerts: { yellow: 0.85, red: 1.00 }")
    w("")
    w("projection:")
    w("  progression: { method: weighted_mean, window: 3 }")
    w("  entry: { method: mean, window: 3 }")
    w("  births: { method: linear, fit_window: 5 }")
    w("")
    w("districts:")
    w("  - id: eau-claire")
    w("    name: Eau Claire Area School District")
    w("    births: { %s }" % ", ".join("%d: %d" % (y, births[y]) for y in birth_years))
    w("    enrollment:")
    for year in range(FIRST_ENROLLMENT_YEAR, BASE_YEAR + 1):
        w("      %d:" % year)
        w("        elementary: [%s]   # %d" % (", ".join(str(n) for n in district[year]),
                                           sum(district[year])))
    w("    zones:   # share = fall-%d K-5 pupils of the school / %d" % (BASE_YEAR, total))
    for s in base_schools:
        w("      - { id: %s, name: %s, share: %s }   # %d pupils"
          % (slug(s), scalar(s), format(shares[s], "f"), pupils[s]))
    w("")
    w("schools:   # classrooms = design classrooms K-5 (ecasd_school_sections.csv)")
    for s in base_schools:
        note = ""
        if s in fallback:
            note = ("   # not in ecasd_school_sections.csv: the %d homerooms it used in fall %d"
                    % (classrooms[s], BASE_YEAR))
        w("  - { id: %s-elementary, name: %s, zone: %s, stage: elementary, classrooms: %d }%s"
          % (slug(s), scalar(s + " Elementary"), slug(s), classrooms[s], note))
    w("")
    w("# ILLUSTRATIVE plans only, made up to exercise the simulator: they are not decisions, proposals")
    w("# or cost estimates of the Eau Claire Area School District.")
    w("plans:")
    w("  - id: add-sections")
    w("    name: Add one section per grade at %s (illustrative)" % scalar(busiest))
    w("    # %s has the highest fall-%d utilisation: %d pupils / (%d classrooms x 27) = %s"
      % (busiest, BASE_YEAR, pupils[busiest], classrooms[busiest],
         format(utilisation[busiest].quantize(Decimal("0.001"), rounding=ROUND_HALF_UP), "f")))
    w("    projects:")
    w("      - { expand: %s-elementary, classrooms: %d, opens: %d, cost: %d }"
      % (slug(busiest), EXPAND_CLASSROOMS, EXPAND_YEAR, EXPAND_COST))
    w("  - id: close-smallest")
    w("    name: Close %s (illustrative)" % scalar(smallest + " Elementary"))
    w("    # %s has the fewest fall-%d pupils (%d)" % (smallest, BASE_YEAR, pupils[smallest]))
    w("    projects:")
    w("      - { close: %s-elementary, year: %d }" % (slug(smallest), CLOSE_YEAR))

    w("")
    w("output:")
    w("  lang: en    # a US district: the terminal, the page and the workbook in English")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv)
