#!/usr/bin/env bash
# Runs a local Temporal server in the foreground until it gets SIGTERM or SIGINT: the official
# Temporal CLI's `temporal server start-dev` (real server, SQLite file, Web UI) bound to 127.0.0.1
# (gRPC, Web UI and every other port it opens), with LeadFlow's search attributes, the namespace's
# retention, and the Web UI pointed at the API's codec (/api/v1/codec) to decrypt payloads. When
# the CLI cannot be had, the embedded Java service instead, after one warning line (in memory, no
# UI, also on 127.0.0.1 only).
# Used by run-local.sh, bench/ and bench/chaos.sh. Needs worker/target/leadflow-worker.jar.
#   LEADFLOW_TEMPORAL_PORT        gRPC port (7233)
#   LEADFLOW_TEMPORAL_UI_PORT     Web UI port (8233)
#   LEADFLOW_TEMPORAL_DB          data file (.local/temporal.db); its log is written beside it
#   LEADFLOW_TEMPORAL_RETENTION   how long closed leads' histories are kept (30d)
#   LEADFLOW_TEMPORAL_READY_FILE  gets `cli` or `embedded` once the server takes work
#   LEADFLOW_API_PORT             the API whose codec the Web UI calls (8080)
#   LEADFLOW_TEMPORAL=embedded    use the embedded Java service even when the CLI is available
#   TEMPORAL_NAMESPACE            (default)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
port=${LEADFLOW_TEMPORAL_PORT:-7233}
ui_port=${LEADFLOW_TEMPORAL_UI_PORT:-8233}
codec=http://localhost:${LEADFLOW_API_PORT:-8080}/api/v1/codec
db=${LEADFLOW_TEMPORAL_DB:-$root/.local/temporal.db}
retention=${LEADFLOW_TEMPORAL_RETENTION:-30d}
namespace=${TEMPORAL_NAMESPACE:-default}
ready_file=${LEADFLOW_TEMPORAL_READY_FILE:-}
worker_jar=$root/worker/target/leadflow-worker.jar
java_opts=(${JAVA_OPTS:-})

fail() { echo "$*" >&2; exit 1; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
listening "$port" && fail "Port $port (Temporal gRPC) is taken by another program: stop it, or set LEADFLOW_TEMPORAL_PORT to a free port."

server=
stop() { trap - TERM INT; [[ -n $server ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; exit 0; }
trap stop TERM INT
ready() { [[ -z $ready_file ]] || echo "$1" > "$ready_file"; }

cli=
lost="every open lead is lost when it stops, and there is no Temporal Web UI"
if [[ ${LEADFLOW_TEMPORAL:-cli} == embedded ]]; then
  echo "WARNING: LEADFLOW_TEMPORAL=embedded: LeadFlow runs on the embedded Java test service: $lost." >&2
elif ! cli=$("$root/scripts/temporal-cli.sh"); then
  echo "WARNING: without the Temporal CLI LeadFlow runs on the embedded Java test service: $lost." >&2
  cli=
fi

if [[ -z $cli ]]; then
  java "${java_opts[@]}" -Dloader.main=io.leadflow.worker.DevTemporalService -jar "$worker_jar" &
  server=$!
  until listening "$port"; do
    kill -0 "$server" 2>/dev/null || fail "The embedded Temporal service did not start."
    sleep 0.5
  done
  ready embedded
  wait "$server"
  exit $?
fi

listening "$ui_port" && fail "Port $ui_port (Temporal Web UI) is taken by another program: stop it, or set LEADFLOW_TEMPORAL_UI_PORT to a free port."
mkdir -p "$(dirname "$db")"
log=${db%.db}.log
# A second server on the same file would take its shards from the first: one server per file.
exec 9>"$db.lock"
flock -n 9 || fail "Temporal's data file $db is in use by another Temporal server: stop that one, or set LEADFLOW_TEMPORAL_DB to another file."

attributes=()
while IFS= read -r attribute; do
  attributes+=(--search-attribute "$attribute")
done < <(java -Dloader.main=io.leadflow.worker.SearchAttributeFlags -jar "$worker_jar")
[[ ${#attributes[@]} -gt 0 ]] || fail "Could not read LeadFlow's search attributes from $worker_jar: build it first (mvn -DskipTests package)."

# WAL without a sync per commit: a crash of the server process loses nothing, a power cut may
# lose the last commits; with SQLite's default (a sync per commit) the dev server took a few
# leads a second on this machine (docs/benchmarks.md).
pragmas=(--sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=normal)
extra_namespace=()
[[ $namespace == default ]] || extra_namespace=(--namespace "$namespace")
"$cli" server start-dev --ip 127.0.0.1 --port "$port" --ui-port "$ui_port" --ui-codec-endpoint "$codec" --db-filename "$db" \
  "${pragmas[@]}" "${extra_namespace[@]}" "${attributes[@]}" --ui-disable-news-fetch --log-level warn >> "$log" 2>&1 &
server=$!
until "$cli" operator namespace update --namespace "$namespace" --retention "$retention" \
        --address "127.0.0.1:$port" >/dev/null 2>&1; do
  if ! kill -0 "$server" 2>/dev/null; then
    if grep -q "file is not a database" "$log"; then
      fail "Temporal's data file $db is damaged (not a database): restore it from a backup, or move it away to start empty (the leads it held are then gone from Temporal)."
    fi
    fail "The Temporal server stopped while starting: $(grep -m1 -E '^Error' "$log" || tail -n 1 "$log") (log: $log)"
  fi
  sleep 0.3
done
echo "Temporal server on 127.0.0.1:$port (data $db, closed leads kept $retention); Web UI http://localhost:$ui_port"
ready cli
wait "$server"
