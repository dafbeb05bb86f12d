#!/usr/bin/env bash
# List import benchmark: a private API (no Temporal: the capture outbox keeps every entry) on its
# own database, with a capped heap, imports a generated CSV of [rows] (default 100,000) rows and
# prints rows/s and the API's peak heap in use (ImportBenchmark).
#   bench/imports.sh [rows]
# Settings: BENCH_IMPORT_XMX (256m), BENCH_IMPORT_DB (leadflow_import_bench: dropped and created
# again), BENCH_IMPORT_PORT (18090), BENCH_IMPORT_MAX_SECONDS (stop waiting for DONE after that
# long and report what was captured), BENCH_NO_BUILD=true to reuse the jars in */target.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
db=${BENCH_IMPORT_DB:-leadflow_import_bench}
port=${BENCH_IMPORT_PORT:-18090}
xmx=${BENCH_IMPORT_XMX:-256m}
# Compiled and run from */target: nothing is installed into ~/.m2.
if [ "${BENCH_NO_BUILD:-}" != true ]; then
  mvn -B -q -pl workflows,activities,api package -DskipTests
  mvn -B -q -pl bench package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/classpath.txt
fi
dropdb --if-exists -h 127.0.0.1 -U postgres "$db"
createdb -h 127.0.0.1 -U postgres "$db"

log=$(mktemp)
LEADFLOW_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db LEADFLOW_API_PORT=$port TEMPORAL_ADDRESS=127.0.0.1:1 \
  LEADFLOW_API_DEV_KEYS=true SERVER_ADDRESS=127.0.0.1 LEADFLOW_UNSUBSCRIBE_SECRET=bench-unsubscribe-secret-0123456789 \
  LEADFLOW_TEMPORAL_CODEC_ACTIVE_KEY=bench LEADFLOW_TEMPORAL_CODEC_KEYS_BENCH="$(head -c 32 /dev/urandom | base64)" \
  java "-Xmx$xmx" -jar api/target/leadflow-api.jar >"$log" 2>&1 &
api=$!
# SIGTERM, then SIGKILL: a JVM still starting under load does not act on SIGTERM.
trap 'kill "$api" 2>/dev/null; sleep 10; kill -9 "$api" 2>/dev/null; rm -f "$log"' EXIT
started=false
for _ in $(seq 1 600); do
  if curl -fs "http://127.0.0.1:$port/actuator/health/liveness" >/dev/null; then started=true; break; fi
  kill -0 "$api" 2>/dev/null || break
  sleep 1
done
[ "$started" = true ] || { echo "The API did not start within 10 minutes:" >&2; tail -30 "$log" >&2; exit 1; }
echo "API with -Xmx$xmx on database $db, no Temporal"
BENCH_API=http://127.0.0.1:$port java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.leadflow.bench.ImportBenchmark "$rows"
