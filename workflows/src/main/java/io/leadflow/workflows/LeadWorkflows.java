package io.leadflow.workflows;

/** Conventions every caller of the lead workflow shares: one place, so api and worker cannot drift. */
public final class LeadWorkflows {

  public static final String TASK_QUEUE = "leads";
  /** CRM calls only: its rate limit (the CRM vendor's) holds across all workers. */
  public static final String CRM_TASK_QUEUE = "leadflow-crm";

  private static final String ID_PREFIX = "lead-";

  private LeadWorkflows() {}

  /** The workflow id of a lead; lead ids are opaque UUIDs, never personal data. */
  public static String idFor(String leadId) {
    return ID_PREFIX + leadId;
  }

  /** The lead id of a lead workflow's id; null for any other workflow id. */
  public static String leadIdOf(String workflowId) {
    return workflowId != null && workflowId.startsWith(ID_PREFIX) ? workflowId.substring(ID_PREFIX.length()) : null;
  }
}
