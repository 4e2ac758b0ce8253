#!/usr/bin/env bash
# Batch: 3.07 M generated candidates end to end (cohort → batch), wall time, lines/s, max RSS and
# peak heap (from the GC log), then removes the big files.
#   bench/batch.sh                           # SIZE=3070000; the decisions go to a file when the disk has room
#   SIZE=100000 BATCH_OUT=/dev/null BATCH_JAVA_OPTS=-Xmx2g QF_BENCH_BUILD=0 bench/batch.sh
#   BATCH_NOTIFICATIONS=1 bench/batch.sh        # also writes every SMS and LMS as CSV (batch --notifications)
# Input is ~0.6 KB and output ~3.5 KB per candidate (~2 GB + ~10 GB at full size). When the free
# space of BENCH_DIR (default /tmp) is short, the decisions are streamed to /dev/null instead and
# the report says so. Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

SIZE="${SIZE:-3070000}"
SEED="${SEED:-2026}"
BENCH_DIR="${BENCH_DIR:-/tmp}"
build_jar

TMP="$(mktemp -d "$BENCH_DIR/qf-bench-batch.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
need_kb=$(( SIZE * 5 ))   # ~0.6 KB in + ~3.5 KB out per line, plus margin
free_kb="$(df -Pk "$TMP" | awk 'NR==2 {print $4}')"
OUT="${BATCH_OUT:-}"
if [[ -z "$OUT" ]]; then
  if (( free_kb > need_kb + 2 * 1024 * 1024 )); then OUT="$TMP/decisions.ndjson"; else OUT=/dev/null; fi
fi
echo "free space in $BENCH_DIR: $(( free_kb / 1024 / 1024 )) GiB, needed ~$(( need_kb / 1024 / 1024 )) GiB; decisions go to $OUT" >&2

IN="$TMP/cohort.ndjson"
echo "cohort: $SIZE requests (seed $SEED) ..." >&2
c0=$(date +%s.%N)
java -jar target/q-feedback.jar cohort --size "$SIZE" --seed "$SEED" --out "$IN" 2>"$TMP/cohort.log" || { cat "$TMP/cohort.log" >&2; exit 1; }
c1=$(date +%s.%N)
# The cohort's 1.1 GB go to disk now, not while the batch is timed (the batch still reads the file).
sync "$IN" 2>/dev/null || sync
echo "batch: deciding $IN ..." >&2
# shellcheck disable=SC2086
/usr/bin/time -v -o "$TMP/time.txt" java ${BATCH_JAVA_OPTS:-} -Xlog:gc:file="$TMP/gc.log" \
    -jar target/q-feedback.jar batch --in "$IN" --out "$OUT" \
    ${BATCH_NOTIFICATIONS:+--notifications "$TMP/messages.csv"} 2>"$TMP/batch.log" || { tail -20 "$TMP/batch.log" >&2; exit 1; }

wall="$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$TMP/time.txt" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')"
rss_kb="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$TMP/time.txt")"
cpu="$(sed -n 's/.*Percent of CPU this job got: //p' "$TMP/time.txt")"
# G1 lines: "... Pause Young (Normal) (G1 Evacuation Pause) 812M->96M(1024M) 5.1ms"; peak = the largest
# heap in use when a collection started (a lower bound of the true peak), and the largest committed heap.
read -r peak_mb committed_mb gcs < <(grep -oE '[0-9]+[KMG]->[0-9]+[KMG]\([0-9]+[KMG]\)' "$TMP/gc.log" | awk '
  function mb(v) { u = substr(v, length(v)); n = substr(v, 1, length(v) - 1); return u == "G" ? n * 1024 : u == "K" ? n / 1024 : n }
  { split($0, a, /->|\(|\)/); if (mb(a[1]) > p) p = mb(a[1]); if (mb(a[3]) > c) c = mb(a[3]); n++ }
  END { printf "%d %d %d\n", p, c, n }')
in_mb=$(( $(stat -c %s "$IN") / 1024 / 1024 ))
out_mb=$([[ -f "$OUT" ]] && echo $(( $(stat -c %s "$OUT") / 1024 / 1024 )) || echo "-")

echo
machine
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); batch JVM options: ${BATCH_JAVA_OPTS:-(defaults)}; threads: default ($(nproc))"
grep -E '^batch: rules' "$TMP/batch.log" || true
tail -1 "$TMP/batch.log"
awk -v size="$SIZE" -v c="$(echo "$c1 - $c0" | bc)" -v w="$wall" -v rss="$rss_kb" -v cpu="$cpu" -v peak="$peak_mb" \
    -v com="$committed_mb" -v gcs="$gcs" -v in_mb="$in_mb" -v out_mb="$out_mb" -v out="$OUT" 'BEGIN {
  printf "cohort generation   %.1f s (%d lines, %s MiB)\n", c, size, in_mb
  printf "batch wall time     %.1f s (JVM start and rules compile included; target <= 30 s for 3.07 M)\n", w
  printf "batch lines/s       %.0f\n", size / w
  printf "batch CPU           %s\n", cpu
  printf "max RSS             %.0f MiB\n", rss / 1024
  printf "peak heap in use    %d MiB (largest heap before a GC, %d GCs; committed up to %d MiB)\n", peak, gcs, com
  printf "decisions written   %s (%s MiB)\n", out, out_mb
}'
[[ -f "$TMP/messages.csv" ]] && echo "text messages       $TMP/messages.csv ($(( $(stat -c %s "$TMP/messages.csv") / 1024 / 1024 )) MiB)"
true
