package io.leadflow.workflows;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * When calls and texts may reach a lead, in the lead's local time. {@code regionOverrides} maps a
 * region code (e.g. "US-FL") to its stricter window; {@code fallbackZones} are used, all at once,
 * when the lead's zone is unknown. {@code openingSpread}: leads waiting for a window to open wake
 * spread over this long after it opens, each at its own fixed offset, so calls and texts held
 * overnight do not all leave at 08:00:00; zero wakes them all as the window opens.
 */
public record QuietHoursPolicy(
    Window window, Map<String, Window> regionOverrides, List<String> fallbackZones, Duration openingSpread) {

  public QuietHoursPolicy {
    Objects.requireNonNull(openingSpread, "openingSpread");
    regionOverrides = regionOverrides == null ? Map.of() : Map.copyOf(regionOverrides);
    fallbackZones = fallbackZones == null ? List.of() : List.copyOf(fallbackZones);
  }

  /** Allowed from {@code start} (inclusive) to {@code end} (exclusive), local time. */
  public record Window(LocalTime start, LocalTime end) {}

  /** Where in the spread this lead wakes: the same offset every time, from its id alone. */
  public Duration openingOffset(String leadId) {
    if (openingSpread.isZero() || openingSpread.isNegative()) {
      return Duration.ZERO;
    }
    return Duration.ofMillis(Math.floorMod(leadId.hashCode(), openingSpread.toMillis()));
  }

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
