#!/usr/bin/env bash
# Memory allocated and CPU used per default /v1/score, for an older build (A, a git revision) and this tree's (B):
# each served in turn over the same registry (or A over one trained with $A_TRAIN, see ab-setup.sh), warmed for
# 45 s, then paced at a fixed rate for 20 s under JFR.
# Bytes come from JFR's per-thread allocation counters, CPU from the process's user and system time; both are
# per request, so a busier or quieter machine changes them far less than it changes a rate.
# Needs wrk. Usage: bench/http-alloc.sh [REV (default HEAD~1)] [RATE (default 8000)]
rev="${1:-HEAD~1}"; rate="${2:-8000}"
. "$(dirname "$0")/ab-setup.sh" "$rev"
ticks=$(getconf CLK_TCK)
for side in A B A B; do
  jar=app/target/slacast.jar; reg="$work/registry"
  [ $side = A ] && jar="$work/a/app/target/slacast.jar" && reg="$work/registry-a"
  rm -f "$work"/log.duckdb* "$work"/desk.duckdb* "$work/rec.jfr"
  "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -jar "$jar" serve --registry "$reg" \
    --policy "$work/data/policy.yaml" --db "jdbc:duckdb:$work/log.duckdb" --store "jdbc:duckdb:$work/desk.duckdb" \
    --port 7094 > "$work/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 60); do curl -s -o /dev/null localhost:7094/health && break; sleep 1; done
  wrk -t2 -c32 -d45s -s bench/score.lua http://localhost:7094/v1/score >/dev/null
  jcmd $pid JFR.start name=a settings=profile filename="$work/rec.jfr" >/dev/null
  cpu0=$(awk '{print $14 + $15}' /proc/$pid/stat)
  out=$(RATE=$rate THREADS=2 wrk -t2 -c32 -d20s --latency -s bench/score-paced.lua http://localhost:7094/v1/score)
  cpu1=$(awk '{print $14 + $15}' /proc/$pid/stat)
  jcmd $pid JFR.stop name=a >/dev/null
  kill $pid; wait $pid 2>/dev/null
  n=$(echo "$out" | sed -n 's/^ *\([0-9]*\) requests in.*/\1/p')
  bytes=$("$JAVA_HOME/bin/jfr" print --events jdk.ThreadAllocationStatistics "$work/rec.jfr" | awk '
    /allocated = / { v = $3; gsub(",", "", v); u = $4; m = (u == "kB") ? 1e3 : (u == "MB") ? 1e6 : (u == "GB") ? 1e9 : 1 }
    /thread = / { t = $0 }
    /^}/ { x = v * m; if (!(t in lo)) lo[t] = x; hi[t] = x }
    END { for (t in hi) s += hi[t] - lo[t]; printf "%.0f", s }')
  p99=$(echo "$out" | sed -n 's/^ *99% *//p')
  awk -v s=$side -v n="$n" -v b="$bytes" -v c=$((cpu1 - cpu0)) -v t="$ticks" -v p="$p99" 'BEGIN {
    printf "%s: %d requests, %.1f KB allocated and %.1f us of CPU a request, p99 %s\n", s, n, b / n / 1e3, c / t * 1e6 / n, p }'
done
