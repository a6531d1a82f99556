#!/usr/bin/env python3
"""Write a synthetic enrolment history in plain CSV for `seatplan backtest` benchmarks (deterministic).

    scripts/make_history.py --units 3000 --grades 13 --first-year 2005 --last-year 2024 --out DIR

Writes DIR/enrollment.csv (year,unit,grade,students; grades K,1,…) and DIR/births.csv (year,unit,births),
births from first-year − 15 on. Each unit has its own entry ratio, progression ratios near 1 with noise,
and births on a gentle trend with noise.
"""
import argparse
import os
import random


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--units", type=int, default=3000)
    p.add_argument("--grades", type=int, default=13)
    p.add_argument("--first-year", type=int, default=2005)
    p.add_argument("--last-year", type=int, default=2024)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    rng = random.Random(a.seed)
    names = ["K"] + [str(g) for g in range(1, a.grades)]
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "enrollment.csv"), "w", newline="") as enrol, \
            open(os.path.join(a.out, "births.csv"), "w", newline="") as births_file:
        enrol.write("year,unit,grade,students\r\n")
        births_file.write("year,unit,births\r\n")
        for u in range(a.units):
            unit = f"u{u:05d}"
            size = rng.uniform(30, 400)
            trend = rng.uniform(-0.03, 0.02)
            births = {}
            for y in range(a.first_year - 15, a.last_year + 1):
                births[y] = max(1, round(size * (1 + trend) ** (y - a.first_year) * rng.uniform(0.93, 1.07)))
                births_file.write(f"{y},{unit},{births[y]}\r\n")
            entry = rng.uniform(0.7, 1.1)
            progression = [rng.uniform(0.96, 1.03) for _ in range(a.grades)]
            previous = None
            for y in range(a.first_year, a.last_year + 1):
                row = [round(births[y - 5] * entry * rng.uniform(0.95, 1.05))]
                for g in range(1, a.grades):
                    base = previous[g - 1] if previous else row[0]
                    row.append(max(0, round(base * progression[g] * rng.uniform(0.97, 1.03))))
                for g, n in enumerate(row):
                    enrol.write(f"{y},{unit},{names[g]},{n}\r\n")
                previous = row


if __name__ == "__main__":
    main()
