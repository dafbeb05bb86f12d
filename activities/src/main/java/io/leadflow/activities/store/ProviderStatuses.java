package io.leadflow.activities.store;

import java.util.List;
import java.util.Map;

/**
 * Where a provider's delivery status stands in a message's or call's life (Twilio message and call
 * statuses, SendGrid events). Callbacks arrive out of order; a status never replaces a later one,
 * so a late "sent" cannot undo "delivered".
 */
public final class ProviderStatuses {

  private static final Map<String, Integer> STAGE =
      Map.ofEntries(
          Map.entry("accepted", 1), Map.entry("scheduled", 1), Map.entry("queued", 1),
          Map.entry("initiated", 1), Map.entry("processed", 1),
          Map.entry("sending", 2), Map.entry("ringing", 2), Map.entry("deferred", 2),
          Map.entry("sent", 3), Map.entry("in-progress", 3), Map.entry("answered", 3),
          Map.entry("delivered", 4), Map.entry("undelivered", 4), Map.entry("failed", 4),
          Map.entry("completed", 4), Map.entry("busy", 4), Map.entry("no-answer", 4),
          Map.entry("canceled", 4), Map.entry("bounce", 4), Map.entry("dropped", 4),
          Map.entry("read", 5), Map.entry("open", 5), Map.entry("click", 5),
          Map.entry("spamreport", 6), Map.entry("unsubscribe", 6), Map.entry("group_unsubscribe", 6));

  private ProviderStatuses() {}

  /** The statuses {@code status} may replace: those of earlier stages (none for an unknown one). */
  public static List<String> earlierThan(String status) {
    int stage = STAGE.getOrDefault(status, 0);
    return STAGE.entrySet().stream().filter(e -> e.getValue() < stage).map(Map.Entry::getKey).sorted().toList();
  }
}
