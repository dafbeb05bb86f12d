package io.leadflow.workflows;

public record RouteRequest(NewLead lead, EnrichedLead enriched, LeadScore score) {}
