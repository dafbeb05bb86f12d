#!/usr/bin/env bash
# The two Temporal servers run-local.sh can start, side by side in one run: the real dev server
# (the official CLI's `temporal server start-dev`, SQLite file) and the embedded Java test service
# (LEADFLOW_TEMPORAL=embedded, in memory). For each server, a private stack (run-local.sh --no-build):
#   1. capture → first touch: CaptureBenchmark as bench/run.sh runs it, at every rate of BENCH_RATES
#      (BENCH_KEEP_GOING=true), beside the bare Temporal start → no-op activity on the same server;
#   2. full-stack restart with BENCH_OPEN open cadences (RestartBenchmark), on a second fresh stack
#      with a compressed cadence day (the ladder's leads must not run compressed cadences): capture
#      the leads, wait for every day-1 call + SMS, stop the whole stack with SIGINT (Ctrl-C), wait
#      until every lead's day-3 email is overdue, start it again on the same database and Temporal
#      file, and time the day-3 emails: from run-local's start and from the worker's start, their
#      lateness, leads lost, touches sent twice (touch rows and DRY-RUN log lines).
# Then one markdown table per server and a comparison table.
#   bench/servers.sh
# Knobs (environment): BENCH_SERVERS (cli embedded), BENCH_RATES (25,50,100,200), BENCH_SECONDS per
# rate (60), BENCH_OPEN leads (1000), BENCH_OPEN_RATE their captures per second (20), BENCH_DAY the
# cadence day of the restart stack in seconds (120: every day-1 must be done before the first day-3
# is due, and the day-3 emails should be out before the day-5 calls fall due), BENCH_RESTART_TIMEOUT
# seconds (600), JAVA_OPTS (passed to the stack).
# Loopback only: Temporal 17490 (Web UI 18492), API 18490, worker management 18491, database
# leadflow_bench_servers (dropped before each stack); logs and Temporal files in a mktemp folder.
# Needs psql and python3. Build the jars first: mvn -B -q -DskipTests package -pl worker,api -am
set -euo pipefail
cd "$(dirname "$0")/.."
servers=${BENCH_SERVERS:-cli embedded}
rates=${BENCH_RATES:-25,50,100,200}
seconds=${BENCH_SECONDS:-60}
open_leads=${BENCH_OPEN:-1000}
day=${BENCH_DAY:-120}
temporal_port=17490 ui_port=18492 api_port=18490 management_port=18491
db=leadflow_bench_servers
db_url=jdbc:postgresql://127.0.0.1:5432/$db
work=$(mktemp -d /tmp/leadflow-servers.XXXX)

# Compiled and run from bench/target, as bench/run.sh does.
mvn -B -q -o -pl bench package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/classpath.txt > /dev/null 2>&1 \
  || mvn -B -q -pl bench package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/classpath.txt
classpath="bench/target/classes:$(cat bench/target/classpath.txt)"
bench() {  # main class, args...: against the private stack
  BENCH_API=http://127.0.0.1:$api_port LEADFLOW_DB_URL=$db_url TEMPORAL_ADDRESS=127.0.0.1:$temporal_port \
    BENCH_DAY=$day BENCH_KEEP_GOING=true java -cp "$classpath" "io.leadflow.bench.$1" "${@:2}"
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
fresh_database() { PGOPTIONS='-c client_min_messages=warning' psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $db with (force)" postgres; }

stack=  # run-local.sh's pid, the leader of its own process group
stack_started=  # when it was started (SECONDS)
start_stack() {  # log file, then VAR=value... for the stack
  local log=$1 port
  shift
  for port in $temporal_port $ui_port $api_port $management_port; do
    if listening "$port"; then echo "Port $port is taken by another program" >&2; return 1; fi
  done
  # Job control on: run-local.sh gets its own process group and takes SIGINT as from a terminal
  # (a background job of a script would ignore it).
  : > "$log"
  stack_started=$SECONDS
  set -m
  ( unset TEMPORAL_ADDRESS; exec env "$@" ./run-local.sh --no-build ) > "$log" 2>&1 &
  stack=$!
  set +m
}
wait_ready() {  # log file
  local deadline=$((SECONDS + 300))
  until grep -q "LeadFlow API ready" "$1" && grep -q "Started WorkerApplication" "$1"; do
    if ! kill -0 "$stack" 2>/dev/null || (( SECONDS > deadline )); then
      echo "The stack did not start (log $1):" >&2
      tail -n 20 "$1" >&2
      return 1
    fi
    sleep 0.2
  done
  if [[ $server == cli ]] && grep -q "WARNING: without the Temporal CLI" "$1"; then
    echo "The Temporal CLI is not available: the stack runs on the embedded service (log $1)" >&2
    return 1
  fi
}
stop_stack() {  # Ctrl-C: SIGINT to run-local.sh, which stops Temporal, the worker and the API
  [[ -n $stack ]] || return 0
  local group=$stack left
  kill -INT "$stack" 2>/dev/null || true
  for _ in $(seq 600); do
    kill -0 "$stack" 2>/dev/null || break
    sleep 0.1
  done
  # Anything of its process group still running (the CLI's server is a child of temporal-server.sh).
  left=$(pgrep -g "$group" | paste -sd' ' - || true)
  if [[ -n $left ]]; then
    echo "WARNING: still running 60 s after SIGINT to run-local.sh, killed: $(ps -o pid=,args= -p "${left// /,}" | cut -c1-120 | paste -sd';' -)" >&2
    # shellcheck disable=SC2086 # a list of pids
    kill $left 2>/dev/null || true
    sleep 5
    left=$(pgrep -g "$group" | paste -sd' ' - || true)
    # shellcheck disable=SC2086
    [[ -z $left ]] || kill -9 $left 2>/dev/null || true
  fi
  wait "$stack" 2>/dev/null || true
  stack=
}
trap stop_stack EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ladder_env() {  # the stack as bench/run.sh expects it: capture limit lifted
  echo LEADFLOW_TEMPORAL="$server" LEADFLOW_TEMPORAL_PORT=$temporal_port LEADFLOW_TEMPORAL_UI_PORT=$ui_port \
    LEADFLOW_API_PORT=$api_port LEADFLOW_WORKER_MANAGEMENT_PORT=$management_port LEADFLOW_DB_URL=$db_url \
    LEADFLOW_CAPTURE_PER_KEY_PER_MINUTE=1000000
}
restart_env() {  # and a compressed cadence: ack SLAs 1 s, so every lead enters its cadence at once; every hour allowed
  echo "$(ladder_env)" LEADFLOW_LIFECYCLE_DAY="${day}s" \
    LEADFLOW_LIFECYCLE_ACK_SLA=1s LEADFLOW_LIFECYCLE_BACKUP_ACK_SLA=1s LEADFLOW_LIFECYCLE_TIERS_WARM_ACK_SLA=1s \
    LEADFLOW_LIFECYCLE_QUIET_HOURS_WINDOW_START=00:00 LEADFLOW_LIFECYCLE_QUIET_HOURS_WINDOW_END=23:59:59 \
    LEADFLOW_LIFECYCLE_QUIET_HOURS_FALLBACK_ZONES=UTC LEADFLOW_LIFECYCLE_QUIET_HOURS_OPENING_SPREAD=0s
}

echo "Servers: $servers; rates $rates for $seconds s each; restart with $open_leads open cadences (day ${day} s);" \
  "$(nproc) cores, $(free -m | awk '/^Mem/ { printf "%.1f GiB", $2 / 1024 }') RAM; logs in $work"
for server in $servers; do
  dir=$work/$server
  mkdir -p "$dir"
  echo
  echo "## $server: capture → first touch"
  fresh_database
  # shellcheck disable=SC2046 # VAR=value words
  start_stack "$dir/ladder.log" $(ladder_env) LEADFLOW_TEMPORAL_DB="$dir/ladder/temporal.db"
  if wait_ready "$dir/ladder.log"; then
    echo "Stack up in $(( SECONDS - stack_started )) s ($dir/ladder.log)"
    bench CaptureBenchmark "$rates" "$seconds" 2> "$dir/capture.err" | tee "$dir/capture.md" \
      || echo "CaptureBenchmark failed: $dir/capture.err"
  fi
  stop_stack

  echo
  echo "## $server: full-stack restart with $open_leads open cadences"
  fresh_database
  # shellcheck disable=SC2046
  start_stack "$dir/open.log" $(restart_env) LEADFLOW_TEMPORAL_DB="$dir/restart/temporal.db"
  if ! wait_ready "$dir/open.log" || ! bench RestartBenchmark open "$open_leads" "$dir/due.txt" 2> "$dir/restart.err"; then
    echo "No restart measurement on $server (logs $dir/open.log, $dir/restart.err)"
    stop_stack
    continue
  fi
  stop_stack
  stopped=$(date +%s%3N)
  last_due=$(awk '$2 > max { max = $2 } END { print max }' "$dir/due.txt")
  wait_ms=$(( last_due + 1000 - stopped ))
  echo "Stack stopped (SIGINT) at $(date -u -d "@$((stopped / 1000))" +%T) UTC; every day-3 email overdue in $(( wait_ms / 1000 )) s"
  (( wait_ms <= 0 )) || sleep "$(( wait_ms / 1000 )).$(printf '%03d' $(( wait_ms % 1000 )))"
  restarted=$(date +%s%3N)
  # shellcheck disable=SC2046
  start_stack "$dir/restart.log" $(restart_env) LEADFLOW_TEMPORAL_DB="$dir/restart/temporal.db"
  if wait_ready "$dir/restart.log"; then
    bench RestartBenchmark measure "$dir/due.txt" "$restarted" "$dir/restart.properties" "$dir/restart.log" "$dir/open.log" \
      2>> "$dir/restart.err" | tee "$dir/restart.md" || echo "RestartBenchmark failed: $dir/restart.err"
  fi
  stop_stack
done

echo
echo "## Comparison"
python3 - "$work" $servers <<'EOF'
import re, sys
from pathlib import Path
work, servers = Path(sys.argv[1]), sys.argv[2:]

def p50_p99(cell):
    m = re.search(r"p50=([\d.]+) ms p99=([\d.]+) ms", cell)
    return f"{m[1]} / {m[2]} ms" if m else (cell or "—")

def capture(server):
    """rate → (first touch p50/p99, bare p50/p99, errors), and the highest sustained rate."""
    rows, sustained = {}, "failed"
    path = work / server / "capture.md"
    if not path.exists():
        return rows, sustained
    for line in path.read_text().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if re.fullmatch(r"\d+", cells[0]) and len(cells) >= 5:
            rows[int(cells[0])] = (p50_p99(cells[1]), p50_p99(cells[4]), cells[3] or "—")
        elif line.startswith("Highest sustained rate"):
            sustained = line.split(":", 1)[1].strip()
    return rows, sustained

def restart(server):
    path = work / server / "restart.properties"
    return dict(l.split("=", 1) for l in path.read_text().splitlines()) if path.exists() else {}

captures = {s: capture(s) for s in servers}
restarts = {s: restart(s) for s in servers}
print("| | " + " | ".join(servers) + " |")
print("| --- |" + " --- |" * len(servers))
for rate in sorted({r for rows, _ in captures.values() for r in rows}):
    for what, i in (("capture → first touch p50 / p99", 0), ("bare Temporal start → activity p50 / p99", 1), ("errors (failed or untouched leads)", 2)):
        print(f"| {rate}/s: {what} | " + " | ".join(captures[s][0].get(rate, ("failed",) * 3)[i] for s in servers) + " |")
print("| highest sustained rate (every lead touched, p99 ≤ 1 s) | " + " | ".join(captures[s][1] for s in servers) + " |")

def cell(server, fmt):
    r = restarts[server]
    if not r:
        return "failed"
    try:
        return fmt(r)
    except (KeyError, ValueError):
        return "—"
both = lambda a, b, unit: lambda r: f"{r[a]} / {r[b]} {unit}" if r[a] and r[b] else "—"
for what, fmt in (
        ("restart: run-local start → worker started", lambda r: f"{r['restart_to_worker_s']} s"),
        ("restart: run-local start / worker started → every day-3 email SENT", both("restart_to_all_s", "worker_to_all_s", "s")),
        ("restart: day-3 email lateness p50 / p99", both("late_p50_s", "late_p99_s", "s")),
        ("restart: leads lost", lambda r: f"{r['lost']} of {r['leads']}"),
        ("restart: touched twice (rows / DRY-RUN lines per lead+step+channel)", lambda r: f"{r['duplicate_rows']} / {r['duplicate_log_lines']}")):
    print(f"| {what} | " + " | ".join(cell(s, fmt) for s in servers) + " |")
EOF
echo
echo "Logs, Temporal files and tables in $work"
