package io.leadflow.workflows;

import java.util.List;

public record ScoreRequest(NewLead lead, EnrichedLead enriched, List<EngagementEvent> engagements) {

  public ScoreRequest {
    engagements = List.copyOf(engagements);
  }
}
