#!/usr/bin/env bash
# A/B: the default /v1/score of an older build (A, a git revision) against this tree's (B), served side by side
# over the same registry (or A over one trained with $A_TRAIN, see ab-setup.sh), with the same-I/O endpoint
# measured in the same run. Rounds alternate A and B, so that a machine growing busier or quieter weighs on both
# alike; then each is paced at half the same-I/O rate.
# Needs wrk. Usage: bench/http-ab.sh [REV (default HEAD~1)] [ROUNDS (default 3)];
# 1,024 different tickets of the desk are sent in turn; BODIES=N sends N, and BODIES= (empty) the one ticket of
# bench/score.lua (bench/answers.sh).
rev="${1:-HEAD~1}"; rounds="${2:-3}"
. "$(dirname "$0")/ab-setup.sh" "$rev"
./mvnw -q -B -pl serving test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
  -Dmdep.includeScope=test >/dev/null || exit 1
serve() {  # jar port registry
  "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -jar "$1" serve --registry "$3" \
    --policy "$work/data/policy.yaml" --db "jdbc:duckdb:$work/log-$2.duckdb" --store "jdbc:duckdb:$work/desk-$2.duckdb" \
    --port "$2" > "$work/serve-$2.log" 2>&1 &
}
serve "$work/a/app/target/slacast.jar" 7091 "$work/registry-a"
serve app/target/slacast.jar 7092 "$work/registry"
cp="serving/target/test-classes:serving/target/classes:$(cat serving/target/bench.cp)"
for p in 7091 7092; do for _ in $(seq 1 60); do curl -s -o /dev/null localhost:$p/health && break; sleep 1; done; done
record_answers localhost:7092/v1/score "$work/answer.json"
"$JAVA_HOME/bin/java" -cp "$cp" org.slacast.serving.SameIoEndpoint 7093 "$work/answer.json" >"$work/same.log" 2>&1 &
for _ in $(seq 1 60); do curl -s -o /dev/null localhost:7093/ && break; sleep 1; done
rate() { wrk -t2 -c32 -d"$2" --latency -s bench/score.lua "$1" | sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p'; }
rate http://localhost:7093/same-io 20s >/dev/null
rate http://localhost:7091/v1/score 45s >/dev/null  # the JIT takes about 40 s on the forest champion
rate http://localhost:7092/v1/score 45s >/dev/null
for k in $(seq 1 "$rounds"); do
  s=$(rate http://localhost:7093/same-io 15s); sleep 3
  if [ $((k % 2)) = 1 ]; then order="7091 7092"; else order="7092 7091"; fi
  for p in $order; do r[$p]=$(rate http://localhost:$p/v1/score 15s); sleep 3; done
  awk -v k="$k" -v s="$s" -v a="${r[7091]}" -v b="${r[7092]}" 'BEGIN { printf "round %d: same-io %.0f/s  A %.0f/s (%.1f%%)  B %.0f/s (%.1f%%)\n", k, s, a, 100*a/s, b, 100*b/s }'
  half=${s%.*}; half=$((half / 2))
done
for p in 7091 7092 7092 7091; do
  echo "paced at $half/s, $([ $p = 7091 ] && echo A || echo B): $(RATE=$half THREADS=2 wrk -t2 -c32 -d15s --latency \
    -s bench/score-paced.lua http://localhost:$p/v1/score | grep -E "Requests/sec|^ +(50|99)%|^Sends late" | tr -s ' ' | tr '\n' ' ')"
  sleep 3
done
echo "serve log warnings: A $(grep -c WARN "$work/serve-7091.log"), B $(grep -c WARN "$work/serve-7092.log")"
