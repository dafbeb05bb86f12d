#!/usr/bin/env bash
# Chaos: kill -9 the worker at random moments while leads run whole (compressed) cadences, restart
# it, then check that every lead got every due touch exactly once and nothing was sent twice.
#   bench/chaos-worker-kill.sh [leads, default 100] [kills, default 5]
# Runs its own stack on loopback (ports 17290/18090, database leadflow_chaos, dropped first);
# needs psql. Build first: mvn -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
leads=${1:-100}
kills=${2:-5}
work=$(mktemp -d /tmp/leadflow-chaos.XXXX)
worker_jar=worker/target/leadflow-worker.jar
api_jar=api/target/leadflow-api.jar

export LEADFLOW_DB_URL=jdbc:postgresql://127.0.0.1:5432/leadflow_chaos
export LEADFLOW_TEMPORAL_PORT=17290 TEMPORAL_ADDRESS=127.0.0.1:17290 LEADFLOW_API_PORT=18090
export LEADFLOW_LIFECYCLE_DAY=2s LEADFLOW_LIFECYCLE_ACK_SLA=500ms LEADFLOW_LIFECYCLE_BACKUP_ACK_SLA=500ms
export LEADFLOW_LIFECYCLE_TIERS_WARM_ACK_SLA=500ms
export LEADFLOW_LIFECYCLE_QUIET_HOURS_WINDOW_START=00:00 LEADFLOW_LIFECYCLE_QUIET_HOURS_WINDOW_END=23:59:59
export LEADFLOW_LIFECYCLE_QUIET_HOURS_FALLBACK_ZONES=UTC
export LEADFLOW_API_DEV_KEYS=true LEADFLOW_CAPTURE_PER_KEY_PER_MINUTE=100000
# No sticky execution: the embedded service has no fallback from a dead worker's sticky queue.
export LEADFLOW_WORKER_STICKY_EXECUTION=${LEADFLOW_WORKER_STICKY_EXECUTION:-false}
psql -q -h 127.0.0.1 -U postgres -c 'drop database if exists leadflow_chaos' postgres

pids=()
trap 'kill -9 "${pids[@]}" $(cat "$work/worker.pid" 2>/dev/null) 2>/dev/null || true' EXIT
java -Dloader.main=io.leadflow.worker.DevTemporalService -jar "$worker_jar" > "$work/temporal.log" 2>&1 &
pids+=($!)
until (exec 3<>/dev/tcp/127.0.0.1/17290) 2>/dev/null; do sleep 0.5; done
start_worker() { java -jar "$worker_jar" >> "$work/worker.log" 2>&1 & echo $! > "$work/worker.pid"; }
start_worker
java -jar "$api_jar" > "$work/api.log" 2>&1 &
pids+=($!)
until curl -sf localhost:18090/actuator/health > /dev/null; do sleep 1; done

echo "Capturing $leads leads, killing the worker $kills times (logs in $work)"
for i in $(seq 1 "$leads"); do
  curl -s -o /dev/null -X POST localhost:18090/api/v1/leads -H 'Authorization: Bearer dev-ingest' \
    -H 'Content-Type: application/json' \
    -d "{\"name\":\"Chaos $i\",\"email\":\"chaos+$i@acme.test\",\"phone\":\"+1646200$(printf '%04d' "$i")\",\"source\":\"chaos\",\"interest\":\"demo\"}" &
  sleep 0.05
done
for _ in $(seq 1 "$kills"); do
  sleep $((2 + RANDOM % 5))
  kill -9 "$(cat "$work/worker.pid")"
  echo "  killed the worker at $(date +%T)"
  sleep 1
  start_worker
done

sql() { psql -qtA -h 127.0.0.1 -U postgres -d leadflow_chaos -c "$1"; }
deadline=$((SECONDS + 240))
until [[ $(sql "select count(*) from lead where status = 'NURTURE'") -eq $leads || $SECONDS -gt $deadline ]]; do sleep 3; done

stored=$(sql "select count(*) from lead")
nurtured=$(sql "select count(*) from lead where status = 'NURTURE'")
sent=$(sql "select count(*) from touch where outcome = 'SENT'")
ambiguous=$(sql "select count(*) from touch where outcome = 'FAILED' and detail like 'ambiguous%'")
missing=$(sql "select count(*) from (select l.id from lead l left join touch t on t.lead_id = l.id and t.outcome in ('SENT','FAILED') group by l.id having count(t.id) < 7) m")
sends_logged=$(grep -c 'DRY-RUN .* to lead .* for step' "$work/worker.log" || true)
duplicates=$(grep -o 'DRY-RUN [A-Z]* to lead [0-9a-f-]* for step [a-z0-9-]*' "$work/worker.log" | sort | uniq -d | wc -l)
echo
echo "| injected | leads captured | leads stored | through the whole cadence | touches SENT | provider sends (log) | sent twice | touches missing | ambiguous (not resent) |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
echo "| $kills × kill -9 worker | $leads | $stored | $nurtured | $sent | $sends_logged | $duplicates | $missing | $ambiguous |"
