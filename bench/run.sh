#!/usr/bin/env bash
# Benchmarks against the running local stack. Start the stack first, with the capture rate limit
# lifted (the default 600/min per key would turn a load test into 429s):
#   LEADFLOW_CAPTURE_PER_KEY_PER_MINUTE=1000000 ./run-local.sh
# then:
#   bench/run.sh [rates, default 25,50,100] [seconds per rate, default 60]   # capture → first touch
#   bench/run.sh cost [history.json]                                          # events/actions per lifecycle
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl bench -am install -DskipTests
main=io.leadflow.bench.CaptureBenchmark
if [[ "${1:-}" == "cost" ]]; then
  main=io.leadflow.bench.LifecycleCost
  shift
fi
mvn -B -pl bench exec:java -Dexec.mainClass="$main" -Dexec.args="$*"
