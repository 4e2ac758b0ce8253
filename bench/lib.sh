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

# Builds target/q-feedback.jar unless QF_BENCH_BUILD=0 (then an existing jar is used as is).
build_jar() {
  if [[ "${QF_BENCH_BUILD:-1}" != "0" || ! -f target/q-feedback.jar ]]; then
    echo "building target/q-feedback.jar ..." >&2
    mvn_quiet package -DskipTests >&2
  fi
}

# start_server TMPDIR: starts `serve` on a free loopback port with bench tokens, the shipped
# rules and a fresh data dir under TMPDIR; sets SERVER_PID and PORT; waits for /health/ready.
# Extra environment for the server can be passed in SERVER_ENV (e.g. "QF_BENCH_ECHO=true").
# The JVM options README recommends for serve ("JVM options for serve"); JAVA_OPTS replaces them
# (JAVA_OPTS= with nothing runs the JVM's defaults).
RECOMMENDED_SERVE_OPTIONS="-XX:MaxTenuringThreshold=1 -Xmn150m"
DECIDE_TOKEN="bench-decide-token"
AUTHOR_TOKEN="bench-author-token"
# ready_now: whether GET /health/ready on $PORT answers 200 now. Bash's /dev/tcp, no process forked,
# so that polling every few milliseconds takes no CPU from a start-up being timed.
ready_now() {
  local status=
  if ! { exec 3<>"/dev/tcp/127.0.0.1/$PORT"; } 2>/dev/null; then
    return 1
  fi
  printf 'GET /health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3 2>/dev/null || true
  IFS= read -r -t 2 status <&3 || true
  exec 3<&- 3>&-
  [[ "$status" == "HTTP/1.1 200"* ]]
}

# nap SECONDS: sleeps without forking (a read that times out on a pipe nobody writes to).
nap() {
  [[ -n "${NAP_FD:-}" ]] || exec {NAP_FD}<> <(:)
  read -rt "$1" -u "$NAP_FD" _ || true
}

# start_server TMP: starts the jar's serve on a free loopback port, waits until ready; SERVER_LAUNCHED
# is the launch time (µs since the epoch), taken after the port was chosen.
start_server() {
  local tmp="$1"
  PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  SERVER_LAUNCHED="${EPOCHREALTIME/./}"
  # shellcheck disable=SC2086
  env QF_HTTP_PORT="$PORT" QF_TOKENS="decide:$DECIDE_TOKEN,author:$AUTHOR_TOKEN" QF_DATA_DIR="$tmp/data" \
      QF_RULES_DIR="${QF_RULES_DIR:-rules}" QF_FEATURES_DIR="${QF_FEATURES_DIR:-features}" ${SERVER_ENV:-} \
      java ${JAVA_OPTS-$RECOMMENDED_SERVE_OPTIONS} -jar target/q-feedback.jar serve >"$tmp/server.log" 2>&1 &
  SERVER_PID=$!
  local waited=0
  until ready_now; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "the server stopped during start-up:" >&2; tail -20 "$tmp/server.log" >&2; return 1
    fi
    (( waited++ < 30000 )) || { echo "the server was not ready after 300 s" >&2; return 1; }
    nap 0.01
  done
  SERVER_READY="${EPOCHREALTIME/./}"
  echo "server pid $SERVER_PID ready on 127.0.0.1:$PORT after ~$(( waited / 100 )) s ($(grep -o 'rules version [0-9a-f]*' "$tmp/server.log" | tail -1))" >&2
}

stop_server() {
  if [[ -n "${SERVER_PID:-}" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}
