"""Schemathesis checks ApiFuzzTest adds to its own: every error the API answers is RFC 9457."""

import json

import schemathesis


UNSUBSCRIBE_PAGE = "/api/v1/webhooks/email/unsubscribe"


@schemathesis.check
def client_errors_are_problem_json(ctx, response, case):
    """A 4xx is application/problem+json whose status is the response's and whose detail says why."""
    if not 400 <= response.status_code < 500:
        return
    content_type = (response.headers.get("content-type") or [""])[0]
    if case.method == "GET" and case.path == UNSUBSCRIBE_PAGE and content_type.startswith("text/html"):
        # A page a person opens from an email refuses a bad link with a page (docs/channels.md);
        # a request malformed before the page is reached is a problem like any other.
        return
    if content_type.split(";")[0].strip() != "application/problem+json":
        raise AssertionError(f"{response.status_code} answered as {content_type or 'no content type'}, not application/problem+json")
    problem = json.loads(response.content)
    if problem.get("status") != response.status_code:
        raise AssertionError(f"problem status {problem.get('status')} on a {response.status_code}")
    if not problem.get("detail"):
        raise AssertionError("problem without a detail")
