#!/usr/bin/env bash
# Background floor: how much any background CPU work lifts the serving p99 on this machine, with
# no rules work at all. Serves decisions (wrk, 16 connections, the contract's example request)
# in 10 s slices: alone, beside one busy loop per core at SCHED_IDLE (it runs only when no other
# thread wants the CPU, and touches no memory), and beside the same loops at nice 19. A publish or
# an impact run can lift the p99 no less than the SCHED_IDLE slices do here; read issue 17's
# 1.5 x (and issue 19's "what a publish may") against that floor.
#   bench/background-floor.sh
#   ROUNDS=3 CONNECTIONS=16 QF_BENCH_BUILD=0 bench/background-floor.sh
# Prints wrk's figures per slice and each ratio to the slice alone before it; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

ROUNDS="${ROUNDS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
CORES="$(nproc)"
command -v wrk >/dev/null || { echo "wrk is missing (bench/http.sh installs it)" >&2; exit 1; }
command -v chrt >/dev/null || { echo "chrt (util-linux) is missing" >&2; exit 1; }
build_jar

TMP="$(mktemp -d /tmp/qf-bench-floor.XXXXXX)"
SPINNERS=
trap '[[ -n "$SPINNERS" ]] && kill $SPINNERS 2>/dev/null; stop_server; rm -rf "$TMP"' EXIT
start_server "$TMP"
export BENCH_BODY="$PWD/bench/example-request.json" BENCH_TOKEN="$DECIDE_TOKEN"

serve() {  # seconds -> wrk's RESULT line
  wrk -t1 -c"$CONNECTIONS" -d"$1"s --latency -s bench/post.lua "http://127.0.0.1:$PORT/v1/feedback" | grep '^RESULT'
}
p99() { sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p' <<<"$1"; }
spin() {  # how (chrt -i 0 | nice -n 19) -> starts one busy loop per core for ~11 s; sets SPINNERS
  SPINNERS=
  for _ in $(seq "$CORES"); do
    "$@" timeout 11 sh -c 'while :; do :; done' &
    SPINNERS="$SPINNERS $!"
  done
}

echo "warm-up: 30 s of decisions ..." >&2
serve 30 >/dev/null
machine
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); $CONNECTIONS connections, 10 s slices, $CORES busy loops beside the load"
for round in $(seq "$ROUNDS"); do
  alone="$(serve 10)"
  echo "round $round alone:                  $alone"
  for how in "chrt -i 0" "nice -n 19"; do
    # shellcheck disable=SC2086
    spin $how
    beside="$(serve 10)"
    # shellcheck disable=SC2086
    wait $SPINNERS 2>/dev/null || true
    SPINNERS=
    printf 'round %s beside loops at %-10s %s  p99 / alone: %.2f\n' "$round" "$how:" "$beside" \
        "$(echo "$(p99 "$beside") / $(p99 "$alone")" | bc -l)"
  done
done
