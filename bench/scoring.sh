#!/usr/bin/env bash
# JMH: in-process scoring of one ticket (features, model, calibration, explanation) for each model kind.
# Usage: bench/scoring.sh [JMH options], e.g. bench/scoring.sh ScoringBenchmark -p kind=random-forest
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
. "$here/.ci/jdk.sh"
slacast_select_jdk
cd "$here"
./mvnw -q -B -DskipTests install
./mvnw -q -B -pl app test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
cp="app/target/test-classes:app/target/classes:$(cat app/target/bench.cp)"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -cp "$cp" org.openjdk.jmh.Main "${@:-ScoringBenchmark}"
