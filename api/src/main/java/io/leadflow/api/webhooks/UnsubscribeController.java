package io.leadflow.api.webhooks;

import io.leadflow.activities.consent.UnsubscribeTokens;
import io.leadflow.activities.consent.UnsubscribeTokens.Claim;
import io.leadflow.activities.consent.UnsubscribeTokens.Refusal;
import io.leadflow.workflows.Channel;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The link in an email's {@code List-Unsubscribe} header, {@code ?token=<signed token>}
 * ({@link UnsubscribeTokens}). RFC 8058: a mail client's one-click POST unsubscribes; a GET (a
 * person who opened the link, or a scanner that prefetches it) only shows a page whose button
 * POSTs. A token that does not verify is 403, an expired one 410: nothing is stored or applied.
 */
@RestController
class UnsubscribeController {

  static final String PATH = "/api/v1/webhooks/email/unsubscribe";

  private final UnsubscribeTokens tokens;
  private final InboundEvents events;
  private final InboundRelay relay;

  UnsubscribeController(UnsubscribeTokens tokens, InboundEvents events, InboundRelay relay) {
    tokens.requireSecret("The API (it answers the unsubscribe links of emails)");
    this.tokens = tokens;
    this.events = events;
    this.relay = relay;
  }

  @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page(@RequestParam(name = "token", required = false) String token) {
    UnsubscribeTokens.Checked checked = tokens.check(token, Channel.EMAIL, Instant.now());
    return checked.claim().isPresent()
        ? ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(UnsubscribePage.confirm(token))
        : ResponseEntity.status(status(checked.refusal())).contentType(MediaType.TEXT_HTML).body(UnsubscribePage.refused(checked.refusal()));
  }

  /** The mail client's {@code List-Unsubscribe=One-Click}, or the page's button. */
  @PostMapping(path = PATH)
  ResponseEntity<String> unsubscribe(@RequestParam(name = "token", required = false) String token) {
    UnsubscribeTokens.Checked checked = tokens.check(token, Channel.EMAIL, Instant.now());
    Claim claim = checked.claim().orElseThrow(() -> refused(checked.refusal()));
    // One link is one event: a second click, or a client that posts twice, changes nothing.
    String dedupeKey = "unsubscribe:" + claim.leadId() + ":" + claim.expiresAt().getEpochSecond();
    events.storeOnce("email", "unsubscribe", dedupeKey, claim.leadId(), "{}").ifPresent(relay::applyNow);
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(UnsubscribePage.done());
  }

  private static HttpStatus status(Refusal refusal) {
    return refusal == Refusal.EXPIRED ? HttpStatus.GONE : HttpStatus.FORBIDDEN;
  }

  private ErrorResponseException refused(Refusal refusal) {
    HttpStatus status = status(refusal);
    String detail =
        refusal == Refusal.EXPIRED
            ? "This unsubscribe link has expired (links work for " + tokens.lifetime().toDays()
                + " days); use the one in a more recent email. Nothing was done."
            : "This is not an unsubscribe link LeadFlow made, or it was changed. Nothing was done.";
    return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }
}
