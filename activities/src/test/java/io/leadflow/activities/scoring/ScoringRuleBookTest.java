package io.leadflow.activities.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.workflows.NewLead;
import io.leadflow.workflows.ScoreRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Rules saved in PostgreSQL replace the configured ones for every later score. The saved set is
 * the defaults plus one rule only this test's leads can match, so other tests sharing the
 * database score as before while it runs.
 */
@SpringBootTest
class ScoringRuleBookTest {

  @Autowired ScoringRuleBook book;
  @Autowired ScoringActivitiesImpl scoring;

  private final String keyword = "kw" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void backToConfiguration() {
    book.replace(List.of());
  }

  private int score(String interest) {
    return scoring.score(new ScoreRequest(new NewLead("l-1", "Sarah Kim", null, null, "web", interest), null, List.of())).total();
  }

  @Test
  void savedRulesReplaceTheConfiguredOnesUntilTheyAreDeleted() {
    RuleSet configured = book.current();
    assertThat(configured.source()).isEqualTo(RuleSet.Source.CONFIGURATION);
    assertThat(configured.rules()).isEqualTo(DefaultScoringRules.RULES);
    assertThat(score("Book a demo " + keyword)).isEqualTo(30);

    List<ScoringRule> edited = new ArrayList<>(DefaultScoringRules.RULES);
    edited.add(0, new ScoringRule(RuleGroup.INTENT, Signal.INTEREST, List.of(keyword), List.of(), null, null, 45, "campaign " + keyword));
    RuleSet saved = book.replace(edited);

    assertThat(saved.source()).isEqualTo(RuleSet.Source.DATABASE);
    assertThat(saved.rules()).isEqualTo(edited);
    assertThat(book.current()).isEqualTo(saved);
    assertThat(score("Book a demo " + keyword)).isEqualTo(45); // the first rung of the ladder now
    assertThat(score("Book a demo")).isEqualTo(30);

    RuleSet reset = book.replace(List.of());
    assertThat(reset.source()).isEqualTo(RuleSet.Source.CONFIGURATION);
    assertThat(score("Book a demo " + keyword)).isEqualTo(30);
  }
}
