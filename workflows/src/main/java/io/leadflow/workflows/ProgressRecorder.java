package io.leadflow.workflows;

import io.temporal.workflow.Workflow;
import java.time.Instant;

/** Keeps the lead store, the search attributes operators filter on and the CRM in step with the lead's state. */
final class ProgressRecorder {

  private final LeadState state;
  private final LeadActivities activities;
  private final LeadSearchAttributes searchAttributes;
  private final StepAttempts steps;
  private final CrmSync crm;

  ProgressRecorder(
      LeadState state, LeadActivities activities, LeadSearchAttributes searchAttributes, StepAttempts steps, CrmSync crm) {
    this.state = state;
    this.activities = activities;
    this.searchAttributes = searchAttributes;
    this.steps = steps;
    this.crm = crm;
  }

  void moveTo(LeadStatus next) {
    state.moveTo(next);
    record();
  }

  void record() {
    LeadProgress progress =
        new LeadProgress(state.leadId(), state.status(), state.score(), state.assignedRep(), state.acknowledgedAt());
    steps.attempt("Record " + state.status(), () -> activities.store("Record " + state.status()).recordProgress(progress));
    searchAttributes.upsert(state);
    crm.lead();
  }

  /** What the lead gets next and when; none ({@code null}) once nothing is planned. */
  void planNextTouch(String label, Instant at) {
    state.nextTouch(label, at);
    searchAttributes.upsert(state);
    if (label != null) {
      Workflow.setCurrentDetails("Next: " + label + " at " + at);
    }
  }
}
