package io.leadflow.workflows;

import io.temporal.activity.ActivityInterface;

/** Keeps the lead record people query (PostgreSQL) in step with the workflow. */
@ActivityInterface
public interface LeadStoreActivities {

  void recordProgress(LeadProgress progress);
}
