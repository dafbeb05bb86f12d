"""Compares what the providers accepted (WireMock's journal) with the touch table after a chaos run
and prints the summary row for docs/reliability.md. Exits 1 when anything was lost or duplicated."""
import csv
import json
import sys
import urllib.parse
from collections import Counter, defaultdict

work, leads, kills, storm, pg_restart = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
AFTER_ACTION_GRACE = 1.0  # seconds: a send already past its checks when the reply arrived

lead_status, lead_by_phone = {}, {}
sent = Counter()            # (lead, channel) -> touches recorded SENT
ambiguous = Counter()       # (lead, channel) -> touches recorded FAILED as ambiguous (maybe sent)
sent_at = defaultdict(list)
touches_per_lead = Counter()
with open(work + "/touches.csv") as f:
    for lead, phone, status, key, channel, outcome, detail, sent_epoch, created_epoch in csv.reader(f):
        lead_status[lead] = status
        lead_by_phone[phone] = lead
        if not key:
            continue
        if outcome == "SENT":
            sent[(lead, channel)] += 1
            sent_at[lead].append(float(sent_epoch))
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

actions = {}
try:
    with open(work + "/actions.csv") as f:
        for lead, action, http_status, epoch in csv.reader(f):
            if http_status == "202":
                actions[lead] = (action, float(epoch))
except FileNotFoundError:
    pass
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

finished = sum(1 for s in lead_status.values() if s in ("NURTURE", "ENGAGED", "OPTED_OUT"))
# A lead nobody answered gets all 7 cadence touches (instant reply + day 1/3/5/8/14).
silent = [lead for lead in lead_status if lead not in actions]
short = sum(1 for lead in silent if touches_per_lead[lead] < 7)

print()
print("| injected | captures answered 202 (refused) | accepted but not stored | leads stored | finished | provider accepted | touches SENT "
      "| sent twice | SENT but never accepted | silent leads missing touches "
      "| sends started >1 s after reply/opt-out (accepted after it: in flight when it came) "
      "| ambiguous, not resent (of which never reached the provider) | provider refusals absorbed |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
injected = "%s × kill -9 worker%s%s, %d replies/opt-outs, 5× duplicate captures of every 50th lead" % (
    kills, ", 429/503/timeout storm + 20-400 ms latency" if storm == "1" else "",
    ", PostgreSQL restart" if pg_restart == "1" else "", len(actions))
print("| %s | %d (%s) | %d | %d | %d | %d | %d | %d | %d | %d | %d (%d) | %d (%d) | %d |" % (
    injected, answers[202], refusals or "none", accepted_not_stored, len(lead_status), finished, sum(accepted.values()), sum(sent.values()), duplicated,
    recorded_not_accepted, short, after_action, provider_after_action, maybe_sent, never_reached, refused))
lost = accepted_not_stored or finished != len(lead_status) or short or recorded_not_accepted
sys.exit(1 if lost or duplicated or after_action else 0)
