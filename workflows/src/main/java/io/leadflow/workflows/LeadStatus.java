package io.leadflow.workflows;

/** Where a lead stands in its lifecycle, as stored and as reported to people. */
public enum LeadStatus {
  /** Stored by the API; its workflow has not picked it up yet. */
  NEW,
  /** The workflow owns the lead. */
  CAPTURED,
  /** At least one touch went out. */
  CONTACTED
}
