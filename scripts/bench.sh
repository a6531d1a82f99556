#!/usr/bin/env bash
# Speed and memory of seatplan, measured (not asserted): `make bench`, or
#
#     scripts/bench.sh .build/release/seatplan
#
# (a) `run scenarios/example-city.yaml` 20 times: mean wall time per run;
# (b) a generated province-scale scenario (100 districts × 10 zones × 5 schools, horizon 15,
#     written by scripts/make_synthetic.py, not timed): `validate`, then `run`;
# (c) a scenario whose tables are CSV files (1,000 districts, 30,000 zones, 200,000 school rows, written by
#     scripts/make_tables_bench.py, not timed): `validate`, which loads and checks them.
# (d) a backtest of a generated history (3,000 units × 13 grades × 20 years; scripts/make_history.py);
# (e) Monte Carlo: example-city `run --draws 10000`, the province `run --draws 1000` (ratios and births
#     vary, the defaults), and the province written with `--uncertainty` (migration, housing yields and
#     delivery slips vary too) `run --draws 1000`; every core.
# Prints case, wall seconds, peak RSS (MiB), rows of capacity.csv and rows per second; for the draws,
# wall seconds of the whole run, seconds of the draws alone (as `run` reports them), draws per second
# of the draws, and peak RSS. EXAMPLE_DRAWS and PROVINCE_DRAWS change the numbers of draws.
# Peak RSS comes from `/usr/bin/time -v`; without it the script times with bash `time` and says so.
# Everything is written under a `mktemp -d` folder, removed on exit; nothing goes into the repository.
# Exit status: 0 when every run succeeded, 1 when any failed, 2 on bad usage.
set -uo pipefail
export LC_NUMERIC=C

RUNS=20
DISTRICTS=100 ZONES=10 SCHOOLS=5 HORIZON=15 SEED=1
EXAMPLE_DRAWS="${EXAMPLE_DRAWS:-10000}" PROVINCE_DRAWS="${PROVINCE_DRAWS:-1000}"

if [ $# -ne 1 ]; then
    echo "usage: $0 BIN   (e.g. $0 .build/release/seatplan)" >&2
    exit 2
fi
case "$1" in
    /*) bin="$1" ;;
    *) bin="$PWD/$1" ;;
esac
if [ ! -x "$bin" ] || [ -d "$bin" ]; then
    echo "bench: '$1' is not an executable; build it first: swift build -c release --product seatplan" >&2
    exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root" || exit 2
if ! command -v python3 >/dev/null 2>&1; then
    echo "bench: python3 is needed to generate the province-scale scenario" >&2
    exit 2
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/seatplan-bench.XXXXXX")" || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -x /usr/bin/time ] && /usr/bin/time -v -o /dev/null true >/dev/null 2>&1; then
    have_gnu_time=1
else
    have_gnu_time=0
fi

failed=0
rows_out=()
draw_rows=()

# timed LOG CMD...: runs CMD with stdout and stderr in LOG; sets `wall` (seconds, from bash `time`)
# and `rss_kib` (peak resident set size from /usr/bin/time -v, or empty); returns CMD's status.
timed() {
    local log="$1" status=0 TIMEFORMAT='%3R'
    shift
    rm -f "$log.time"
    if [ "$have_gnu_time" = 1 ]; then
        { time /usr/bin/time -v -o "$log.time" "$@" >"$log" 2>&1; } 2>"$log.wall" || status=$?
        rss_kib="$(awk -F': *' '/Maximum resident set size/ { print $2 }' "$log.time" 2>/dev/null)"
    else
        { time "$@" >"$log" 2>&1; } 2>"$log.wall" || status=$?
        rss_kib=""
    fi
    wall="$(tail -n 1 "$log.wall")"
    return "$status"
}

# show_failure WHAT LOG STATUS
show_failure() {
    echo "bench: FAILED: $1 (exit status $3); last lines of its output:" >&2
    tail -n 20 "$2" | sed 's/^/    /' >&2
    failed=1
}

capacity_rows() {  # data rows of a capacity.csv (the header line excluded)
    if [ -f "$1" ]; then echo $(( $(wc -l <"$1") - 1 )); else echo "-"; fi
}

mib() {  # KiB → MiB, or "n/a"
    if [ -n "$1" ]; then awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; else echo "n/a"; fi
}

rate() {  # rows / seconds
    if [ "$1" = "-" ] || [ -z "$2" ]; then echo "-"; return; fi
    awk -v r="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", r / s; else print "-" }'
}

add_row() {  # case, wall, rss MiB, rows, rows/s
    rows_out+=("$(printf '%-34s %12s %14s %16s %12s' "$1" "$2" "$3" "$4" "$5")")
}

add_draw_row() {  # case, wall, draw seconds, draws/s, rss MiB
    draw_rows+=("$(printf '%-44s %10s %10s %10s %14s' "$1" "$2" "$3" "$4" "$5")")
}

# draws CASE DRAWS SCENARIO: `run SCENARIO --draws DRAWS`, timed; the draws' own seconds from its output.
draws() {
    local label="$1" n="$2" scenario="$3" log="$tmp/draws.log" seconds
    if timed "$log" "$bin" run "$scenario" --draws "$n" --out "$tmp/draws-out"; then
        seconds="$(sed -n 's/^Monte Carlo: .* in \([0-9.]*\) s$/\1/p' "$log")"
        add_draw_row "$label" "$wall" "${seconds:--}" "$(rate "$n" "$seconds")" "$(mib "$rss_kib")"
    else
        show_failure "$label" "$log" $?
        add_draw_row "$label" "FAILED" "-" "-" "-"
    fi
    rm -rf "$tmp/draws-out"
}

echo "seatplan bench — $(date -u '+%Y-%m-%d %H:%M:%S UTC'), $(nproc 2>/dev/null || echo '?') CPU(s)"
echo "binary: $bin"
if [ "$have_gnu_time" = 1 ]; then
    echo "timing: bash 'time' (wall), /usr/bin/time -v (peak RSS)"
else
    echo "timing: bash 'time' only — /usr/bin/time -v is not available, so peak memory is unavailable (n/a)"
fi
echo

# (a) The example scenario, RUNS times.
example="scenarios/example-city.yaml"
total=0 peak="" ok=0
for i in $(seq 1 "$RUNS"); do
    if timed "$tmp/example.log" "$bin" run "$example" --out "$tmp/example-out"; then
        total="$(awk -v a="$total" -v b="$wall" 'BEGIN { printf "%.3f", a + b }')"
        if [ -n "$rss_kib" ] && { [ -z "$peak" ] || [ "$rss_kib" -gt "$peak" ]; }; then peak="$rss_kib"; fi
        ok=$((ok + 1))
    else
        show_failure "run $example (run $i of $RUNS)" "$tmp/example.log" $?
        break
    fi
done
if [ "$ok" = "$RUNS" ]; then
    mean="$(awk -v t="$total" -v n="$RUNS" 'BEGIN { printf "%.3f", t / n }')"
    rows="$(capacity_rows "$tmp/example-out/capacity.csv")"
    add_row "example-city run (mean of $RUNS)" "$mean" "$(mib "$peak")" "$rows" "$(rate "$rows" "$mean")"
else
    add_row "example-city run (mean of $RUNS)" "FAILED" "-" "-" "-"
fi

# (b) A province-scale generated scenario: generation is not timed.
province="$tmp/province.yaml"
if python3 "$root/scripts/make_synthetic.py" --districts "$DISTRICTS" --zones-per-district "$ZONES" \
        --schools-per-zone "$SCHOOLS" --seed "$SEED" --horizon "$HORIZON" >"$province" 2>"$tmp/generate.log"; then
    echo "generated: $DISTRICTS districts × $ZONES zones × $SCHOOLS schools, horizon $HORIZON, seed $SEED:" \
         "$(wc -l <"$province") lines, $(( $(wc -c <"$province") / 1024 )) KiB (not timed)"
    if timed "$tmp/validate.log" "$bin" validate "$province"; then
        add_row "province validate" "$wall" "$(mib "$rss_kib")" "-" "-"
        echo "validate: $(grep -c ': warning: ' "$tmp/validate.log" || true) warning line(s); $(grep ': ok' "$tmp/validate.log" | sed "s|$tmp/||")"
    else
        show_failure "validate (province)" "$tmp/validate.log" $?
        add_row "province validate" "FAILED" "-" "-" "-"
    fi
    if timed "$tmp/province-run.log" "$bin" run "$province" --out "$tmp/province-out"; then
        rows="$(capacity_rows "$tmp/province-out/capacity.csv")"
        add_row "province run" "$wall" "$(mib "$rss_kib")" "$rows" "$(rate "$rows" "$wall")"
    else
        show_failure "run (province)" "$tmp/province-run.log" $?
        add_row "province run" "FAILED" "-" "-" "-"
    fi
else
    echo "bench: FAILED: generating the province scenario:" >&2
    sed 's/^/    /' "$tmp/generate.log" >&2
    failed=1
    add_row "province validate" "FAILED" "-" "-" "-"
    add_row "province run" "FAILED" "-" "-" "-"
fi

# (c) A backtest over a generated history: 3,000 units × 13 grades × 20 years, 10 origins × 5 horizons ×
#     every method (generation not timed; --detail none: only accuracy.csv is of interest at this size).
history="$tmp/history"
if python3 "$root/scripts/make_history.py" --units 3000 --grades 13 --first-year 2005 --last-year 2024 \
        --out "$history" 2>"$tmp/history.log"; then
    if timed "$tmp/backtest.log" "$bin" backtest --enrollment "$history/enrollment.csv" --births "$history/births.csv" \
            --grades K,1,2,3,4,5,6,7,8,9,10,11,12 --origins 2010-2019 --horizons 1-5 --detail none --out "$tmp/backtest-out"; then
        add_row "backtest 3000 units × 13 grades" "$wall" "$(mib "$rss_kib")" "-" "-"
    else
        show_failure "backtest (3000 units)" "$tmp/backtest.log" $?
        add_row "backtest 3000 units × 13 grades" "FAILED" "-" "-" "-"
    fi
else
    show_failure "generating the history" "$tmp/history.log" 1
fi

# (d) CSV tables at the scale of a large city's export: generation is not timed.
tables="$tmp/tables"
if python3 "$root/scripts/make_tables_bench.py" "$tables" --seed "$SEED" >"$tmp/generate-tables.log" 2>&1; then
    echo "generated: CSV tables, $(cat "$tables"/*.csv | wc -l) lines, $(( $(cat "$tables"/*.csv | wc -c) / 1024 )) KiB (not timed)"
    if timed "$tmp/tables-validate.log" "$bin" validate "$tables/scenario.yaml"; then
        add_row "tables validate (200k school rows)" "$wall" "$(mib "$rss_kib")" "-" "-"
    else
        show_failure "validate (CSV tables)" "$tmp/tables-validate.log" $?
        add_row "tables validate (200k school rows)" "FAILED" "-" "-" "-"
    fi
else
    echo "bench: FAILED: generating the CSV tables:" >&2
    sed 's/^/    /' "$tmp/generate-tables.log" >&2
    failed=1
    add_row "tables validate (200k school rows)" "FAILED" "-" "-" "-"
fi

# (e) Monte Carlo draws, on every core.
draws "example-city run --draws $EXAMPLE_DRAWS" "$EXAMPLE_DRAWS" "$example"
if [ -s "$province" ]; then
    draws "province run --draws $PROVINCE_DRAWS" "$PROVINCE_DRAWS" "$province"
fi
province_u="$tmp/province-uncertainty.yaml"
if python3 "$root/scripts/make_synthetic.py" --districts "$DISTRICTS" --zones-per-district "$ZONES" \
        --schools-per-zone "$SCHOOLS" --seed "$SEED" --horizon "$HORIZON" --uncertainty >"$province_u" 2>"$tmp/generate.log"; then
    draws "province --uncertainty run --draws $PROVINCE_DRAWS" "$PROVINCE_DRAWS" "$province_u"
else
    echo "bench: FAILED: generating the province scenario with --uncertainty" >&2
    failed=1
fi

echo
printf '%-34s %12s %14s %16s %12s\n' "case" "wall s" "peak RSS MiB" "capacity rows" "rows/s"
for row in "${rows_out[@]}"; do echo "$row"; done
echo
printf '%-44s %10s %10s %10s %14s\n' "draws ($(nproc 2>/dev/null || echo '?') cores)" "wall s" "draws s" "draws/s" "peak RSS MiB"
for row in "${draw_rows[@]}"; do echo "$row"; done
if [ "$failed" != 0 ]; then
    echo >&2
    echo "bench: at least one run failed" >&2
    exit 1
fi
