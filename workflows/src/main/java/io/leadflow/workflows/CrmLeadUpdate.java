package io.leadflow.workflows;

/**
 * What the workflow knows of its lead that the CRM shows: status, score, tier, owner. The contact
 * details are read from the lead store by the activity, so they never enter the history.
 */
public record CrmLeadUpdate(String leadId, LeadStatus status, Integer score, Tier tier, String ownerRep) {}
