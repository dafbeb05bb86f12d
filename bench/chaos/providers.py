"""Stubs Twilio (Messages, Calls) and SendGrid (mail/send) on the chaos run's WireMock.

With STORM=1 each endpoint answers in a cycle of six: three accepted, one 429, one 503, and one
accepted only after 3 s, past the worker's read timeout (chaos.sh sets 1.5 s): a timeout storm.
Accepted answers take 20-400 ms, so a killed worker is sometimes caught between the provider
accepting a send and the touch being recorded.
"""
import json
import os
import urllib.request

ADMIN = "http://127.0.0.1:18099/__admin/mappings"
account = os.environ["ACCOUNT"]
storm = os.environ.get("STORM", "1") == "1"

twilio_accepted = {
    "status": 201,
    "headers": {"Content-Type": "application/json"},
    "body": '{"sid": "{{randomValue length=32 type=\'HEXADECIMAL\'}}", "status": "queued"}',
    "transformers": ["response-template"],
}
endpoints = {
    "sms": ("/2010-04-01/Accounts/%s/Messages.json" % account, twilio_accepted),
    "call": ("/2010-04-01/Accounts/%s/Calls.json" % account, twilio_accepted),
    "email": ("/v3/mail/send", {"status": 202}),
}
refusals = [
    {"status": 429, "headers": {"Content-Type": "application/json"},
     "body": '{"code": 20429, "message": "Too Many Requests", "status": 429}'},
    {"status": 503, "headers": {"Content-Type": "application/json"},
     "body": '{"code": 20503, "message": "Service Unavailable", "status": 503}'},
]


def stub(mapping):
    request = urllib.request.Request(
        ADMIN, data=json.dumps(mapping).encode(), headers={"Content-Type": "application/json"}, method="POST")
    urllib.request.urlopen(request).read()


for name, (url, accepted) in endpoints.items():
    if not storm:
        stub({"request": {"method": "POST", "url": url}, "response": accepted})
        continue
    slow_accepted = dict(accepted, delayDistribution={"type": "uniform", "lower": 20, "upper": 400})
    silent = dict(accepted, fixedDelayMilliseconds=3000)
    answers = [slow_accepted, slow_accepted, slow_accepted] + refusals + [silent]
    states = ["Started"] + ["%s-%d" % (name, n) for n in range(1, len(answers))]
    for n, answer in enumerate(answers):
        stub({
            "scenarioName": name,
            "requiredScenarioState": states[n],
            "newScenarioState": states[(n + 1) % len(answers)],
            "request": {"method": "POST", "url": url},
            "response": answer,
        })
