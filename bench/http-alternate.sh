#!/usr/bin/env bash
# Alternates the same-I/O endpoint and the default /v1/score on warm servers: a warm-up of each (20 s and 45 s),
# then ROUNDS (default 2) rounds of 15 s each, then the default paced at half the last same-I/O rate. Needs wrk
# and a built tree (bench/http.sh builds it). 1,024 different tickets of the desk are sent in turn; BODIES=N
# sends N, and BODIES= (empty) the one ticket of bench/score.lua (bench/answers.sh).
# Usage: [ROUNDS=N] bench/http-alternate.sh
set -uo pipefail
cd "$(dirname "$0")/.."; . .ci/jdk.sh; slacast_select_jdk
work=$(mktemp -d)
./slacast generate --tickets 10000 --seed 42 --out "$work/data" --no-sla >/dev/null 2>&1
. bench/answers.sh; many_bodies "$work/data" "$work"
./slacast train --data "$work/data" --registry "$work/registry" --no-report >/dev/null 2>&1
./slacast serve --registry "$work/registry" --policy "$work/data/policy.yaml" --db "jdbc:duckdb:$work/log.duckdb" --store "jdbc:duckdb:$work/desk.duckdb" --port 7091 > "$work/serve.log" 2>&1 &
sp=$!
for _ in $(seq 1 60); do curl -s -o /dev/null localhost:7091/health && break; sleep 1; done
record_answers localhost:7091/v1/score "$work/answer.json"
cp="serving/target/test-classes:serving/target/classes:$(cat serving/target/bench.cp)"
"$JAVA_HOME/bin/java" -cp "$cp" org.slacast.serving.SameIoEndpoint 7093 "$work/answer.json" >"$work/same.log" 2>&1 &
ip=$!
for _ in $(seq 1 60); do curl -s -o /dev/null localhost:7093/ && break; sleep 1; done
run() { wrk -t2 -c32 -d"$2" --latency -s bench/score.lua "$1" | grep -E "Requests/sec|^ +(50|99)%" | tr '\n' ' '; echo; }
echo "warm same-io: $(run http://localhost:7093/same-io 20s)"
echo "warm score:   $(run http://localhost:7091/v1/score 45s)"  # the JIT takes about 40 s on the forest champion
rounds=${ROUNDS:-2}
for k in $(seq 1 "$rounds"); do
  echo "same-io $k: $(run http://localhost:7093/same-io 15s)" | tee -a "$work/rounds"
  sleep 5
  echo "score   $k: $(run http://localhost:7091/v1/score 15s)" | tee -a "$work/rounds"
  sleep 5
done
# Each round's share of the round's own /same-io rate, and their median: the machine's speed drifts between
# rounds by more than the difference being measured.
awk '/Requests\/sec/ { r = $NF } /^same-io/ { s = r } /^score/ { printf "%.3f\n", r / s }' "$work/rounds" | sort -n |
  awk '{ v[NR] = $1 } END { printf "shares of /same-io by round, lowest first: "
        for (i = 1; i <= NR; i++) printf "%.1f%% ", 100 * v[i]
        m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "(median %.1f%%)\n", 100 * m }'
# Half the same-I/O endpoint's last rate, on the warm default server: the p99 goal's load, on a fixed schedule
# (bench/score-paced.lua).
half=$(( $(sed -n "s/^same-io $rounds: .*Requests\/sec: *\([0-9]*\).*/\1/p" "$work/rounds") / 2 ))
echo "score paced at $half/s: $(RATE=$half THREADS=2 wrk -t2 -c32 -d15s --latency -s bench/score-paced.lua \
  http://localhost:7091/v1/score | grep -E "Requests/sec|^ +(50|90|99)%|^Sends late" | tr '\n' ' ')"
kill $sp $ip; wait 2>/dev/null
echo "serve log warnings: $(grep -c WARN $work/serve.log)"
