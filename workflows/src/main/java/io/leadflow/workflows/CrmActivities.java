package io.leadflow.workflows;

import io.temporal.activity.ActivityInterface;

/**
 * The team's CRM (HubSpot, Salesforce, or none). Runs on its own task queue ({@link
 * LeadWorkflows#CRM_TASK_QUEUE}) whose rate the server limits across all workers. Both calls are
 * upserts, so a repeated call never creates a second record.
 */
@ActivityInterface
public interface CrmActivities {

  /** Creates or updates the lead's record from the lead store and the workflow's progress. */
  CrmRecord syncLead(CrmLeadUpdate update);

  /** Logs one touch on the lead's record, keyed by the touch's business key. */
  CrmRecord logTouch(CrmTouchUpdate update);
}
