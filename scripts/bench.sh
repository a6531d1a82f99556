#!/usr/bin/env bash
# Speed and memory of seatplan, measured (not asserted): `make bench`, or
#
#     scripts/bench.sh .build/release/seatplan
#     SCALES=city scripts/bench.sh .build/release/seatplan          # one quick scale
#     SCALES="city province" EXTRAS=0 scripts/bench.sh BIN         # no second section
#
# 1. The three scales of issue #7. For each scale in SCALES (default "city province nation"; any of city,
#    province, nation, in the order given) `scripts/make_tables_bench.py DIR --scale SCALE --seed 1` writes
#    a scenario with CSV tables (5 stages, 3 counted years 2023–2025, 15-year horizon, housing, baseline +
#    2 plans; city 3 districts / 12 zones / 60 school rows, province 100 / 1,000 / 5,000, nation 2,850 /
#    30,000 / 200,000, ≈ 16 MB). Generation is not timed; one line per scale says what was generated.
#    Then, each timed as a whole process:
#        BIN run      DIR/scenario.yaml --out OUT --timings [--grades G]
#        BIN compare  DIR/scenario.yaml --out OUT --timings [--grades G]
#        BIN backtest DIR/scenario.yaml --origins 2024 --horizons 1 --detail none --out OUT --timings
#    G is the detail of grades.csv: `zone` (the default; the option is then left out) for city and
#    province, `district` for nation (the README's limit on grade-level detail for national runs);
#    CITY_GRADES, PROVINCE_GRADES and NATION_GRADES (zone, district or none) change it. Each OUT is removed
#    as soon as its row is read (nation's are ≈ 1 GB).
#    The table has one row per scale and command: the seconds of each phase as the binary's own
#    `--timings` line reports them (load, validate, project, allocate, compare, write, summary — the text
#    printed on the terminal; backtest's single
#    computing phase, `backtest`, has a column of its own, empty for run and compare; "-" = the command
#    has no such phase), then, for the whole process, wall seconds (bash `time`: also process start and
#    exit, which no phase covers), peak RSS in MiB,
#    the data rows of all CSV files written (the `rows` of --timings) and rows per wall second. Below it, the issue's targets and whether this run
#    met them: nation run and compare under 10 s wall and 4 GiB (4,096 MiB) peak RSS, province run and
#    compare under 1 s wall. Informational: the exit status does not depend on them.
# 2. Unless EXTRAS=0: a backtest of a generated history (3,000 units × 13 grades × 20 years, origins
#    2010–2019 × horizons 1–5 × every method, --detail none; scripts/make_history.py, not timed), without
#    and with `--draws 200` (issue #16: under 30 s on 2 cores), with its phases from --timings; and Monte Carlo draws on every core: example-city `run --draws 10000`, a
#    province from scripts/make_synthetic.py (100 districts × 10 zones × 5 schools, horizon 15, not timed)
#    `run --draws 1000` (ratios and births vary, the defaults), and the same written with --uncertainty
#    (migration, housing yields and delivery slips vary too) `run --draws 1000`: wall seconds of the whole
#    run, seconds of the draws alone (as `run` prints them), draws per second of the draws, peak RSS.
#    EXAMPLE_DRAWS and PROVINCE_DRAWS change the numbers of draws, HISTORY_UNITS the units of the history
#    (a quick check of this section: HISTORY_UNITS=20 EXAMPLE_DRAWS=20 PROVINCE_DRAWS=4), PROVINCE_DISTRICTS the
#    province's districts.
# 3. Unless GEO=0: the coverage of a province with coordinates (20,000 estates, 4,545 schools;
#    `make_tables_bench.py --scale province --geography`), `compare --timings`: its `coverage` phase (issue #13).
# 4. Unless ADVISOR=0: `advise` (issue #15) on two scenarios of scripts/make_synthetic.py --advisor (not
#    timed): a city (5 districts × 5 zones, 50 candidates) and a province (100 districts × 3 zones, 500
#    candidates), horizon 15, target no super-large class in primary and junior from 2030: wall seconds of
#    the whole process, the `advise` phase of --timings, the solver's own seconds, solves, model runs and
#    cuts (as advise prints them), peak RSS; targets: city under 1 s, province under 60 s (wall).
# Peak RSS comes from `/usr/bin/time -v`; without it the script times with bash `time` only and says so
# (peak RSS "n/a", memory targets "unknown").
# Everything is written under a `mktemp -d` folder, removed on exit; nothing goes into the repository.
# A failed command is reported on standard error with the last lines of its output, and its row says FAILED.
# Exit status: 0 when every command succeeded, 1 when any failed, 2 on bad usage.
set -uo pipefail
export LC_NUMERIC=C LC_COLLATE=C

SEED=1
SCALES="${SCALES:-city province nation}"
CITY_GRADES="${CITY_GRADES:-zone}" PROVINCE_GRADES="${PROVINCE_GRADES:-zone}" NATION_GRADES="${NATION_GRADES:-district}"
EXTRAS="${EXTRAS:-1}"
ADVISOR="${ADVISOR:-1}"
EXAMPLE_DRAWS="${EXAMPLE_DRAWS:-10000}" PROVINCE_DRAWS="${PROVINCE_DRAWS:-1000}" HISTORY_UNITS="${HISTORY_UNITS:-3000}"
# The province of the draws (scripts/make_synthetic.py).
PROVINCE_DISTRICTS="${PROVINCE_DISTRICTS:-100}"
DISTRICTS="$PROVINCE_DISTRICTS" ZONES=10 SCHOOLS=5 HORIZON=15

usage() {
    echo "usage: $0 BIN   (e.g. $0 .build/release/seatplan)" >&2
    echo "       env: SCALES=\"city province nation\" CITY_GRADES=zone PROVINCE_GRADES=zone NATION_GRADES=district" >&2
    echo "            EXTRAS=1 EXAMPLE_DRAWS=10000 PROVINCE_DRAWS=1000 HISTORY_UNITS=3000 PROVINCE_DISTRICTS=100 ADVISOR=1" >&2
    exit 2
}

if [ $# -ne 1 ]; then usage; fi
case "$1" in
    /*) bin="$1" ;;
    *) bin="$PWD/$1" ;;
esac
if [ ! -x "$bin" ] || [ -d "$bin" ]; then
    echo "bench: '$1' is not an executable; build it first: swift build -c release --product seatplan" >&2
    exit 2
fi
read -r -a scales <<<"$SCALES"
if [ "${#scales[@]}" = 0 ]; then
    echo "bench: SCALES is empty; give one or more of: city province nation" >&2
    usage
fi
for s in "${scales[@]}"; do
    case "$s" in
        city | province | nation) ;;
        *) echo "bench: unknown scale '$s' in SCALES; the scales are city, province and nation" >&2; usage ;;
    esac
done
for var in CITY_GRADES PROVINCE_GRADES NATION_GRADES; do
    case "${!var}" in
        zone | district | none) ;;
        *) echo "bench: $var='${!var}': it is zone, district or none" >&2; usage ;;
    esac
done
case "$EXTRAS" in 0 | 1) ;; *) echo "bench: EXTRAS='$EXTRAS': it is 0 or 1" >&2; usage ;; esac
case "$ADVISOR" in 0 | 1) ;; *) echo "bench: ADVISOR='$ADVISOR': it is 0 or 1" >&2; usage ;; esac
for var in EXAMPLE_DRAWS PROVINCE_DRAWS HISTORY_UNITS PROVINCE_DISTRICTS; do
    case "${!var}" in
        '' | *[!0-9]* | 0) echo "bench: $var='${!var}': it is a whole number above 0" >&2; usage ;;
    esac
done
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root" || exit 2
if ! command -v python3 >/dev/null 2>&1; then
    echo "bench: python3 is needed to generate the scenarios (scripts/make_tables_bench.py)" >&2
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
cpus="$(nproc 2>/dev/null || echo '?')"

failed=0
phase_rows=()
extra_rows=()
draw_rows=()
# Wall seconds and peak RSS (KiB) of each scale's run and compare, for the targets: keys "nation run" …
declare -A wall_of=() rss_of=()

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

# show_failure WHAT LOG STATUS: the failure and the last lines of the command's output, on stderr.
show_failure() {
    echo "bench: FAILED: $1 (exit status $3); last lines of its output:" >&2
    tail -n 20 "$2" | sed 's/^/    /' >&2
    if grep -q "Unknown option '--timings'" "$2" 2>/dev/null; then
        echo "    (this binary predates --timings: rebuild it with swift build -c release --product seatplan)" >&2
    fi
    failed=1
}

# phase LINE KEY: the value of KEY in a `timings: k=v …` line, or "-" when the key (or the line) is missing.
phase() {
    awk -v key="$2" '
        { for (i = 1; i <= NF; i++) { n = index($i, "="); if (n > 1 && substr($i, 1, n - 1) == key) { v = substr($i, n + 1) } } }
        END { print (v == "" ? "-" : v) }' <<<"$1"
}

timings_line() {  # the last `timings:` line of a log, or nothing
    grep '^timings: ' "$1" 2>/dev/null | tail -n 1
}

mib() {  # KiB → MiB, or "n/a"
    if [ -n "$1" ]; then awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; else echo "n/a"; fi
}

rate() {  # rows / seconds, or "-"
    if [ "$1" = "-" ] || [ -z "$1" ] || [ "$2" = "-" ] || [ -z "$2" ]; then echo "-"; return; fi
    awk -v r="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", r / s; else print "-" }'
}

PHASE_FORMAT='%-8s %-8s %-8s %7s %8s %7s %8s %7s %8s %7s %7s %8s %9s %10s %9s'
add_phase_row() {  # scale command grades load validate project allocate compare backtest write summary wall MiB rows rows/s
    # shellcheck disable=SC2059
    phase_rows+=("$(printf "$PHASE_FORMAT" "$@")")
}

EXTRA_FORMAT='%-52s %7s %8s %7s %8s %9s %10s'
add_extra_row() {  # case load backtest write wall MiB rows
    # shellcheck disable=SC2059
    extra_rows+=("$(printf "$EXTRA_FORMAT" "$@")")
}

DRAW_FORMAT='%-44s %10s %10s %10s %14s'
add_draw_row() {  # case, wall, draw seconds, draws/s, rss MiB
    # shellcheck disable=SC2059
    draw_rows+=("$(printf "$DRAW_FORMAT" "$@")")
}

grades_of() {  # the --grades detail of a scale
    case "$1" in
        city) echo "$CITY_GRADES" ;;
        province) echo "$PROVINCE_GRADES" ;;
        nation) echo "$NATION_GRADES" ;;
    esac
}

group() {  # 1234567 → 1,234,567
    awk -v n="$1" 'BEGIN { s = sprintf("%d", n); out = ""; while (length(s) > 3) { out = "," substr(s, length(s) - 2) out; s = substr(s, 1, length(s) - 3) }; print s out }'
}

data_rows() {  # data rows of a CSV file (the header excluded)
    echo $(( $(wc -l <"$1") - 1 ))
}

size_of() {  # the bytes of the files in a folder, in KiB or MiB
    find "$1" -type f -exec cat {} + | wc -c |
        awk '{ if ($1 < 1048576) printf "%.0f KiB", $1 / 1024; else printf "%.1f MiB", $1 / 1048576 }'
}

# measure SCALE COMMAND GRADES SCENARIO: runs one command of one scale, timed, and adds its row.
measure() {
    local scale="$1" command="$2" grades="$3" scenario="$4" out="$tmp/out" log="$tmp/$1-$2.log" line status
    local -a args
    case "$command" in
        run | compare)
            args=("$command" "$scenario" --out "$out" --timings)
            if [ "$grades" != zone ]; then args+=(--grades "$grades"); fi ;;
        backtest)
            args=(backtest "$scenario" --origins 2024 --horizons 1 --detail none --out "$out" --timings)
            grades="-" ;;
    esac
    rm -rf "$out"
    if timed "$log" "$bin" "${args[@]}"; then
        line="$(timings_line "$log")"
        if [ -z "$line" ]; then
            echo "bench: note: $scale $command printed no 'timings:' line; its phases and rows are shown as -" >&2
        fi
        local rows
        rows="$(phase "$line" rows)"
        add_phase_row "$scale" "$command" "$grades" \
            "$(phase "$line" load)" "$(phase "$line" validate)" "$(phase "$line" project)" \
            "$(phase "$line" allocate)" "$(phase "$line" compare)" "$(phase "$line" backtest)" \
            "$(phase "$line" write)" "$(phase "$line" summary)" "$wall" "$(mib "$rss_kib")" "$rows" "$(rate "$rows" "$wall")"
        wall_of["$scale $command"]="$wall"
        rss_of["$scale $command"]="$rss_kib"
    else
        status=$?
        show_failure "$scale $command: ${bin##*/} ${args[*]}" "$log" "$status"
        add_phase_row "$scale" "$command" "$grades" - - - - - - - - FAILED - - -
    fi
    rm -rf "$out"
}

# draws CASE DRAWS SCENARIO: `run SCENARIO --draws DRAWS`, timed; the draws' own seconds from its output.
draws() {
    local label="$1" n="$2" scenario="$3" log="$tmp/draws.log" seconds
    # English words, so that the draws' line reads `Monte Carlo: N draws (…) in S s; …` whatever the scenario's
    # language.
    if timed "$log" "$bin" run "$scenario" --draws "$n" --lang en --out "$tmp/draws-out"; then
        seconds="$(sed -n 's/^Monte Carlo: [^;]* in \([0-9.]*\) s\(;.*\)\{0,1\}$/\1/p' "$log")"
        add_draw_row "$label" "$wall" "${seconds:--}" "$(rate "$n" "${seconds:--}")" "$(mib "$rss_kib")"
    else
        show_failure "$label" "$log" $?
        add_draw_row "$label" "FAILED" "-" "-" "-"
    fi
    rm -rf "$tmp/draws-out"
}

# target WHAT VALUE LIMIT UNIT: "met (VALUE UNIT)" when VALUE < LIMIT, "NOT met (…)", or why it is not known.
target() {
    local what="$1" value="$2" limit="$3" unit="$4"
    if [ -z "$value" ]; then
        echo "$what: unknown"
    elif awk -v v="$value" -v l="$limit" 'BEGIN { exit !(v < l) }'; then
        echo "$what: met ($value $unit)"
    else
        echo "$what: NOT met ($value $unit)"
    fi
}

echo "seatplan bench — $(date -u '+%Y-%m-%d %H:%M:%S UTC'), $cpus CPU(s), load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo "binary: $bin"
if [ "$have_gnu_time" = 1 ]; then
    echo "timing: phases from --timings; bash 'time' (wall) and /usr/bin/time -v (peak RSS) of each whole process"
else
    echo "timing: phases from --timings; bash 'time' (wall) only — /usr/bin/time -v is not available, so peak memory is n/a"
fi
echo

# 1. The three scales.
for scale in "${scales[@]}"; do
    dir="$tmp/$scale"
    grades="$(grades_of "$scale")"
    rm -rf "$dir"
    if python3 "$root/scripts/make_tables_bench.py" "$dir" --scale "$scale" --seed "$SEED" >"$tmp/generate-$scale.log" 2>&1; then
        schools="$(awk -F, 'NR > 1 { print $1 }' "$dir/schools.csv" | sort -u | wc -l)"
        echo "generated $scale (--seed $SEED, not timed): $(group "$(data_rows "$dir/districts.csv")") districts," \
             "$(group "$(data_rows "$dir/zones.csv")") zones, $(group "$(data_rows "$dir/schools.csv")") school rows" \
             "($(group "$schools") schools), $(size_of "$dir") in" \
             "$(find "$dir" -type f | wc -l) files; grades.csv detail: $grades"
        for command in run compare backtest; do
            measure "$scale" "$command" "$grades" "$dir/scenario.yaml"
        done
    else
        show_failure "generating the $scale scenario (scripts/make_tables_bench.py --scale $scale)" "$tmp/generate-$scale.log" 1
        for command in run compare backtest; do
            add_phase_row "$scale" "$command" "$grades" - - - - - - - - FAILED - - -
        done
    fi
    rm -rf "$dir"
done

echo
echo "phases in seconds (from --timings); wall s and peak RSS of the whole process; rows = data rows of all CSV files written"
# shellcheck disable=SC2059
printf "$PHASE_FORMAT\n" scale command grades load validate project allocate compare backtest write summary "wall s" "peak MiB" "rows" "rows/s"
for row in "${phase_rows[@]}"; do echo "$row"; done
echo
echo "targets of issue #7 (informational; the exit status does not depend on them):"
for scale in province nation; do
    for command in run compare; do
        key="$scale $command"
        if [ -z "${wall_of[$key]+set}" ]; then
            printf '  %-17s not measured\n' "$key"
            continue
        fi
        if [ "$scale" = nation ]; then
            rss="${rss_of[$key]}"
            printf '  %-17s %-32s %s\n' "$key" "$(target "wall < 10 s" "${wall_of[$key]}" 10 s)" \
                "$(target "peak RSS < 4096 MiB" "$( [ -n "$rss" ] && mib "$rss")" 4096 MiB)"
        else
            printf '  %-17s %s\n' "$key" "$(target "wall < 1 s" "${wall_of[$key]}" 1 s)"
        fi
    done
done

# 2. A long backtest and Monte Carlo draws.
if [ "$EXTRAS" = 1 ]; then
    echo

    # The backtest of a generated history: 3,000 units × 13 grades × 20 years, 10 origins × 5 horizons × every
    # method (generation not timed; --detail none: only accuracy.csv is of interest at this size).
    history="$tmp/history"
    label="backtest $HISTORY_UNITS units × 13 grades × 20 years"
    if python3 "$root/scripts/make_history.py" --units "$HISTORY_UNITS" --grades 13 --first-year 2005 --last-year 2024 \
            --out "$history" >"$tmp/history.log" 2>&1; then
        # Without draws, then with the P10–P90 ranges of --draws 200 (issue: the whole backtest with auto and
        # --draws 200 under 30 s on 2 cores).
        for backtest_draws in 0 200; do
            extra=(); row="$label"
            if [ "$backtest_draws" != 0 ]; then extra=(--draws "$backtest_draws"); row="$label, --draws $backtest_draws"; fi
            if timed "$tmp/backtest.log" "$bin" backtest --enrollment "$history/enrollment.csv" --births "$history/births.csv" \
                    --grades K,1,2,3,4,5,6,7,8,9,10,11,12 --origins 2010-2019 --horizons 1-5 --detail none \
                    "${extra[@]}" --out "$tmp/backtest-out" --timings; then
                line="$(timings_line "$tmp/backtest.log")"
                add_extra_row "$row" "$(phase "$line" load)" "$(phase "$line" backtest)" "$(phase "$line" write)" \
                    "$wall" "$(mib "$rss_kib")" "$(phase "$line" rows)"
            else
                show_failure "$row" "$tmp/backtest.log" $?
                add_extra_row "$row" - - - FAILED - -
            fi
            rm -rf "$tmp/backtest-out"
        done
    else
        show_failure "generating the history (scripts/make_history.py)" "$tmp/history.log" 1
        add_extra_row "$label" - - - FAILED - -
    fi
    rm -rf "$history" "$tmp/backtest-out"

    draws "example-city run --draws $EXAMPLE_DRAWS" "$EXAMPLE_DRAWS" "scenarios/example-city.yaml"
    for variant in plain uncertainty; do
        province="$tmp/province-$variant.yaml"
        if [ "$variant" = plain ]; then flag=(); label="province run --draws $PROVINCE_DRAWS"; else
            flag=(--uncertainty); label="province --uncertainty run --draws $PROVINCE_DRAWS"; fi
        if python3 "$root/scripts/make_synthetic.py" --districts "$DISTRICTS" --zones-per-district "$ZONES" \
                --schools-per-zone "$SCHOOLS" --seed "$SEED" --horizon "$HORIZON" "${flag[@]}" \
                >"$province" 2>"$tmp/generate-synthetic.log"; then
            draws "$label" "$PROVINCE_DRAWS" "$province"
        else
            show_failure "generating the province for the draws (scripts/make_synthetic.py ${flag[*]})" "$tmp/generate-synthetic.log" 1
            add_draw_row "$label" "FAILED" "-" "-" "-"
        fi
    done

    echo "other cases: phases in seconds (from --timings), wall s and peak RSS of the whole process"
    # shellcheck disable=SC2059
    printf "$EXTRA_FORMAT\n" case load backtest write "wall s" "peak MiB" rows
    for row in "${extra_rows[@]}"; do echo "$row"; done
    echo
    # shellcheck disable=SC2059
    printf "$DRAW_FORMAT\n" "draws ($cpus cores)" "wall s" "draws s" "draws/s" "peak RSS MiB"
    for row in "${draw_rows[@]}"; do echo "$row"; done
fi

# 3. Unless GEO=0: coverage (issue #13) of a province with coordinates — `make_tables_bench.py --scale province
#    --geography` (20,000 estates, 4,545 schools with coordinates, baseline + 2 plans, 16 years of rows;
#    not timed) through `compare --timings`: the `coverage` phase is the nearest-school search of every
#    plan, stage, year and area and its measures (target: under 1 s); the whole run also writes the
#    ≈ 2.9 million rows of coverage.csv.
if [ "${GEO:-1}" = 1 ]; then
    echo
    geo="$tmp/geo"
    if python3 "$root/scripts/make_tables_bench.py" "$geo" --scale province --geography --seed "$SEED" \
            >"$tmp/geo-generate.log" 2>&1; then
        if timed "$tmp/geo.log" "$bin" compare "$geo/scenario.yaml" --out "$tmp/geo-out" --timings; then
            line="$(timings_line "$tmp/geo.log")"
            echo "coverage of a province with coordinates (20,000 estates, 4,545 schools, 3 plans × 3 stages × 16 years):"
            echo "  coverage phase $(phase "$line" coverage) s (target < 1 s); compare phase $(phase "$line" compare) s;" \
                "write $(phase "$line" write) s; wall $wall s; peak RSS $(mib "$rss_kib") MiB; rows written $(phase "$line" rows)"
        else
            show_failure "province with coordinates compare" "$tmp/geo.log" $?
        fi
    else
        show_failure "generating the province with coordinates (scripts/make_tables_bench.py --geography)" "$tmp/geo-generate.log" 1
    fi
    rm -rf "$geo" "$tmp/geo-out"
fi

# 4. The plan advisor.
if [ "$ADVISOR" = 1 ]; then
    echo
    ADVISOR_FORMAT='%-42s %8s %9s %9s %7s %7s %5s %10s  %s'
    echo "advise (issue #15): wall s of the whole process, the advise phase, the solver's own seconds; target"
    # shellcheck disable=SC2059
    printf "$ADVISOR_FORMAT\n" case "wall s" "advise s" "solver s" solves runs cuts "peak MiB" target
    for spec in "city 5 5 50 1" "province 100 3 500 60"; do
        read -r name districts zones count limit <<<"$spec"
        label="$name: $districts × $zones zones, $count candidates"
        scenario="$tmp/advisor-$name.yaml"
        if ! python3 "$root/scripts/make_synthetic.py" --districts "$districts" --zones-per-district "$zones" \
                --schools-per-zone 5 --seed "$SEED" --horizon 15 --advisor "$count" >"$scenario" 2>"$tmp/advisor-gen.log"; then
            show_failure "generating the advisor $name (scripts/make_synthetic.py --advisor $count)" "$tmp/advisor-gen.log" 1
            continue
        fi
        if timed "$tmp/advise.log" "$bin" advise "$scenario" --out "$tmp/advise-out" --timings; then
            line="$(timings_line "$tmp/advise.log")"
            work="$(sed -n 's/^Confirmed by the model: \([0-9]*\) model run(s), \([0-9]*\) cut(s), \([0-9]*\) solve(s), solver \([0-9.]*\) s$/\1 \2 \3 \4/p' "$tmp/advise.log")"
            read -r runs cuts solves solver <<<"${work:-- - - -}"
            # shellcheck disable=SC2059
            printf "$ADVISOR_FORMAT\n" "$label" "$wall" "$(phase "$line" advise)" "$solver" "$solves" "$runs" "$cuts" \
                "$(mib "$rss_kib")" "$(target "wall < $limit s" "$wall" "$limit" s)"
        else
            show_failure "advise $label" "$tmp/advise.log" $?
            # shellcheck disable=SC2059
            printf "$ADVISOR_FORMAT\n" "$label" FAILED - - - - - - -
        fi
        rm -rf "$tmp/advise-out"
    done
fi

if [ "$failed" != 0 ]; then
    echo >&2
    echo "bench: at least one command failed (see above)" >&2
    exit 1
fi
