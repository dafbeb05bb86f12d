package io.leadflow.activities.crm;

/**
 * One CRM vendor's REST API, as LeadFlow writes to it: the lead's record and the touches logged
 * on it. Both calls are idempotent: the record is upserted by the LeadFlow id, a touch by its
 * business key. Failures are {@link CrmException}s that say whether a retry can help.
 */
public interface CrmClient {

  /** {@code hubspot}, {@code salesforce}: kept beside the record ids it returns. */
  String provider();

  /** Creates or updates the lead's record; returns the CRM's id for it. */
  String upsertLead(CrmLead lead);

  /** Logs the touch as an activity on the record {@code recordId}; returns the activity's CRM id. */
  String logTouch(String recordId, CrmTouch touch);
}
