package io.leadflow.workflows;

import java.time.Instant;
import java.util.List;

/**
 * A score with the reasons behind it, in words a rep understands ("+15 demo request"), and the
 * moment it is for ({@code asOf}, as its {@link ScoreRequest} gave it).
 */
public record LeadScore(int total, Tier tier, List<String> breakdown, Instant asOf) {

  public LeadScore {
    breakdown = breakdown == null ? List.of() : List.copyOf(breakdown);
  }

  /** A score not tied to a moment (a request without {@code asOf}). */
  public LeadScore(int total, Tier tier, List<String> breakdown) {
    this(total, tier, breakdown, null);
  }
}
