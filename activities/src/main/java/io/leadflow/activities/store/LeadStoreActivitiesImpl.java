package io.leadflow.activities.store;

import io.leadflow.workflows.LeadStatus;
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
  public void recordStatus(String leadId, LeadStatus status) {
    if (leads.updateStatus(UUID.fromString(leadId), status) == 0) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Lead " + leadId + " is not in the lead store", "LeadNotFound");
    }
  }
}
