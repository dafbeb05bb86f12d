package io.leadflow.workflows;

import io.leadflow.workflows.QuietHoursPolicy.Window;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * When a call or text may reach one lead: inside the window in every zone the lead may be in.
 * Pure and deterministic, so the workflow (to decide when to wake) and the sender (to re-check
 * just before sending) agree.
 */
public final class QuietHours {

  private final Window window;
  private final List<ZoneId> zones;
  private final String note;

  public QuietHours(Window window, List<String> zones, String note) {
    if (!window.start().isBefore(window.end())) {
      throw new IllegalArgumentException("A quiet-hours window must start before it ends: " + window);
    }
    if (zones.isEmpty()) {
      throw new IllegalArgumentException("At least one time zone is needed");
    }
    this.window = window;
    this.zones = zones.stream().map(ZoneId::of).toList();
    this.note = note;
  }

  /** The lead's window in the lead's zones, or a conservative one when the zone is unknown. */
  public static QuietHours forLead(QuietHoursPolicy policy, EnrichedLead enriched) {
    Window window = policy.windowFor(enriched.country(), enriched.region());
    if (!enriched.timeZones().isEmpty()) {
      return new QuietHours(window, enriched.timeZones(), null);
    }
    return new QuietHours(
        window,
        policy.fallbackZones(),
        "Time zone unknown: calls and texts only when "
            + window.start()
            + "–"
            + window.end()
            + " in all of "
            + String.join(", ", policy.fallbackZones()));
  }

  public static QuietHours of(TouchRequest.QuietHoursCheck check) {
    return new QuietHours(check.window(), check.zones(), null);
  }

  public TouchRequest.QuietHoursCheck toCheck() {
    return new TouchRequest.QuietHoursCheck(window, zones.stream().map(ZoneId::getId).toList());
  }

  /** Why the window is what it is, when that is not obvious (unknown zone); else null. */
  public String note() {
    return note;
  }

  public boolean allows(Instant instant) {
    return zones.stream().allMatch(zone -> inside(instant.atZone(zone)));
  }

  /** {@code from} itself when allowed, else the first later instant inside every zone's window. */
  public Instant nextAllowed(Instant from) {
    Instant candidate = from;
    // Each pass moves past one zone's closed hours; zones whose windows never overlap fall back
    // to the first zone rather than waiting forever.
    for (int pass = 0; pass <= zones.size() * 3; pass++) {
      Instant next = candidate;
      for (ZoneId zone : zones) {
        ZonedDateTime local = next.atZone(zone);
        if (!inside(local)) {
          next = nextOpening(local);
        }
      }
      if (next.equals(candidate)) {
        return candidate;
      }
      candidate = next;
    }
    ZonedDateTime local = from.atZone(zones.get(0));
    return inside(local) ? from : nextOpening(local);
  }

  private boolean inside(ZonedDateTime local) {
    var time = local.toLocalTime();
    return !time.isBefore(window.start()) && time.isBefore(window.end());
  }

  private Instant nextOpening(ZonedDateTime local) {
    var day = local.toLocalTime().isBefore(window.start()) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
    return ZonedDateTime.of(day, window.start(), local.getZone()).toInstant();
  }
}
