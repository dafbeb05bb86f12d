package io.leadflow.workflows;

/** The reps' side of a lead: what they are told, and handing the lead to another rep. */
final class Reps {

  private final LeadState state;
  private final LeadActivities activities;
  private final ProgressRecorder progress;
  private final StepAttempts steps;

  Reps(LeadState state, LeadActivities activities, ProgressRecorder progress, StepAttempts steps) {
    this.state = state;
    this.activities = activities;
    this.progress = progress;
    this.steps = steps;
  }

  /** {@code kind} names the occasion: one notice per lead, rep and kind, however often retried. */
  void notify(String repId, String kind, String message) {
    String step = "Notify " + repId;
    steps.attempt(step, () -> activities.outreach(step).notifyRep(new RepNotice(state.leadId(), repId, kind, message)));
  }

  void reassign(String toRep, String reason) {
    state.reassigned(new Escalation(state.assignedRep(), toRep, Timers.now(), reason));
    progress.record();
    notify(toRep, state.stepId("escalation-" + state.escalations().size()), reason);
  }
}
