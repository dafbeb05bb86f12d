package io.leadflow.workflows;

import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The rep's acknowledgement of a routed lead: the tier's alert and SLA for the rep, then the
 * backup's SLA, then the manager owns the lead. Ends early when the lead interrupts.
 */
final class Acknowledgement {

  private final LeadState state;
  private final Playbook playbook;
  private final Interruptions interruptions;
  private final Timers timers;
  private final Reps reps;

  Acknowledgement(LeadState state, Playbook playbook, Interruptions interruptions, Timers timers, Reps reps) {
    this.state = state;
    this.playbook = playbook;
    this.interruptions = interruptions;
    this.timers = timers;
    this.reps = reps;
  }

  void await() {
    TierAction action = playbook.tierActions().forTier(state.score().tier());
    alert(action);
    if (waitFor(action.ackSla())) {
      return;
    }
    escalate(state.assignment().backupRepId(), action.ackSla());
    if (waitFor(playbook.backupAckSla())) {
      return;
    }
    escalate(state.assignment().managerId(), playbook.backupAckSla());
    state.ackDue(null);
  }

  /** A "call now" alert when the tier asks for one, else the ordinary new-lead notice. */
  private void alert(TierAction action) {
    String lead =
        state.score().tier() + " lead, acknowledge within " + describe(action.ackSla()) + ": " + state.assignment().reason();
    if (action.callAlert()) {
      reps.notify(state.assignedRep(), "call-now-" + state.cadenceRound(), "Call now: " + lead);
    } else {
      reps.notify(state.assignedRep(), "new-lead-" + state.cadenceRound(), "New " + lead);
    }
  }

  /** True when acknowledged (or interrupted by the lead); false when the SLA ran out. */
  private boolean waitFor(Duration sla) {
    if (state.assignedRep() == null) {
      return false;
    }
    state.ackDue(Timers.now().plus(sla));
    Workflow.setCurrentDetails("Waiting for " + state.assignedRep() + " to acknowledge (SLA " + describe(sla) + ")");
    return timers.sleepUntil(
        state.ackDeadline(),
        "Ack SLA · " + describe(sla),
        () -> state.acknowledgedBy() != null || interruptions.interrupted());
  }

  private void escalate(String toRep, Duration missedSla) {
    if (toRep != null && !toRep.equals(state.assignedRep())) {
      reps.reassign(toRep, "Ack SLA of " + describe(missedSla) + " missed by " + state.assignedRep());
    }
  }

  static String describe(Duration duration) {
    return duration.toString().substring(2).toLowerCase();
  }
}
