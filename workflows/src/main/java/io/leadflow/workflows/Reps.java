package io.leadflow.workflows;

/** The reps' side of a lead: what they are told, and handing the lead to another rep. */
final class Reps {

  private final LeadState state;
  private final LeadActivities activities;
  private final ProgressRecorder progress;

  Reps(LeadState state, LeadActivities activities, ProgressRecorder progress) {
    this.state = state;
    this.activities = activities;
    this.progress = progress;
  }

  /** {@code kind} names the occasion: one notice per lead, rep and kind, however often retried. */
  void notify(String repId, String kind, String message) {
    activities.outreach("Notify " + repId).notifyRep(new RepNotice(state.leadId(), repId, kind, message));
  }

  void reassign(String toRep, String reason) {
    state.reassigned(new Escalation(state.assignedRep(), toRep, Timers.now(), reason));
    progress.record();
    notify(toRep, "escalation-" + state.escalations().size(), reason);
  }
}
