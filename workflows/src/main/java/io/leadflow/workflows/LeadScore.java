package io.leadflow.workflows;

import java.util.List;

/** A score with the reasons behind it, in words a rep understands ("+15 demo request"). */
public record LeadScore(int total, Tier tier, List<String> breakdown) {

  public LeadScore {
    breakdown = breakdown == null ? List.of() : List.copyOf(breakdown);
  }
}
