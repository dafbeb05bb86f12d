package io.leadflow.activities.scoring;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code leadflow.scoring.*}: tier thresholds, decay and the rules. Each part falls back to our
 * playbook on its own; {@code rules}, when given, replaces the whole default list.
 */
@ConfigurationProperties("leadflow.scoring")
record ScoringProperties(Tiers tiers, Decay decay, List<ScoringRule> rules) {

  ScoringProperties {
    tiers = tiers == null ? new Tiers(null, null) : tiers;
    decay = decay == null ? new Decay(null, null) : decay;
    rules = rules == null || rules.isEmpty() ? DefaultScoringRules.RULES : List.copyOf(rules);
  }
}
