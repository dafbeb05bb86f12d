"""Compares what the providers accepted (WireMock's journal) with the touch table after a chaos run
and prints the summary row for docs/reliability.md. Exits 1 when anything was lost or duplicated,
a touch went out after its person's suppression, an opt-out on a closed lead was not kept, or an
activity was still failing past its bound."""
import csv
import hashlib
import json
import re
import sys
import urllib.parse
from collections import Counter, defaultdict

work, leads, kills, storm, pg_restart = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
AFTER_ACTION_GRACE = 1.0  # seconds: a send already past its checks when the reply arrived
FINISHED = ("NURTURE", "ENGAGED", "OPTED_OUT", "MEETING_BOOKED", "DISQUALIFIED")
# Seconds each activity type may fail before its step gives up: the table "Bounds and giving up" in
# docs/reliability.md (workflows.LeadActivities), by the activity type the failing_activity table keeps.
BOUNDS = {
    "CurrentPlaybook": 5 * 60, "Enrich": 2 * 60, "Score": 5 * 60, "Route": 5 * 60,
    "RecordProgress": 10 * 60, "RecordGaveUp": 10 * 60, "SendTouch": 60 * 60, "NotifyRep": 60 * 60,
}


def contact_key(kind, value):
    """activities.store.ContactKeys: the key a suppression is stored under."""
    if not value:
        return None
    if kind == "email":
        normalized = value.strip().lower()
    else:
        normalized = ("+" if value.strip().startswith("+") else "") + re.sub("[^0-9]", "", value)
    return hashlib.sha256(("%s:%s" % (kind, normalized)).encode()).hexdigest()


lead_status, lead_by_phone = {}, {}
sent = Counter()            # (lead, channel) -> touches recorded SENT
ambiguous = Counter()       # (lead, channel) -> touches recorded FAILED as ambiguous (maybe sent)
sent_at = defaultdict(list)
touches_per_lead = Counter()
lead_keys = {}              # lead -> (email key, phone key)
sent_touches = []           # (lead, channel, sent at) of every SENT touch
created_at = defaultdict(list)  # lead -> when each of its touches was reserved
with open(work + "/touches.csv") as f:
    for lead, phone, status, key, channel, outcome, detail, sent_epoch, created_epoch, email in csv.reader(f):
        lead_status[lead] = status
        lead_by_phone[phone] = lead
        lead_keys[lead] = (contact_key("email", email), contact_key("phone", phone))
        if not key:
            continue
        created_at[lead].append(float(created_epoch))
        if outcome == "SENT":
            sent[(lead, channel)] += 1
            sent_at[lead].append(float(sent_epoch))
            sent_touches.append((lead, channel, float(sent_epoch)))
        if outcome == "FAILED" and detail.startswith("ambiguous"):
            ambiguous[(lead, channel)] += 1
        if outcome in ("SENT", "FAILED", "SKIPPED"):
            touches_per_lead[lead] += 1

accepted = Counter()        # (lead, channel) -> sends the provider accepted
accepted_at = defaultdict(list)
refused = 0
for entry in json.load(open(work + "/journal.json"))["requests"]:
    request, status = entry["request"], entry["responseDefinition"]["status"]
    if status >= 300:
        refused += 1
        continue
    if request["url"].endswith("/mail/send"):
        args = json.loads(request["body"])["personalizations"][0]["custom_args"]
        key = (args["lead_id"], "EMAIL")
    else:
        form = urllib.parse.parse_qs(request["body"])
        channel = "SMS" if request["url"].endswith("/Messages.json") else "CALL"
        key = (lead_by_phone.get(form["To"][0]), channel)
    accepted[key] += 1
    accepted_at[key[0]].append(entry["request"]["loggedDate"] / 1000.0)

duplicated = sum(max(0, accepted[k] - sent[k] - ambiguous[k]) for k in accepted)
recorded_not_accepted = sum(max(0, sent[k] - accepted[k]) for k in sent)
maybe_sent = sum(ambiguous.values())
# An attempt killed after marking SENDING but before its request left is never repeated either.
never_reached = sum(max(0, sent[k] + ambiguous[k] - accepted[k]) for k in set(sent) | set(ambiguous)) \
    - recorded_not_accepted

actions = {}                # lead -> its first action the API accepted (reply, opt-out, meeting, disqualify)
closed_opt_outs = []        # (lead, status when it opted out, HTTP status, when)
try:
    with open(work + "/actions.csv") as f:
        for lead, action, http_status, epoch in csv.reader(f):
            if action.startswith("opt-out-"):
                closed_opt_outs.append((lead, action[len("opt-out-"):], http_status, float(epoch)))
            if http_status == "202" and lead not in actions:
                actions[lead] = (action, float(epoch))
except FileNotFoundError:
    pass

# Touches SENT by an attempt that started (touch.sent_at is the attempt's start, before its checks)
# after a suppression of the person's email or phone for that channel or ALL was stored.
suppressed_since = defaultdict(list)  # (contact key, channel) -> suppression times
with open(work + "/suppressions.csv") as f:
    for key, channel, epoch in csv.reader(f):
        suppressed_since[(key, channel)].append(float(epoch))
sent_after_suppression = 0
for lead, channel, at in sent_touches:
    key = lead_keys[lead][0 if channel == "EMAIL" else 1]
    since = suppressed_since[(key, channel)] + suppressed_since[(key, "ALL")]
    if any(at > t for t in since):
        sent_after_suppression += 1

# An opt-out on a closed lead: answered 202 and both of the person's keys suppressed on ALL.
closed_opt_outs_kept = sum(
    1 for lead, status, http_status, _ in closed_opt_outs
    if http_status == "202" and all(suppressed_since[(k, "ALL")] for k in lead_keys[lead] if k))
closed_when_opted_out = sum(1 for _, status, _, _ in closed_opt_outs if status in ("MEETING_BOOKED", "DISQUALIFIED"))
# Re-captures of opted-out people: a closed lead captured again re-opens in a new run, whose
# touches (reserved after the opt-out) the suppression list must skip.
reopened = sum(1 for lead, _, _, at in closed_opt_outs if any(t > at for t in created_at[lead]))
recaptured = answers_again = 0
for i in range(1, leads + 1):
    try:
        with open("%s/captured/again-%d.json" % (work, i)) as f:
            body = f.read()
    except FileNotFoundError:
        continue
    recaptured += 1
    if '"leadId"' in body:
        answers_again += 1

# Activities still failing longer than their kind's bound: their step should have given up.
failing_past_bound = 0
with open(work + "/failing.csv") as f:
    for workflow, activity_type, first_failed, now in csv.reader(f):
        if activity_type not in BOUNDS or float(now) - float(first_failed) > BOUNDS[activity_type]:
            print("failing past its bound: %s %s since %.0f s" % (workflow, activity_type, float(now) - float(first_failed)))
            failing_past_bound += 1
after_action = sum(
    1 for lead, (_, at) in actions.items() for t in sent_at[lead] if t > at + AFTER_ACTION_GRACE)
provider_after_action = sum(
    1 for lead, (_, at) in actions.items() for t in accepted_at[lead] if t > at + AFTER_ACTION_GRACE)

# Each person's first capture answer (captured/<i>.json). A refused capture (429 for the fifth
# duplicate, 503 while PostgreSQL restarts) is not accepted: the caller was told so.
answers = Counter()
accepted_not_stored = 0
for i in range(1, leads + 1):
    with open("%s/captured/%d.json" % (work, i)) as f:
        body = f.read()
    if '"leadId"' in body:
        answers[202] += 1
        if "+1646200%04d" % i not in lead_by_phone:
            accepted_not_stored += 1
    else:
        answers[json.loads(body).get("status", 0) if body.strip() else 0] += 1
refusals = ", ".join("%d × %s" % (n, status) for status, n in sorted(answers.items()) if status != 202)

finished = sum(1 for s in lead_status.values() if s in FINISHED)
# A lead nobody answered gets all 7 cadence touches (instant reply + day 1/3/5/8/14).
silent = [lead for lead in lead_status if lead not in actions]
short = sum(1 for lead in silent if touches_per_lead[lead] < 7)

print()
print("| injected | captures answered 202 (refused) | accepted but not stored | leads stored | finished | provider accepted | touches SENT "
      "| sent twice | SENT but never accepted | silent leads missing touches "
      "| sends started >1 s after reply/opt-out (accepted after it: in flight when it came) "
      "| ambiguous, not resent (of which never reached the provider) | provider refusals absorbed "
      "| opt-outs on closed leads kept (closed when asked) | opted-out people captured again: answered (re-opened runs) "
      "| touches sent after an opt-out | activities failing past their bound |")
print("|" + " --- |" * 17)
injected = ("%s × kill -9 worker%s%s, %d replies/opt-outs/meetings/disqualifications, %d opt-outs on closed leads, "
            "%d re-captures of opted-out people, 5× duplicate captures of every 50th lead") % (
    kills, ", 429/503/timeout storm + 20-400 ms latency" if storm == "1" else "",
    ", PostgreSQL restart" if pg_restart == "1" else "", len(actions), len(closed_opt_outs), recaptured)
print("| %s | %d (%s) | %d | %d | %d | %d | %d | %d | %d | %d | %d (%d) | %d (%d) | %d | %d of %d (%d) | %d of %d (%d) | %d | %d |" % (
    injected, answers[202], refusals or "none", accepted_not_stored, len(lead_status), finished, sum(accepted.values()), sum(sent.values()), duplicated,
    recorded_not_accepted, short, after_action, provider_after_action, maybe_sent, never_reached, refused,
    closed_opt_outs_kept, len(closed_opt_outs), closed_when_opted_out, answers_again, recaptured, reopened,
    sent_after_suppression, failing_past_bound))
lost = accepted_not_stored or finished != len(lead_status) or short or recorded_not_accepted
unheard = closed_opt_outs_kept != len(closed_opt_outs) or sent_after_suppression
sys.exit(1 if lost or duplicated or after_action or unheard or failing_past_bound else 0)
