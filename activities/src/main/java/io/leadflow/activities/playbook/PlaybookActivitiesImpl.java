package io.leadflow.activities.playbook;

import io.leadflow.activities.crm.CrmProperties;
import io.leadflow.activities.messages.TemplatePins;
import io.leadflow.workflows.CadencePlan;
import io.leadflow.workflows.CadenceStep;
import io.leadflow.workflows.Playbook;
import io.leadflow.workflows.PlaybookActivities;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

@Component("playbookActivities")
@EnableConfigurationProperties({LifecycleProperties.class, CrmProperties.class})
class PlaybookActivitiesImpl implements PlaybookActivities {

  /** The templates the workflow names itself, besides its cadence's (InstantReply, nurture). */
  static final List<String> WORKFLOW_TEMPLATES = List.of("instant-reply", "nurture");

  private final LifecycleProperties lifecycle;
  private final CadenceDefinitions definitions;
  private final CrmProperties crm;
  private final TemplatePins templates;

  PlaybookActivitiesImpl(LifecycleProperties lifecycle, CadenceDefinitions definitions, CrmProperties crm, TemplatePins templates) {
    this.lifecycle = lifecycle;
    this.definitions = definitions;
    this.crm = crm;
    this.templates = templates;
  }

  /**
   * The newest cadence version saved through the admin API wins over the configured steps; the
   * newest version of every template the lead's touches may send is pinned for its run.
   */
  @Override
  public Playbook currentPlaybook() {
    CadencePlan cadence = definitions.newest(lifecycle.cadence().name()).orElseGet(lifecycle.cadence()::toPlan);
    List<String> names =
        Stream.concat(WORKFLOW_TEMPLATES.stream(), cadence.steps().stream().map(CadenceStep::template))
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    return new Playbook(
        lifecycle.backupAckSla(),
        lifecycle.day(),
        cadence,
        lifecycle.quietHours().toPolicy(),
        lifecycle.engagedFollowUp(),
        lifecycle.nurtureInterval(),
        lifecycle.tierActions(),
        crm.configured(),
        templates.newest(names));
  }
}
