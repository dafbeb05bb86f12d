package io.leadflow.activities.outreach.twilio;

import io.leadflow.activities.store.ProviderStatuses;
import java.util.Map;
import java.util.Optional;

/** A message's or call's status callback: the sid the send recorded and Twilio's status for it. */
public record TwilioStatus(String sid, String status) {

  /** Twilio's message and call statuses, in the order of a message's or call's life. */
  public static final ProviderStatuses ORDER =
      new ProviderStatuses(
          Map.ofEntries(
              Map.entry("accepted", 1), Map.entry("scheduled", 1), Map.entry("queued", 1), Map.entry("initiated", 1),
              Map.entry("sending", 2), Map.entry("ringing", 2),
              Map.entry("sent", 3), Map.entry("in-progress", 3), Map.entry("answered", 3),
              Map.entry("delivered", 4), Map.entry("undelivered", 4), Map.entry("failed", 4),
              Map.entry("completed", 4), Map.entry("busy", 4), Map.entry("no-answer", 4), Map.entry("canceled", 4),
              Map.entry("read", 5)));

  /** Why LeadFlow can do nothing with this callback (a short, fixed reason), or empty when it can. */
  public Optional<String> unusable() {
    if (sid == null || sid.isBlank()) {
      return Optional.of("no message or call sid");
    }
    return status != null && ORDER.stages().containsKey(status) ? Optional.empty() : Optional.of("status not used");
  }

  /** From {@code MessageSid}/{@code MessageStatus}, or a call's {@code CallSid}/{@code CallStatus}. */
  public static TwilioStatus of(Map<String, String> callback) {
    return new TwilioStatus(
        callback.getOrDefault("MessageSid", callback.get("CallSid")),
        callback.getOrDefault("MessageStatus", callback.get("CallStatus")));
  }
}
