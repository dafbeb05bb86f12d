package io.leadflow.activities.store;

import io.leadflow.workflows.LeadProgress;
import io.leadflow.workflows.LeadScore;
import io.leadflow.workflows.LeadStoreActivities;
import io.leadflow.workflows.LeadWorkflows;
import io.leadflow.workflows.StepGaveUp;
import io.temporal.failure.ApplicationFailure;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component("leadStoreActivities")
class LeadStoreActivitiesImpl implements LeadStoreActivities {

  private static final Logger log = LoggerFactory.getLogger(LeadStoreActivitiesImpl.class);

  private final LeadRepository leads;
  private final LeadMilestoneRepository milestones;
  private final StepsGaveUp stepsGaveUp;
  private final FailingActivities failing;

  LeadStoreActivitiesImpl(
      LeadRepository leads, LeadMilestoneRepository milestones, StepsGaveUp stepsGaveUp, FailingActivities failing) {
    this.leads = leads;
    this.milestones = milestones;
    this.stepsGaveUp = stepsGaveUp;
    this.failing = failing;
  }

  /** The operator alert is this ERROR line (one per step that gave up) and the leadflow_steps_gave_up metric. */
  @Override
  public void recordGaveUp(String leadId, StepGaveUp step) {
    stepsGaveUp.record(UUID.fromString(leadId), step);
    failing.gaveUp(LeadWorkflows.idFor(leadId));
    log.error("Lead {} gave up on \"{}\" and carries on: {}", leadId, step.step(), step.reason());
  }

  @Override
  public void recordProgress(LeadProgress progress) {
    LeadScore score = progress.score();
    // Before the progress is written: milestones are decided against what is stored now.
    milestones.record(
        UUID.fromString(progress.leadId()),
        progress.status() == null ? null : progress.status().name(),
        progress.assignedRep(),
        progress.acknowledgedAt());
    int updated =
        leads.updateProgress(
            UUID.fromString(progress.leadId()),
            progress.status() == null ? null : progress.status().name(),
            score == null ? null : score.total(),
            score == null ? null : score.tier().name(),
            score == null ? null : score.breakdown().toArray(String[]::new),
            score == null ? null : score.asOf(),
            progress.assignedRep());
    if (updated == 0) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Lead " + progress.leadId() + " is not in the lead store", "LeadNotFound");
    }
  }
}
