#!/usr/bin/env bash
# The desk store, each figure beside a baseline from the same run on the same machine:
#  1. bulk ingestion ('slacast store load') into DuckDB and PostgreSQL, against each database copying the same
#     events.csv into a bare table;
#  2. live ingestion through POST /v1/events ('slacast replay'), against the bulk load;
#  3. the time a server takes to start over a 300,000-ticket store, against an empty one;
#  4. wrk: p50 and p99 of GET /v1/tickets/{id}/score on that server, against its /health.
# Needs wrk (apt-get install wrk) and, for PostgreSQL, a server at $PG (skipped when absent).
# Usage: bench/desk.sh [tickets-for-the-start-test] [seconds] [connections]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
. "$here/.ci/jdk.sh"
slacast_select_jdk
command -v wrk >/dev/null || { echo "bench/desk.sh: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
big="${1:-300000}"; secs="${2:-20}"; conns="${3:-16}"
PG="${PG:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}"
cd "$here"
./slacast --version >/dev/null  # builds the jar if the sources changed
work="$(mktemp -d)"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
elapsed() { local t0=$1; echo "$(( ($(date +%s%N) - t0) / 1000000 ))"; }
rate() { awk -v n="$1" -v ms="$2" 'BEGIN { printf "%.0f", n * 1000 / ms }'; }

./slacast generate --tickets 10000 --seed 42 --out "$work/data" --no-sla >/dev/null
events=$(($(wc -l <"$work/data/events.csv") - 1))
./slacast train --data "$work/data" --registry "$work/registry" --models logistic --no-report >/dev/null 2>&1

echo "== 1. bulk ingestion of $events events"
"$JAVA_HOME/bin/java" -cp app/target/lib/duckdb_jdbc-*.jar bench/DuckCopy.java "$work/copy.duckdb" "$work/data/events.csv"
t0=$(date +%s%N); ./slacast store load --data "$work/data" --store "jdbc:duckdb:$work/bulk.duckdb" >/dev/null
ms=$(elapsed "$t0"); echo "slacast store load into DuckDB: $ms ms, $(rate "$events" "$ms") events/s (whole command)"
if command -v psql >/dev/null && psql -h 127.0.0.1 -U postgres -d test -qc "SELECT 1" >/dev/null 2>&1; then
  schema="desk_bench_$$"
  psql -h 127.0.0.1 -U postgres -d test -qc "CREATE SCHEMA $schema; CREATE TABLE $schema.copied (ticket_id text, \"at\" text, type text, status text, priority text, tier text, team text, agent text)"
  t0=$(date +%s%N)
  psql -h 127.0.0.1 -U postgres -d test -qc "\\copy $schema.copied FROM '$work/data/events.csv' CSV HEADER"
  ms=$(elapsed "$t0"); echo "PostgreSQL \\copy into a bare table: $ms ms, $(rate "$events" "$ms") events/s"
  t0=$(date +%s%N); ./slacast store load --data "$work/data" --store "$PG&currentSchema=$schema" >/dev/null
  ms=$(elapsed "$t0"); echo "slacast store load into PostgreSQL: $ms ms, $(rate "$events" "$ms") events/s (whole command)"
  psql -h 127.0.0.1 -U postgres -d test -qc "DROP SCHEMA $schema CASCADE"
else
  echo "PostgreSQL: skipped (no server at 127.0.0.1:5432)"
fi

wait_ready() { for _ in $(seq 1 600); do curl -sf -o /dev/null "localhost:$1/ready" && return; sleep 0.1; done; }
serve() {  # port store
  ./slacast serve --registry "$work/registry" --policy "$work/data/policy.yaml" --no-log --port "$1" \
    --store "$2" >"$work/serve-$1.log" 2>&1 &
  pids+=($!)
}
stop() { kill "${pids[-1]}" 2>/dev/null || true; wait "${pids[-1]}" 2>/dev/null || true; }

echo "== 2. live ingestion through POST /v1/events"
serve 7091 "jdbc:duckdb:$work/live.duckdb"; wait_ready 7091
./slacast replay --data "$work/data" --url http://127.0.0.1:7091 --batch 1000
stop

echo "== 3. start over a store of $big tickets"
./slacast generate --tickets "$big" --seed 7 --out "$work/big" --no-sla >/dev/null
./slacast store load --data "$work/big" --store "jdbc:duckdb:$work/big.duckdb"
t0=$(date +%s%N); serve 7092 "jdbc:duckdb:$work/empty.duckdb"; wait_ready 7092
echo "empty store: ready in $(elapsed "$t0") ms"; stop
t0=$(date +%s%N); serve 7093 "jdbc:duckdb:$work/big.duckdb"; wait_ready 7093
echo "$big-ticket store: ready in $(elapsed "$t0") ms ($(curl -s localhost:7093/metrics | grep '^slacast_desk_open_tickets '))"

echo "== 4. wrk, $conns connections, ${secs} s each, after a 20 s warm-up"
TICKETS="$big" RECENT=5000 wrk -t2 -c"$conns" -d20s -s bench/ticket.lua http://127.0.0.1:7093 >/dev/null
echo "-- GET /health"
wrk -t2 -c"$conns" -d"${secs}s" --latency http://127.0.0.1:7093/health | grep -E "Requests/sec|^ +(50|99)%"
echo "-- GET /v1/tickets/{id}/score, the latest 5,000 tickets (in the live window)"
TICKETS="$big" RECENT=5000 wrk -t2 -c"$conns" -d"${secs}s" --latency -s bench/ticket.lua http://127.0.0.1:7093 \
  | grep -E "Requests/sec|^ +(50|99)%|Non-2xx"
stop
