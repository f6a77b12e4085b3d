#!/usr/bin/env bash
# wrk: throughput and latency of POST /v1/score against two baselines, same machine, same run: a bare Javalin
# endpoint (reads the body, answers 27 bytes) and a same-I/O endpoint (parses the request into the same request
# objects and streams an answer of the same size and shape, recorded from the server first).
# Needs wrk (apt-get install wrk). Usage: bench/http.sh [seconds] [connections];
# 1,024 different tickets of the desk are sent in turn; BODIES=N sends N, and BODIES= (empty) the one ticket of
# bench/score.lua (bench/answers.sh).
# The bare endpoint is measured first, while slacast is idle, and every slacast run starts with its prediction log
# drained: a backlog being written would take CPU from whatever is measured next.
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
. bench/answers.sh; many_bodies "$work/data" "$work"
./slacast train --data "$work/data" --registry "$work/registry" --no-report >/dev/null 2>&1
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT

wait_up() { for _ in $(seq 1 60); do curl -s -o /dev/null "localhost:$1/health" && return; sleep 1; done; }
metric() { curl -s "localhost:$1/metrics" | awk -v m="$2" '$1 == m {print int($2)}'; }
drained() {
  for _ in $(seq 1 120); do [ "$(metric "$1" slacast_prediction_log_queue_depth)" = 0 ] && return; sleep 1; done
}
load() {  # name url port
  echo "== $1"
  if [ -n "${3:-}" ]; then drained "$3"; fi
  wrk -t2 -c"$conns" -d20s -s bench/score.lua "$2" >/dev/null  # C2 needs more than 5 s on two busy cores
  wrk -t2 -c"$conns" -d"${secs}s" --latency -s bench/score.lua "$2" | tee "$work/last.txt" \
    | grep -E "Requests/sec|^ +(50|90|99)%"
  if [ -n "${3:-}" ]; then
    drained "$3"
    echo "   prediction log so far: written $(metric "$3" slacast_prediction_log_written_total)," \
      "dropped $(metric "$3" slacast_prediction_log_dropped_total)"
  fi
}
stop() {  # the process started last
  kill "${pids[-1]}" 2>/dev/null || true
  wait "${pids[-1]}" 2>/dev/null || true
}
serve() {  # port, extra flags
  local port="$1"; shift
  local log=(--db "jdbc:duckdb:$work/log-$port.duckdb")
  [[ " $* " == *" --no-log "* ]] && log=()
  ./slacast serve --registry "$work/registry" --policy "$work/data/policy.yaml" \
    "${log[@]}" --store "jdbc:duckdb:$work/desk-$port.duckdb" --port "$port" "$@" \
    >"$work/serve-$port.log" 2>&1 &
  pids+=($!)
  wait_up "$port"
}

# The server's real answers, one for each body the runs send, recorded for the same-I/O endpoint.
serve 7084 --no-log
record_answers localhost:7084/v1/score "$work/answer.json"
stop
cp="serving/target/test-classes:serving/target/classes:$(cat serving/target/bench.cp)"
"$JAVA_HOME/bin/java" -cp "$cp" org.slacast.serving.BareEndpoint 7082 >"$work/bare.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do curl -s -o /dev/null localhost:7082/ && break; sleep 1; done
load "POST /bare (Javalin: reads the body, answers a fixed JSON object)" http://localhost:7082/bare
stop
"$JAVA_HOME/bin/java" -cp "$cp" org.slacast.serving.SameIoEndpoint 7083 "$work/answer.json" >"$work/same.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do curl -s -o /dev/null localhost:7083/ && break; sleep 1; done
echo "   (answers: $(awk '{s += length($0)} END {printf "%d, %.0f bytes each", NR, s / NR}' "$work/answer.json"))"
load "POST /same-io (the request parsed and checked, a recorded answer of the same shape streamed)" http://localhost:7083/same-io
same_rps="$(awk '/Requests\/sec/ {print int($2)}' "$work/last.txt")"
stop

# What each part of a score costs: scoring alone, with reasons, then the full default (shadow and DuckDB log).
serve 7084 --no-log
load "POST /v1/score?reasons=0 --no-log (features, SLA clock, champion, response)" \
  "http://localhost:7084/v1/score?reasons=0"
load "POST /v1/score --no-log (and 3 path reasons)" http://localhost:7084/v1/score
stop

serve 7081
load "POST /v1/score (the default: 3 path reasons, shadow challenger, DuckDB log)" http://localhost:7081/v1/score 7081
half=$((same_rps / 2))
echo "== POST /v1/score (the default) paced at half the same-I/O endpoint's rate: $half requests/s"
drained 7081
RATE="$half" THREADS=2 wrk -t2 -c"$conns" -d"${secs}s" --latency -s bench/score-paced.lua \
  http://localhost:7081/v1/score | grep -E "Requests/sec|^ +(50|90|99)%|^Sends late"
load "POST /v1/score?explain=shap (exact TreeSHAP)" "http://localhost:7081/v1/score?explain=shap" 7081
echo "== one 1,000-ticket batch, 20 times"
python3 - <<'PY'
import json, time, urllib.request

ticket = {"ticket": {"id": "B-0", "created_at": "2025-03-03T09:00:00Z", "priority": "high", "system": "Core Banking"}}
body = json.dumps({"tickets": [dict(ticket, ticket=dict(ticket["ticket"], id=f"B-{i}")) for i in range(1000)]}).encode()
times = []
for _ in range(20):
    req = urllib.request.Request("http://localhost:7081/v1/score/batch", data=body, headers={"Content-Type": "application/json"})
    t0 = time.perf_counter(); urllib.request.urlopen(req).read(); times.append((time.perf_counter() - t0) * 1000)
times.sort()
print(f"1,000-ticket batch: median {times[10]:.1f} ms, min {times[0]:.1f} ms, max {times[-1]:.1f} ms (20 runs)")
PY
stop

serve 7083 --no-shadow
load "POST /v1/score --no-shadow (champion and 3 path reasons only)" http://localhost:7083/v1/score 7083
