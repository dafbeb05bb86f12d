package io.leadflow.api.webhooks;

import io.leadflow.activities.store.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SendGrid's webhooks: the signed Event Webhook, Inbound Parse (replies), and RFC 8058 one-click
 * unsubscribe. Every accepted event is stored (deduplicated) before the 2xx; a transient fault
 * answers 5xx so SendGrid retries instead of dropping the event.
 */
@RestController
class SendGridWebhookController {

  private static final Pattern REPLY_ADDRESS = Pattern.compile("\\+([0-9a-fA-F-]{36})@");

  private final WebhookProperties properties;
  private final InboundEvents events;
  private final InboundRelay relay;
  private final JsonMapper json;

  SendGridWebhookController(WebhookProperties properties, InboundEvents events, InboundRelay relay, JsonMapper json) {
    this.properties = properties;
    this.events = events;
    this.relay = relay;
    this.json = json;
  }

  @PostMapping("/api/v1/webhooks/sendgrid/events")
  ResponseEntity<Void> events(
      @RequestBody byte[] body,
      @RequestHeader(name = "X-Twilio-Email-Event-Webhook-Signature", required = false) String signature,
      @RequestHeader(name = "X-Twilio-Email-Event-Webhook-Timestamp", required = false) String timestamp) {
    SendGridSignature.verify(properties.sendgridVerificationKey(), signature, timestamp, body, properties.replayWindow());
    for (JsonNode event : json.readTree(new String(body, StandardCharsets.UTF_8))) {
      Map<String, String> fields = new HashMap<>();
      event.properties().forEach(field -> fields.put(field.getKey(), field.getValue().asString()));
      events.storeOnce("sendgrid", "event", "sendgrid:" + fields.get("sg_event_id"), SendGridInbound.parse(fields.get("lead_id")), json.writeValueAsString(fields))
          .ifPresent(relay::applyNow);
    }
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
    if (properties.inboundParseToken() == null || token == null
        || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), properties.inboundParseToken().getBytes(StandardCharsets.UTF_8))) {
      throw new WebhookRejected("The Inbound Parse token is missing or wrong.");
    }
    Matcher address = REPLY_ADDRESS.matcher(to);
    UUID leadId = address.find() ? SendGridInbound.parse(address.group(1)) : null;
    String messageId = messageId(headers).orElseGet(() -> "email:" + Sha256.hex(to + "|" + from + "|" + subject + "|" + text).substring(0, 32));
    Map<String, String> email = new HashMap<>();
    email.put("text", text);
    email.put("messageId", messageId);
    events.storeOnce("sendgrid", "reply", "sendgrid:" + messageId, leadId, json.writeValueAsString(email)).ifPresent(relay::applyNow);
    return ResponseEntity.ok().build();
  }

  /** RFC 8058: mail clients POST "List-Unsubscribe=One-Click" to the URL in the header. */
  @PostMapping("/api/v1/webhooks/email/unsubscribe")
  ResponseEntity<Void> unsubscribe(@RequestParam("lead") String lead) {
    UUID leadId = SendGridInbound.parse(lead);
    if (leadId != null) {
      events.storeOnce("email", "unsubscribe", "unsubscribe:" + leadId, leadId, "{}").ifPresent(relay::applyNow);
    }
    return ResponseEntity.ok().build();
  }

  /** The email's own Message-ID, from the raw headers Inbound Parse passes along. */
  private static java.util.Optional<String> messageId(String headers) {
    if (headers == null) {
      return java.util.Optional.empty();
    }
    return headers.lines()
        .filter(line -> line.regionMatches(true, 0, "Message-ID:", 0, 11))
        .map(line -> line.substring(11).strip())
        .filter(id -> !id.isEmpty())
        .findFirst();
  }
}
