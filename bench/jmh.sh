#!/usr/bin/env bash
# In-process decisions/s per core with JMH: the shipped rules (full decision, the same written as
# JSON, rules memoised, rules uncached) beside the same policy hand-written in plain Java (the floor).
#   bench/jmh.sh                      # all DecisionBenchmark methods: ~3.5 min idle, ~5 min on a busy 2-core machine
#   bench/jmh.sh 'DecisionBenchmark.(fullDecision|handWrittenPolicy)'   # a subset (regex)
#   bench/jmh.sh DecisionBenchmark -wi 2 -i 3                          # any JMH option after the regex
# Prints the JMH table (ops/s = decisions/s on one thread); asserts nothing.
# The JSON result is kept in target/jmh-result.json.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

mvn_quiet test-compile
CP="$(bench_classpath)"
machine
REGEX="${1:-kr.qfeedback.bench.DecisionBenchmark}"
shift || true
exec java -Dqf.rules="${QF_RULES_DIR:-rules}" -cp "$CP" org.openjdk.jmh.Main "$REGEX" \
  -rf json -rff target/jmh-result.json "$@"
