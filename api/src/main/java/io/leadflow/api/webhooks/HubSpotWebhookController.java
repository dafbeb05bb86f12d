package io.leadflow.api.webhooks;

import java.time.Clock;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * HubSpot's webhook (an app's contact.propertyChange subscriptions). The body arrives already read
 * within its limit (RequestSizeLimit); its v3 signature is checked over those bytes before anything
 * parses them. Forged or stale: 403, nothing stored. Otherwise each event is stored before the 200
 * ({@link HubSpotEventBatch}).
 */
@RestController
class HubSpotWebhookController {

  static final String PATH = "/api/v1/webhooks/hubspot";

  private final HubSpotProperties hubSpot;
  private final HubSpotEventBatch batch;
  private final Clock clock = Clock.systemUTC();

  HubSpotWebhookController(HubSpotProperties hubSpot, HubSpotEventBatch batch) {
    this.hubSpot = hubSpot;
    this.batch = batch;
  }

  @PostMapping(PATH)
  ResponseEntity<Void> events(
      @RequestBody byte[] body,
      @RequestHeader(name = "X-HubSpot-Signature-v3", required = false) String signature,
      @RequestHeader(name = "X-HubSpot-Request-Timestamp", required = false) String timestamp) {
    HubSpotSignature.rejection(hubSpot.clientSecret(), hubSpot.webhookUrl(), "POST", body, signature, timestamp, clock.instant())
        .ifPresent(WebhookRejected::reject);
    batch.accept(body);
    return ResponseEntity.ok().build();
  }
}
