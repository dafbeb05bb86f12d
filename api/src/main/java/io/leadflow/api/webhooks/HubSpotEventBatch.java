package io.leadflow.api.webhooks;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A verified HubSpot request: a JSON array of events, each stored once and applied on its own
 * ({@link HubSpotInbound}). HubSpot does not promise that an eventId is unique, so an event is
 * known by its eventId with the record and property it changed; a redelivery (a higher
 * attemptNumber) is then the same event and changes nothing. The value of a property LeadFlow
 * does not use is not kept. Only a store that cannot be reached
 * stops the batch (503, HubSpot retries; what was stored is deduplicated on redelivery).
 */
@Component
class HubSpotEventBatch {

  /** What LeadFlow reads of an event; any other field, of any type, is ignored. */
  static final List<String> FIELDS =
      List.of("eventId", "subscriptionType", "portalId", "objectId", "propertyName", "propertyValue", "occurredAt", "changeSource");

  /** HubSpot's event ids are numbers; this also keeps the log free of whatever else a body holds. */
  private static final Pattern EVENT_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");

  private final InboundEvents events;
  private final InboundRelay relay;
  private final SkippedEvents skipped;
  private final CrmRecords records;
  private final JsonMapper json;

  HubSpotEventBatch(InboundEvents events, InboundRelay relay, SkippedEvents skipped, CrmRecords records, JsonMapper json) {
    this.events = events;
    this.relay = relay;
    this.skipped = skipped;
    this.records = records;
    this.json = json;
  }

  void accept(byte[] body) {
    JsonEventBatches.events(json, body).forEach(this::take);
  }

  private void take(JsonNode node) {
    if (!node.isObject()) {
      skipped.record(HubSpotInbound.PROVIDER, "not an event object", null);
      return;
    }
    Map<String, String> fields = JsonEventBatches.fields(node, FIELDS);
    if (!HubSpotInbound.uses(fields.get("propertyName"))) {
      fields.remove("propertyValue"); // a name, an address…: personal data LeadFlow has no use for
    }
    String eventId = fields.get("eventId");
    if (eventId == null || !EVENT_ID.matcher(eventId).matches()) {
      skipped.record(HubSpotInbound.PROVIDER, "no eventId", null);
      return;
    }
    String dedupeKey =
        "hubspot:" + fields.getOrDefault("portalId", "") + ":" + eventId + ":" + fields.getOrDefault("subscriptionType", "")
            + ":" + fields.getOrDefault("objectId", "") + ":" + fields.getOrDefault("propertyName", "");
    UUID leadId = fields.containsKey("objectId") ? records.leadOf(HubSpotInbound.PROVIDER, fields.get("objectId")).orElse(null) : null;
    try {
      events.storeOnce(HubSpotInbound.PROVIDER, "event", dedupeKey, leadId, json.writeValueAsString(fields)).ifPresent(relay::applyNow);
    } catch (DataIntegrityViolationException unstorable) {
      skipped.record(HubSpotInbound.PROVIDER, "not storable", eventId);
    }
  }
}
