package io.leadflow.activities.scoring;

import java.util.List;

/** The rules scoring uses now, and where they come from. */
public record RuleSet(Source source, Tiers tiers, Decay decay, List<ScoringRule> rules) {

  public enum Source {
    /** {@code leadflow.scoring.rules}, or the built-in defaults. */
    CONFIGURATION,
    /** Saved through the admin API; they replace the configured rules until deleted. */
    DATABASE
  }

  public RuleSet {
    rules = List.copyOf(rules);
  }
}
