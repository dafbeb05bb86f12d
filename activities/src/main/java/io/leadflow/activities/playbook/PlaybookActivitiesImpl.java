package io.leadflow.activities.playbook;

import io.leadflow.workflows.Playbook;
import io.leadflow.workflows.PlaybookActivities;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

@Component("playbookActivities")
@EnableConfigurationProperties(LifecycleProperties.class)
class PlaybookActivitiesImpl implements PlaybookActivities {

  private final LifecycleProperties lifecycle;

  PlaybookActivitiesImpl(LifecycleProperties lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public Playbook currentPlaybook() {
    return new Playbook(
        lifecycle.ackSla(),
        lifecycle.backupAckSla(),
        lifecycle.day(),
        lifecycle.cadence().toPlan(),
        lifecycle.quietHours().toPolicy(),
        lifecycle.engagedFollowUp(),
        lifecycle.nurtureInterval());
  }
}
