#!/usr/bin/env bash
# wrk: throughput and latency of POST /v1/score against a bare Javalin endpoint, same machine, same run.
# Needs wrk (apt-get install wrk). Usage: bench/http.sh [seconds] [connections]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
. "$here/.ci/jdk.sh"
slacast_select_jdk
command -v wrk >/dev/null || { echo "bench/http.sh: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
secs="${1:-20}"; conns="${2:-32}"
cd "$here"
./mvnw -q -B -DskipTests install
./mvnw -q -B -pl serving test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
work="$(mktemp -d)"
./slacast generate --tickets 10000 --seed 42 --out "$work/data" --no-sla >/dev/null
./slacast train --data "$work/data" --registry "$work/registry" --no-report >/dev/null 2>&1
./slacast serve --registry "$work/registry" --policy "$work/data/policy.yaml" --db "jdbc:duckdb:$work/log.duckdb" \
  --port 7081 >"$work/serve.log" 2>&1 &
serve=$!
"$JAVA_HOME/bin/java" -cp "serving/target/test-classes:serving/target/classes:$(cat serving/target/bench.cp)" \
  org.slacast.serving.BareEndpoint 7082 >"$work/bare.log" 2>&1 &
bare=$!
trap 'kill $serve $bare 2>/dev/null || true' EXIT
for port in 7081 7082; do
  for _ in $(seq 1 60); do curl -s -o /dev/null "localhost:$port/" && break; sleep 1; done
done
echo "== warm-up"; wrk -t2 -c"$conns" -d5s -s bench/score.lua http://localhost:7081/v1/score >/dev/null
wrk -t2 -c"$conns" -d5s -s bench/score.lua http://localhost:7082/bare >/dev/null
echo "== POST /v1/score (champion with 3 reasons, shadow challenger, DuckDB log)"
wrk -t2 -c"$conns" -d"${secs}s" --latency -s bench/score.lua http://localhost:7081/v1/score
echo "== POST /v1/score?reasons=0 (no explanation)"
wrk -t2 -c"$conns" -d"${secs}s" --latency -s bench/score.lua "http://localhost:7081/v1/score?reasons=0"
echo "== POST /bare (Javalin, no work)"
wrk -t2 -c"$conns" -d"${secs}s" --latency -s bench/score.lua http://localhost:7082/bare
echo "== one 1,000-ticket batch, 20 times"
python3 - "$work" <<'PY'
import json, sys, time, urllib.request

ticket = {"ticket": {"id": "B-0", "created_at": "2025-03-03T09:00:00Z", "priority": "high", "system": "Core Banking"}}
body = json.dumps({"tickets": [dict(ticket, ticket=dict(ticket["ticket"], id=f"B-{i}")) for i in range(1000)]}).encode()
times = []
for _ in range(20):
    req = urllib.request.Request("http://localhost:7081/v1/score/batch", data=body, headers={"Content-Type": "application/json"})
    t0 = time.perf_counter(); urllib.request.urlopen(req).read(); times.append((time.perf_counter() - t0) * 1000)
times.sort()
print(f"1,000-ticket batch: median {times[10]:.1f} ms, min {times[0]:.1f} ms, max {times[-1]:.1f} ms (20 runs)")
PY
