package io.leadflow.api.webhooks;

import io.leadflow.activities.store.Sha256;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A verified Calendly webhook: read ({@link CalendlyEvent}), stored once under its invitee and
 * event name, then applied ({@link CalendlyInbound}). An event of a kind LeadFlow does not use is
 * stored as processed and {@link SkippedEvents recorded as skipped}; an invitee event without the
 * fields LeadFlow needs is recorded and skipped. Either way Calendly gets its 200 and does not retry.
 */
@Component
class CalendlyIntake {

  static final String NOT_USED = "skipped: not an event LeadFlow uses";
  private static final int MAX_KIND = 32;

  private final InboundEvents events;
  private final InboundRelay relay;
  private final CalendlyLeads leads;
  private final SkippedEvents skipped;
  private final JsonMapper json;

  CalendlyIntake(InboundEvents events, InboundRelay relay, CalendlyLeads leads, SkippedEvents skipped, JsonMapper json) {
    this.events = events;
    this.relay = relay;
    this.leads = leads;
    this.skipped = skipped;
    this.json = json;
  }

  void accept(byte[] body) {
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (JacksonException unreadable) {
      throw badRequest("The body is not JSON.");
    }
    if (node == null || !node.isObject() || !node.path("event").isString()) {
      throw badRequest("The body is not a Calendly webhook event.");
    }
    CalendlyEvent event = CalendlyEvent.read(node);
    String payload = json.writeValueAsString(event.fields());
    if (!event.used()) {
      String kind = event.event().length() > MAX_KIND ? event.event().substring(0, MAX_KIND) : event.event();
      skipped.record(CalendlyInbound.PROVIDER, "not an event LeadFlow uses", null);
      events.storeOnce(CalendlyInbound.PROVIDER, kind, "calendly:" + Sha256.hex(new String(body, java.nio.charset.StandardCharsets.UTF_8)), null, payload)
          .ifPresent(stored -> events.markProcessed(stored.id(), NOT_USED));
      return;
    }
    Optional<String> why = event.unusable();
    if (why.isPresent()) {
      skipped.record(CalendlyInbound.PROVIDER, why.get(), null);
      return;
    }
    UUID leadId = leads.known(event).orElse(null);
    events.storeOnce(CalendlyInbound.PROVIDER, event.event(), event.dedupeKey(), leadId, payload).ifPresent(relay::applyNow);
  }

  private static ErrorResponseException badRequest(String detail) {
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
  }
}
