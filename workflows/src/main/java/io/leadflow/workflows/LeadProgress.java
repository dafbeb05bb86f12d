package io.leadflow.workflows;

/** What the lead store keeps of the workflow's progress; null fields are left unchanged. */
public record LeadProgress(String leadId, LeadStatus status, LeadScore score, String assignedRep) {}
