package io.leadflow.activities.playbook;

import io.leadflow.workflows.CadencePlan;
import io.leadflow.workflows.CadenceStep;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.QuietHoursPolicy;
import io.leadflow.workflows.QuietHoursPolicy.Window;
import io.leadflow.workflows.TierAction;
import io.leadflow.workflows.TierActions;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code leadflow.lifecycle.*}: the timings, cadence, quiet hours and tier actions new leads run by. Every
 * property, nested ones included, falls back on its own to our playbook's default below, so the
 * app runs with no configuration and one setting changes only itself. Env vars work too, e.g.
 * {@code LEADFLOW_LIFECYCLE_DAY=10s LEADFLOW_LIFECYCLE_ACK_SLA=20s} to run a cadence in minutes.
 */
@ConfigurationProperties("leadflow.lifecycle")
record LifecycleProperties(
    Duration ackSla,
    Duration backupAckSla,
    Duration day,
    Duration engagedFollowUp,
    Duration nurtureInterval,
    Cadence cadence,
    QuietHours quietHours,
    Tiers tiers) {

  LifecycleProperties {
    ackSla = orDefault(ackSla, Duration.ofMinutes(5));
    backupAckSla = orDefault(backupAckSla, Duration.ofMinutes(10));
    day = orDefault(day, Duration.ofHours(24));
    engagedFollowUp = orDefault(engagedFollowUp, Duration.ofDays(14));
    nurtureInterval = orDefault(nurtureInterval, Duration.ofDays(30));
    cadence = orDefault(cadence, new Cadence(null, null, null));
    quietHours = orDefault(quietHours, new QuietHours(null, null, null, null));
    tiers = orDefault(tiers, new Tiers(null, null));
  }

  /** The tier actions, the hot tier's SLA defaulting to {@code ack-sla}. */
  TierActions tierActions() {
    return tiers.toActions(ackSla);
  }

  /**
   * {@code leadflow.lifecycle.tiers.*}: what each routed tier asks of the rep. Our playbook: hot →
   * immediate call alert, acknowledge within {@code ack-sla} (5m); warm → same day (4h), no call
   * alert. Cold leads go to nurture without a rep, whatever is set here.
   */
  record Tiers(Action hot, Action warm) {

    static final Duration SAME_DAY = Duration.ofHours(4);

    Tiers {
      hot = orDefault(hot, new Action(null, null));
      warm = orDefault(warm, new Action(null, null));
    }

    TierActions toActions(Duration ackSla) {
      return new TierActions(hot.orDefaults(ackSla, true), warm.orDefaults(SAME_DAY, false));
    }
  }

  /** {@code leadflow.lifecycle.tiers.<tier>.*}: {@code ack-sla} and {@code call-alert}. */
  record Action(Duration ackSla, Boolean callAlert) {

    Action {
      if (ackSla != null && (ackSla.isNegative() || ackSla.isZero())) {
        throw new IllegalArgumentException("leadflow.lifecycle.tiers: ack-sla must be positive, not " + ackSla);
      }
    }

    TierAction orDefaults(Duration defaultAckSla, boolean defaultCallAlert) {
      return new TierAction(orDefault(ackSla, defaultAckSla), orDefault(callAlert, defaultCallAlert));
    }
  }

  /** {@code leadflow.lifecycle.cadence.*}: name, version and steps of the follow-up cadence. */
  record Cadence(String name, Integer version, List<CadenceStep> steps) {

    static final List<CadenceStep> DEFAULT_STEPS =
        List.of(
            new CadenceStep(1, List.of(Channel.CALL, Channel.SMS), "d1-intro"),
            new CadenceStep(3, List.of(Channel.EMAIL), "d3-value"),
            new CadenceStep(5, List.of(Channel.CALL), "d5-call"),
            new CadenceStep(8, List.of(Channel.EMAIL), "d8-case-study"),
            new CadenceStep(14, List.of(Channel.EMAIL), "d14-break-up"));

    Cadence {
      name = orDefault(name, "default");
      version = orDefault(version, 1);
      steps = orDefault(steps, DEFAULT_STEPS);
    }

    CadencePlan toPlan() {
      return new CadencePlan(name, version, steps);
    }
  }

  /**
   * {@code leadflow.lifecycle.quiet-hours.*}: the window calls and texts may use, stricter
   * windows per region ("US-FL"), the zones to respect all at once when a lead's is unknown, and
   * {@code opening-spread}: how long after a window opens the calls and texts held for it go out,
   * spread by lead (10 minutes; 0s sends them all at the opening).
   */
  record QuietHours(Window window, Map<String, Window> regionOverrides, List<String> fallbackZones, Duration openingSpread) {

    private static final Window EIGHT_TO_EIGHT = new Window(LocalTime.of(8, 0), LocalTime.of(20, 0));
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    QuietHours {
      window = complete(orDefault(window, new Window(LocalTime.of(8, 0), LocalTime.of(21, 0))), "window");
      regionOverrides =
          Map.copyOf(
              orDefault(regionOverrides, Map.of("US-FL", EIGHT_TO_EIGHT, "US-OK", EIGHT_TO_EIGHT, "US-WA", EIGHT_TO_EIGHT)));
      regionOverrides.forEach((region, override) -> complete(override, "region-overrides." + region));
      fallbackZones =
          orDefault(fallbackZones, List.of("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"));
      openingSpread = orDefault(openingSpread, TEN_MINUTES);
      if (openingSpread.isNegative() || !openingSpread.minus(shortest(window, regionOverrides)).isNegative()) {
        throw new IllegalArgumentException(
            "leadflow.lifecycle.quiet-hours.opening-spread must be at least 0s and shorter than the shortest window, not "
                + openingSpread);
      }
    }

    QuietHoursPolicy toPolicy() {
      return new QuietHoursPolicy(window, regionOverrides, fallbackZones, openingSpread);
    }

    private static Duration shortest(Window window, Map<String, Window> regionOverrides) {
      return Stream.concat(Stream.of(window), regionOverrides.values().stream())
          .map(w -> Duration.between(w.start(), w.end()))
          .min(Duration::compareTo)
          .orElseThrow();
    }

    private static Window complete(Window window, String property) {
      if (window.start() == null || window.end() == null) {
        throw new IllegalArgumentException(
            "leadflow.lifecycle.quiet-hours." + property + " needs both a start and an end");
      }
      return window;
    }
  }

  private static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
