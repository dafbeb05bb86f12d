package io.leadflow.api.webhooks;

import io.leadflow.api.webhooks.InboundEvents.InboundEvent;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies stored webhooks: at once when they arrive, and again later for any that failed (say
 * Temporal was down). The provider already has its 2xx: the event is stored, so it is not lost.
 */
@Component
class InboundRelay {

  private static final Logger log = LoggerFactory.getLogger(InboundRelay.class);
  private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

  private final InboundEvents events;
  private final TwilioInbound twilio;
  private final TwilioVoiceInbound calls;
  private final SendGridInbound sendGrid;
  private final CalendlyInbound calendly;
  private final HubSpotInbound hubSpot;
  private final JsonMapper json;

  InboundRelay(
      InboundEvents events,
      TwilioInbound twilio,
      TwilioVoiceInbound calls,
      SendGridInbound sendGrid,
      CalendlyInbound calendly,
      HubSpotInbound hubSpot,
      JsonMapper json) {
    this.events = events;
    this.twilio = twilio;
    this.calls = calls;
    this.sendGrid = sendGrid;
    this.calendly = calendly;
    this.hubSpot = hubSpot;
    this.json = json;
  }

  void applyNow(InboundEvent event) {
    try {
      events.markProcessed(event.id(), apply(event));
    } catch (RuntimeException e) {
      log.warn("Webhook event {} ({} {}) stored, not yet applied: {}", event.id(), event.provider(), event.kind(), e.getMessage());
      events.markFailed(event.id(), e.getMessage());
    }
  }

  @Scheduled(fixedDelayString = "${leadflow.webhooks.relay-interval:5s}")
  void applyPending() {
    events.unprocessed(100).forEach(this::applyNow);
  }

  /** @return what applying it did, when that was not the obvious; null when it was */
  private String apply(InboundEvent event) {
    Map<String, String> fields = json.readValue(event.payload(), FIELDS);
    if (event.provider().equals(CalendlyInbound.PROVIDER)) {
      return calendly.apply(fields);
    }
    switch (event.provider() + "/" + event.kind()) {
      case "twilio/sms" -> {
        return twilio.applySms(fields);
      }
      case "twilio/call" -> {
        return calls.forwarded(fields);
      }
      case "twilio/missed-call" -> {
        return calls.missed(fields);
      }
      case "twilio/dialed" -> {
        return calls.dialed(fields);
      }
      case "twilio/status" -> twilio.applyStatus(fields);
      case "sendgrid/event" -> sendGrid.applyEvent(fields);
      case "sendgrid/reply" -> sendGrid.applyReply(event.leadId(), fields);
      case "email/unsubscribe" -> sendGrid.applyUnsubscribe(event.leadId());
      case "hubspot/event" -> hubSpot.apply(fields);
      default -> throw new IllegalStateException("No handler for " + event.provider() + "/" + event.kind());
    }
    return null;
  }
}
