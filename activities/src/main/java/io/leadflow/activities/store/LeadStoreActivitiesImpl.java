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

  LeadStoreActivitiesImpl(LeadRepository leads) {
    this.leads = leads;
  }

  @Override
  public void recordProgress(LeadProgress progress) {
    LeadScore score = progress.score();
    int updated =
        leads.updateProgress(
            UUID.fromString(progress.leadId()),
            progress.status() == null ? null : progress.status().name(),
            score == null ? null : score.total(),
            score == null ? null : score.tier().name(),
            score == null ? null : score.breakdown().toArray(String[]::new),
            progress.assignedRep());
    if (updated == 0) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Lead " + progress.leadId() + " is not in the lead store", "LeadNotFound");
    }
  }
}
