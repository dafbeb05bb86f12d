package io.leadflow.activities.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each stage of the routing tree against real PostgreSQL, with the words it explains itself in. */
@SpringBootTest
class RoutingActivitiesImplTest {

  /** A Wednesday: 10:00 in New York, 16:00 in Berlin, 00:00 (Thursday) in Tokyo. */
  static final Instant NOW = Instant.parse("2026-03-04T15:00:00Z");

  @Autowired RoutingEngine routing;
  @Autowired JdbcClient jdbc;

  private RoutingFixture fixture;

  private RoutingFixture fixture() {
    if (fixture == null) {
      fixture = new RoutingFixture(jdbc);
    }
    return fixture;
  }

  @AfterEach
  void cleanUp() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private Decision route(LeadProfile lead) {
    return routing.route(lead, UUID.randomUUID().toString(), NOW);
  }

  @Test
  void theAccountOwnerTakesLeadsFromTheirAccountsDomainsAndSubdomains() {
    RoutingFixture f = fixture();
    String ana = f.rep("ana", 5, 1);
    String domain = f.account("acme", ana);

    Decision direct = route(f.profileFrom(f.lead(), domain));
    Decision subdomain = route(f.profileFrom(f.lead(), "eu." + domain));

    assertThat(direct.repId()).isEqualTo(ana);
    assertThat(direct.stage()).isEqualTo(Stage.ACCOUNT_OWNER);
    assertThat(direct.reason()).isEqualTo("account owner of " + domain + " (acme), 4 of 5 open slots");
    assertThat(direct.backupRepId()).isEqualTo(f.id("boss"));
    assertThat(subdomain.repId()).isEqualTo(ana);
    assertThat(subdomain.reason()).isEqualTo("account owner of " + domain + " (acme), 3 of 5 open slots");
  }

  @Test
  void anOwnerOutOfOfficeHandsOverToTheTerritoryAndTheReasonSaysSo() {
    RoutingFixture f = fixture();
    String ana = f.rep("ana", 5, 1);
    String ben = f.rep("ben", 5, 1);
    f.away(ana, NOW.minusSeconds(3600), Instant.parse("2026-03-10T00:00:00Z"));
    String domain = f.account("acme", ana);
    f.territory("NA", 10, null, List.of("US"), null, ana, ben);

    Decision decision = route(f.profileFrom(f.lead(), domain));

    assertThat(decision.repId()).isEqualTo(ben);
    assertThat(decision.stage()).isEqualTo(Stage.ROUND_ROBIN);
    assertThat(decision.reason())
        .isEqualTo("account owner " + ana + " out of office until 2026-03-10; NA territory, weighted round-robin, 4 of 5 open slots");
  }

  @Test
  void rowsWrittenAroundTheAdminApiNeverStopRouting() {
    RoutingFixture f = fixture();
    String unreadable = f.rep("unreadable", 5, 1);
    String emptySkill = f.rep("empty-skill", 5, 1);
    String emea = f.rep("emea", 5, 1);
    String emptyCountry = f.territory("Empty country", 5, null, java.util.Arrays.asList((String) null), null, unreadable);
    f.territory("EMEA", 20, null, List.of("DE"), null, emea, unreadable, emptySkill);
    jdbc.sql("update territory set regions = array[null]::text[] where id = :id").param("id", emptyCountry).update();
    jdbc.sql("update rep set skills = array[null]::text[] where id = :id").param("id", emptySkill).update();
    jdbc.sql("update rep set work_days = array['FUNDAY'], work_start = '09:00', work_end = '17:00' where id = :id")
        .param("id", unreadable)
        .update();

    List<String> routedTo = java.util.stream.IntStream.range(0, 4).mapToObj(i -> route(f.profile(f.lead(), "DE", 40)).repId()).toList();

    assertThat(routedTo).containsOnly(emea, emptySkill).contains(emea, emptySkill);
  }

  @Test
  void theFirstTerritoryByPriorityWhoseCriteriaAllMatchTakesTheLead() {
    RoutingFixture f = fixture();
    String ent = f.rep("ent", 5, 1);
    String emea = f.rep("emea", 5, 1);
    String any = f.rep("any", 5, 1);
    f.territory("Enterprise", 10, null, List.of(), 1000, ent);
    f.territory("EMEA", 20, null, List.of("DE", "FR", "GB"), null, emea);
    f.territory("Everyone", 30, null, List.of(), null, any);

    assertThat(route(f.profile(f.lead(), "DE", 5000)).repId()).isEqualTo(ent);
    assertThat(route(f.profile(f.lead(), "DE", 40)).repId()).isEqualTo(emea);
    assertThat(route(f.profile(f.lead(), "FR", null)).repId()).isEqualTo(emea);
    assertThat(route(f.profile(f.lead(), "US", 40)).repId()).isEqualTo(any);
    assertThat(route(f.profile(f.lead(), null, null)).reason()).isEqualTo("Everyone territory, weighted round-robin, 3 of 5 open slots");
  }

  @Test
  void aLeadNeedingASkillGoesToTheRepsWhoHaveIt() {
    RoutingFixture f = fixture();
    String german = f.skill("german", "DE", "AT", "CH");
    String ana = f.rep("ana", 5, 1, german);
    String ben = f.rep("ben", 5, 1);
    f.territory("EMEA", 10, null, List.of(), null, ana, ben);

    List<Decision> germans = List.of(route(f.profile(f.lead(), "DE", null)), route(f.profile(f.lead(), "AT", null)));
    List<Decision> others = List.of(route(f.profile(f.lead(), "FR", null)), route(f.profile(f.lead(), "FR", null)));

    assertThat(germans).extracting(Decision::repId).containsOnly(ana);
    assertThat(germans.get(0).reason()).isEqualTo("EMEA territory, skill " + german + ", weighted round-robin, 4 of 5 open slots");
    assertThat(others).extracting(Decision::repId).containsExactlyInAnyOrder(ana, ben);
  }

  @Test
  void aSkillNobodyInTheTerritoryHasIsNotedAndAnyMemberTakesTheLead() {
    RoutingFixture f = fixture();
    String japanese = f.skill("japanese", "JP");
    String ana = f.rep("ana", 5, 1);
    f.territory("APAC", 10, null, List.of(), null, ana);

    Decision decision = route(f.profile(f.lead(), "JP", null));

    assertThat(decision.repId()).isEqualTo(ana);
    assertThat(decision.reason())
        .isEqualTo("nobody in APAC territory has skill " + japanese + "; APAC territory, weighted round-robin, 4 of 5 open slots");
  }

  @Test
  void aRepAtCapacityIsSkippedAndWhenEveryoneIsFullTheTerritoryManagerTakesOver() {
    RoutingFixture f = fixture();
    String ana = f.rep("ana", 1, 1);
    String ben = f.rep("ben", 1, 1);
    f.territory("NA", 10, "mia", List.of(), null, ana, ben);

    Decision first = route(f.profile(f.lead(), "US", null));
    Decision second = route(f.profile(f.lead(), "US", null));
    Decision third = route(f.profile(f.lead(), "US", null));

    assertThat(List.of(first.repId(), second.repId())).containsExactlyInAnyOrder(ana, ben);
    assertThat(second.reason()).endsWith("weighted round-robin, 0 of 1 open slots");
    assertThat(third.repId()).isEqualTo("mia");
    assertThat(third.stage()).isEqualTo(Stage.FALLBACK);
    assertThat(third.reason())
        .isEqualTo(
            "NA territory: nobody available (" + ana + " at capacity (1 of 1 open leads), " + ben
                + " at capacity (1 of 1 open leads)) → manager mia");
  }

  @Test
  void closedLeadsAndLeadsParkedInNurtureFreeTheirSlot() {
    RoutingFixture f = fixture();
    String ana = f.rep("ana", 2, 1);
    f.territory("NA", 10, "mia", List.of(), null, ana);
    UUID won = f.lead();
    UUID parked = f.lead();
    route(f.profile(won, "US", null));
    route(f.profile(parked, "US", null));
    assertThat(route(f.profile(f.lead(), "US", null)).repId()).isEqualTo("mia");

    f.recorded(won, "MEETING_BOOKED", ana);
    f.recorded(parked, "NURTURE", ana);

    assertThat(route(f.profile(f.lead(), "US", null)).repId()).isEqualTo(ana);
    assertThat(route(f.profile(f.lead(), "US", null)).repId()).isEqualTo(ana);
    assertThat(route(f.profile(f.lead(), "US", null)).repId()).isEqualTo("mia");
  }

  @Test
  void aLeadEscalatedToAnotherRepCountsAgainstTheRepWhoHasItNow() {
    RoutingFixture f = fixture();
    String ana = f.rep("ana", 1, 1);
    String ben = f.rep("ben", 1, 1);
    f.territory("NA", 10, "mia", List.of(), null, ana, ben);
    UUID lead = f.lead();
    String first = route(f.profile(lead, "US", null)).repId();
    String other = first.equals(ana) ? ben : ana;

    f.recorded(lead, "AWAITING_ACK", other); // the SLA was missed: escalated to the other rep

    Decision next = route(f.profile(f.lead(), "US", null));
    assertThat(next.repId()).isEqualTo(first);
  }

  @Test
  void offHoursAndOutOfOfficeRepsAreSkippedWithTheReason() {
    RoutingFixture f = fixture();
    String tokyo = f.rep("tokyo", 5, 1);
    String berlin = f.rep("berlin", 5, 1);
    String away = f.rep("away", 5, 1);
    f.workingHours(tokyo, "Asia/Tokyo", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY", LocalTime.of(9, 0), LocalTime.of(18, 0));
    f.workingHours(berlin, "Europe/Berlin", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY", LocalTime.of(9, 0), LocalTime.of(17, 0));
    f.away(away, NOW.minusSeconds(60), null);
    f.territory("World", 10, null, List.of(), null, tokyo, berlin, away);

    Decision now = route(f.profile(f.lead(), "US", null));
    Decision evening = routing.route(f.profile(f.lead(), "US", null), "k-" + f.tag, NOW.plusSeconds(2 * 3600));

    assertThat(now.repId()).isEqualTo(berlin);
    assertThat(evening.repId()).isEqualTo("ana"); // nobody left: the configured fallback
    assertThat(evening.reason())
        .isEqualTo(
            "World territory: nobody available (" + away + " out of office, " + berlin
                + " off hours (Mon Tue Wed Thu Fri 09:00-17:00 Europe/Berlin), " + tokyo
                + " off hours (Mon Tue Wed Thu Fri 09:00-18:00 Asia/Tokyo)) → fallback ana");
    assertThat(evening.backupRepId()).isEqualTo("ben");
    assertThat(evening.managerId()).isEqualTo("mia");
  }

  @Test
  void aLeadNoTerritoryCoversGoesToTheFallbackQueue() {
    LeadProfile lead = new LeadProfile(fixture().lead(), null, "US", "US-NY", 40, "demo request");

    Decision decision = route(lead);

    assertThat(decision.stage()).isEqualTo(Stage.FALLBACK);
    assertThat(decision.repId()).isEqualTo("ana");
    assertThat(decision.reason()).isEqualTo("no territory covers this lead (US-NY, 40 employees, 'demo request') → fallback ana");
  }

  @Test
  void aRetriedRoutingGetsItsFirstDecisionBackWithoutMovingTheRotation() {
    RoutingFixture f = fixture();
    String ana = f.rep("ana", 5, 1);
    String ben = f.rep("ben", 5, 1);
    f.territory("NA", 10, null, List.of(), null, ana, ben);
    UUID lead = f.lead();

    Decision first = routing.route(f.profile(lead, "US", null), "attempt-" + lead, NOW);
    Decision retried = routing.route(f.profile(lead, "US", null), "attempt-" + lead, NOW);
    Decision next = route(f.profile(f.lead(), "US", null));

    assertThat(retried).isEqualTo(first);
    assertThat(next.repId()).isNotEqualTo(first.repId());
    assertThat(jdbc.sql("select reason from lead_assignment where lead_id = :id").param("id", lead).query(String.class).single())
        .isEqualTo(first.reason());
  }

  @Test
  void weightsShareTheLeadsAndInterleaveThem() {
    RoutingFixture f = fixture();
    String a = f.rep("a", 100, 3);
    String b = f.rep("b", 100, 2);
    String c = f.rep("c", 100, 1);
    f.territory("NA", 10, null, List.of(), null, a, b, c);

    List<String> order = f.leads(6).stream().map(lead -> route(f.profile(lead, "US", null)).repId()).toList();

    assertThat(order).containsExactly(a, b, a, c, b, a);
  }
}
