package io.leadflow.activities.scoring;

import io.leadflow.workflows.LeadScore;
import io.leadflow.workflows.ScoreRequest;
import io.leadflow.workflows.ScoringActivities;
import org.springframework.stereotype.Component;

/**
 * Scores with the rules in force ({@link ScoringRuleBook}). The workflow runs it as a local
 * activity: its answer is recorded in history, so editing the rules changes later scores only.
 */
@Component("scoringActivities")
class ScoringActivitiesImpl implements ScoringActivities {

  private final ScoringRuleBook rules;

  ScoringActivitiesImpl(ScoringRuleBook rules) {
    this.rules = rules;
  }

  @Override
  public LeadScore score(ScoreRequest request) {
    return new ScoringEngine(rules.current()).score(request);
  }
}
