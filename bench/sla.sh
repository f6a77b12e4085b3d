#!/usr/bin/env bash
# slacast sla on a generated desk, against DuckDB reading the same two files and grouping the events by ticket
# (GROUP BY ticket_id, count), in the same run: rounds alternate the two, so both see the same machine load.
# Wall time and peak RSS come from /usr/bin/time -v (apt-get install time).
# Usage: bench/sla.sh [tickets] [rounds]          (default: 300000 tickets, 3 rounds)
# SLACAST_BEFORE_JAR=/path/to/slacast.jar bench/sla.sh   also times an older build (its own default heap) in each
# round, and checks that it wrote the same sla.csv byte for byte.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
. "$here/.ci/jdk.sh"
slacast_select_jdk
[ -x /usr/bin/time ] || { echo "bench/sla.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
tickets="${1:-300000}"; rounds="${2:-3}"
cd "$here"
./mvnw -q -B -DskipTests install
./mvnw -q -B -pl app test-compile
data="${SLACAST_BENCH_DATA:-${TMPDIR:-/tmp}/slacast-bench-$tickets}"
if [ ! -f "$data/events.csv" ]; then
  ./slacast generate --tickets "$tickets" --seed 42 --out "$data" --no-sla >/dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "data: $data ($(($(wc -l <"$data/events.csv") - 1)) event rows); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

run() {  # label, command...: prints "label seconds MB" and keeps the figures
  local label="$1"; shift
  /usr/bin/time -v "$@" >"$work/$label.out" 2>"$work/time" || { cat "$work/time" >&2; exit 1; }
  local secs kb
  secs="$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$work/time")"
  kb="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")"
  printf '%-8s %7.2f s %7d MB\n' "$label" "$secs" "$((kb / 1024))"
  echo "$secs $kb" >>"$work/$label.figures"
}

for r in $(seq 1 "$rounds"); do
  echo "-- round $r"
  run duckdb "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp app/target/test-classes:app/target/slacast.jar \
    org.slacast.app.bench.DuckDbGroupCount "$data"
  run sla ./slacast sla --data "$data" --policy "$data/policy.yaml" --out "$work/sla.csv"
  if [ -n "${SLACAST_BEFORE_JAR:-}" ]; then
    run before "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -jar "$SLACAST_BEFORE_JAR" sla \
      --data "$data" --policy "$data/policy.yaml" --out "$work/before.csv"
    cmp -s "$work/sla.csv" "$work/before.csv" || { echo "bench/sla.sh: sla.csv differs from the older build's" >&2; exit 1; }
  fi
done

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
echo "-- medians over $rounds rounds"
d="$(cut -d' ' -f1 "$work/duckdb.figures" | median)"
for label in duckdb sla before; do
  [ -f "$work/$label.figures" ] || continue
  s="$(cut -d' ' -f1 "$work/$label.figures" | median)"
  m="$(cut -d' ' -f2 "$work/$label.figures" | median)"
  printf '%-8s %7.2f s %7d MB   %5.1f x duckdb\n' "$label" "$s" "$((${m%.*} / 1024))" "$(awk -v s="$s" -v d="$d" 'BEGIN {print s / d}')"
done
