package io.leadflow.workflows;

import io.temporal.activity.ActivityInterface;

/** Pure computation over configured rules: the workflow runs it as a local activity. */
@ActivityInterface
public interface ScoringActivities {

  LeadScore score(ScoreRequest request);
}
