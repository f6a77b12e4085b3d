#!/usr/bin/env bash
# The at-risk queue and its alerts, each figure beside a baseline from the same run on the same machine:
#  1. re-scoring throughput: every open ticket re-scored after a model activation, against POST /v1/score/batch
#     scoring the same number of tickets;
#  2. alert latency: N open tickets whose resolution falls due between 30 s and 90 s from now, a rule on
#     'overdue', the time from each due instant to its webhook delivery (p50, p99), against a direct POST to the
#     same receiver.
# Usage: bench/queue.sh [tickets]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
. "$here/.ci/jdk.sh"
slacast_select_jdk
n="${1:-10000}"
cd "$here"
./slacast --version >/dev/null  # builds the jar if the sources changed
work="$(mktemp -d)"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
./slacast generate --tickets 10000 --seed 42 --out "$work/data" --no-sla >/dev/null
./slacast train --data "$work/data" --registry "$work/registry" --models logistic --no-report >/dev/null 2>&1
"$JAVA_HOME/bin/java" bench/QueueLoad.java http://127.0.0.1:7093 "$work/alerts.yaml" "$n" &
pids+=($!)
for _ in $(seq 1 100); do [ -s "$work/alerts.yaml" ] && break; sleep 0.1; done
# docs/examples/policy.yaml gives the gold contract a 4 h round-the-clock resolution target.
./slacast serve --registry "$work/registry" --policy docs/examples/policy.yaml --policy-mismatch warn --no-log \
  --port 7093 --store "jdbc:duckdb:$work/desk.duckdb" --alerts "$work/alerts.yaml" --desk-max-pending 100000 \
  >"$work/serve.log" 2>&1 &
pids+=($!)
wait "${pids[0]}"
