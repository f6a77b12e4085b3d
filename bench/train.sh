#!/usr/bin/env bash
# slacast train on a generated desk against an older build on the same data, in alternating rounds so that both
# see the same machine load. Prints wall time, peak RSS and each model's test ROC-AUC (every checkpoint).
# Usage: SLACAST_BEFORE_JAR=/path/to/old/slacast.jar bench/train.sh [tickets] [rounds] [train flags...]
#        (default: 300000 tickets, 2 rounds; without SLACAST_BEFORE_JAR only this build runs)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
. "$here/.ci/jdk.sh"
slacast_select_jdk
[ -x /usr/bin/time ] || { echo "bench/train.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
tickets="${1:-300000}"; rounds="${2:-2}"; shift $(($# < 2 ? $# : 2))
cd "$here"
./mvnw -q -B -DskipTests install
data="${SLACAST_BENCH_DATA:-${TMPDIR:-/tmp}/slacast-bench-$tickets}"
if [ ! -f "$data/events.csv" ]; then
  ./slacast generate --tickets "$tickets" --seed 42 --out "$data" --no-sla >/dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "data: $data ($tickets tickets); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

run() {  # label, command...: prints "label seconds MB" and each model's test ROC-AUC
  local label="$1"; shift
  rm -rf "$work/reg"
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" --data "$data" --registry "$work/reg" --no-report \
    >"$work/$label.out" 2>"$work/$label.err" || { tail -5 "$work/$label.err" >&2; exit 1; }
  read -r secs kb <"$work/time"
  printf '%-8s %7.2f s %7d MB  %s\n' "$label" "$secs" "$((kb / 1024))" \
    "$(awk '/^(random-forest|logistic|gradient-boosting|lightgbm)-.* 0\.[0-9]+ / {sub(/-20[0-9]{6}-.*/, "", $1); printf "%s %s  ", $1, $2}' "$work/$label.out")"
  echo "$secs" >>"$work/$label.figures"
}

for r in $(seq 1 "$rounds"); do
  echo "-- round $r"
  if [ -n "${SLACAST_BEFORE_JAR:-}" ]; then
    run before "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -jar "$SLACAST_BEFORE_JAR" train "$@"
  fi
  run train ./slacast train "$@"
done
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
echo "-- medians over $rounds rounds"
for label in before train; do
  [ -f "$work/$label.figures" ] && printf '%-8s %7.2f s\n' "$label" "$(median <"$work/$label.figures")"
done
if [ -f "$work/before.figures" ]; then
  awk -v a="$(median <"$work/train.figures")" -v b="$(median <"$work/before.figures")" \
    'BEGIN {printf "train / before: %.2f\n", a / b}'
fi
