package io.leadflow.activities.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.workflows.EngagementEvent;
import io.leadflow.workflows.EnrichedLead;
import io.leadflow.workflows.LeadScore;
import io.leadflow.workflows.NewLead;
import io.leadflow.workflows.ScoreRequest;
import io.leadflow.workflows.Tier;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringActivitiesImplTest {

  private final ScoringActivitiesImpl scoring = new ScoringActivitiesImpl();

  private static ScoreRequest request(String interest, String phone, String domain, List<EngagementEvent> events) {
    NewLead lead = new NewLead("l-1", "Sarah Kim", "sarah@acme.test", phone, "web", interest);
    EnrichedLead enriched = new EnrichedLead("l-1", domain, "US", "NY", List.of(), false, List.of());
    return new ScoreRequest(lead, enriched, events);
  }

  @Test
  void aDemoRequestFromACompanyWithAPhoneIsHotAndSaysWhy() {
    LeadScore score = scoring.score(request("Book a demo", "+12125550100", "acme.test", List.of()));

    assertThat(score.total()).isEqualTo(45);
    assertThat(score.tier()).isEqualTo(Tier.HOT);
    assertThat(score.breakdown()).containsExactly("+30 demo request", "+5 phone given", "+10 company email domain");
  }

  @Test
  void aPricingQuestionFromFreeMailIsWarm() {
    LeadScore score = scoring.score(request("pricing for 10 seats", null, null, List.of()));

    assertThat(score.total()).isEqualTo(15);
    assertThat(score.tier()).isEqualTo(Tier.WARM);
    assertThat(score.breakdown()).containsExactly("+20 pricing interest", "-5 free-mail address");
  }

  @Test
  void aGeneralQuestionIsColdUntilTheLeadEngages() {
    ScoreRequest cold = request("newsletter", null, null, List.of());
    ScoreRequest engaged =
        request(
            "newsletter",
            null,
            null,
            List.of(
                new EngagementEvent("form-fill", "demo form", "e1"),
                new EngagementEvent("pricing-page-visit", "/pricing", "e2")));

    assertThat(scoring.score(cold).tier()).isEqualTo(Tier.COLD);
    LeadScore score = scoring.score(engaged);
    assertThat(score.total()).isEqualTo(25);
    assertThat(score.tier()).isEqualTo(Tier.WARM);
    assertThat(score.breakdown()).endsWith("+15 returned with another form", "+10 pricing page visit");
  }

  @Test
  void tierThresholdsFollowThePlaybook() {
    assertThat(ScoringActivitiesImpl.tierOf(35)).isEqualTo(Tier.HOT);
    assertThat(ScoringActivitiesImpl.tierOf(34)).isEqualTo(Tier.WARM);
    assertThat(ScoringActivitiesImpl.tierOf(15)).isEqualTo(Tier.WARM);
    assertThat(ScoringActivitiesImpl.tierOf(14)).isEqualTo(Tier.COLD);
  }
}
