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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringActivitiesImplTest {

  private final ScoringActivitiesImpl scoring = new ScoringActivitiesImpl();

  private static ScoreRequest request(String interest, String phone, String domain, List<EngagementEvent> events) {
    String email = domain == null ? "sarah.kim@gmail.com" : "sarah@" + domain;
    return request(email, interest, phone, domain, events);
  }

  private static ScoreRequest request(
      String email, String interest, String phone, String domain, List<EngagementEvent> events) {
    NewLead lead = new NewLead("l-1", "Sarah Kim", email, phone, "web", interest);
    EnrichedLead enriched = new EnrichedLead("l-1", domain, "US", "NY", List.of(), false, List.of());
    return new ScoreRequest(lead, enriched, events);
  }

  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource({
    "Book a demo,           +30 demo request,   30",
    "Need a QUOTE for 5,    +30 quote request,  30",
    "pricing for 10 seats,  +20 pricing interest, 20",
    "contact me,            +10 contact form,   10",
    "newsletter,            +5 general interest, 5",
  })
  void theStatedInterestSetsTheIntentPoints(String interest, String reason, int points) {
    LeadScore score = scoring.score(request("sarah@acme.test", interest, null, null, List.of()));

    assertThat(score.breakdown()).containsExactly(reason);
    assertThat(score.total()).isEqualTo(points);
  }

  @Test
  void anyOtherEngagementCountsFiveAndIsNamed() {
    LeadScore score =
        scoring.score(
            request("newsletter", null, "acme.test", List.of(new EngagementEvent("webinar-attended", "q3", "e1"))));

    assertThat(score.breakdown()).containsExactly("+5 general interest", "+10 company email domain", "+5 webinar-attended");
    assertThat(score.total()).isEqualTo(20);
  }

  @Test
  void aCompanyEmailIsNotPenalisedWhenEnrichmentCouldNotRun() {
    // The workflow routes on an empty, partial enrichment when the enrichment activity fails.
    NewLead lead = new NewLead("l-1", "Sarah Kim", "sarah@acme.test", "+12125550100", "web", "Book a demo");
    EnrichedLead unavailable = new EnrichedLead("l-1", null, null, null, List.of(), true, List.of());

    LeadScore score = scoring.score(new ScoreRequest(lead, unavailable, List.of()));

    assertThat(score.breakdown()).containsExactly("+30 demo request", "+5 phone given");
    assertThat(score.total()).isEqualTo(35);
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
