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

  /** What a lead is worked as when scoring gave up before its first score: a rep still gets it. */
  static LeadScore unscored(Instant at) {
    return new LeadScore(0, Tier.WARM, List.of("Scoring unavailable: worked as WARM until it can be scored"), at);
  }
}
