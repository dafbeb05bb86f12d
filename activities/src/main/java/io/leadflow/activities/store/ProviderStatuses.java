package io.leadflow.activities.store;

import java.util.List;
import java.util.Map;

/**
 * Where a provider's delivery statuses stand in a message's or call's life, by stage (each
 * provider says its own: {@code TwilioStatus.ORDER}, {@code SendGridEvent.ORDER}). Callbacks arrive
 * out of order; a status never replaces a later one, so a late "sent" cannot undo "delivered".
 */
public record ProviderStatuses(Map<String, Integer> stages) {

  public ProviderStatuses {
    stages = Map.copyOf(stages);
  }

  /** The statuses {@code status} may replace: those of earlier stages (none for an unknown one). */
  public List<String> earlierThan(String status) {
    int stage = stages.getOrDefault(status, 0);
    return stages.entrySet().stream().filter(e -> e.getValue() < stage).map(Map.Entry::getKey).sorted().toList();
  }
}
