package io.leadflow.workflows;

import java.time.Instant;

/**
 * What the lead store keeps of the workflow's progress; null fields are left unchanged.
 * {@code acknowledgedAt} is when the current assignee acknowledged the lead (null until then):
 * the store keeps the first one, for speed-to-lead reporting.
 */
public record LeadProgress(
    String leadId, LeadStatus status, LeadScore score, String assignedRep, Instant acknowledgedAt) {

  /** Progress that says nothing about an acknowledgement. */
  public LeadProgress(String leadId, LeadStatus status, LeadScore score, String assignedRep) {
    this(leadId, status, score, assignedRep, null);
  }
}
