package io.leadflow.workflows;

import io.temporal.workflow.Workflow;
import java.time.Instant;

/** Keeps the lead store and the search attributes operators filter on in step with the lead's state. */
final class ProgressRecorder {

  private final LeadState state;
  private final String source;
  private final LeadActivities activities;
  private final LeadSearchAttributes searchAttributes = new LeadSearchAttributes();

  ProgressRecorder(LeadState state, String source, LeadActivities activities) {
    this.state = state;
    this.source = source;
    this.activities = activities;
  }

  void moveTo(LeadStatus next) {
    state.moveTo(next);
    record();
  }

  void record() {
    activities
        .store(state.status())
        .recordProgress(
            new LeadProgress(state.leadId(), state.status(), state.score(), state.assignedRep(), state.acknowledgedAt()));
    searchAttributes.upsert(state, source);
  }

  /** What the lead gets next and when; none ({@code null}) once nothing is planned. */
  void planNextTouch(String label, Instant at) {
    state.nextTouch(label, at);
    searchAttributes.upsert(state, source);
    if (label != null) {
      Workflow.setCurrentDetails("Next: " + label + " at " + at);
    }
  }
}
