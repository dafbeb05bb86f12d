package io.leadflow.api.webhooks;

import io.leadflow.activities.outreach.sendgrid.SendGridEvent;
import io.leadflow.activities.store.Sha256;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A verified Event Webhook request: a JSON array of events, each taken on its own. An event is
 * read for the {@link SendGridEvent#FIELDS fields} LeadFlow uses (scalars; any other field of any
 * type is ignored), stored once under its {@code sg_event_id} and applied. One LeadFlow cannot use
 * is {@link SkippedEvents recorded and skipped}. Only a store that cannot be reached stops the
 * batch (503, SendGrid retries; the events stored so far are deduplicated on redelivery).
 */
@Component
class SendGridEventBatch {

  /** SendGrid's event ids are base64url strings of up to 100 characters. */
  private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9_\\-=+/.]{1,100}");

  private final InboundEvents events;
  private final InboundRelay relay;
  private final SkippedEvents skipped;
  private final JsonMapper json;

  SendGridEventBatch(InboundEvents events, InboundRelay relay, SkippedEvents skipped, JsonMapper json) {
    this.events = events;
    this.relay = relay;
    this.skipped = skipped;
    this.json = json;
  }

  void accept(byte[] body) {
    JsonEventBatches.events(json, body).forEach(this::take);
  }

  private void take(JsonNode node) {
    if (!node.isObject()) {
      skipped.record("sendgrid", "not an event object", null);
      return;
    }
    Map<String, String> fields = JsonEventBatches.fields(node, SendGridEvent.FIELDS);
    SendGridEvent event = SendGridEvent.of(fields);
    String id = event.eventId() != null && EVENT_ID.matcher(event.eventId()).matches() ? event.eventId() : null;
    Optional<String> why = event.unusable();
    if (why.isPresent()) {
      skipped.record("sendgrid", why.get(), id);
      return;
    }
    String dedupeKey = "sendgrid:" + (id != null ? id : "sha256:" + Sha256.hex(node.toString()));
    try {
      events.storeOnce("sendgrid", "event", dedupeKey, event.leadId(), json.writeValueAsString(fields)).ifPresent(relay::applyNow);
    } catch (DataIntegrityViolationException unstorable) {
      skipped.record("sendgrid", "not storable", id);
    }
  }
}
