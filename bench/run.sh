#!/usr/bin/env bash
# Benchmarks against the running local stack. Start the stack first, with the capture rate limit
# lifted (the default 600/min per key would turn a load test into 429s):
#   LEADFLOW_CAPTURE_PER_KEY_PER_MINUTE=1000000 ./run-local.sh
# then:
#   bench/run.sh [rates, default 25,50,100] [seconds per rate, default 60]   # capture → first touch
#   bench/run.sh intake [rates, default 50,100,200,300,400] [seconds, default 20] # accepted and stored
#   bench/run.sh cost [history.json]                                          # events/actions per lifecycle
# bench/servers.sh starts its own stacks instead and runs this ladder, then a full-stack restart with
# open cadences, on the Temporal CLI's dev server and on the embedded Java service side by side.
set -euo pipefail
cd "$(dirname "$0")/.."
# Compiled and run from bench/target: nothing is installed into ~/.m2.
mvn -B -q -pl bench package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/classpath.txt
main=io.leadflow.bench.CaptureBenchmark
case "${1:-}" in
  cost) main=io.leadflow.bench.LifecycleCost; shift ;;
  intake) main=io.leadflow.bench.IntakeBenchmark; shift ;;
esac
exec java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" "$main" "$@"
