package io.leadflow.workflows;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Sends one touch unless the channel is closed to the lead (an opt-out, or blocked when the round
 * was planned) or the lead interrupted the sequence; calls and
 * texts wait for the lead's allowed hours first (each lead at its own offset after the window
 * opens), and again if the sender found the window closed (a retry drifted).
 */
final class TouchSender {

  private static final Duration DEFERRAL_RETRY = Duration.ofMinutes(5);

  private final LeadState state;
  private final Interruptions interruptions;
  private final Timers timers;
  private final LeadActivities activities;
  private final ProgressRecorder progress;
  private final StepAttempts steps;
  private final QuietHours quietHours;
  private final Duration openingOffset;
  private final CrmSync crm;
  private final TemplateVersions templateVersions;

  TouchSender(
      LeadState state,
      Interruptions interruptions,
      Timers timers,
      LeadActivities activities,
      ProgressRecorder progress,
      StepAttempts steps,
      QuietHours quietHours,
      Duration openingOffset,
      CrmSync crm,
      TemplateVersions templateVersions) {
    this.state = state;
    this.interruptions = interruptions;
    this.timers = timers;
    this.activities = activities;
    this.progress = progress;
    this.steps = steps;
    this.quietHours = quietHours;
    this.openingOffset = openingOffset;
    this.crm = crm;
    this.templateVersions = templateVersions;
  }

  /** True when the lead's quiet hours hold a touch on {@code channel} right now. */
  boolean heldNow(Channel channel) {
    Instant now = Timers.now();
    return channel.respectsQuietHours() && quietHours.nextAllowed(now).isAfter(now);
  }

  void send(String step, String label, Channel channel, String template) {
    // The attempt after a deferral is named apart, so the timeline tells the step once, then its retry.
    String attempt = label;
    while (!interruptions.interrupted() && state.mayContact(channel)) {
      Instant now = Timers.now();
      if (channel.respectsQuietHours() && quietHours.nextAllowed(now).isAfter(now)) {
        Instant wake = quietHours.nextAllowed(now).plus(openingOffset);
        progress.planNextTouch(label + " (after quiet hours)", wake);
        timers.sleepUntil(wake, label + " · quiet hours", interruptions::interrupted);
        continue;
      }
      TouchRequest.QuietHoursCheck window = channel.respectsQuietHours() ? quietHours.toCheck() : null;
      TouchRequest request =
          new TouchRequest(state.leadId(), step, channel, template, window, state.assignedRep(), now, pinned(channel));
      String summary = attempt;
      Touch touch = steps.attempt(label, () -> activities.outreach(summary).sendTouch(request)).orElse(null);
      if (touch == null) {
        return;
      }
      if (touch.outcome() != Touch.Outcome.DEFERRED_QUIET_HOURS) {
        state.touched(touch);
        crm.touch(touch);
        return;
      }
      Instant allowed = quietHours.nextAllowed(Timers.now());
      Instant retryAt = Timers.now().plus(DEFERRAL_RETRY);
      timers.sleepUntil(allowed.isAfter(retryAt) ? allowed : retryAt, label + " · quiet hours", interruptions::interrupted);
      attempt = label + " · after quiet hours";
    }
  }

  /** The versions planned with the playbook; a call renders the SMS ones. */
  private Map<String, Integer> pinned(Channel channel) {
    return templateVersions == null ? null : templateVersions.of(channel);
  }
}
