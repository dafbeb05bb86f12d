package io.leadflow.workflows;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * When calls and texts may reach a lead, in the lead's local time. {@code regionOverrides} maps a
 * region code (e.g. "US-FL") to its stricter window; {@code fallbackZones} are used, all at once,
 * when the lead's zone is unknown.
 */
public record QuietHoursPolicy(
    Window window, Map<String, Window> regionOverrides, List<String> fallbackZones) {

  public QuietHoursPolicy {
    regionOverrides = regionOverrides == null ? Map.of() : Map.copyOf(regionOverrides);
    fallbackZones = fallbackZones == null ? List.of() : List.copyOf(fallbackZones);
  }

  /** Allowed from {@code start} (inclusive) to {@code end} (exclusive), local time. */
  public record Window(LocalTime start, LocalTime end) {}

  public Window windowFor(String country, String region) {
    if (region != null && country != null) {
      Window override = regionOverrides.get(country + "-" + region);
      if (override != null) {
        return override;
      }
    }
    return window;
  }
}
