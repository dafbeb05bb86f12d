package io.leadflow.activities.store;

import io.leadflow.workflows.LeadProgress;
import io.leadflow.workflows.LeadScore;
import io.leadflow.workflows.LeadStoreActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component("leadStoreActivities")
class LeadStoreActivitiesImpl implements LeadStoreActivities {

  private final LeadRepository leads;
  private final LeadMilestoneRepository milestones;

  LeadStoreActivitiesImpl(LeadRepository leads, LeadMilestoneRepository milestones) {
    this.leads = leads;
    this.milestones = milestones;
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
