package io.leadflow.workflows;

/** Conventions every caller of the lead workflow shares: one place, so api and worker cannot drift. */
public final class LeadWorkflows {

  public static final String TASK_QUEUE = "leads";

  private static final String ID_PREFIX = "lead-";

  private LeadWorkflows() {}

  /** The workflow id of a lead; lead ids are opaque UUIDs, never personal data. */
  public static String idFor(String leadId) {
    return ID_PREFIX + leadId;
  }
}
