#!/usr/bin/env bash
# Runs LeadFlow locally: Temporal's dev server (scripts/temporal-server.sh: durable in
# .local/temporal.db, Web UI on :8233, both on 127.0.0.1 only; skipped when TEMPORAL_ADDRESS points
# at a server), the worker and the API on :8080, against PostgreSQL at 127.0.0.1:5432. Everything
# they store in Temporal is encrypted with the key in .local/temporal-codec.properties, made on the
# first run (scripts/temporal-codec-key.sh). Ctrl-C stops everything.
#   --no-build   use the jars already in */target
# Variables: LEADFLOW_API_PORT (8080), TEMPORAL_ADDRESS, the LEADFLOW_TEMPORAL_* of
#            scripts/temporal-server.sh (ports, data file, retention),
#            LEADFLOW_DB_URL / LEADFLOW_DB_USER / LEADFLOW_DB_PASSWORD, JAVA_OPTS,
#            LEADFLOW_WORKER_MANAGEMENT_PORT (8081: the worker's health and metrics),
#            LEADFLOW_UNSUBSCRIBE_SECRET (made for the run when unset),
#            LEADFLOW_API_ADDRESS (127.0.0.1: the API's interface; another needs LEADFLOW_API_DEV_KEYS=false).
#            LEADFLOW_TEMPORAL_CODEC_CORS_ORIGINS (the local Web UI's origins: it decodes through the API).
set -euo pipefail
cd "$(dirname "$0")"

worker_jar=worker/target/leadflow-worker.jar
api_jar=api/target/leadflow-api.jar
java_opts=(${JAVA_OPTS:-})

if [[ "${1:-}" != "--no-build" ]]; then
  echo "Building LeadFlow (mvn package, tests skipped)..."
  mvn -B -q -DskipTests package
fi

# One clear line and exit 1 when PostgreSQL is unreachable; creates the database when missing.
java "${java_opts[@]}" -Dloader.main=io.leadflow.activities.store.DatabasePreflight -jar "$worker_jar"
scripts/temporal-codec-key.sh
ui_port=${LEADFLOW_TEMPORAL_UI_PORT:-8233}
export LEADFLOW_TEMPORAL_CODEC_CORS_ORIGINS=${LEADFLOW_TEMPORAL_CODEC_CORS_ORIGINS:-http://localhost:$ui_port,http://127.0.0.1:$ui_port}

# Signs (worker) and checks (API) the unsubscribe links of emails; both need the same one. Made
# for this run unless set: a link from an earlier run then no longer works, which is fine locally.
export LEADFLOW_UNSUBSCRIBE_SECRET=${LEADFLOW_UNSUBSCRIBE_SECRET:-$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')}

pids=()
stop_all() {
  trap - EXIT INT TERM
  echo "Stopping LeadFlow..."
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -z "${TEMPORAL_ADDRESS:-}" ]]; then
  ready_file=$(mktemp)
  rm -f "$ready_file"
  LEADFLOW_TEMPORAL_READY_FILE=$ready_file scripts/temporal-server.sh &
  pids+=($!)
  until [[ -s $ready_file ]]; do
    kill -0 "${pids[0]}" 2>/dev/null || exit 1  # it said why
    sleep 0.3
  done
  export TEMPORAL_ADDRESS=127.0.0.1:${LEADFLOW_TEMPORAL_PORT:-7233}
  rm -f "$ready_file"
fi
echo "Temporal at $TEMPORAL_ADDRESS"

java "${java_opts[@]}" -jar "$worker_jar" &
pids+=($!)
# Well-known keys (dev-ingest, dev-rep-ana, dev-rep-ben, dev-manager, dev-admin) for local use
# only: the API then listens on loopback only, and refuses to start with them anywhere else.
LEADFLOW_API_DEV_KEYS=${LEADFLOW_API_DEV_KEYS:-true} SERVER_ADDRESS=${LEADFLOW_API_ADDRESS:-127.0.0.1} \
  java "${java_opts[@]}" -jar "$api_jar" &
pids+=($!)

echo "LeadFlow is starting; the API will be at http://localhost:${LEADFLOW_API_PORT:-8080}/api/v1/leads (Ctrl-C stops everything)."
# If any part dies, stop the rest rather than run half a stack.
wait -n "${pids[@]}"
echo "A LeadFlow process exited; stopping the others." >&2
exit 1
