#!/usr/bin/env bash
# Open cadences: N leads sleeping in their cadence, then a wave of timers firing together.
#   bench/open-cadences.sh [leads, default 10000] [capture rate per second, default 20]
# Its own stack on loopback (Temporal 17490, API 18290, worker management 18291, database
# leadflow_bench_open, dropped first), dry-run channels. A cadence day is 20 minutes, so after
# the instant reply every lead sleeps; the day-1 call and text wait for a quiet-hours window that
# opens 60 s after the last capture, so they all fall due at once (the wave). Samples the worker
# and the Temporal service: heap after a full GC (jcmd), RSS, CPU, threads.
# Build first: mvn -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
leads=${1:-10000}
rate=${2:-20}
work=$(mktemp -d /tmp/leadflow-cadences.XXXX)
worker_jar=worker/target/leadflow-worker.jar
api_jar=api/target/leadflow-api.jar
capture_seconds=$(( leads / rate + 1 ))
# Quiet hours are the lead's local time: the numbers are New York (646), so the window is too.
wave_at=$(TZ=America/New_York date -d "+$(( capture_seconds + 90 )) seconds" +%H:%M:%S)

export LEADFLOW_DB_URL=jdbc:postgresql://127.0.0.1:5432/leadflow_bench_open
export LEADFLOW_TEMPORAL_PORT=17490 TEMPORAL_ADDRESS=127.0.0.1:17490 LEADFLOW_API_PORT=18290
export LEADFLOW_WORKER_MANAGEMENT_PORT=18291 LEADFLOW_WORKER_STICKY_EXECUTION=false
export LEADFLOW_LIFECYCLE_DAY=20m LEADFLOW_LIFECYCLE_ACK_SLA=1s LEADFLOW_LIFECYCLE_BACKUP_ACK_SLA=1s
export LEADFLOW_LIFECYCLE_TIERS_WARM_ACK_SLA=1s
export LEADFLOW_LIFECYCLE_QUIET_HOURS_WINDOW_START=$wave_at LEADFLOW_LIFECYCLE_QUIET_HOURS_WINDOW_END=23:59:59
export LEADFLOW_LIFECYCLE_QUIET_HOURS_FALLBACK_ZONES=UTC
export LEADFLOW_API_DEV_KEYS=true LEADFLOW_CAPTURE_PER_KEY_PER_MINUTE=1000000
psql -q -h 127.0.0.1 -U postgres -c 'drop database if exists leadflow_bench_open' postgres

pids=()
trap 'kill -9 "${pids[@]}" 2>/dev/null || true' EXIT
java -Dloader.main=io.leadflow.worker.DevTemporalService -jar "$worker_jar" > "$work/temporal.log" 2>&1 &
temporal_pid=$!
pids+=("$temporal_pid")
until (exec 3<>/dev/tcp/127.0.0.1/17490) 2>/dev/null; do sleep 0.5; done
java -jar "$worker_jar" > "$work/worker.log" 2>&1 &
worker_pid=$!
pids+=("$worker_pid")
java -jar "$api_jar" > "$work/api.log" 2>&1 &
pids+=($!)
until curl -sf localhost:18290/actuator/health > /dev/null && curl -sf localhost:18291/actuator/health > /dev/null; do sleep 1; done

sql() { psql -qtA -h 127.0.0.1 -U postgres -d leadflow_bench_open -c "$1"; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
heap_after_gc() {  # MiB used after a full GC
  jcmd "$1" GC.run > /dev/null 2>&1
  jcmd "$1" GC.heap_info 2>/dev/null | awk '/garbage-first heap/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub("K,?","",v); printf "%d", v/1024}}'
}
rss() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$1/status"; }
threads() { awk '/Threads/ {print $2}' "/proc/$1/status"; }
hz=$(getconf CLK_TCK)
row() {  # phase, seconds to measure CPU over
  local w0 t0 w1 t1
  w0=$(ticks "$worker_pid"); t0=$(ticks "$temporal_pid"); sleep "$2"
  w1=$(ticks "$worker_pid"); t1=$(ticks "$temporal_pid")
  local open sent
  open=$(sql "select count(*) from lead where status = 'IN_CADENCE'")
  sent=$(sql "select count(*) from touch where outcome = 'SENT'")
  printf '| %s | %s | %s | %d | %s | %s | %s | %d | %s | %s |\n' "$1" "$open" "$sent" \
    $(( (w1 - w0) * 100 / hz / $2 )) "$(heap_after_gc "$worker_pid")" "$(rss "$worker_pid")" "$(threads "$worker_pid")" \
    $(( (t1 - t0) * 100 / hz / $2 )) "$(heap_after_gc "$temporal_pid")" "$(rss "$temporal_pid")"
}

echo "$leads leads at $rate/s (≈ ${capture_seconds}s); the wave is due at $wave_at New York time; logs in $work"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%d GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo
echo "| phase | leads in cadence | touches sent | worker CPU % | worker heap after GC (MiB) | worker RSS (MiB) | worker threads | Temporal CPU % | Temporal heap after GC (MiB) | Temporal RSS (MiB) |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
row "started, idle" 5
curls=()
for i in $(seq 1 "$leads"); do
  curl -s -o /dev/null -X POST localhost:18290/api/v1/leads -H 'Authorization: Bearer dev-ingest' \
    -H 'Content-Type: application/json' \
    -d "{\"name\":\"Sleeper $i\",\"email\":\"sleeper+$i@acme.test\",\"phone\":\"+164620$(printf '%05d' "$i")\",\"source\":\"bench\",\"interest\":\"demo\"}" &
  curls+=($!)
  if (( i % rate == 0 )); then sleep 1; wait "${curls[@]}"; curls=(); fi
  if (( i % (rate * 60) == 0 )); then row "capturing ($i sent)" 2; fi
done
if (( ${#curls[@]} )); then wait "${curls[@]}"; fi
until [[ $(sql "select count(*) from lead where status = 'IN_CADENCE'") -ge $leads ]] || [[ $(TZ=America/New_York date +%H:%M:%S) > "$wave_at" ]]; do sleep 5; done
row "all captured, sleeping" 10
sleep 20
row "idle: $leads cadences asleep" 20
until [[ $(TZ=America/New_York date +%H:%M:%S) > "$wave_at" ]]; do sleep 1; done
row "wave: day-1 call + text due for every lead" 10
row "wave (continued)" 20
until [[ $(sql "select count(*) from touch where outcome = 'SENT' and channel in ('CALL','SMS')") -ge $(( leads * 2 )) ]] || (( SECONDS > capture_seconds + 1200 )); do sleep 5; done
row "after the wave" 10
echo
sql "select 'wave: ' || count(*) || ' calls/texts sent from ' || min(sent_at)::time(0) || ' to ' || max(sent_at)::time(0)
     from touch where outcome = 'SENT' and channel in ('CALL','SMS')"
echo "worker max heap: $(jcmd "$worker_pid" VM.flags 2>/dev/null | tr ' ' '\n' | awk -F= '/MaxHeapSize/ {printf "%d MiB", $2/1048576}')"
