#!/usr/bin/env bash
# The DuckDB prediction log's CPU a row and peak RSS, slacast's settings (one thread, a checkpoint every 64 MiB)
# against DuckDB's defaults (a thread per core, every 16 MiB: set in the URL, which slacast leaves alone),
# alternating in one run. Usage: bench/log.sh [rows] [rate] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."; . .ci/jdk.sh; slacast_select_jdk
rows=${1:-600000}; rate=${2:-15000}; rounds=${3:-2}
./mvnw -q -o -B -pl serving test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
  -Dmdep.includeScope=test
cp="serving/target/test-classes:serving/target/classes:$(cat serving/target/bench.cp)"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for k in $(seq 1 "$rounds"); do
  for url in "jdbc:duckdb:$work/log.duckdb;threads=2;checkpoint_threshold=16MiB" "jdbc:duckdb:$work/log.duckdb"; do
    rm -f "$work"/log.duckdb*
    echo "round $k: $("$JAVA_HOME/bin/java" -Xmx1g -cp "$cp" org.slacast.serving.PredictionLogLoad "$url" "$rows" "$rate" \
      2>/dev/null | tail -1 | sed "s|$work/||")"
  done
done
