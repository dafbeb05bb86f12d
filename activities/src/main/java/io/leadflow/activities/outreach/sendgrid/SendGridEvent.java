package io.leadflow.activities.outreach.sendgrid;

import io.leadflow.activities.store.ProviderStatuses;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One event of SendGrid's Event Webhook, read from its fields: the lead comes back in the
 * {@code lead_id} custom arg {@link SendGridEmailSender} set, the message in {@code sg_message_id}
 * (the X-Message-Id the send recorded, followed by ".filter…"). Bounces, drops, spam reports and
 * unsubscribes suppress the address for email; a group re-subscribe lifts that. Only {@link #FIELDS} are read: SendGrid sends many
 * more (categories as a string or an array, IP pools, url offsets, custom args), of any type.
 */
public record SendGridEvent(String eventId, String type, String email, UUID leadId, String messageId) {

  /** The fields LeadFlow reads; every other field of an event is ignored, whatever its type. */
  public static final Set<String> FIELDS = Set.of("sg_event_id", "event", "email", "sg_message_id", "lead_id");

  static final Set<String> SUPPRESSING = Set.of("bounce", "dropped", "spamreport", "unsubscribe", "group_unsubscribe");
  static final String RESUBSCRIBE = "group_resubscribe";

  /** SendGrid's event types, in the order of an email's life. */
  public static final ProviderStatuses ORDER =
      new ProviderStatuses(
          Map.ofEntries(
              Map.entry("processed", 1),
              Map.entry("deferred", 2),
              Map.entry("delivered", 4), Map.entry("bounce", 4), Map.entry("dropped", 4),
              Map.entry("open", 5), Map.entry("click", 5),
              Map.entry("spamreport", 6), Map.entry("unsubscribe", 6), Map.entry("group_unsubscribe", 6),
              Map.entry(RESUBSCRIBE, 7)));

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
    return type != null && SUPPRESSING.contains(type);
  }

  /** The person subscribed again (an unsubscribe group's preference page): email may resume. */
  public boolean resubscribes() {
    return RESUBSCRIBE.equals(type);
  }

  /**
   * Why LeadFlow can do nothing with this event (a short, fixed reason), or empty when it can:
   * an event needs a type LeadFlow acts on, and an address to suppress or a message to update.
   */
  public Optional<String> unusable() {
    if (type == null) {
      return Optional.of("no event type");
    }
    if (!ORDER.stages().containsKey(type)) {
      return Optional.of("event type not used");
    }
    if (email == null && messageId == null) {
      return Optional.of("neither email nor message id");
    }
    return Optional.empty();
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
