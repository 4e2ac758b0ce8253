# Shared helpers for the bench/*.sh scripts (sourced, not run).
# Maven runs offline first (-o) and falls back to the network when something is missing locally.

mvn_quiet() {
  mvn -q -o "$@" || mvn -q "$@"
}

# Writes the test-scope classpath (dependencies only) to target/bench-classpath.txt and echoes
# the full classpath: main classes, test classes (benchmarks), dependencies.
bench_classpath() {
  mvn_quiet dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
  echo "target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
}

# Prints the machine the figures were measured on (for docs/performance.md).
machine() {
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')),"\
       "$(free -g | awk '/^Mem:/{print $2}') GiB RAM, load average $(cut -d' ' -f1-3 /proc/loadavg),"\
       "$(java -version 2>&1 | head -1)"
}
