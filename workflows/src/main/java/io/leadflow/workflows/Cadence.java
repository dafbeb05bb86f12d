package io.leadflow.workflows;

import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The cadence: each step on its day, counted from the assignment, then a last day for a reply.
 * A step more than a quarter of a cadence day late (its day passed while the lead waited: a slow
 * acknowledgement, quiet hours, an outage, the workers down) goes out no sooner than a quarter of
 * a cadence day after the previous touch, so overdue steps never reach the person in a burst.
 * Within a step the email goes first, so a call or text held by quiet hours never holds it.
 */
final class Cadence {

  /** Before this change overdue steps went out together; running leads that passed it keep that. */
  static final String LATE_STEPS_SPACED = "late-steps-spaced";
  /** Before this change a step's channels went in their configured order, an email behind a held call. */
  static final String EMAIL_FIRST = "email-not-held-behind-quiet-hours";

  private final LeadState state;
  private final Playbook playbook;
  private final Interruptions interruptions;
  private final Timers timers;
  private final ProgressRecorder progress;
  private final TouchSender touchSender;

  Cadence(LeadState state, Playbook playbook, Interruptions interruptions, Timers timers, ProgressRecorder progress, TouchSender touchSender) {
    this.state = state;
    this.playbook = playbook;
    this.interruptions = interruptions;
    this.timers = timers;
    this.progress = progress;
    this.touchSender = touchSender;
  }

  void run() {
    progress.moveTo(LeadStatus.IN_CADENCE);
    CadencePlan plan = playbook.cadence();
    for (CadenceStep step : plan.steps()) {
      Instant due = state.assignedAt().plus(playbook.day().multipliedBy(step.day() - 1L));
      String label = "Day " + step.day() + " · " + describe(step.channels());
      progress.planNextTouch(label, due);
      if (timers.sleepUntil(due, label, interruptions::interrupted) || waitIfLate(due, label)) {
        return;
      }
      // Each channel's touch is named for its channel: the timeline tells a step's call and text apart.
      inSendingOrder(step.channels()).forEach(channel ->
          touchSender.send(state.stepId("d" + step.day()), "Day " + step.day() + " · " + channel, channel, step.template()));
      if (interruptions.interrupted()) {
        return;
      }
    }
    progress.planNextTouch(null, null);
    Workflow.setCurrentDetails("Cadence " + plan.name() + " v" + plan.version() + " done; a last day for a reply");
    timers.sleepUntil(Timers.now().plus(playbook.day()), "Last day for a reply", interruptions::interrupted);
  }

  /** True when the lead interrupted while a late step waited for its spacing. */
  private boolean waitIfLate(Instant due, String label) {
    Duration spacing = playbook.day().dividedBy(4);
    Instant spaced = spacedFrom(state.touches(), spacing);
    Instant now = Timers.now();
    if (!now.isAfter(due.plus(spacing)) || spaced == null || !spaced.isAfter(now)) {
      return false;
    }
    if (Workflow.getVersion(LATE_STEPS_SPACED, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return false;
    }
    progress.planNextTouch(label + " (spaced after a late start)", spaced);
    return timers.sleepUntil(spaced, label + " · spaced", interruptions::interrupted);
  }

  /**
   * A step's email first: a call or text the lead's quiet hours hold must not hold the email
   * of the same step. The configured order when nothing needs moving.
   */
  private static List<Channel> inSendingOrder(List<Channel> channels) {
    List<Channel> order = Stream.concat(
            channels.stream().filter(channel -> !channel.respectsQuietHours()),
            channels.stream().filter(Channel::respectsQuietHours))
        .toList();
    if (order.equals(channels) || Workflow.getVersion(EMAIL_FIRST, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return channels;
    }
    return order;
  }

  /** {@code spacing} after the latest touch; null before any touch. */
  private static Instant spacedFrom(List<Touch> touches, Duration spacing) {
    return touches.stream().map(Touch::at).max(Instant::compareTo).map(last -> last.plus(spacing)).orElse(null);
  }

  private static String describe(List<Channel> channels) {
    return channels.stream().map(Channel::name).collect(Collectors.joining(" + "));
  }
}
