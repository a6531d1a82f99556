#!/usr/bin/env python3
"""Write a large scenario whose tables are CSV files, to time loading them (`scripts/bench.sh`).

    scripts/make_tables_bench.py OUT_DIR [--districts 1000] [--zones 30000] [--schools 200000] [--seed 1]
    scripts/make_tables_bench.py OUT_DIR --scale city|province|nation [--seed 1]

With --scale (the three scales of issue #7): city 3 districts / 12 zones / 60 schools, province 100 / 1,000 /
5,000, nation 2,850 / 30,000 / 200,000; five stages (with vocational, as example-city), a 15-year horizon and
two plans (one building a school in every tenth district, the other the same two years late).

OUT_DIR/scenario.yaml names districts.csv, zones.csv, births.csv, enrollment.csv, migration.csv,
housing.csv and schools.csv. The national default stages (kindergarten, primary, junior, senior); every
district has births 2010-2024, enrolment 2023-2025 of every grade, migration, and the zones of each district
share its pupils evenly; schools are spread over the zones round robin, one in ten with two stages. The
numbers are random but repeatable (--seed), plausible enough for the scenario to validate and run.

With --geography (issue #13's coverage bench) the places get coordinates inside a province-sized box
(113.5-118.5 E, 24.5-30 N): each district a centre, its zones within about 15 km of it (zones.csv gains
longitude, latitude and township, every fifth zone a township), schools and --estates estates (default
20,000, spread over the districts round robin) within about 2 km of their zone's centre, and the plans'
builds too; the districts are then listed in the YAML (with their estates) instead of districts.csv.
"""
import argparse
import os
import random

STAGES = [("kindergarten", 3), ("primary", 6), ("junior", 3), ("senior", 3)]
SCALES = {"city": (3, 12, 60), "province": (100, 1000, 5000), "nation": (2850, 30000, 200000)}
FIVE_STAGES = STAGES + [("vocational", 3)]
STANDARDS = """standards:
  stages:
    - { id: kindergarten, grades: 3, entry_age: 3, class_size: 30 }
    - { id: primary, grades: 6, entry_age: 6, class_size: 45 }
    - { id: junior, grades: 3, from: primary, class_size: 50 }
    - { id: senior, grades: 3, from: junior, class_size: 50 }
    - { id: vocational, grades: 3, from: junior, class_size: 45 }
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--districts", type=int, default=1000)
    parser.add_argument("--zones", type=int, default=30000)
    parser.add_argument("--schools", type=int, default=200000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", choices=sorted(SCALES))
    parser.add_argument("--geography", action="store_true")
    parser.add_argument("--estates", type=int, default=20000)
    args = parser.parse_args()
    global STAGES
    horizon = 10
    if args.scale:
        args.districts, args.zones, args.schools = SCALES[args.scale]
        STAGES = FIVE_STAGES
        horizon = 15
    rnd = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)

    def path(name):
        return os.path.join(args.out, name)

    districts = [f"d{d:04d}" for d in range(args.districts)]
    zones_of = {d: [] for d in districts}
    for z in range(args.zones):
        zones_of[districts[z % len(districts)]].append(f"z{z:05d}")
    # Places (--geography): a separate generator, so that the other numbers stay as without it.
    geo = random.Random(args.seed + 1000)
    centre = {}
    if args.geography:
        for d in districts:
            centre[d] = (geo.uniform(113.8, 118.2), geo.uniform(24.8, 29.7))
            for z in zones_of[d]:
                centre[z] = (centre[d][0] + geo.uniform(-0.15, 0.15), centre[d][1] + geo.uniform(-0.15, 0.15))

    def near(zone):
        lon, lat = centre[zone]
        return round(lon + geo.uniform(-0.02, 0.02), 6), round(lat + geo.uniform(-0.02, 0.02), 6)

    with open(path("scenario.yaml"), "w") as f:
        f.write(f"scenario: tables-bench\nbase_year: 2025\nhorizon: {horizon}\n"
                + (STANDARDS if args.scale else "")
                + "projection:\n  births: { method: linear, fit_window: 5 }\n"
                "tables:\n")
        for t in ["districts", "zones", "births", "enrollment", "migration", "housing", "schools"]:
            if not (args.geography and t == "districts"):
                f.write(f"  {t}: {t}.csv\n")
        if args.scale:
            f.write("plans:\n  - id: build-more\n    projects:\n")
            for i, d in enumerate(districts[::10]):
                at = ", at: [%s, %s]" % near(zones_of[d][0]) if args.geography else ""
                f.write(f"      - {{ build: new-{d}, zone: {zones_of[d][0]}, classrooms: {{ primary: 24, junior: 12 }}, "
                        f"opens: 2028, cost: 100000000{at} }}\n")
            f.write("  - id: build-more-late\n    based_on: build-more\n    delay: {"
                    + ", ".join(f"new-{d}: 2" for d in districts[::10]) + "}\n")
        else:
            f.write("plans:\n  - id: grow\n    projects:\n"
                    "      - { build: new-school, zone: z00000, stage: primary, classrooms: 24, opens: 2027, cost: 1 }\n")
    if args.geography:
        estates_of = {d: [] for d in districts}
        for e in range(args.estates):
            d = districts[e % len(districts)]
            z = zones_of[d][(e // len(districts)) % len(zones_of[d])]
            lon, lat = near(z)
            estates_of[d].append(f"{{ id: e{e:06d}, zone: {z}, at: [{lon}, {lat}], dwellings: {geo.randint(200, 3000)} }}")
        with open(path("scenario.yaml"), "a") as f:
            f.write("districts:\n")
            for d in districts:
                f.write(f"  - id: {d}\n    name: District {d}\n    estates:\n")
                for e in estates_of[d]:
                    f.write(f"      - {e}\n")
    else:
        with open(path("districts.csv"), "w") as f:
            f.write("id,name\n")
            for d in districts:
                f.write(f"{d},District {d}\n")
    with open(path("zones.csv"), "w") as f:
        f.write("district,id,name,share" + (",township,longitude,latitude\n" if args.geography else "\n"))
        for d in districts:
            zs = zones_of[d]
            shares = [round(1 / len(zs), 9)] * len(zs)
            shares[-1] = round(1 - sum(shares[:-1]), 9)
            for k, (z, share) in enumerate(zip(zs, shares)):
                place = f",{'yes' if k % 5 == 4 else ''},{round(centre[z][0], 6)},{round(centre[z][1], 6)}" if args.geography else ""
                f.write(f"{d},{z},Zone {z},{share}{place}\n")
    size = {d: rnd.randint(500, 3000) for d in districts}
    with open(path("births.csv"), "w") as f:
        f.write("district,year,births\n")
        for d in districts:
            for y in range(2010, 2025):
                f.write(f"{d},{y},{int(size[d] * (1 - 0.02 * (y - 2010)) * rnd.uniform(0.95, 1.05))}\n")
    with open(path("enrollment.csv"), "w") as f:
        f.write("year,district,stage,grade,students\n")
        for y in (2023, 2024, 2025):
            for d in districts:
                for stage, grades in STAGES:
                    for g in range(1, grades + 1):
                        f.write(f"{y},{d},{stage},{g},{int(size[d] * rnd.uniform(0.85, 1.0))}\n")
    with open(path("migration.csv"), "w") as f:
        f.write("district,stage,year,pupils\n")
        for d in districts[::10]:
            f.write(f"{d},primary,,{rnd.randint(10, 100)}\n")
    with open(path("housing.csv"), "w") as f:
        f.write("district,zone,development,year,dwellings,pupils_per_100_dwellings,ramp\n")
        for d in districts[::5]:
            z = zones_of[d][0]
            f.write(f"{d},{z},Estate {d},2027,{rnd.randint(100, 2000)},primary=16;junior=7,0.6;0.85;1\n")
            f.write(f"{d},{z},Estate {d},2028,{rnd.randint(100, 2000)},,\n")
    all_zones = [z for d in districts for z in zones_of[d]]
    with open(path("schools.csv"), "w") as f:
        f.write("id,name,zone,stage,classrooms,closes" + (",longitude,latitude\n" if args.geography else "\n"))
        rows = 0
        s = 0
        while rows < args.schools:
            zone = all_zones[s % len(all_zones)]
            stage = STAGES[s % len(STAGES)][0]
            place = ",%s,%s" % near(zone) if args.geography else ""
            f.write(f"s{s:06d},\"School {s}, {zone}\",{zone},{stage},{rnd.randint(6, 48)},{place}\n")
            rows += 1
            if s % 10 == 1 and stage == "primary" and rows < args.schools:
                f.write(f"s{s:06d},\"School {s}, {zone}\",{zone},junior,{rnd.randint(6, 24)},{',,' if args.geography else ''}\n")
                rows += 1
            s += 1


if __name__ == "__main__":
    main()
