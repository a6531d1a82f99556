#!/usr/bin/env bash
# libFuzzer over the loader and the validator (Sources/SeatPlanFuzz) for a fixed time.
#
#   scripts/fuzz.sh [SECONDS]        default 60; `make fuzz` (60 s) and `make test` (FUZZ_SECONDS=5) call it
#
# The target is built only here (SEATPLAN_FUZZ=1 makes Package.swift declare it), with -sanitize=fuzzer,
# in its own scratch folder .build/fuzz, so that `swift build` and `swift test` never build or rebuild it.
# Seeds: scenarios/, the malformed scenarios of the CLI tests and the CSV tables of Tests/Fixtures/tables.
# The corpus grows in .build/fuzz/corpus; a crash, trap or hang (over 10 s for one input)
# is written to .build/fuzz/findings/ and fails the run: keep it as a fixture (a scenario in Tests/SeatPlanCLITests/Malformed/ with its expected error).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
scratch=.build/fuzz
SEATPLAN_FUZZ=1 swift build -c debug --scratch-path "$scratch" --product SeatPlanFuzz \
    -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING 2>&1 | grep -E "error|warning: unre|Compiling SeatPlanFuzz|Build" || true
binary="$scratch/debug/SeatPlanFuzz"
[ -x "$binary" ] || { echo "fuzz: the fuzz target did not build (see above)" >&2; exit 1; }
mkdir -p "$scratch/corpus" "$scratch/findings"
echo "fuzz: ${seconds} s of libFuzzer over the loader and the validator"
"$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$scratch/findings/" "$scratch/corpus" \
    scenarios Tests/SeatPlanCLITests/Malformed Tests/Fixtures/tables \
    2> "$scratch/last-run.log" || {
    tail -30 "$scratch/last-run.log" >&2
    echo "fuzz: a finding is in $scratch/findings/ — replay it with: SEATPLAN_FUZZ=1 swift build --scratch-path $scratch/replay --product SeatPlanFuzz && $scratch/replay/debug/SeatPlanFuzz FILE; then keep it as a fixture in Tests/SeatPlanCLITests/Malformed/" >&2
    exit 1
}
grep -E "^stat::number_of_executed_units|^Done" "$scratch/last-run.log" || true
echo "fuzz: no crash"
