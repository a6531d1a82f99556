#!/usr/bin/env python3
"""Write a synthetic but realistic SeatPlan scenario (YAML) to standard output.

Same format as scenarios/example-city.yaml: the five stages of example-city's `standards`
(kindergarten, primary, junior, senior, vocational), the same `projection`, and for every district
births for the 11 years before the base year (a falling trend with noise), cohort-consistent
enrolment for the three counted years, migration for some districts, zones whose shares add up to
exactly 1, housing in about 30% of the zones, schools sized so that base-year utilisation lands
between about 0.7 and 1.3 (some nine-year schools), and two plans: `build-more` (one new school in
each of the 10% most crowded zones) and `build-more-late` (the same, every build 2 years later).
With `--uncertainty`, also an `uncertainty` block for `run --draws`: migration ±20 %, housing yields
0.8–1.2, delivery slips of 0/1/2 years with probabilities 0.5/0.3/0.2, and every tenth district a
ratio spread of its own (0.02); without it, the draws vary ratios and births only (the defaults).
With `--advisor N`, also an `advisor` block of the first N candidates for `seatplan advise`: a nine-year
school to build in every zone (earliest 2027, latest 2031), most crowded zone first (by its worst
primary or junior ratio of need to seats), then an expansion of each zone's school of its worst stage
(2026–2030) in the same order; the target is `no_super_large_from: 2030` for primary and junior.

Deterministic: the same arguments give the same file, byte for byte (random.Random(seed)).
Standard library only.

    scripts/make_synthetic.py --districts 100 --zones-per-district 10 --schools-per-zone 5 \
        --seed 1 --horizon 15 > province.yaml
"""

import argparse
import math
import random
import sys

BASE_YEAR = 2025
COUNTED_YEARS = (BASE_YEAR - 2, BASE_YEAR - 1, BASE_YEAR)
LISTED_BIRTHS = range(BASE_YEAR - 11, BASE_YEAR)  # 2014 … 2024
EARLIEST_BIRTHS = BASE_YEAR - 30  # internal series only: old cohorts still in school in 2023

# id, name, grades, feed, class size — as in example-city.
STAGES = [
    ("kindergarten", "幼儿园", 3, ("entry_age", 3), 30),
    ("primary", "小学", 6, ("entry_age", 6), 45),
    ("junior", "初中", 3, ("from", "primary"), 50),
    ("senior", "普通高中", 3, ("from", "junior"), 50),
    ("vocational", "中职", 3, ("from", "junior"), 45),
]
STAGE = {s[0]: s for s in STAGES}
STAGE_IDS = [s[0] for s in STAGES]

# School names by stage, and cost per classroom of a new school (yuan), roughly as in example-city.
SCHOOL_SUFFIX = {
    "kindergarten": "幼儿园",
    "primary": "小学",
    "junior": "初级中学",
    "senior": "高级中学",
    "vocational": "职业学校",
}
COST_PER_CLASSROOM = {
    "kindergarten": 2_100_000,
    "primary": 3_300_000,
    "junior": 3_600_000,
    "senior": 4_000_000,
    "vocational": 4_200_000,
}
ORDINALS = "一二三四五六七八九十"
PLACE_WORDS = ["东湖", "西山", "南塘", "北岭", "青石", "白沙", "金川", "银桥", "长乐", "永安",
               "新华", "兴隆", "和平", "文昌", "凤凰", "龙泉", "桃源", "柳溪", "松林", "梅岭"]


def ordinal(n):
    """1 → 一, 10 → 十, 11 → 十一, 23 → 二十三 (enough for school and zone names)."""
    if n <= 10:
        return ORDINALS[n - 1]
    if n < 20:
        return "十" + ORDINALS[n - 11]
    tens, ones = divmod(n, 10)
    return ORDINALS[tens - 1] + "十" + (ORDINALS[ones - 1] if ones else "")


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--districts", type=int, default=100)
    p.add_argument("--zones-per-district", type=int, default=10)
    p.add_argument("--schools-per-zone", type=int, default=5)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--horizon", type=int, default=15)
    p.add_argument("--uncertainty", action="store_true",
                   help="add spreads of migration, housing yields and delivery slips for run --draws")
    p.add_argument("--advisor", type=int, default=0, metavar="N",
                   help="add an advisor block of N candidate projects (builds and expansions) for seatplan advise")
    args = p.parse_args(argv)
    if args.advisor < 0:
        p.error("--advisor must be 0 or more")
    if args.districts < 1 or args.zones_per_district < 1 or args.schools_per_zone < 1:
        p.error("--districts, --zones-per-district and --schools-per-zone must be at least 1")
    if not 1 <= args.horizon <= 100:
        p.error("--horizon must be between 1 and 100")
    if args.zones_per_district > 999 or args.districts > 999:
        p.error("at most 999 districts and 999 zones per district (ids are d###-z##)")
    return args


# ---------------------------------------------------------------------------------------------
# Demography of one district


class District:
    def __init__(self, rng, number, zones_per_district):
        self.rng = rng
        self.number = number
        self.id = f"d{number:03d}"
        urban = rng.random() < 0.35
        self.name = f"{rng.choice(PLACE_WORDS)}{number:03d}{'区' if urban else '县'}"
        # Births: a lognormal size (urban districts larger), a small rise to a 2016 peak (two-child
        # policy), then a decline of 5–11% a year, with ±3% noise.
        self.births_2014 = rng.lognormvariate(math.log(2600 if urban else 1300), 0.45)
        decline = rng.uniform(0.05, 0.11)
        rise = rng.uniform(0.01, 0.04)
        self.births = {}
        for year in range(EARLIEST_BIRTHS, BASE_YEAR):
            if year <= 2016:
                trend = self.births_2014 * (1 + rise) ** (year - 2014)
            else:
                trend = self.births_2014 * (1 + rise) ** 2 * (1 - decline) ** (year - 2016)
            self.births[year] = trend * (1 + rng.uniform(-0.03, 0.03))
        # Ratios of the cohort model, fixed per district; each observed year adds a little noise.
        self.entry = {
            "kindergarten": rng.uniform(0.86, 0.98),
            # city primaries draw children from the countryside (随迁子女, 进城上学), counties lose some
            "primary": rng.uniform(1.05, 1.30) if urban else rng.uniform(0.88, 1.0),
        }
        self.transition = {  # first grade of a stage fed by the last grade of another
            "junior": rng.uniform(0.97, 1.01),
            "senior": rng.uniform(0.52, 0.66),
            "vocational": rng.uniform(0.28, 0.40),
        }
        self.progression = {sid: [rng.uniform(0.98, 1.01) for _ in range(STAGE[sid][2])] for sid in STAGE_IDS}
        self.memo = {}
        self.enrollment = {y: {sid: [self.pupils(sid, g, y) for g in range(STAGE[sid][2])] for sid in STAGE_IDS}
                           for y in COUNTED_YEARS}
        self.enrollment = {y: {sid: [int(round(x)) for x in row] for sid, row in stages.items()}
                           for y, stages in self.enrollment.items()}
        self.base = {sid: sum(self.enrollment[BASE_YEAR][sid]) for sid in STAGE_IDS}
        # Migration (随迁子女) for about a quarter of the districts, more for urban ones.
        self.migration = {}
        if rng.random() < (0.55 if urban else 0.12):
            first_grade = self.enrollment[BASE_YEAR]["primary"][0]
            primary = int(round(first_grade * rng.uniform(0.02, 0.07) / 10)) * 10
            if primary > 0:
                self.migration["primary"] = primary
                self.migration["junior"] = max(10, int(round(primary * rng.uniform(0.25, 0.45) / 10)) * 10)
        # A few districts fix the senior entry ratio by policy (普职大体相当), as south does in example-city.
        self.fixed_senior = round(rng.uniform(0.50, 0.60), 2) if rng.random() < 0.08 else None
        self.zones = self.make_zones(zones_per_district)

    def pupils(self, sid, grade, year):
        """Cohort-consistent pupils of `sid` grade `grade` (0-based) in `year`, with a little noise."""
        key = (sid, grade, year)
        if key in self.memo:
            return self.memo[key]
        noise = 1 + self.rng.uniform(-0.006, 0.006)
        if grade > 0:
            value = self.pupils(sid, grade - 1, year - 1) * self.progression[sid][grade] * noise
        elif sid in self.entry:
            age = STAGE[sid][3][1]
            value = self.births[year - age] * self.entry[sid] * noise
        else:
            feeder = STAGE[sid][3][1]
            value = self.pupils(feeder, STAGE[feeder][2] - 1, year - 1) * self.transition[sid] * noise
        self.memo[key] = value
        return value

    def make_zones(self, count):
        weights = [self.rng.lognormvariate(0, 0.5) for _ in range(count)]
        total = sum(weights)
        micro = [max(1, int(round(w / total * 1_000_000))) for w in weights[:-1]]
        last = 1_000_000 - sum(micro)
        if last < 1:  # cannot happen with these weights, but keep every share positive
            biggest = micro.index(max(micro))
            micro[biggest] += last - 1000
            last = 1000
        micro.append(last)
        zones = []
        for k, m in enumerate(micro, start=1):
            zones.append({
                "id": f"{self.id}-z{k:02d}",
                "name": f"{self.name}第{ordinal(k)}片区",
                "micro": m,
                "share": m / 1_000_000,
            })
        return zones


def share_text(micro):
    return "1.000000" if micro == 1_000_000 else f"0.{micro:06d}"


# ---------------------------------------------------------------------------------------------
# Housing, schools and plans of one zone


def make_housing(rng, district, zone, last_year):
    """A development in about 30% of zones, sized at 5–25% of the zone's primary pupils, completed
    by `last_year` (the horizon's end)."""
    if rng.random() >= 0.30:
        return None
    primary_pupils = district.base["primary"] * zone["share"]
    yields = {
        "kindergarten": rng.choice([8, 9, 10]),
        "primary": rng.choice([14, 15, 16, 18]),
        "junior": rng.choice([6, 7, 8]),
        "senior": rng.choice([3, 4]),
        "vocational": rng.choice([1, 2]),
    }
    total = primary_pupils * rng.uniform(0.05, 0.25) / (yields["primary"] / 100)
    years = rng.choice([1, 2, 2, 3])
    start = rng.randint(BASE_YEAR + 1, min(BASE_YEAR + 4, last_year))
    years = min(years, last_year - start + 1)
    parts = [rng.uniform(0.6, 1.4) for _ in range(years)]
    dwellings = {}
    for i, part in enumerate(parts):
        n = int(round(total * part / sum(parts) / 10)) * 10
        if n > 0:
            dwellings[start + i] = n
    if not dwellings:
        dwellings[start] = 50
    ramp = rng.choice([[0.6, 0.85, 1.0], [0.5, 0.8, 1.0], [0.7, 1.0], [0.4, 0.7, 0.9, 1.0]])
    full = {sid: sum(dwellings.values()) * y / 100 for sid, y in yields.items()}
    return {
        "name": f"{zone['name']}{rng.choice(['新城', '花园', '家园', '安置房'])}{rng.choice(['一期', '二期', '三期', ''])}",
        "zone": zone["id"],
        "dwellings": dwellings,
        "yields": yields,
        "ramp": ramp,
        "full": full,
    }


def round_up_to(n, step):
    return max(step, int(math.ceil(n / step)) * step)


def make_schools(rng, district, zone, per_zone, housing):
    """Schools of a zone: classrooms per stage sized for a base-year utilisation of 0.7–1.3."""
    demand = {sid: district.base[sid] * zone["share"] for sid in STAGE_IDS}
    rooms = {}
    for sid in STAGE_IDS:
        size = STAGE[sid][4]
        utilisation = rng.uniform(0.72, 1.28)
        rooms[sid] = max(1, int(round(demand[sid] / (size * utilisation))))

    # Slots: one (set of) stage(s) per school. Nine-year schools in about 20% of zones.
    nine_year = per_zone >= 2 and rng.random() < 0.20
    base_slots = [["kindergarten"], ["primary", "junior"] if nine_year else ["primary"]]
    if not nine_year:
        base_slots.append(["junior"])
    base_slots += [["senior"], ["vocational"]]
    extras = ["primary", "kindergarten", "junior", "primary", "kindergarten", "senior"]
    slots = list(base_slots)
    i = 0
    while len(slots) < per_zone:
        slots.append([extras[i % len(extras)]])
        i += 1
    while len(slots) > per_zone:
        # Fewer schools than stages: merge the last two (e.g. senior and vocational in one school).
        a = slots.pop()
        slots[-1] = slots[-1] + [s for s in a if s not in slots[-1]]
    # Split each stage's classrooms among the schools that have it.
    holders = {sid: [i for i, slot in enumerate(slots) if sid in slot] for sid in STAGE_IDS}
    split = [dict() for _ in slots]
    for sid, where in holders.items():
        weights = [rng.uniform(0.6, 1.4) for _ in where]
        counts = [int(rooms[sid] * x / sum(weights)) for x in weights[:-1]]  # floors: the rest is >= 0
        counts.append(rooms[sid] - sum(counts))
        for school, n in zip(where, counts):
            split[school][sid] = n
    schools = []
    counters = {}
    for i, slot in enumerate(slots, start=1):
        classrooms = split[i - 1]
        if len(classrooms) > 1:
            kind = "九年一贯制学校" if set(classrooms) == {"primary", "junior"} else "完全学校"
        else:
            kind = SCHOOL_SUFFIX[next(iter(classrooms))]
        counters[kind] = counters.get(kind, 0) + 1
        school = {
            "id": f"{zone['id']}-s{i:02d}",
            "name": f"{zone['name']}{'' if counters[kind] == 1 else '第' + ordinal(counters[kind])}{kind}",
            "zone": zone["id"],
            "classrooms": classrooms,
        }
        # A few small single-stage schools close as births fall (only where another school has the stage).
        only = next(iter(classrooms)) if len(classrooms) == 1 else None
        if only in ("primary", "kindergarten") and len(holders[only]) > 1 and rng.random() < 0.15:
            school["closes"] = rng.randint(BASE_YEAR + 3, BASE_YEAR + 8)
        schools.append(school)

    seats = {sid: rooms[sid] * STAGE[sid][4] for sid in STAGE_IDS}
    extra = housing["full"] if housing else {sid: 0 for sid in STAGE_IDS}
    need = {sid: demand[sid] + extra[sid] for sid in STAGE_IDS}
    crowding = sum(need.values()) / sum(seats.values())
    return schools, {"crowding": crowding, "need": need, "seats": seats}


def make_build(rng, zone, load, last_year):
    """One new school for a crowded zone: a nine-year school if primary or junior is the most
    crowded stage, else a school of that stage; sized to bring that stage to about 0.9."""
    ratio = {sid: load["need"][sid] / load["seats"][sid] for sid in STAGE_IDS}
    worst = max(STAGE_IDS, key=lambda s: (ratio[s], s))

    def rooms_for(sid, grades_step):
        missing = load["need"][sid] / 0.9 - load["seats"][sid]
        return round_up_to(max(missing, STAGE[sid][4] * grades_step) / STAGE[sid][4], grades_step)

    if worst in ("primary", "junior"):
        classrooms = {"primary": rooms_for("primary", 6), "junior": rooms_for("junior", 3)}
        name = f"{zone['name']}新建九年一贯制学校"
    else:
        classrooms = {worst: rooms_for(worst, 3)}
        name = f"{zone['name']}新建{SCHOOL_SUFFIX[worst]}"
    cost = sum(n * COST_PER_CLASSROOM[sid] for sid, n in classrooms.items()) * rng.uniform(0.9, 1.2)
    return {
        "build": f"{zone['id']}-new",
        "name": name,
        "zone": zone["id"],
        "classrooms": classrooms,
        "opens": min(rng.choice([BASE_YEAR + 2, BASE_YEAR + 3, BASE_YEAR + 3, BASE_YEAR + 4]), last_year),
        "cost": int(round(cost / 100_000)) * 100_000,
    }


def make_candidates(rng, loads, schools, count, last_year):
    """The first `count` advisor candidates: a nine-year school to build in every zone, most crowded first
    (worst primary or junior need ÷ seats), then an expansion of each zone's school of its worst stage."""
    def worst(load):
        return max(("primary", "junior"), key=lambda sid: load["need"][sid] / load["seats"][sid])

    ranked = sorted(loads, key=lambda x: (-max(x[2]["need"][s] / x[2]["seats"][s] for s in ("primary", "junior")),
                                          x[1]["id"]))
    by_zone = {}
    for school in schools:
        by_zone.setdefault(school["zone"], []).append(school)
    builds, expansions = [], []
    for _, zone, load in ranked:
        sid = worst(load)
        size = STAGE[sid][4]
        missing = max(load["need"][sid] / 0.9 - load["seats"][sid], 3 * size)
        rooms = round_up_to(missing / size, 3)
        classrooms = {"primary": round_up_to(max(load["need"]["primary"] * 0.3, 6 * 45) / 45, 6),
                      "junior": round_up_to(max(load["need"]["junior"] * 0.3, 3 * 50) / 50, 3)}
        cost = sum(n * COST_PER_CLASSROOM[s] for s, n in classrooms.items()) * rng.uniform(1.0, 1.3)
        builds.append(
            f"{{ build: {zone['id']}-adv, name: {zone['name']}新建九年一贯制学校, zone: {zone['id']}, "
            f"classrooms: {flow_map(classrooms.items())}, cost: {int(round(cost / 100_000)) * 100_000}, "
            f"earliest: {BASE_YEAR + 2}, latest: {min(BASE_YEAR + 6, last_year)} }}")
        holder = next((s for s in by_zone.get(zone["id"], []) if sid in s["classrooms"] and "closes" not in s), None)
        if holder is None:
            continue
        cost = rooms * COST_PER_CLASSROOM[sid] * rng.uniform(0.7, 1.0)
        expansions.append(
            f"{{ expand: {holder['id']}, classrooms: {{ {sid}: {rooms} }}, "
            f"cost: {int(round(cost / 100_000)) * 100_000}, earliest: {BASE_YEAR + 1}, latest: {min(BASE_YEAR + 5, last_year)} }}")
    candidates = (builds + expansions)[:count]
    return candidates


# ---------------------------------------------------------------------------------------------
# YAML


def flow_map(pairs):
    return "{ " + ", ".join(f"{k}: {v}" for k, v in pairs) + " }"


def classrooms_text(classrooms):
    if len(classrooms) == 1:
        (sid, n), = classrooms.items()
        return f"stage: {sid}, classrooms: {n}"
    return "classrooms: " + flow_map(classrooms.items())


def main(argv):
    args = parse_args(argv)
    rng = random.Random(args.seed)
    districts = [District(rng, d, args.zones_per_district) for d in range(1, args.districts + 1)]

    housing_by_district = {}
    schools = []
    loads = []
    for district in districts:
        housing_by_district[district.id] = []
        for zone in district.zones:
            housing = make_housing(rng, district, zone, BASE_YEAR + args.horizon)
            if housing:
                housing_by_district[district.id].append(housing)
            zone_schools, load = make_schools(rng, district, zone, args.schools_per_zone, housing)
            schools += zone_schools
            loads.append((load["crowding"], zone, load))

    crowded_count = max(1, int(math.ceil(len(loads) * 0.10)))
    crowded = sorted(loads, key=lambda x: (-x[0], x[1]["id"]))[:crowded_count]
    crowded.sort(key=lambda x: x[1]["id"])
    builds = [make_build(rng, zone, load, BASE_YEAR + args.horizon) for _, zone, load in crowded]

    candidates = make_candidates(rng, loads, schools, args.advisor, BASE_YEAR + args.horizon) if args.advisor else []

    out = []
    w = out.append
    w("# Synthetic scenario written by scripts/make_synthetic.py "
      f"--districts {args.districts} --zones-per-district {args.zones_per_district} "
      f"--schools-per-zone {args.schools_per_zone} --seed {args.seed} --horizon {args.horizon}"
      + (" --uncertainty" if args.uncertainty else "") + (f" --advisor {args.advisor}" if args.advisor else ""))
    w("# Invented numbers with a realistic shape: falling births, cohort-consistent enrolment, zones,")
    w("# housing and schools sized for a base-year utilisation of about 0.7–1.3. For benchmarks and tests.")
    w(f"scenario: synthetic-d{args.districts}-z{args.zones_per_district}-s{args.schools_per_zone}-seed{args.seed}")
    w(f"title: 合成省份学位供需测算（{args.districts}个区县，种子{args.seed}）")
    w(f"base_year: {BASE_YEAR}")
    w(f"horizon: {args.horizon}")
    w("")
    w("standards:")
    w("  stages:")
    for sid, name, grades, (feed_key, feed), size in STAGES:
        w(f"    - {{ id: {sid}, name: {name}, grades: {grades}, {feed_key}: {feed}, class_size: {size} }}")
    w("  large_class: 56")
    w("  super_large_class: 66")
    w("  alerts: { yellow: 0.90, red: 1.00 }")
    w("")
    w("projection:")
    w("  progression: { method: weighted_mean, window: 2 }")
    w("  entry: { method: mean, window: 3 }")
    w("  births: { method: exponential, fit_window: 5 }")
    w("")
    if args.uncertainty:
        w("uncertainty:")
        w("  ratios: observed")
        w("  births: fit")
        w("  migration: 0.2")
        w("  housing_yield: { low: 0.8, high: 1.2 }")
        w("  slip: { 0: 0.5, 1: 0.3, 2: 0.2 }")
        w("")
    w("districts:")
    for district in districts:
        w(f"  - id: {district.id}")
        w(f"    name: {district.name}")
        w("    births: " + flow_map((y, int(round(district.births[y]))) for y in LISTED_BIRTHS))
        if district.fixed_senior is not None:
            w("    projection:")
            w("      ratios:")
            w(f"        - {{ stage: senior, grade: 1, value: {district.fixed_senior:.2f} }}")
        w("    enrollment:")
        for year in COUNTED_YEARS:
            w(f"      {year}:")
            for sid in STAGE_IDS:
                w(f"        {sid}: [{', '.join(str(n) for n in district.enrollment[year][sid])}]")
        if district.migration:
            w("    migration: " + flow_map(district.migration.items()))
        if args.uncertainty and district.number % 10 == 0:
            w("    uncertainty: { ratios: 0.02 }")
        w("    zones:")
        for zone in district.zones:
            w(f"      - {{ id: {zone['id']}, name: {zone['name']}, share: {share_text(zone['micro'])} }}")
        if housing_by_district[district.id]:
            w("    housing:")
            for h in housing_by_district[district.id]:
                w(f"      - name: {h['name']}")
                w(f"        zone: {h['zone']}")
                w("        dwellings: " + flow_map(h["dwellings"].items()))
                w("        pupils_per_100_dwellings: " + flow_map(h["yields"].items()))
                w(f"        ramp: [{', '.join(str(r) for r in h['ramp'])}]")
    w("")
    w("schools:")
    for s in schools:
        closes = f", closes: {s['closes']}" if "closes" in s else ""
        w(f"  - {{ id: {s['id']}, name: {s['name']}, zone: {s['zone']}, {classrooms_text(s['classrooms'])}{closes} }}")
    w("")
    w("plans:")
    w("  - id: build-more")
    w(f"    name: 在最拥挤的10%片区各新建一所学校（{len(builds)}所）")
    w("    projects:")
    for b in builds:
        w(f"      - {{ build: {b['build']}, name: {b['name']}, zone: {b['zone']}, "
          f"{classrooms_text(b['classrooms'])}, opens: {b['opens']}, cost: {b['cost']} }}")
    w("  - id: build-more-late")
    w("    name: 新建学校全部推迟两年")
    w("    based_on: build-more")
    w("    delay: " + flow_map((b["build"], 2) for b in builds))
    w("")
    if candidates:
        w("advisor:")
        w("  candidates:")
        for c in candidates:
            w(f"    - {c}")
        w(f"  targets: {{ no_super_large_from: {BASE_YEAR + 5}, stages: [primary, junior] }}")
        w("")
    w("output:")
    w("  excel: true")
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
