package io.leadflow.activities.outreach.sendgrid;

import io.leadflow.activities.store.ProviderStatuses;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One event of SendGrid's Event Webhook, read from its fields: the lead comes back in the
 * {@code lead_id} custom arg {@link SendGridEmailSender} set, the message in {@code sg_message_id}
 * (the X-Message-Id the send recorded, followed by ".filter…"). Bounces, drops, spam reports and
 * unsubscribes suppress the address for email.
 */
public record SendGridEvent(String eventId, String type, String email, UUID leadId, String messageId) {

  static final Set<String> SUPPRESSING = Set.of("bounce", "dropped", "spamreport", "unsubscribe", "group_unsubscribe");

  /** SendGrid's event types, in the order of an email's life. */
  public static final ProviderStatuses ORDER =
      new ProviderStatuses(
          Map.ofEntries(
              Map.entry("processed", 1),
              Map.entry("deferred", 2),
              Map.entry("delivered", 4), Map.entry("bounce", 4), Map.entry("dropped", 4),
              Map.entry("open", 5), Map.entry("click", 5),
              Map.entry("spamreport", 6), Map.entry("unsubscribe", 6), Map.entry("group_unsubscribe", 6)));

  public static SendGridEvent of(Map<String, String> fields) {
    String messageId = fields.get("sg_message_id");
    int dot = messageId == null ? -1 : messageId.indexOf('.');
    return new SendGridEvent(
        fields.get("sg_event_id"),
        fields.get("event"),
        fields.get("email"),
        leadId(fields.get("lead_id")),
        dot < 0 ? messageId : messageId.substring(0, dot));
  }

  public boolean suppresses() {
    return SUPPRESSING.contains(type);
  }

  /** A lead id as SendGrid hands it back (custom arg, reply address, unsubscribe link); null when it is none. */
  public static UUID leadId(String id) {
    try {
      return id == null ? null : UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
