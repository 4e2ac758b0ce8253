#!/usr/bin/env bash
# Batch CPU per line of two builds side by side: each jar runs kr.qfeedback.perf.BatchThroughput
# (one rules compile, then the same cohort file ROUNDS times, decisions and text messages to
# /dev/null, one worker thread) pinned to a core of its own, both at once, then again with the cores
# swapped. Both see the same host at the same time, so a change of a few per cent shows although
# the host's speed drifts by more than that within minutes (docs/performance.md).
#   bench/batch-ab.sh OLD.jar NEW.jar                 # e.g. a copy of target/q-feedback.jar made before a change
#   SIZE=200000 ROUNDS=8 QF_BENCH_BUILD=0 bench/batch-ab.sh OLD.jar NEW.jar
# Prints, for each jar and core, the median and the minimum of rounds 3..ROUNDS (the JIT has
# settled by then) in µs of CPU per line; asserts nothing. Needs 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

if (( $# != 2 )); then
  echo "usage: bench/batch-ab.sh OLD.jar NEW.jar" >&2
  exit 2
fi
OLD="$(realpath "$1")"
NEW="$(realpath "$2")"
SIZE="${SIZE:-200000}"
ROUNDS="${ROUNDS:-8}"
SEED="${SEED:-2026}"
build_jar # for the cohort command and the harness's test classes
mvn_quiet test-compile >&2

TMP="$(mktemp -d "${BENCH_DIR:-/tmp}/qf-bench-batch-ab.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
IN="$TMP/cohort.ndjson"
java -jar target/q-feedback.jar cohort --size "$SIZE" --seed "$SEED" --out "$IN" 2>"$TMP/cohort.log" || { cat "$TMP/cohort.log" >&2; exit 1; }
machine
echo "cohort: $SIZE lines (seed $SEED); rounds 3..$ROUNDS of $ROUNDS; µs of CPU per line, 1 worker thread"

# run JAR CORE OUT: the harness on one core; writes "median M min N" to OUT
run() {
  taskset -c "$2" java -XX:ActiveProcessorCount=1 -cp "$1:target/test-classes" \
      kr.qfeedback.perf.BatchThroughput "$IN" "$ROUNDS" 1 true 2>&1 \
    | grep '^round' | sed -n "3,${ROUNDS}p" | sed 's/.*lines, \([0-9.]*\) µs.*/\1/' | sort -n \
    | awk '{a[NR]=$1} END {printf "median %.2f min %.2f\n", a[int((NR+1)/2)], a[1]}' > "$3"
}

for cores in "0 1" "1 0"; do
  read -r old_core new_core <<< "$cores"
  run "$OLD" "$old_core" "$TMP/old.txt" & old_pid=$!
  run "$NEW" "$new_core" "$TMP/new.txt" & new_pid=$!
  wait "$old_pid" "$new_pid"
  echo "old (core $old_core): $(cat "$TMP/old.txt") | new (core $new_core): $(cat "$TMP/new.txt")"
done
