package io.leadflow.activities.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.workflows.EmailKind;
import io.leadflow.workflows.EngagementEvent;
import io.leadflow.workflows.EnrichedLead;
import io.leadflow.workflows.LeadScore;
import io.leadflow.workflows.NewLead;
import io.leadflow.workflows.ScoreRequest;
import io.leadflow.workflows.Seniority;
import io.leadflow.workflows.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The scoring engine, table by table: each default rule, custom and negative rules, decay, tiers. */
class ScoringActivitiesImplTest {

  private static final Instant CAPTURED = Instant.parse("2026-03-02T15:00:00Z");
  private static final ScoringProperties DEFAULTS = new ScoringProperties(null, null, null);
  private static final ScoringEngine PLAYBOOK = new ScoringEngine(DEFAULTS.rules(), DEFAULTS.tiers(), DEFAULTS.decay());

  /** A lead that matches no default rule: no email, no phone, a plain interest, nothing enriched. */
  private record Lead(
      String interest, String timeline, String title, String source, String phone, String email,
      EnrichedLead enriched, List<EngagementEvent> events) {

    static Lead plain() {
      return new Lead("hello", null, null, "web", null, null, enriched(null, null, null, null, null, false, false), List.of());
    }

    static EnrichedLead enriched(
        String country, String region, EmailKind email, Seniority seniority, Integer employees, boolean student, boolean jobSeeker) {
      return new EnrichedLead(
          "l-1", null, country, region, List.of(), false, List.of(), null, email, null, seniority, student, jobSeeker,
          null, null, employees, null, null, false);
    }

    Lead with(String fact, String value) {
      return switch (fact) {
        case "interest" -> new Lead(value, timeline, title, source, phone, email, enriched, events);
        case "timeline" -> new Lead(interest, value, title, source, phone, email, enriched, events);
        case "source" -> new Lead(interest, timeline, title, value, phone, email, enriched, events);
        case "phone" -> new Lead(interest, timeline, title, source, value, email, enriched, events);
        case "email" -> new Lead(interest, timeline, title, source, phone, email, enriched(null, null, EmailKind.valueOf(value), null, null, false, false), events);
        case "seniority" -> new Lead(interest, timeline, title, source, phone, email, enriched(null, null, null, Seniority.valueOf(value), null, false, false), events);
        case "employees" -> new Lead(interest, timeline, title, source, phone, email, enriched(null, null, null, null, Integer.valueOf(value), false, false), events);
        case "student" -> new Lead(interest, timeline, title, source, phone, email, enriched(null, null, null, null, null, true, false), events);
        case "job-seeker" -> new Lead(interest, timeline, title, source, phone, email, enriched(null, null, null, null, null, false, true), events);
        case "engagement" -> new Lead(interest, timeline, title, source, phone, email, enriched, List.of(new EngagementEvent(value, "", "e1", CAPTURED)));
        default -> throw new IllegalArgumentException(fact);
      };
    }

    ScoreRequest request() {
      NewLead lead = new NewLead("l-1", "Sarah Kim", email, phone, source, interest, title, null, null, timeline, CAPTURED);
      return new ScoreRequest(lead, enriched, events);
    }
  }

  @Test
  void eachCustomAttributeIsASignalOfItsOwnReadByName() {
    ScoringEngine engine = new ScoringEngine(
        List.of(
            new ScoringRule(RuleGroup.FIT, Signal.ATTRIBUTE, List.of("over-100k"), List.of(), null, null, 15, "big budget", "budget"),
            new ScoringRule(RuleGroup.FIT, Signal.ATTRIBUTE, List.of("*"), List.of(), null, null, 5, "seats given", "Seats"),
            new ScoringRule(RuleGroup.FIT, Signal.ATTRIBUTE, List.of("yes"), List.of(), null, null, 50, "never sent", "partner")),
        DEFAULTS.tiers(), DEFAULTS.decay());
    NewLead lead = new NewLead(
        "l-1", "Sarah Kim", null, null, "web", "hello", null, null, null, null, CAPTURED, null, null,
        Map.of("BUDGET", "Over-100k", "seats", "40"));

    LeadScore score = engine.score(new ScoreRequest(lead, null, List.of()));

    assertThat(score.breakdown()).containsExactly("+15 big budget", "+5 seats given");
    assertThat(score.total()).isEqualTo(20);
  }

  @Test
  void onlyAnAttributeRuleNamesAnAttributeAndItMustName() {
    assertThatThrownBy(() -> new ScoringRule(RuleGroup.FIT, Signal.ATTRIBUTE, List.of("x"), List.of(), null, null, 5, "r"))
        .hasMessageContaining("needs the attribute's name");
    assertThatThrownBy(() -> new ScoringRule(RuleGroup.FIT, Signal.ATTRIBUTE, List.of("x"), List.of(), null, null, 5, "r", "bad name"))
        .hasMessageContaining("needs the attribute's name");
    assertThatThrownBy(() -> new ScoringRule(RuleGroup.FIT, Signal.SOURCE, List.of("x"), List.of(), null, null, 5, "r", "budget"))
        .hasMessageContaining("only an ATTRIBUTE rule");
  }

  @Test
  void aLeadMatchingNoRuleScoresZero() {
    LeadScore score = PLAYBOOK.score(Lead.plain().request());

    assertThat(score.total()).isZero();
    assertThat(score.breakdown()).isEmpty();
    assertThat(score.tier()).isEqualTo(Tier.COLD);
  }

  @ParameterizedTest(name = "{0} = {1} → {2}")
  @CsvSource({
    "interest,   Book a demo,           +30 demo request",
    "interest,   Need a QUOTE for 5,    +30 quote request",
    "interest,   pricing for 10 seats,  +20 pricing interest",
    "interest,   contact me,            +10 contact form",
    "interest,   download the ebook,    +5 content download",
    "interest,   demo and pricing,      +30 demo request",
    "timeline,   ASAP,                  +15 wants to start now",
    "timeline,   within this month,     +10 timeline this month",
    "timeline,   next quarter,          +5 timeline this quarter",
    "seniority,  C_LEVEL,               +15 C-level title",
    "seniority,  VP,                    +12 VP title",
    "seniority,  DIRECTOR,              +10 director title",
    "seniority,  MANAGER,               +5 manager title",
    "employees,  5000,                  +15 1000+ employees",
    "employees,  1000,                  +15 1000+ employees",
    "employees,  999,                   +10 200-999 employees",
    "employees,  200,                   +10 200-999 employees",
    "employees,  199,                   +5 50-199 employees",
    "employees,  50,                    +5 50-199 employees",
    "email,      BUSINESS,              +10 company email domain",
    "email,      FREE_MAIL,             -5 free-mail address",
    "email,      DISPOSABLE,            -20 disposable email",
    "phone,      +12125550100,          +5 phone given",
    "engagement, form-fill,             +15 returned with another form",
    "engagement, pricing-page-visit,    +10 pricing page visit",
    "engagement, returning-visit,       +5 returning visitor",
    "engagement, webinar-attended,      +5 other engagement",
    "source,     referral,              +10 referral",
    "source,     Partner,               +10 partner lead",
    "source,     list,                  -10 purchased list",
    "student,    true,                  -25 student",
    "job-seeker, true,                  -25 job seeker",
  })
  void eachDefaultRuleScoresItsSignalAndSaysWhy(String fact, String value, String line) {
    LeadScore score = PLAYBOOK.score(Lead.plain().with(fact, value).request());

    assertThat(score.breakdown()).containsExactly(line);
    assertThat(score.total()).isEqualTo(Integer.parseInt(line.substring(0, line.indexOf(' '))));
  }

  @ParameterizedTest(name = "{0} = {1} scores nothing")
  @CsvSource({
    "seniority,  INDIVIDUAL",
    "seniority,  ENTRY",
    "employees,  49",
    "email,      STUDENT",
    "source,     web",
    "interest,   newsletter",
  })
  void whatNoRuleCoversScoresNothing(String fact, String value) {
    assertThat(PLAYBOOK.score(Lead.plain().with(fact, value).request()).breakdown()).isEmpty();
  }

  @Test
  void everyEngagementEventScoresOnItsOwn() {
    Lead lead = Lead.plain();
    ScoreRequest request =
        new ScoreRequest(
            lead.request().lead(),
            lead.enriched(),
            List.of(
                new EngagementEvent("pricing-page-visit", "/pricing", "e1", CAPTURED),
                new EngagementEvent("pricing-page-visit", "/pricing", "e2", CAPTURED),
                new EngagementEvent("form-fill", "captured again", "e3", CAPTURED)));

    LeadScore score = PLAYBOOK.score(request);

    assertThat(score.breakdown()).containsExactly("+10 pricing page visit", "+10 pricing page visit", "+15 returned with another form");
    assertThat(score.total()).isEqualTo(35);
  }

  @Test
  void aPersonRepeatingOneThingScoresForItThreeTimesAndTheExplanationStaysShort() {
    Lead lead = Lead.plain();
    List<EngagementEvent> repeats =
        java.util.stream.IntStream.range(0, 1000)
            .mapToObj(i -> new EngagementEvent("form-fill", "captured again", "e" + i, CAPTURED))
            .toList();
    ScoreRequest three = new ScoreRequest(lead.request().lead(), lead.enriched(), repeats.subList(0, 3));
    ScoreRequest thousand = new ScoreRequest(lead.request().lead(), lead.enriched(), repeats);

    LeadScore score = PLAYBOOK.score(thousand);

    assertThat(score.total()).isEqualTo(PLAYBOOK.score(three).total());
    assertThat(score.breakdown()).hasSize(PLAYBOOK.score(three).breakdown().size() + 1).last().asString().contains("× 997 more");
  }

  @Test
  void theWorkedExampleOfTheDocsIsHot() {
    NewLead lead =
        new NewLead("l-1", "Sarah Kim", "sarah@acme.test", "+12125550100", "web", "Book a demo", "VP of Marketing", "Acme", 250, "this month", CAPTURED);
    EnrichedLead enriched =
        new EnrichedLead(
            "l-1", "acme.test", "US", "NY", List.of("America/New_York"), false, List.of(), "+12125550100", EmailKind.BUSINESS,
            "marketing", Seniority.VP, false, false, "Acme", null, 250, null, null, false);

    LeadScore score = PLAYBOOK.score(new ScoreRequest(lead, enriched, List.of()));

    assertThat(score.breakdown())
        .containsExactly(
            "+30 demo request", "+10 timeline this month", "+12 VP title", "+10 200-999 employees",
            "+10 company email domain", "+5 phone given");
    assertThat(score.total()).isEqualTo(77);
    assertThat(score.tier()).isEqualTo(Tier.HOT);
  }

  @Test
  void aMissedCallMakesACallerWithNothingElseHotAndDecaysLikeIntent() {
    NewLead caller = new NewLead("l-1", "+1 212-555-0100", null, "+12125550100", "google-ads-call", "Missed call to google-ads-call")
        .withMissedCall(true);
    NewLead captured = new NewLead(
        caller.leadId(), caller.name(), null, caller.phone(), caller.source(), caller.interest(), null, null, null, null, CAPTURED)
        .withMissedCall(true);

    LeadScore score = PLAYBOOK.score(new ScoreRequest(caller, null, List.of()));
    LeadScore monthLater = PLAYBOOK.score(new ScoreRequest(captured, null, List.of(), CAPTURED.plus(Duration.ofDays(31))));

    assertThat(score.breakdown()).containsExactly("+35 missed call", "+5 phone given");
    assertThat(score.tier()).isEqualTo(Tier.HOT);
    assertThat(monthLater.breakdown()).contains("+17 missed call (halved: 31 days old)");
    assertThat(PLAYBOOK.score(new ScoreRequest(caller.withMissedCall(false), null, List.of())).breakdown())
        .containsExactly("+5 phone given");
  }

  @Test
  void aCompanyEmailIsNotPenalisedWhenEnrichmentCouldNotRun() {
    // The workflow scores an empty, partial enrichment when the enrichment activity fails.
    NewLead lead = new NewLead("l-1", "Sarah Kim", "sarah@acme.test", "+12125550100", "web", "Book a demo");
    EnrichedLead unavailable = new EnrichedLead("l-1", null, null, null, List.of(), true, List.of());

    LeadScore score = PLAYBOOK.score(new ScoreRequest(lead, unavailable, List.of()));

    assertThat(score.breakdown()).containsExactly("+30 demo request", "+5 phone given");
    assertThat(score.total()).isEqualTo(35);
  }

  // ---- rules a RevOps team adds: fit on industry, geography and role; negative ones ----

  private static final ScoringEngine CUSTOM =
      new ScoringEngine(
          List.of(
              rule(RuleGroup.FIT, Signal.INDUSTRY, List.of("software", "saas"), List.of(), 10, "software company"),
              rule(RuleGroup.FIT, Signal.REGION, List.of("US-CA"), List.of(), 8, "California"),
              rule(RuleGroup.FIT, Signal.COUNTRY, List.of("US", "CA"), List.of(), 5, "core market"),
              rule(RuleGroup.FIT, Signal.ROLE, List.of("marketing"), List.of(), 5, "marketing buyer"),
              rule(RuleGroup.NEGATIVE, Signal.DOMAIN, List.of("rival.test"), List.of(), -50, "competitor"),
              rule(RuleGroup.NEGATIVE, Signal.COUNTRY, List.of(), List.of("US", "CA"), -20, "outside service area"),
              rule(RuleGroup.NEGATIVE, Signal.TITLE, List.of("intern"), List.of(), -10, "intern")),
          new Tiers(null, null),
          new Decay(null, null));

  private static ScoringRule rule(RuleGroup group, Signal signal, List<String> any, List<String> none, int points, String reason) {
    return new ScoringRule(group, signal, any, none, null, null, points, reason);
  }

  private static LeadScore custom(String email, String title, String country, String region, String role, String industry) {
    NewLead lead = new NewLead("l-1", "Sarah Kim", email, null, "web", "hello", title, null, null, null, CAPTURED);
    EnrichedLead enriched =
        new EnrichedLead(
            "l-1", null, country, region, List.of(), false, List.of(), null, null, role, null, false, false, null, industry,
            null, null, null, false);
    return CUSTOM.score(new ScoreRequest(lead, enriched, List.of()));
  }

  @ParameterizedTest(name = "{0} {1} {2} {3} {4} {5} → {6}")
  @CsvSource(
      delimiter = '|',
      value = {
        "sarah@acme.test     |                  | US |    |           |                   | +5 core market",
        "sarah@acme.test     |                  | US | CA |           |                   | +8 California, +5 core market",
        "sarah@acme.test     |                  | CA |    |           |                   | +5 core market",
        "sarah@acme.test     |                  | DE |    |           |                   | -20 outside service area",
        "sarah@acme.test     |                  |    |    |           |                   | ",
        "sarah@eu.rival.test |                  | US |    |           |                   | +5 core market, -50 competitor",
        "sarah@rival.test.io |                  | US |    |           |                   | +5 core market",
        "sarah@acme.test     | Marketing Intern | US |    | marketing |                   | +5 core market, +5 marketing buyer, -10 intern",
        "sarah@acme.test     |                  | US |    |           | Computer Software | +10 software company, +5 core market",
      })
  void customFitAndNegativeRulesMatchWhatTheyNameAndNeverWhatIsUnknown(
      String email, String title, String country, String region, String role, String industry, String lines) {
    LeadScore score = custom(email, title, country, region, role, industry);

    List<String> expected = lines == null ? List.of() : List.of(lines.split(", "));
    assertThat(score.breakdown()).containsExactlyElementsOf(expected);
    assertThat(score.total()).isEqualTo(expected.stream().mapToInt(l -> Integer.parseInt(l.substring(0, l.indexOf(' ')))).sum());
  }

  // ---- decay of behavioural points ----

  private static LeadScore scoredWithVisitAfter(Duration later) {
    NewLead lead = new NewLead("l-1", "Sarah Kim", "sarah@acme.test", null, "web", "Book a demo", null, null, null, null, CAPTURED);
    EnrichedLead enriched = Lead.enriched(null, null, EmailKind.BUSINESS, null, null, false, false);
    return PLAYBOOK.score(
        new ScoreRequest(lead, enriched, List.of(new EngagementEvent("pricing-page-visit", "/pricing", "v1", CAPTURED.plus(later)))));
  }

  @ParameterizedTest(name = "visit {0} days after a demo request → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0   | +30 demo request                                        | 50",
        "29  | +30 demo request                                        | 50",
        "30  | +15 demo request (halved: 30 days old)                  | 35",
        "45  | +15 demo request (halved: 45 days old)                  | 35",
        "89  | +15 demo request (halved: 89 days old)                  | 35",
        "90  | +0 demo request (reset after 90 days without activity)  | 20",
        "200 | +0 demo request (reset after 200 days without activity) | 20",
      })
  void behaviouralPointsHalveAfterThirtyDaysAndResetAfterNinetyQuietOnes(int days, String demoLine, int total) {
    LeadScore score = scoredWithVisitAfter(Duration.ofDays(days));

    // Fit points (the company email) never decay; the latest activity is always fresh.
    assertThat(score.breakdown()).containsExactly(demoLine, "+10 company email domain", "+10 pricing page visit");
    assertThat(score.total()).isEqualTo(total);
  }

  @Test
  void steadyActivityOnlyHalvesOldPointsWhileASilenceResetsThem() {
    NewLead lead = new NewLead("l-1", "Sarah Kim", null, null, "web", "Book a demo", null, null, null, null, CAPTURED);
    List<EngagementEvent> monthly =
        List.of(
            new EngagementEvent("form-fill", "", "e1", CAPTURED.plus(Duration.ofDays(60))),
            new EngagementEvent("returning-visit", "", "e2", CAPTURED.plus(Duration.ofDays(120))));

    LeadScore score = PLAYBOOK.score(new ScoreRequest(lead, null, monthly));

    // No 90-day silence: the 120-day-old demo request still counts, halved (rounded down).
    assertThat(score.breakdown())
        .containsExactly("+15 demo request (halved: 120 days old)", "+7 returned with another form (halved: 60 days old)", "+5 returning visitor");
    assertThat(score.total()).isEqualTo(27);
  }

  @ParameterizedTest(name = "a silent lead scored {0} days after its demo request → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0   | +30 demo request                                        | 40",
        "29  | +30 demo request                                        | 40",
        "30  | +15 demo request (halved: 30 days old)                  | 25",
        "90  | +0 demo request (reset after 90 days without activity)  | 10",
      })
  void aSilentLeadsIntentDecaysUpToTheMomentItIsScoredFor(int days, String demoLine, int total) {
    NewLead lead = new NewLead("l-1", "Sarah Kim", "sarah@acme.test", null, "web", "Book a demo", null, null, null, null, CAPTURED);
    EnrichedLead enriched = Lead.enriched(null, null, EmailKind.BUSINESS, null, null, false, false);
    Instant asOf = CAPTURED.plus(Duration.ofDays(days));

    LeadScore score = PLAYBOOK.score(new ScoreRequest(lead, enriched, List.of(), asOf));

    assertThat(score.breakdown()).containsExactly(demoLine, "+10 company email domain");
    assertThat(score.total()).isEqualTo(total);
    assertThat(score.asOf()).isEqualTo(asOf);
  }

  @Test
  void withoutKnownTimesNothingDecays() {
    NewLead lead = new NewLead("l-1", "Sarah Kim", null, null, "web", "Book a demo");
    LeadScore score = PLAYBOOK.score(new ScoreRequest(lead, null, List.of(new EngagementEvent("form-fill", "", "e1"))));

    assertThat(score.breakdown()).containsExactly("+30 demo request", "+15 returned with another form");
  }

  // ---- tiers ----

  @ParameterizedTest(name = "{0} points with tiers {1}/{2} → {3}")
  @CsvSource({
    "14, 35, 15, COLD",
    "15, 35, 15, WARM",
    "34, 35, 15, WARM",
    "35, 35, 15, HOT",
    "-5, 35, 15, COLD",
    "19, 50, 20, COLD",
    "20, 50, 20, WARM",
    "49, 50, 20, WARM",
    "50, 50, 20, HOT",
  })
  void tiersFollowTheConfiguredThresholds(int points, int hotFrom, int warmFrom, Tier tier) {
    ScoringEngine engine =
        new ScoringEngine(
            List.of(new ScoringRule(RuleGroup.FIT, Signal.PHONE, null, null, null, null, points, "phone")),
            new Tiers(hotFrom, warmFrom),
            new Decay(null, null));

    LeadScore score = engine.score(Lead.plain().with("phone", "+12125550100").request());

    assertThat(score.total()).isEqualTo(points);
    assertThat(score.tier()).isEqualTo(tier);
  }

  @Test
  void theDefaultTiersAreThePlaybooks() {
    assertThat(DEFAULTS.tiers()).isEqualTo(new Tiers(35, 15));
    assertThat(DEFAULTS.decay()).isEqualTo(new Decay(Duration.ofDays(30), Duration.ofDays(90)));
  }

  // ---- configuration ----

  @Test
  void rulesTiersAndDecayBindFromConfiguration() {
    Map<String, String> yaml =
        Map.ofEntries(
            Map.entry("leadflow.scoring.tiers.hot-from", "50"),
            Map.entry("leadflow.scoring.decay.halve-after", "14d"),
            Map.entry("leadflow.scoring.rules[0].group", "negative"),
            Map.entry("leadflow.scoring.rules[0].signal", "job-seeker"),
            Map.entry("leadflow.scoring.rules[0].points", "-40"),
            Map.entry("leadflow.scoring.rules[0].reason", "job seeker"),
            Map.entry("leadflow.scoring.rules[1].group", "fit"),
            Map.entry("leadflow.scoring.rules[1].signal", "employees"),
            Map.entry("leadflow.scoring.rules[1].min", "500"),
            Map.entry("leadflow.scoring.rules[1].points", "20"),
            Map.entry("leadflow.scoring.rules[1].reason", "500+ employees"),
            Map.entry("leadflow.scoring.rules[2].group", "negative"),
            Map.entry("leadflow.scoring.rules[2].signal", "country"),
            Map.entry("leadflow.scoring.rules[2].none", "US,CA"),
            Map.entry("leadflow.scoring.rules[2].points", "-20"),
            Map.entry("leadflow.scoring.rules[2].reason", "outside service area"));

    ScoringProperties bound =
        new Binder(new MapConfigurationPropertySource(yaml)).bind("leadflow.scoring", ScoringProperties.class).get();

    assertThat(bound.tiers()).isEqualTo(new Tiers(50, 15));
    assertThat(bound.decay()).isEqualTo(new Decay(Duration.ofDays(14), Duration.ofDays(90)));
    assertThat(bound.rules())
        .containsExactly(
            new ScoringRule(RuleGroup.NEGATIVE, Signal.JOB_SEEKER, null, null, null, null, -40, "job seeker"),
            new ScoringRule(RuleGroup.FIT, Signal.EMPLOYEES, null, null, 500, null, 20, "500+ employees"),
            new ScoringRule(RuleGroup.NEGATIVE, Signal.COUNTRY, null, List.of("US", "CA"), null, null, -20, "outside service area"));
  }

  @ParameterizedTest(name = "{5}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PHONE     | demo |       |     |    | PHONE is a yes/no signal: give neither values nor a range",
        "EMPLOYEES |      |       |     |    | EMPLOYEES is a number: give min and/or max, no values",
        "EMPLOYEES |      |       | 500 | 50 | min must not exceed max",
        "INTEREST  |      |       |     |    | INTEREST needs values in exactly one of any or none",
        "COUNTRY   | US   | DE    |     |    | COUNTRY needs values in exactly one of any or none",
        "COUNTRY   | US   |       | 1   |    | COUNTRY takes values, not a range",
      })
  void aRuleOfTheWrongShapeIsRefusedWithItsReason(String signal, String any, String none, Integer min, Integer max, String problem) {
    assertThatThrownBy(
            () ->
                new ScoringRule(
                    RuleGroup.FIT, Signal.valueOf(signal), any == null ? null : List.of(any), none == null ? null : List.of(none),
                    min, max, 5, "r"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(problem + " (rule \"r\")");
  }

  @Test
  void pointsAndTiersMustBeSensible() {
    assertThatThrownBy(() -> new ScoringRule(RuleGroup.FIT, Signal.PHONE, null, null, null, null, 101, "r"))
        .hasMessageContaining("between -100 and 100");
    assertThatThrownBy(() -> new Tiers(15, 15)).hasMessageContaining("must be below hot-from");
    assertThatThrownBy(() -> new Decay(Duration.ofDays(90), Duration.ofDays(30))).hasMessageContaining("below reset-after");
  }
}
