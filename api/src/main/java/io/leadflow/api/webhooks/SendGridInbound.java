package io.leadflow.api.webhooks;

import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.activities.store.Suppressions;
import io.leadflow.activities.store.TouchRepository;
import io.leadflow.workflows.Channel;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What SendGrid tells us: bounces, drops, spam reports and unsubscribes suppress the address for
 * email, for good, and stop the lead's email touches; other events update the touch's status. A
 * reply that reached Inbound Parse is the lead's reply.
 */
@Component
class SendGridInbound {

  static final Set<String> SUPPRESSING = Set.of("bounce", "dropped", "spamreport", "unsubscribe", "group_unsubscribe");

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

  void applyEvent(Map<String, String> event) {
    String type = event.get("event");
    UUID leadId = parse(event.get("lead_id"));
    if (SUPPRESSING.contains(type)) {
      suppressions.suppress(
          ContactKeys.of(event.get("email"), null).email(), Channel.EMAIL.name(), "SendGrid " + type, "sendgrid");
      if (leadId != null) {
        signals.optOut(leadId, Channel.EMAIL);
      }
    }
    String messageId = event.get("sg_message_id");
    if (messageId != null) {
      // sg_message_id is the X-Message-Id we stored, followed by ".filter…"
      int dot = messageId.indexOf('.');
      touches.recordProviderStatus("sendgrid", dot < 0 ? messageId : messageId.substring(0, dot), type);
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

  static UUID parse(String id) {
    try {
      return id == null ? null : UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
