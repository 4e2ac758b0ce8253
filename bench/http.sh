#!/usr/bin/env bash
# HTTP: the decision endpoint against the bare JSON echo endpoint of the same server
# (QF_BENCH_ECHO=true), same body (the contract's example request), same wrk load on loopback.
#   bench/http.sh                  # 64 connections, 20 s each after warm-up; ~2.5 min plus the build
#   CONNECTIONS=64 DURATION=20s WARMUP_DECISION=45s WRK_THREADS=1 QF_BENCH_BUILD=0 bench/http.sh
# Prints req/s, p50 and p99 for both, the server's CPU time per request (user + system, from
# /proc) and the ratio decision/echo; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

CONNECTIONS="${CONNECTIONS:-64}"
DURATION="${DURATION:-20s}"
WARMUP_ECHO="${WARMUP_ECHO:-5s}"
WARMUP_DECISION="${WARMUP_DECISION:-45s}"
WRK_THREADS="${WRK_THREADS:-1}"

if ! command -v wrk >/dev/null; then
  echo "wrk is missing; installing it (apt-get install -y wrk) ..." >&2
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; }
fi
build_jar

TMP="$(mktemp -d /tmp/qf-bench-http.XXXXXX)"
trap 'stop_server; rm -rf "$TMP"' EXIT
SERVER_ENV="QF_BENCH_ECHO=true" start_server "$TMP"

export BENCH_BODY="$PWD/bench/example-request.json" BENCH_TOKEN="$DECIDE_TOKEN"
URL="http://127.0.0.1:$PORT"
for path in /bench/echo /v1/feedback; do
  status="$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $DECIDE_TOKEN" \
      -H 'Content-Type: application/json' --data-binary "@$BENCH_BODY" "$URL$path")"
  echo "one POST $path -> $status" >&2
  [[ "$status" == 200 ]] || { echo "expected 200 from $path; not measuring" >&2; exit 1; }
done

server_cpu_ticks() {  # user + system CPU time of the server process so far, in clock ticks
  awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"
}
run_wrk() {  # path duration -> the RESULT line plus the server's CPU per request (full wrk output to stderr)
  local before after line
  before="$(server_cpu_ticks)"
  line="$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$2" --latency -s bench/post.lua "$URL$1" | tee /dev/stderr | grep '^RESULT')"
  after="$(server_cpu_ticks)"
  awk -v line="$line" -v ticks="$((after - before))" -v hz="$(getconf CLK_TCK)" 'BEGIN {
    match(line, /requests=[0-9]+/); n = substr(line, RSTART + 9, RLENGTH - 9)
    printf "%s server_cpu_us=%.1f\n", line, ticks / hz * 1e6 / n }'
}
echo "warm-up: echo $WARMUP_ECHO, decision $WARMUP_DECISION" >&2
run_wrk /bench/echo "$WARMUP_ECHO" >/dev/null
run_wrk /v1/feedback "$WARMUP_DECISION" >/dev/null
echo "measuring: wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION --latency, echo then decision" >&2
ECHO="$(run_wrk /bench/echo "$DURATION")"
DECISION="$(run_wrk /v1/feedback "$DURATION")"

field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }
echo
machine
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION; server: 127.0.0.1, $(nproc) event loops, JVM options: ${JAVA_OPTS-$RECOMMENDED_SERVE_OPTIONS}"
printf '%-14s %10s %9s %9s %9s %8s %8s %14s\n' endpoint req/s p50_ms p99_ms max_ms non2xx errors server_cpu_us
for row in "echo|$ECHO" "decision|$DECISION"; do
  name="${row%%|*}"; line="${row#*|}"
  printf '%-14s %10s %9s %9s %9s %8s %8s %14s\n' "$name" "$(field "$line" rps)" "$(field "$line" p50_ms)" \
      "$(field "$line" p99_ms)" "$(field "$line" max_ms)" "$(field "$line" non2xx)" "$(field "$line" socket_errors)" \
      "$(field "$line" server_cpu_us)"
done
awk -v d="$(field "$DECISION" rps)" -v e="$(field "$ECHO" rps)" \
    'BEGIN { printf "ratio decision/echo (req/s): %.2f   (target >= 0.8 at 64 connections with decision p99 <= 10 ms)\n", d / e }'
