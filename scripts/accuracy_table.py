#!/usr/bin/env python3
"""Markdown tables of MAPE by horizon from a backtest's accuracy.csv (docs/FORECASTING.md, README).

    scripts/accuracy_table.py OUT/accuracy.csv [--level total|unit] [--target total|grades] [--methods M1,M2,...]

Rows: the methods named (default: every `auto` row, the best fixed method after the fact — lowest mean MAPE
over the horizons, among methods that are neither `auto` nor naive — and the two naive baselines), then the
mean over horizons. Cells: MAPE % (cases in the header)."""
import argparse
import csv
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("accuracy")
    parser.add_argument("--level", default="total")
    parser.add_argument("--target", default="total")
    parser.add_argument("--methods", default="")
    parser.add_argument("--title", default="")
    args = parser.parse_args()
    rows = [r for r in csv.DictReader(open(args.accuracy, newline=""))
            if r["level"] == args.level and r["target"] == args.target]
    if not rows:
        sys.exit(f"no rows at level {args.level}, target {args.target}")
    horizons = sorted({int(r["horizon"]) for r in rows})
    mape = {(r["method"], int(r["horizon"])): float(r["mape_pct"]) for r in rows}
    cases = {int(r["horizon"]): r["cases"] for r in rows}
    methods = []
    for r in rows:
        if r["method"] not in methods:
            methods.append(r["method"])
    naive = ["carry_forward", "cohort_shift"]

    def mean(m):
        values = [mape[(m, k)] for k in horizons if (m, k) in mape]
        return sum(values) / len(values) if len(values) == len(horizons) else float("inf")

    fixed = [m for m in methods if not m.startswith("auto") and m not in naive]
    best = min(fixed, key=lambda m: (mean(m), fixed.index(m)))
    chosen = args.methods.split(",") if args.methods else [m for m in methods if m.startswith("auto")] + [best] + naive
    header = ["method"] + [f"h{k}" for k in horizons] + ["mean"]
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
    for m in chosen:
        label = f"{m} (best after the fact)" if m == best and not args.methods else m
        cells = [f"{mape[(m, k)]:.2f}" if (m, k) in mape else "—" for k in horizons]
        print(f"| {label} | " + " | ".join(cells) + f" | {mean(m):.2f} |")
    print(f"\ncases per horizon: " + ", ".join(f"h{k} {cases[k]}" for k in horizons))


if __name__ == "__main__":
    main()
