package io.leadflow.workflows;

import io.temporal.activity.ActivityInterface;

/** Keeps the lead record people query (PostgreSQL) in step with the workflow. */
@ActivityInterface
public interface LeadStoreActivities {

  void recordProgress(LeadProgress progress);

  /** Keeps a step that gave up on the lead's record and alerts operators. */
  void recordGaveUp(String leadId, StepGaveUp step);
}
