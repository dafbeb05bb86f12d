#!/usr/bin/env bash
# Open cadences (issue #8): N leads sleeping in their cadence, then a wave of timers firing at once.
# Measures the worker (and the embedded Temporal service) while leads are captured, while all of
# them sleep, and while their deferred day-1 call + SMS touches all become due at the same moment.
#   bench/open-cadences.sh [leads, default 10000]
# Runs its own stack on loopback (Temporal 17390, API 18190, worker management 18191, database
# leadflow_bench_cadences, dropped first); needs psql, curl, jstat/jcmd, python3.
# Build first: mvn -B -q -DskipTests package -pl worker,api -am
#
# How the wave is made: the ack SLAs are 1 s, so every lead is escalated to the manager at once and
# enters its cadence (IN_CADENCE). Day 1 (call + SMS) is due right away, but the quiet-hours window
# (calls and texts only) is set to open at a wall-clock time after capture: every lead defers its
# day-1 touches to that instant and sleeps on a timer. The day is long (BENCH_DAY, 1h), so nothing
# else fires during the run. When the window opens, all timers fire together.
#
# Knobs (environment): BENCH_RATE_ESTIMATE leads/s used to place the wave (default 12),
# BENCH_IDLE_SECONDS idle time planned before the wave (180), BENCH_BACKLOG leads captured but not
# yet sleeping that the loader allows (150), BENCH_WORKER_JAVA_OPTS (e.g. -Xmx512m), BENCH_DAY (1h),
# BENCH_AREA_CODE the leads' US area code (646) and BENCH_ZONE its time zone (America/New_York):
# the wave must open before 23:00 there, so late in the New York evening use 213 and
# America/Los_Angeles; BENCH_SAMPLE_SECONDS (5).
set -euo pipefail
cd "$(dirname "$0")/.."
leads=${1:-10000}
rate_estimate=${BENCH_RATE_ESTIMATE:-12}
idle_seconds=${BENCH_IDLE_SECONDS:-180}
backlog_max=${BENCH_BACKLOG:-150}
sample_every=${BENCH_SAMPLE_SECONDS:-5}
zone=${BENCH_ZONE:-America/New_York}
area_code=${BENCH_AREA_CODE:-646}
worker_opts=${BENCH_WORKER_JAVA_OPTS:-}
work=$(mktemp -d /tmp/leadflow-cadences.XXXX)
worker_jar=worker/target/leadflow-worker.jar
api_jar=api/target/leadflow-api.jar
db=leadflow_bench_cadences
api=http://127.0.0.1:18190

# The wave: when the quiet-hours window opens, in the leads' zone. Startup ~120 s, then capture,
# ~60 s for the last leads to fall asleep, then the idle phase.
wave_at=$(( $(date +%s) + 120 + leads / rate_estimate + 60 + idle_seconds ))
window_start=$(TZ=$zone date -d "@$wave_at" +%H:%M:%S)
if [[ $(TZ=$zone date -d "@$wave_at" +%H) -ge 23 || $(TZ=$zone date -d "@$((wave_at - 300))" +%j) != $(TZ=$zone date -d "@$wave_at" +%j) ]]; then
  echo "The wave would open at $window_start $zone, too close to midnight there (the window cannot wrap): run later" >&2
  exit 1
fi

export LEADFLOW_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db
export LEADFLOW_TEMPORAL_PORT=17390 TEMPORAL_ADDRESS=127.0.0.1:17390
export LEADFLOW_API_PORT=18190 LEADFLOW_WORKER_MANAGEMENT_PORT=18191
export LEADFLOW_LIFECYCLE_DAY=${BENCH_DAY:-1h}
export LEADFLOW_LIFECYCLE_ACK_SLA=1s LEADFLOW_LIFECYCLE_BACKUP_ACK_SLA=1s LEADFLOW_LIFECYCLE_TIERS_WARM_ACK_SLA=1s
export LEADFLOW_LIFECYCLE_QUIET_HOURS_WINDOW_START=$window_start LEADFLOW_LIFECYCLE_QUIET_HOURS_WINDOW_END=23:59:59
export LEADFLOW_LIFECYCLE_QUIET_HOURS_FALLBACK_ZONES=$zone
# The wave is the point: every held touch wakes at the opening unless BENCH_OPENING_SPREAD says otherwise.
export LEADFLOW_LIFECYCLE_QUIET_HOURS_OPENING_SPREAD=${BENCH_OPENING_SPREAD:-0s}
export LEADFLOW_API_DEV_KEYS=true SERVER_ADDRESS=127.0.0.1 LEADFLOW_CAPTURE_PER_KEY_PER_MINUTE=1000000
export LEADFLOW_UNSUBSCRIBE_SECRET=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')

sql() { psql -qtA -h 127.0.0.1 -U postgres -d "$db" -c "$1"; }
psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $db" postgres
scripts/temporal-codec-key.sh  # the jars below, started here, read it (.local/temporal-codec.properties)

pids=()
temporal_script=
trap 'kill $temporal_script 2>/dev/null; kill -9 "${pids[@]}" 2>/dev/null || true' EXIT
phase() { echo "$1" > "$work/phase"; echo "== $(date -u +%T) $1"; }
phase startup
# Temporal's own dev server (LEADFLOW_TEMPORAL=embedded: the Java test service), data in the run's folder.
LEADFLOW_TEMPORAL_DB=$work/temporal.db LEADFLOW_TEMPORAL_UI_PORT=18333 LEADFLOW_TEMPORAL_READY_FILE=$work/temporal.ready \
  JAVA_OPTS=-Xlog:gc:file="$work/temporal-gc.log" scripts/temporal-server.sh > "$work/temporal.log" 2>&1 &
temporal_script=$!
until [[ -s $work/temporal.ready ]]; do
  kill -0 "$temporal_script" || { cat "$work/temporal.log"; exit 1; }
  sleep 0.5
done
temporal_pid=$(pgrep -P "$temporal_script" | head -n 1)
# Heap figures only for the embedded Java service; the CLI's server is a Go process (RSS and CPU).
temporal_is_java=$(grep -q embedded "$work/temporal.ready" && echo true || echo false)
# shellcheck disable=SC2086 # BENCH_WORKER_JAVA_OPTS is a list of options
java $worker_opts -Xlog:gc:file="$work/worker-gc.log" -jar "$worker_jar" > "$work/worker.log" 2>&1 &
worker_pid=$!
pids+=("$worker_pid")
java -jar "$api_jar" > "$work/api.log" 2>&1 &
pids+=($!)
until curl -sf $api/actuator/health > /dev/null && curl -sf 127.0.0.1:18191/actuator/health > /dev/null; do
  sleep 1
done

# ---- sampling: heap (jstat), heap after the last GC (GC log), RSS, CPU, threads, every few s ----
jvms=(worker)
$temporal_is_java && jvms+=(temporal)
for p in "${jvms[@]}"; do
  pid_var=${p}_pid
  jstat -gc "${!pid_var}" "${sample_every}s" > "$work/$p-jstat.txt" 2>&1 &
  pids+=($!)
done
ticks=$(getconf CLK_TCK)
proc_sample() { # pid name → "heap_used_MiB heap_committed_MiB after_last_gc_MiB rss_MiB cpu_ticks threads"
  local jstat_line heap after rss cpu threads
  heap=$(awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
              $1 ~ /^[0-9.]+$/ { used = ($(col["S0U"]) + $(col["S1U"]) + $(col["EU"]) + $(col["OU"])) / 1024;
                                 committed = ($(col["S0C"]) + $(col["S1C"]) + $(col["EC"]) + $(col["OC"])) / 1024 }
              END { printf "%.0f %.0f", used, committed }' "$work/$2-jstat.txt")
  after=$(grep -o '[0-9]*M->[0-9]*M' "$work/$2-gc.log" 2>/dev/null | tail -1 | sed 's/.*->\([0-9]*\)M/\1/')
  rss=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status")
  threads=$(awk '/^Threads/ { print $2 }' "/proc/$1/status")
  cpu=$(awk '{ print $14 + $15 }' "/proc/$1/stat")
  echo "$heap ${after:-0} $rss $cpu $threads"
}
sampler() {
  local prev_w prev_t prev_at now w t open sent
  prev_w=$(proc_sample "$worker_pid" worker | cut -d' ' -f5)
  prev_t=$(proc_sample "$temporal_pid" temporal | cut -d' ' -f5)
  prev_at=$(date +%s.%N)
  echo "at phase open sent w_heap w_committed w_after_gc w_rss w_cpu w_threads t_heap t_committed t_after_gc t_rss t_cpu t_threads" > "$work/samples.txt"
  while sleep "$sample_every"; do
    now=$(date +%s.%N)
    read -r -a w <<< "$(proc_sample "$worker_pid" worker)"
    read -r -a t <<< "$(proc_sample "$temporal_pid" temporal)"
    open=$(sql "select count(*) from lead where status = 'IN_CADENCE'")
    sent=$(sql "select count(*) from touch where outcome = 'SENT'")
    echo "$now $(cat "$work/phase") $open $sent ${w[0]} ${w[1]} ${w[2]} ${w[3]}" \
      "$(echo "(${w[4]} - $prev_w) * 100 / $ticks / ($now - $prev_at)" | bc -l | xargs printf '%.0f') ${w[5]}" \
      "${t[0]} ${t[1]} ${t[2]} ${t[3]}" \
      "$(echo "(${t[4]} - $prev_t) * 100 / $ticks / ($now - $prev_at)" | bc -l | xargs printf '%.0f') ${t[5]}" >> "$work/samples.txt"
    prev_w=${w[4]} prev_t=${t[4]} prev_at=$now
  done
}
sampler &
pids+=($!)
live_heap() { # pid name label: full GC, then the heap used after it (MiB) into $work/live.txt
  [[ $2 == worker ]] || $temporal_is_java || return 0
  jcmd "$1" GC.run > /dev/null
  sleep 1
  echo "$3 $2 $(grep -o '[0-9]*M->[0-9]*M' "$work/$2-gc.log" | tail -1 | sed 's/.*->\([0-9]*\)M/\1/')" >> "$work/live.txt"
}
backlog() { sql "select count(*) from lead where status in ('NEW', 'CAPTURED', 'AWAITING_ACK')"; }

echo "Logs in $work; worker pid $worker_pid, Temporal service pid $temporal_pid"
echo "Quiet-hours window opens at $window_start $zone ($(date -u -d "@$wave_at" +%T) UTC): the wave"

# ---- capture: batches of curl --parallel, keeping at most $backlog_max leads not yet asleep ----
phase capture
capture_start=$(date +%s)
sent=0 accepted=0 last_report=$capture_start
while (( sent < leads )); do
  if (( $(backlog) >= backlog_max )); then sleep 0.5; continue; fi
  batch=$(( leads - sent < 50 ? leads - sent : 50 ))
  : > "$work/batch.cfg"
  for i in $(seq $((sent + 1)) $((sent + batch))); do
    (( i > sent + 1 )) && echo next >> "$work/batch.cfg"
    cat >> "$work/batch.cfg" <<EOF
url = "$api/api/v1/leads"
header = "Authorization: Bearer dev-ingest"
header = "Content-Type: application/json"
data = "{\"name\":\"Cadence $i\",\"email\":\"cadence+$i@acme.test\",\"phone\":\"+1${area_code}2$(printf '%06d' "$i")\",\"source\":\"bench\",\"interest\":\"demo\"}"
output = "/dev/null"
write-out = "%{http_code}\n"
EOF
  done
  curl --no-progress-meter --parallel --parallel-max 8 -K "$work/batch.cfg" >> "$work/capture-codes.txt" || true
  accepted=$(grep -c '^202$' "$work/capture-codes.txt" || true)
  sent=$(( sent + batch ))
  if (( $(date +%s) - last_report >= 15 || sent == leads )); then
    last_report=$(date +%s)
    elapsed=$(( last_report - capture_start ))
    echo "  $(date -u +%T) captured $sent/$leads ($accepted accepted), $(sql "select count(*) from lead where status = 'IN_CADENCE'") asleep in their cadence, $(( sent / (elapsed > 0 ? elapsed : 1) )) leads/s"
  fi
done
capture_seconds=$(( $(date +%s) - capture_start ))

phase settle
deadline=$(( SECONDS + 600 ))
until (( $(backlog) == 0 || SECONDS > deadline )); do sleep 2; done
settled_at=$(date +%s)
asleep=$(sql "select count(*) from lead where status = 'IN_CADENCE'")
echo "  $asleep leads asleep in their cadence ($(sql "select count(*) from lead") stored, $(backlog) still on their way)" \
  "$(( settled_at - capture_start )) s after capture began; capture took $capture_seconds s"
if (( settled_at >= wave_at - 30 )); then
  echo "  WARNING: capture ran past the planned wave: raise BENCH_IDLE_SECONDS or lower BENCH_RATE_ESTIMATE" >&2
fi

phase idle
# Let the last workflow tasks finish, then measure the live heap of both JVMs (full GC first).
idle_gc_at=$(( wave_at - 40 ))
while (( $(date +%s) < idle_gc_at )); do sleep 1; done
live_heap "$worker_pid" worker idle
live_heap "$temporal_pid" temporal idle
jcmd "$worker_pid" GC.class_histogram > "$work/worker-histogram-idle.txt"
jcmd "$worker_pid" Thread.print | sed -n 's/^"\([^"]*\)".*/\1/p' | sed 's/^workflow-method-.*/workflow-method-<workflow>/; s/[0-9][0-9]*/N/g' \
  | sort | uniq -c | sort -rn \
  > "$work/worker-threads-idle.txt"
while (( $(date +%s) < wave_at )); do sleep 1; done

phase wave
deadline=$(( SECONDS + 1800 ))
# Done when every sleeping lead has sent (or given up on) its day-1 touches, or nothing moves for 60 s.
last=-1 still=0
while (( SECONDS < deadline )); do
  sleep 5
  done_d1=$(sql "select count(*) from touch where step like '%-d1' and outcome <> 'DEFERRED_QUIET_HOURS'")
  (( done_d1 >= 2 * asleep )) && break
  if (( done_d1 == last )); then still=$(( still + 5 )); else still=0; fi
  (( still >= 60 )) && break
  last=$done_d1
done
wave_done_at=$(date +%s)
phase after-wave
sleep 60
live_heap "$worker_pid" worker after-wave
live_heap "$temporal_pid" temporal after-wave
sleep "$sample_every"
kill -9 "${pids[@]}" 2>/dev/null || true
pids=()

# ---- report ----
sql "select extract(epoch from date_trunc('second', sent_at))::bigint, count(*) from touch
     where outcome = 'SENT' and step like '%-d1' group by 1 order by 1" > "$work/wave-per-second.txt"
touch_summary=$(sql "select channel || ' ' || outcome || ': ' || count(*) from touch where step like '%-d1' group by channel, outcome order by 1" | paste -sd, -)
echo
echo "Machine: $(nproc) cores, $(free -m | awk '/^Mem/ { printf "%.1f GiB", $2 / 1024 }') RAM, $(java -version 2>&1 | head -1);" \
  "worker default max heap $(java -XX:+PrintFlagsFinal -version 2>/dev/null | awk '/ MaxHeapSize / { printf "%.0f MiB", $4 / 1048576 }')" \
  "${worker_opts:+(worker run with $worker_opts)}"
echo "$leads leads captured in $capture_seconds s ($(( leads / (capture_seconds > 0 ? capture_seconds : 1) )) leads/s, at most $backlog_max not yet asleep);" \
  "$asleep asleep in their cadence; wave at $(date -u -d "@$wave_at" +%T) UTC, day-1 touches: $touch_summary"
python3 - "$work" "$wave_at" "$wave_done_at" <<'EOF'
import sys
work, wave_at, wave_done_at = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows = [line.split() for line in open(f"{work}/samples.txt")]
head, rows = rows[0], rows[1:]
rows = [dict(zip(head, r)) for r in rows if len(r) == len(head)]
live = {}
for line in open(f"{work}/live.txt"):
    label, proc, mib = line.split()
    live[(label, proc)] = mib
def col(rs, name): return [float(r[name]) for r in rs]
print()
print("| phase | samples | leads open (IN_CADENCE) | touches sent | worker heap used / committed, max | worker heap after last GC, max | worker live heap (after full GC) | worker RSS, max | worker CPU %, mean / max | worker threads, max | Temporal heap used, max | Temporal heap after GC, max / live | Temporal RSS, max | Temporal CPU %, mean |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for phase in ["capture", "settle", "idle", "wave", "after-wave"]:
    rs = [r for r in rows if r["phase"] == phase]
    if not rs:
        continue
    w_cpu, t_cpu = col(rs, "w_cpu"), col(rs, "t_cpu")
    t_live = live.get((phase, "temporal"))
    print(f"| {phase} | {len(rs)} | {int(min(col(rs, 'open')))}–{int(max(col(rs, 'open')))} | {int(max(col(rs, 'sent')))} "
          f"| {max(col(rs, 'w_heap')):.0f} / {max(col(rs, 'w_committed')):.0f} MiB | {max(col(rs, 'w_after_gc')):.0f} MiB | {live.get((phase, 'worker'), '—')}{' MiB' if (phase, 'worker') in live else ''} "
          f"| {max(col(rs, 'w_rss')):.0f} MiB | {sum(w_cpu) / len(w_cpu):.0f} / {max(w_cpu):.0f} | {max(col(rs, 'w_threads')):.0f} "
          f"| {max(col(rs, 't_heap')):.0f} MiB | {max(col(rs, 't_after_gc')):.0f}{' / ' + t_live if t_live else ''} MiB | {max(col(rs, 't_rss')):.0f} MiB "
          f"| {sum(t_cpu) / len(t_cpu):.0f} |")
per_second = [tuple(map(int, line.split("|"))) for line in open(f"{work}/wave-per-second.txt") if line.strip()]
if per_second:
    first, last = per_second[0][0], per_second[-1][0]
    peak = max(per_second, key=lambda p: p[1])
    total = sum(n for _, n in per_second)
    print()
    print(f"Wave: {total} day-1 touches SENT from {first - wave_at:+d} s to {last - wave_at:+d} s after the window opened "
          f"({total / max(1, last - first + 1):.1f}/s on average, peak {peak[1]}/s at {peak[0] - wave_at:+d} s); "
          f"wave phase ended {wave_done_at - wave_at} s after the window opened.")
    print("Touches SENT per 10 s from the opening: " + ", ".join(
        str(sum(n for t, n in per_second if k <= t - wave_at < k + 10)) for k in range(0, last - wave_at + 1, 10)))
print()
print("CPU % is of one core (200 % = both cores). Heap used = jstat (young + old); after last GC = the GC log.")
EOF
echo
echo "Capture answers (HTTP status: count): $(sort "$work/capture-codes.txt" | uniq -c | awk '{ printf "%s%s: %s", sep, $2, $1; sep = ", " }')"
echo "Worker threads at idle by name (digits → N), top 8:"
head -8 "$work/worker-threads-idle.txt"
echo "Worker class histogram at idle (top 12, $work/worker-histogram-idle.txt):"
sed -n 1,15p "$work/worker-histogram-idle.txt"
