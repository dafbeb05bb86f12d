package io.leadflow.workflows;

import java.time.Instant;
import java.util.List;

/**
 * What a lead is scored on. {@code asOf} is the moment the score is for (the workflow's own
 * time): behavioural points age up to it, so a silent lead's old intent decays. Null ages them up
 * to the lead's latest activity only.
 */
public record ScoreRequest(NewLead lead, EnrichedLead enriched, List<EngagementEvent> engagements, Instant asOf) {

  public ScoreRequest {
    engagements = List.copyOf(engagements);
  }

  public ScoreRequest(NewLead lead, EnrichedLead enriched, List<EngagementEvent> engagements) {
    this(lead, enriched, engagements, null);
  }
}
