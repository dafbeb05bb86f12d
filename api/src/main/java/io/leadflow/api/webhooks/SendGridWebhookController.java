package io.leadflow.api.webhooks;

import io.leadflow.activities.outreach.sendgrid.SendGridProperties;
import io.leadflow.activities.outreach.sendgrid.SendGridReply;
import io.leadflow.activities.outreach.sendgrid.SendGridSignature;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * SendGrid's webhooks: the signed Event Webhook and Inbound Parse (replies); one-click unsubscribe
 * is {@link UnsubscribeController}. Every accepted event is stored (deduplicated) before the 2xx; a transient fault
 * answers 5xx so SendGrid retries instead of dropping the event. The Event Webhook's body arrives
 * here already read within its limit (RequestSizeLimit): its signature is checked over those bytes
 * before anything parses them ({@link SendGridEventBatch}).
 */
@RestController
class SendGridWebhookController {

  private final WebhookProperties properties;
  private final SendGridProperties sendGrid;
  private final InboundEvents events;
  private final InboundRelay relay;
  private final SendGridEventBatch batch;
  private final JsonMapper json;

  SendGridWebhookController(
      WebhookProperties properties,
      SendGridProperties sendGrid,
      InboundEvents events,
      InboundRelay relay,
      SendGridEventBatch batch,
      JsonMapper json) {
    this.properties = properties;
    this.sendGrid = sendGrid;
    this.events = events;
    this.relay = relay;
    this.batch = batch;
    this.json = json;
  }

  @PostMapping("/api/v1/webhooks/sendgrid/events")
  ResponseEntity<Void> events(
      @RequestBody byte[] body,
      @RequestHeader(name = "X-Twilio-Email-Event-Webhook-Signature", required = false) String signature,
      @RequestHeader(name = "X-Twilio-Email-Event-Webhook-Timestamp", required = false) String timestamp) {
    SendGridSignature.rejection(sendGrid.verificationKey(), signature, timestamp, body, properties.replayWindow())
        .ifPresent(WebhookRejected::reject);
    batch.accept(body);
    return ResponseEntity.ok().build();
  }

  /** Inbound Parse posts multipart form fields; the secret token in its URL is its proof. */
  @PostMapping("/api/v1/webhooks/sendgrid/inbound")
  ResponseEntity<Void> inbound(
      @RequestParam(name = "token", required = false) String token,
      @RequestParam("to") String to,
      @RequestParam(name = "text", required = false) String text,
      @RequestParam(name = "subject", required = false) String subject,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "headers", required = false) String headers) {
    SendGridReply.rejection(sendGrid.inboundParseToken(), token).ifPresent(WebhookRejected::reject);
    SendGridReply reply = SendGridReply.of(to, from, subject, text, headers);
    Map<String, String> email = new HashMap<>();
    email.put("text", reply.text());
    email.put("messageId", reply.messageId());
    events.storeOnce("sendgrid", "reply", "sendgrid:" + reply.messageId(), reply.leadId(), json.writeValueAsString(email))
        .ifPresent(relay::applyNow);
    return ResponseEntity.ok().build();
  }
}
