package io.leadflow.activities.crm.hubspot;

import java.util.List;

/**
 * HubSpot's default lifecycle stages in their order. HubSpot only moves a contact's stage forward
 * (an earlier stage is silently ignored unless the stage is cleared first), so LeadFlow sends a
 * stage only when it is later than the contact's current one. A stage LeadFlow does not know (an
 * account's custom stage, an internal id) is left alone, as is "other", which sits last.
 */
final class LifecycleStages {

  static final List<String> ORDER =
      List.of(
          "subscriber",
          "lead",
          "marketingqualifiedlead",
          "salesqualifiedlead",
          "opportunity",
          "customer",
          "evangelist",
          "other");

  private LifecycleStages() {}

  /** Whether setting {@code target} on a contact now at {@code current} (null or blank: none) moves it forward. */
  static boolean movesForward(String current, String target) {
    if (target == null) {
      return false;
    }
    if (current == null || current.isBlank()) {
      return true;
    }
    int from = ORDER.indexOf(current);
    return from >= 0 && ORDER.indexOf(target) > from;
  }
}
