#!/usr/bin/env bash
# Start-up phases: starts `target/q-feedback.jar serve` on a fresh data folder (cold), stops it,
# starts it again on the same folder (restart on a version compiled and checked before), and with
# --changed-rules also on a copy of rules/ with one harmless edit (cold start on new rules in a
# data folder that has a version already). For each start prints the time to GET /health/ready
# (from the launch), and each phase the service logs ("start-up phase NAME: N ms"), with the load
# average. Phases may overlap (the cluster member starts beside the rules compile).
#   bench/startup.sh [--changed-rules] [--runs N] [--no-cds]
# By default it starts nodes as docs/operations.md recommends for production: it first makes a
# class-data archive of the serve JVM (one start with -XX:ArchiveClassesAtExit, "A class-data
# archive") and times every start with -XX:SharedArchiveFile on top of the JVM options.
# --no-cds: times a plain JVM (README's `java -jar`), without the archive.
# Environment: JAVA_OPTS (default: README's serve options), QF_BENCH_BUILD=0 reuses the jar,
# QF_WARMUP_DECISIONS passes through. Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

CHANGED=0
RUNS=1
CDS=1
while (( $# > 0 )); do
  case "$1" in
    --changed-rules) CHANGED=1 ;;
    --runs) RUNS="$2"; shift ;;
    --cds) CDS=1 ;;
    --no-cds) CDS=0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

build_jar
TMP="$(mktemp -d /tmp/qf-bench-startup.XXXXXX)"
trap 'stop_server; rm -rf "$TMP"' EXIT
machine

# timed_start LABEL: starts the server on $TMP/data, waits for ready, prints the phases, stops it.
timed_start() {
  local label="$1"
  start_server "$TMP" 2>/dev/null
  printf '%-28s ready after %5d ms (launch to /health/ready), load %s\n' \
    "$label" $(( (SERVER_READY - SERVER_LAUNCHED) / 1000 )) "$(cut -d' ' -f1-3 /proc/loadavg)"
  grep -o 'start-up phase .*' "$TMP/server.log" | sed 's/^start-up phase /    /' || true
  grep -o 'the cache file .* is not used: .*' "$TMP/server.log" | sed 's/^/    /' || true
  stop_server
  mv "$TMP/server.log" "$TMP/server-$label.log"
}

if (( CDS )); then
  BASE_OPTS="${JAVA_OPTS-$RECOMMENDED_SERVE_OPTIONS}"
  echo "class-data archive: one start with -XX:ArchiveClassesAtExit=$TMP/q-feedback.jsa ..." >&2
  rm -rf "$TMP/data"
  JAVA_OPTS="$BASE_OPTS -XX:ArchiveClassesAtExit=$TMP/q-feedback.jsa" QF_RULES_DIR=rules start_server "$TMP" 2>/dev/null
  stop_server
  echo "archive: $(( $(stat -c %s "$TMP/q-feedback.jsa") / 1024 / 1024 )) MiB; every start below runs with -XX:SharedArchiveFile"
  export JAVA_OPTS="$BASE_OPTS -XX:SharedArchiveFile=$TMP/q-feedback.jsa"
else
  echo "no class-data archive (--no-cds): a plain JVM"
fi

for (( run = 1; run <= RUNS; run++ )); do
  rm -rf "$TMP/data"
  QF_RULES_DIR=rules timed_start "cold-$run"
  QF_RULES_DIR=rules timed_start "restart-$run"
  if (( CHANGED )); then
    rm -rf "$TMP/rules" && cp -r rules "$TMP/rules"
    # A harmless edit: one more line in the staff guide (part of the version hash).
    echo "<!-- bench/startup.sh $run $(date +%s%N) -->" >> "$TMP/rules/README.md"
    QF_RULES_DIR="$TMP/rules" timed_start "changed-rules-$run"
    QF_RULES_DIR="$TMP/rules" timed_start "changed-restart-$run"
  fi
done
