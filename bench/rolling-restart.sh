#!/usr/bin/env bash
# Rolling restart under load: three `serve` members (target/q-feedback.jar, each its own data folder
# and ports on loopback) form one cluster; after a harmless publish, N keep-alive connections of
# POST /v1/feedback go to the members whose readiness is 200 (a probe every 150 ms, as a balancer)
# while each member in turn gets SIGTERM, is started again and the cluster is whole again
# (docs/operations.md). Prints requests answered, req/s, p50, p99 and failures per phase: warm-up,
# before, each member's restart (SIGTERM to whole), after. Options go to kr.qfeedback.bench.RollingRestart:
#   bench/rolling-restart.sh
#   bench/rolling-restart.sh --connections 32 --seconds 20
# HTTP_PORTS=a,b,c and CLUSTER_PORTS=a,b,c choose the ports (else free ones). Asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

build_jar
mvn_quiet test-compile
CP="$(bench_classpath)"
TMP="$(mktemp -d /tmp/qf-bench-rolling.XXXXXX)"
trap 'rm -rf "$TMP"' EXIT
PORTS=()
[[ -n "${HTTP_PORTS:-}" ]] && PORTS+=("-Dqfeedback.rolling.httpPorts=$HTTP_PORTS")
[[ -n "${CLUSTER_PORTS:-}" ]] && PORTS+=("-Dqfeedback.rolling.clusterPorts=$CLUSTER_PORTS")
machine
java -Xmx512m "${PORTS[@]}" -cp "$CP" kr.qfeedback.bench.RollingRestart --dir "$TMP" "$@"
echo "after: load average $(cut -d' ' -f1-3 /proc/loadavg)"
