package io.leadflow.api.webhooks;

import io.leadflow.activities.outreach.sendgrid.SendGridEvent;
import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.activities.store.Suppressions;
import io.leadflow.activities.store.TouchRepository;
import io.leadflow.workflows.Channel;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Applies what SendGrid tells us: an event that {@link SendGridEvent#suppresses() suppresses}
 * suppresses the address for email, for good, and stops the lead's email touches; every event
 * updates the touch's status. A reply that reached Inbound Parse is the lead's reply.
 */
@Component
class SendGridInbound {

  private final LeadRepository leads;
  private final Suppressions suppressions;
  private final TouchRepository touches;
  private final LeadSignals signals;

  SendGridInbound(LeadRepository leads, Suppressions suppressions, TouchRepository touches, LeadSignals signals) {
    this.leads = leads;
    this.suppressions = suppressions;
    this.touches = touches;
    this.signals = signals;
  }

  void applyEvent(Map<String, String> fields) {
    SendGridEvent event = SendGridEvent.of(fields);
    if (event.suppresses()) {
      if (event.email() != null) {
        suppressions.suppress(
            ContactKeys.of(event.email(), null).email(), Channel.EMAIL.name(), "SendGrid " + event.type(), "sendgrid");
      }
      if (event.leadId() != null) {
        signals.optOut(event.leadId(), Channel.EMAIL);
      }
    }
    if (event.resubscribes() && event.email() != null) {
      suppressions.lift(ContactKeys.of(event.email(), null).email(), Channel.EMAIL,
          "SendGrid group_resubscribe (event " + event.eventId() + ")", "sendgrid");
      if (event.leadId() != null) {
        signals.optIn(event.leadId(), Channel.EMAIL);
      }
    }
    if (event.messageId() != null) {
      touches.recordProviderStatus("sendgrid", event.messageId(), event.type(), SendGridEvent.ORDER);
    }
  }

  void applyReply(UUID leadId, Map<String, String> email) {
    if (leadId != null && leads.existsById(leadId)) {
      signals.reply(leadId, Channel.EMAIL, email.get("text"), email.get("messageId"));
    }
  }

  void applyUnsubscribe(UUID leadId) {
    leads.findById(leadId)
        .ifPresent(
            lead -> {
              if (lead.email() != null) {
                suppressions.suppress(
                    ContactKeys.of(lead.email(), null).email(), Channel.EMAIL.name(), "one-click unsubscribe", "email");
              }
              signals.optOut(lead.id(), Channel.EMAIL);
            });
  }
}
