#!/usr/bin/env bash
# Publish under load: N connections of POST /v1/feedback for ~30 s (after a warm-up); a harmless
# rules change is published at ~10 s and rolled back at ~20 s; prints req/s, p50, p99 and failures
# before, during and after each switch. Starts its own server (target/q-feedback.jar serve on a free
# loopback port, temp data dir) unless --url is given. Any option is passed to PublishUnderLoad:
#   bench/publish-under-load.sh
#   bench/publish-under-load.sh --connections 64 --seconds 40
#   bench/publish-under-load.sh --url http://127.0.0.1:8080 --decide-token … --author-token …
#   bench/publish-under-load.sh --timeline 0.25   # also p99 and max every 0.25 s around each switch,
#                                                 # stamped in UTC to read beside the server's log
# Requests rotate through a generated cohort of COHORT (default 5000) requests; COHORT=0 posts the
# contract's example request only. Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

COHORT="${COHORT:-5000}"
build_jar
mvn_quiet test-compile
CP="$(bench_classpath)"
TMP="$(mktemp -d /tmp/qf-bench-publish.XXXXXX)"
trap 'rm -rf "$TMP"' EXIT
REQUESTS=()
if (( COHORT > 0 )); then
  java -jar target/q-feedback.jar cohort --size "$COHORT" --seed 2026 --out "$TMP/requests.ndjson" 2>/dev/null
  REQUESTS=(--requests "$TMP/requests.ndjson")
fi
machine
java -Xmx512m -cp "$CP" kr.qfeedback.bench.PublishUnderLoad "${REQUESTS[@]}" "$@"
