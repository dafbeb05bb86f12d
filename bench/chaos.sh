#!/usr/bin/env bash
# Chaos against a private local stack, then a check that nothing was lost or sent twice.
#   bench/chaos.sh [leads, default 1000] [worker kills, default 5]
#   STORM=0       providers answer 2xx at once (default: Twilio/SendGrid answer 429 and 503 in
#                 turn, take 20-400 ms, so kills also land between a provider call and its record,
#                 and one answer in six comes after the 1.5 s read timeout)
#   PG_RESTART=1  restart PostgreSQL once mid-run (the machine's shared cluster: run it alone)
# Injected: kill -9 of the worker at random moments (then restarted), duplicate concurrent captures,
# replies and opt-outs in the middle of cadences, opt-outs on closed leads (meeting booked,
# disqualified), then every opted-out person captured again. Compared at the end: WireMock's journal
# (what the providers accepted) with the touch table; touches sent after a suppression of their
# person and channel; activities failing past their bound. Loopback only: Temporal 17290 (UI 18233), API 18090, worker
# management 18091, WireMock 18099, database leadflow_chaos (dropped first). Needs psql, python3.
# Build first: mvn -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
leads=${1:-1000}
kills=${2:-5}
storm=${STORM:-1}
pg_restart=${PG_RESTART:-0}
work=$(mktemp -d /tmp/leadflow-chaos.XXXX)
worker_jar=worker/target/leadflow-worker.jar
api_jar=api/target/leadflow-api.jar
wiremock_version=3.13.2
wiremock_jar=~/.m2/repository/org/wiremock/wiremock-standalone/$wiremock_version/wiremock-standalone-$wiremock_version.jar
[[ -f $wiremock_jar ]] || mvn -q dependency:get -Dartifact=org.wiremock:wiremock-standalone:$wiremock_version

account=AC00000000000000000000000000c4a05
export LEADFLOW_DB_URL=jdbc:postgresql://127.0.0.1:5432/leadflow_chaos
export LEADFLOW_TEMPORAL_PORT=17290 TEMPORAL_ADDRESS=127.0.0.1:17290 LEADFLOW_API_PORT=18090
export LEADFLOW_WORKER_MANAGEMENT_PORT=18091
export LEADFLOW_LIFECYCLE_DAY=2s LEADFLOW_LIFECYCLE_ACK_SLA=500ms LEADFLOW_LIFECYCLE_BACKUP_ACK_SLA=500ms
export LEADFLOW_LIFECYCLE_TIERS_WARM_ACK_SLA=500ms
export LEADFLOW_LIFECYCLE_QUIET_HOURS_WINDOW_START=00:00 LEADFLOW_LIFECYCLE_QUIET_HOURS_WINDOW_END=23:59:59
export LEADFLOW_LIFECYCLE_QUIET_HOURS_FALLBACK_ZONES=UTC LEADFLOW_LIFECYCLE_QUIET_HOURS_OPENING_SPREAD=0s
export LEADFLOW_API_DEV_KEYS=true SERVER_ADDRESS=127.0.0.1 LEADFLOW_CAPTURE_PER_KEY_PER_MINUTE=1000000
export LEADFLOW_UNSUBSCRIBE_SECRET=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
# The real Twilio and SendGrid SDKs, pointed at WireMock.
export SPRING_APPLICATION_JSON='{"leadflow":{
  "twilio":{"account-sid":"'$account'","auth-token":"chaos-token","from-number":"+12125550199",
            "voicemail-url":"https://leads.example.test/voicemail.xml","base-url":"http://127.0.0.1:18099",
            "read-timeout":"1500ms"},
  "sendgrid":{"api-key":"SG.chaos","from-email":"ana@leadflow.test","reply-domain":"reply.leadflow.test",
              "host":"127.0.0.1:18099","plain-http":true,"read-timeout":"1500ms",
              "unsubscribe-url":"https://leads.example.test/api/v1/webhooks/email/unsubscribe"},
  "compliance":{"postal-address":"LeadFlow Chaos, 1 Main St, Springfield, IL 62701, USA"}}}'
psql -q -h 127.0.0.1 -U postgres -c 'drop database if exists leadflow_chaos' postgres
scripts/temporal-codec-key.sh  # the jars below, started here, read it (.local/temporal-codec.properties)

pids=()
temporal_pid=
trap 'kill $temporal_pid 2>/dev/null; kill -9 "${pids[@]}" $(cat "$work/worker.pid" 2>/dev/null) 2>/dev/null || true' EXIT
# A worker keeps up to 40 requests in flight (20 connections each to Twilio and SendGrid); with
# WireMock's default 25 threads the fake providers queued them, unlike the real ones.
java -jar "$wiremock_jar" --port 18099 --bind-address 127.0.0.1 --root-dir "$work/wiremock" \
  --container-threads 100 --disable-banner > "$work/wiremock.log" 2>&1 &
pids+=($!)
# Temporal's own dev server (the CLI's), its data in the run's folder.
LEADFLOW_TEMPORAL_DB=$work/temporal.db LEADFLOW_TEMPORAL_UI_PORT=18233 LEADFLOW_TEMPORAL_READY_FILE=$work/temporal.ready \
  scripts/temporal-server.sh > "$work/temporal.log" 2>&1 &
temporal_pid=$!
until curl -sf localhost:18099/__admin/health > /dev/null && [[ -s $work/temporal.ready ]]; do
  kill -0 "$temporal_pid" || { cat "$work/temporal.log"; exit 1; }
  sleep 0.5
done
STORM=$storm ACCOUNT=$account python3 bench/chaos/providers.py
start_worker() { java -jar "$worker_jar" >> "$work/worker.log" 2>&1 & echo $! > "$work/worker.pid"; }
start_worker
# Like compose's restart policy: a worker that died (killed, or failed to start while PostgreSQL
# was restarting) is started again within a second.
(
  while sleep 1; do
    if ! kill -0 "$(cat "$work/worker.pid")" 2>/dev/null; then
      echo "  worker not running at $(date +%T): restarted"
      start_worker
    fi
  done
) &
pids+=($!)
java -jar "$api_jar" > "$work/api.log" 2>&1 &
pids+=($!)
until curl -sf localhost:18090/actuator/health > /dev/null; do sleep 1; done

echo "$leads leads, $kills worker kills, storm=$storm, PostgreSQL restart=$pg_restart (logs in $work)"
capture() {  # $1 lead number, consenting to calls and texts; prints the admin key's answer (it names the lead)
  curl -s -X POST localhost:18090/api/v1/leads -H 'Authorization: Bearer dev-admin' \
    -H 'Content-Type: application/json' \
    -d "{\"name\":\"Chaos $1\",\"email\":\"chaos+$1@acme.test\",\"phone\":\"+1646200$(printf '%04d' "$1")\",\"source\":\"chaos\",\"interest\":\"demo\",\"consent\":[{\"channel\":\"CALL\",\"method\":\"CHECKBOX\",\"text\":\"Acme may call me.\"},{\"channel\":\"SMS\",\"method\":\"CHECKBOX\",\"text\":\"Acme may text me.\"}]}"
}
mkdir -p "$work/captured"
(
  for i in $(seq 1 "$leads"); do
    capture "$i" > "$work/captured/$i.json" &
    if (( i % 50 == 0 )); then  # the same person five times at once: still one lead
      for _ in 1 2 3 4 5; do capture "$i" > /dev/null & done
    fi
    sleep 0.05
  done
  wait
) &
capture_loop=$!

(
  for _ in $(seq 1 "$kills"); do
    sleep $((5 + RANDOM % 15))
    kill -9 "$(cat "$work/worker.pid")" 2>/dev/null || true
    echo "  killed the worker at $(date +%T)"
  done
) &
kill_loop=$!

if [[ $pg_restart == 1 ]]; then
  ( sleep 25; echo "  restarting PostgreSQL at $(date +%T)"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main restart ) &
fi

lead_id() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["leadId"])' "$work/captured/$1.json" 2>/dev/null; }
act() {  # $1 lead id, $2 action path, $3 body, $4 name in actions.csv; appends lead,action,status,time
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "localhost:18090/api/v1/leads/$1/$2" \
    -H 'Authorization: Bearer dev-admin' -H 'Content-Type: application/json' -d "$3")
  echo "$1,$4,$status,$(date +%s.%N)" >> "$work/actions.csv"
}
sql() { psql -qtA -h 127.0.0.1 -U postgres -d leadflow_chaos -c "$1"; }

# While cadences run: a reply on every 10th lead from the 3rd, a full opt-out from the 7th; from
# the 5th, once routed, a booked meeting (5, 25, ...) or a disqualification (15, 35, ...).
wait "$capture_loop"
closing=()
for i in $(seq 1 "$leads"); do
  (( i % 10 == 3 || i % 10 == 5 || i % 10 == 7 )) || continue
  id=$(lead_id "$i") || continue
  case $(( i % 20 )) in
    3|13) act "$id" replies '{"channel":"SMS","body":"Yes, call me tomorrow"}' replies ;;
    7|17) act "$id" opt-out '{}' opt-out ;;
    *) closing+=("$i:$id") ;;
  esac
  sleep 0.02
done
in_list() { local ids=("${closing[@]#*:}"); printf "'%s'," "${ids[@]:-00000000-0000-0000-0000-000000000000}" | sed 's/,$//'; }
deadline=$((SECONDS + 60))
until [[ $(sql "select count(*) from lead where id in ($(in_list)) and status in ('NEW','CAPTURED')") -eq 0 ]] \
      || (( SECONDS > deadline )); do
  sleep 1
done
for entry in "${closing[@]}"; do
  i=${entry%%:*} id=${entry#*:}
  if (( i % 20 == 5 )); then
    act "$id" meeting "{\"at\":\"$(date -u -d '+3 days' +%FT%TZ)\"}" meeting
  else
    act "$id" disqualify '{"reason":"chaos: wrong segment"}' disqualify
  fi
  sleep 0.02
done
# Then the closed ones opt out of everything: accepted and suppressed although no run is open.
# A lead still closing after a minute (its workflow behind a retried send) opts out all the same.
deadline=$((SECONDS + 60))
until [[ $(sql "select count(*) from lead where id in ($(in_list)) and status not in ('MEETING_BOOKED','DISQUALIFIED')") -eq 0 ]] \
      || (( SECONDS > deadline )); do
  sleep 1
done
for entry in "${closing[@]}"; do
  id=${entry#*:}
  act "$id" opt-out '{}' "opt-out-$(sql "select status from lead where id = '$id'")"
done
# Every person who opted out is captured again: an opted-out lead keeps its capture and stays
# silent; a closed lead re-opens in a new round whose touches the suppression list must skip.
for i in $(seq 1 "$leads"); do
  (( i % 10 == 5 || i % 10 == 7 )) || continue
  capture "$i" > "$work/captured/again-$i.json"
done
wait "$kill_loop"

sleep 10  # the re-captures' new runs record their first status
deadline=$((SECONDS + 900))  # storm retries back off up to 5 min
until [[ $(sql "select count(*) from lead where status not in ('NURTURE','ENGAGED','OPTED_OUT','MEETING_BOOKED','DISQUALIFIED')") -eq 0 \
         && $(sql "select count(*) from touch where outcome in ('RESERVED','SENDING')") -eq 0 \
         && $(sql "select count(*) from capture_outbox where done_at is null") -eq 0 ]] \
      || (( SECONDS > deadline )); do
  sleep 5
done
sleep 5  # sends already on the wire land in the journal

curl -s localhost:18099/__admin/requests > "$work/journal.json"
sql "copy (select l.id, l.phone, l.status, t.business_key, t.channel, t.outcome, coalesce(t.detail,''),
             extract(epoch from t.sent_at), extract(epoch from t.created_at), l.email
           from lead l left join touch t on t.lead_id = l.id) to stdout with csv" > "$work/touches.csv"
sql "copy (select contact_key, channel, extract(epoch from created_at) from suppression) to stdout with csv" \
  > "$work/suppressions.csv"
sql "copy (select workflow_id, activity_type, extract(epoch from first_failed_at), extract(epoch from now())
           from failing_activity) to stdout with csv" > "$work/failing.csv"
python3 bench/chaos/verify.py "$work" "$leads" "$kills" "$storm" "$pg_restart"
