package io.leadflow.activities.playbook;

import io.leadflow.workflows.CadencePlan;
import io.leadflow.workflows.CadenceStep;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.QuietHoursPolicy;
import io.leadflow.workflows.QuietHoursPolicy.Window;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code leadflow.lifecycle.*}: the timings, cadence and quiet hours new leads run by. Anything
 * not configured takes our playbook's default below. Env vars work too, e.g.
 * {@code LEADFLOW_LIFECYCLE_DAY=10s} to run a whole cadence in minutes.
 */
@ConfigurationProperties("leadflow.lifecycle")
public record LifecycleProperties(
    Duration ackSla,
    Duration backupAckSla,
    Duration day,
    Duration engagedFollowUp,
    Duration nurtureInterval,
    CadencePlan cadence,
    QuietHoursPolicy quietHours) {

  static final CadencePlan DEFAULT_CADENCE =
      new CadencePlan(
          "default",
          1,
          List.of(
              new CadenceStep(1, List.of(Channel.CALL, Channel.SMS), "d1-intro"),
              new CadenceStep(3, List.of(Channel.EMAIL), "d3-value"),
              new CadenceStep(5, List.of(Channel.CALL), "d5-call"),
              new CadenceStep(8, List.of(Channel.EMAIL), "d8-case-study"),
              new CadenceStep(14, List.of(Channel.EMAIL), "d14-break-up")));

  private static final Window EIGHT_TO_EIGHT = new Window(LocalTime.of(8, 0), LocalTime.of(20, 0));

  static final QuietHoursPolicy DEFAULT_QUIET_HOURS =
      new QuietHoursPolicy(
          new Window(LocalTime.of(8, 0), LocalTime.of(21, 0)),
          Map.of("US-FL", EIGHT_TO_EIGHT, "US-OK", EIGHT_TO_EIGHT, "US-WA", EIGHT_TO_EIGHT),
          List.of("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"));

  public LifecycleProperties {
    ackSla = orDefault(ackSla, Duration.ofMinutes(5));
    backupAckSla = orDefault(backupAckSla, Duration.ofMinutes(10));
    day = orDefault(day, Duration.ofDays(1));
    engagedFollowUp = orDefault(engagedFollowUp, Duration.ofDays(14));
    nurtureInterval = orDefault(nurtureInterval, Duration.ofDays(30));
    cadence = orDefault(cadence, DEFAULT_CADENCE);
    quietHours = orDefault(quietHours, DEFAULT_QUIET_HOURS);
  }

  private static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
