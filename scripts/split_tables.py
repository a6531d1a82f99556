#!/usr/bin/env python3
"""Split a SeatPlan scenario into a scenario YAML with `tables:` and CSV tables beside it.

    scripts/split_tables.py SCENARIO.yaml OUT_DIR [--tables zones,births,...] [--grade-names]

Writes OUT_DIR/scenario.yaml and one CSV per table given (default: every table). The districts table is
left out when a district has a `projection` of its own (that key has no CSV form) — the districts then
stay in the YAML, with their ids, names and projections, and the other tables attach rows to them.
`--grade-names` writes enrolment grades by the stage's grade names (K, 1, …) instead of 1-based numbers.

Used once to make the fixtures of Tests/Fixtures/tables/ (the test checks that they give the same reports
as the scenario they come from); run it again after changing those scenarios. Needs PyYAML.
"""
import argparse
import csv
import os
import sys

import yaml

TABLES = ["districts", "zones", "births", "enrollment", "migration", "schools", "housing"]
DEFAULT_GRADES = {"kindergarten": 3, "primary": 6, "junior": 3, "senior": 3}


def number(value):
    """A number as YAML wrote it: whole numbers without '.0'."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def writer(folder, name, header):
    handle = open(os.path.join(folder, name + ".csv"), "w", newline="", encoding="utf-8")
    out = csv.writer(handle, lineterminator="\n")
    out.writerow(header)
    return handle, out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenario")
    parser.add_argument("out")
    parser.add_argument("--tables", default=",".join(TABLES))
    parser.add_argument("--grade-names", action="store_true")
    args = parser.parse_args()
    tables = [t for t in args.tables.split(",") if t]
    unknown = set(tables) - set(TABLES)
    if unknown:
        sys.exit(f"unknown table(s): {', '.join(sorted(unknown))}")

    with open(args.scenario, encoding="utf-8") as f:
        scenario = yaml.safe_load(f)
    districts = scenario["districts"]
    if "districts" in tables and any("projection" in d for d in districts):
        tables.remove("districts")
    stages = scenario.get("standards", {}).get("stages")
    grade_names = {}
    if stages:
        for s in stages:
            grade_names[s["id"]] = [str(n) for n in s.get("grade_names", range(1, s["grades"] + 1))]
    else:
        grade_names = {k: [str(g) for g in range(1, n + 1)] for k, n in DEFAULT_GRADES.items()}

    os.makedirs(args.out, exist_ok=True)
    files = {}

    if "districts" in tables:
        handle, out = files["districts"] = writer(args.out, "districts", ["id", "name"])
        for d in districts:
            out.writerow([d["id"], d.get("name", "")])
    if "zones" in tables:
        handle, out = files["zones"] = writer(args.out, "zones", ["district", "id", "name", "share"])
        for d in districts:
            for z in d.pop("zones", []):
                out.writerow([d["id"], z["id"], z.get("name", ""), number(z["share"])])
    if "births" in tables:
        handle, out = files["births"] = writer(args.out, "births", ["district", "year", "births"])
        for d in districts:
            for year, births in sorted(d.pop("births", {}).items()):
                out.writerow([d["id"], year, number(births)])
    if "enrollment" in tables:
        handle, out = files["enrollment"] = writer(args.out, "enrollment", ["year", "district", "stage", "grade", "students"])
        years = sorted({y for d in districts for y in d.get("enrollment", {})})
        for year in years:
            for d in districts:
                for stage, counts in d.get("enrollment", {}).get(year, {}).items():
                    for g, count in enumerate(counts):
                        grade = grade_names[stage][g] if args.grade_names else g + 1
                        out.writerow([year, d["id"], stage, grade, number(count)])
        for d in districts:
            d.pop("enrollment", None)
    if "migration" in tables:
        handle, out = files["migration"] = writer(args.out, "migration", ["district", "stage", "year", "pupils"])
        for d in districts:
            for stage, amount in d.pop("migration", {}).items():
                if isinstance(amount, dict):
                    for year, pupils in sorted(amount.items()):
                        out.writerow([d["id"], stage, year, number(pupils)])
                else:
                    out.writerow([d["id"], stage, "", number(amount)])
    if "housing" in tables:
        handle, out = files["housing"] = writer(args.out, "housing", ["district", "zone", "development", "year", "dwellings",
                                                                      "pupils_per_100_dwellings", "ramp"])
        for d in districts:
            for h in d.pop("housing", []):
                yields = ";".join(f"{s}={number(v)}" for s, v in h["pupils_per_100_dwellings"].items())
                ramp = ";".join(number(r) for r in h.get("ramp", []))
                for i, (year, dwellings) in enumerate(sorted(h["dwellings"].items())):
                    out.writerow([d["id"], h.get("zone", ""), h["name"], year, number(dwellings),
                                  yields if i == 0 else "", ramp if i == 0 else ""])
    if "schools" in tables:
        handle, out = files["schools"] = writer(args.out, "schools", ["id", "name", "zone", "stage", "classrooms", "closes"])
        for s in scenario.pop("schools", []):
            rooms = s["classrooms"]
            by_stage = rooms.items() if isinstance(rooms, dict) else [(s["stage"], rooms)]
            for stage, count in by_stage:
                out.writerow([s["id"], s.get("name", ""), s["zone"], stage, count, s.get("closes", "")])

    for handle, _ in files.values():
        handle.close()

    # The YAML keeps what has no table, in the original order, with `tables:` after the districts.
    result = {}
    for key, value in scenario.items():
        if key == "districts":
            if "districts" not in tables:
                result["districts"] = value
            result["tables"] = {t: t + ".csv" for t in TABLES if t in files}
        else:
            result[key] = value
    header = (f"# Generated by scripts/split_tables.py from {os.path.basename(args.scenario)}: the same scenario "
              f"with its tables in CSV.\n# Do not edit by hand; regenerate.\n")
    with open(os.path.join(args.out, "scenario.yaml"), "w", encoding="utf-8") as f:
        f.write(header)
        yaml.safe_dump(result, f, allow_unicode=True, sort_keys=False, default_flow_style=None, width=120)


if __name__ == "__main__":
    main()
