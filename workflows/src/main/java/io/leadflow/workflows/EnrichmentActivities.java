package io.leadflow.workflows;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface EnrichmentActivities {

  /** Never fails for missing data: what could not be learned is left empty and flagged partial. */
  EnrichedLead enrich(NewLead lead);
}
