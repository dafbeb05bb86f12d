package io.leadflow.api.webhooks;

import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calendly's webhook subscription (invitee.created, invitee.canceled). The body arrives here
 * already read within its limit (RequestSizeLimit); its signature ({@link CalendlySignature}) is
 * checked over those bytes before anything parses them: otherwise 403 and nothing is stored. An
 * accepted event is stored before the 200 ({@link CalendlyIntake}).
 */
@RestController
class CalendlyWebhookController {

  private final CalendlyProperties calendly;
  private final CalendlyIntake intake;

  CalendlyWebhookController(CalendlyProperties calendly, CalendlyIntake intake) {
    this.calendly = calendly;
    this.intake = intake;
  }

  @PostMapping(path = "/api/v1/webhooks/calendly", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> event(
      @RequestBody byte[] body, @RequestHeader(name = "Calendly-Webhook-Signature", required = false) String signature) {
    CalendlySignature.rejection(calendly.signingKey(), signature, body, calendly.tolerance(), Instant.now())
        .ifPresent(WebhookRejected::reject);
    intake.accept(body);
    return ResponseEntity.ok().build();
  }
}
