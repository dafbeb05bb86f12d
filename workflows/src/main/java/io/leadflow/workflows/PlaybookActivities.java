package io.leadflow.workflows;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface PlaybookActivities {

  /** The configured playbook at this moment; the workflow keeps the answer for its whole run. */
  Playbook currentPlaybook();
}
