package io.leadflow.activities.playbook;

import io.leadflow.activities.crm.CrmProperties;
import io.leadflow.workflows.Playbook;
import io.leadflow.workflows.PlaybookActivities;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

@Component("playbookActivities")
@EnableConfigurationProperties({LifecycleProperties.class, CrmProperties.class})
class PlaybookActivitiesImpl implements PlaybookActivities {

  private final LifecycleProperties lifecycle;
  private final CadenceDefinitions definitions;
  private final CrmProperties crm;

  PlaybookActivitiesImpl(LifecycleProperties lifecycle, CadenceDefinitions definitions, CrmProperties crm) {
    this.lifecycle = lifecycle;
    this.definitions = definitions;
    this.crm = crm;
  }

  /** The newest version saved through the admin API wins over the configured steps. */
  @Override
  public Playbook currentPlaybook() {
    return new Playbook(
        lifecycle.backupAckSla(),
        lifecycle.day(),
        definitions.newest(lifecycle.cadence().name()).orElseGet(lifecycle.cadence()::toPlan),
        lifecycle.quietHours().toPolicy(),
        lifecycle.engagedFollowUp(),
        lifecycle.nurtureInterval(),
        lifecycle.tierActions(),
        crm.configured());
  }
}
