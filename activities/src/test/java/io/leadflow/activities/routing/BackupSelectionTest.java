package io.leadflow.activities.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The backup (who gets the lead when the ack SLA is missed) must be able to take it by the same
 * rules as the owner: available now, a free slot. Against real PostgreSQL.
 */
@SpringBootTest(properties = "leadflow.routing.fallback.backup=" + BackupSelectionTest.STANDBY)
class BackupSelectionTest {

  static final String STANDBY = "backup-standby";

  @Autowired RoutingEngine routing;
  @Autowired JdbcClient jdbc;

  private RoutingFixture fixture;

  @AfterEach
  void cleanUp() {
    fixture.close();
  }

  private RoutingFixture fixture() {
    fixture = new RoutingFixture(jdbc);
    return fixture;
  }

  /** Puts a rep in the state a table row names: free, full, away or off-hours (Tokyo hours). */
  private static void put(RoutingFixture f, String rep, String state) {
    switch (state) {
      case "free" -> {}
      case "full" -> f.atCapacity(rep, 1);
      case "away" -> f.away(rep, RoutingActivitiesImplTest.NOW.minusSeconds(3600), null);
      case "off-hours" ->
          f.workingHours(rep, "Asia/Tokyo", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY", LocalTime.of(9, 0), LocalTime.of(18, 0));
      default -> throw new IllegalArgumentException(state);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "the next rep in the rotation                     | free      | free | free | free      | ben     | ",
        "next at capacity: the rep after                   | full      | free | free | free      | cat     | ",
        "next out of office: the rep after                 | away      | free | free | free      | cat     | ",
        "no member can: the rep's manager                  | off-hours | full | free | free      | boss    | ",
        "nor the manager: the configured backup            | off-hours | full | away | free      | standby | ",
        "nobody can: the manager, and the reason says why  | full      | away | full | off-hours | mia     | "
            + "; backup: nobody available ({ben} at capacity (1 of 1 open leads), {cat} out of office,"
            + " {boss} at capacity (1 of 1 open leads), {standby} off hours (Mon Tue Wed Thu Fri 09:00-18:00 Asia/Tokyo))"
            + " → manager mia",
      })
  void theBackupIsTheFirstWhoCouldTakeTheLeadElseTheManager(
      String why, String ben, String cat, String boss, String standby, String expected, String reasonEnd) {
    RoutingFixture f = fixture();
    Map<String, String> ids =
        Map.of(
            "ana", f.rep("ana", 1, 1),
            "ben", f.rep("ben", 1, 1),
            "cat", f.rep("cat", 1, 1),
            "boss", f.rep("boss", 1, 1), // every fixture rep's manager
            "standby", f.repWithId(STANDBY, 1),
            "mia", "mia");
    put(f, ids.get("ben"), ben);
    put(f, ids.get("cat"), cat);
    put(f, ids.get("boss"), boss);
    put(f, STANDBY, standby);
    f.territory("NA", 10, "mia", List.of(), null, ids.get("ana"), ids.get("ben"), ids.get("cat"));

    Decision decision = route(f.profile(f.lead(), "US", null));

    assertThat(decision.repId()).isEqualTo(ids.get("ana"));
    assertThat(decision.backupRepId()).isEqualTo(ids.get(expected));
    assertThat(decision.managerId()).isEqualTo("mia");
    String said = reasonEnd == null ? "" : reasonEnd;
    for (Map.Entry<String, String> id : ids.entrySet()) {
      said = said.replace("{" + id.getKey() + "}", id.getValue());
    }
    assertThat(decision.reason()).isEqualTo("NA territory, weighted round-robin, 0 of 1 open slots" + said);
  }

  @Test
  void anAccountOwnersBackupIsATerritoryMemberWithAFreeSlot() {
    RoutingFixture f = fixture();
    String ana = f.rep("ana", 5, 1);
    String ben = f.rep("ben", 1, 1);
    String cat = f.rep("cat", 1, 1);
    f.atCapacity(ben, 1);
    String domain = f.account("acme", ana);
    f.territory("NA", 10, "mia", List.of("US"), null, ana, ben, cat);

    Decision decision = route(f.profileFrom(f.lead(), domain));

    assertThat(decision.stage()).isEqualTo(Stage.ACCOUNT_OWNER);
    assertThat(decision.repId()).isEqualTo(ana);
    assertThat(decision.backupRepId()).isEqualTo(cat);
  }

  @Test
  void whenTheFallbackBackupIsAwayTheFallbackManagerBacksUp() {
    RoutingFixture f = fixture();
    f.repWithId(STANDBY, 5);
    f.away(STANDBY, RoutingActivitiesImplTest.NOW.minusSeconds(60), null);
    LeadProfile uncovered = new LeadProfile(f.lead(), null, "US", "US-NY", 40, "demo request");

    Decision decision = route(uncovered);

    assertThat(decision.stage()).isEqualTo(Stage.FALLBACK);
    assertThat(decision.backupRepId()).isEqualTo(decision.managerId());
    assertThat(decision.reason())
        .endsWith("; backup: nobody available (" + STANDBY + " out of office) → manager " + decision.managerId());
  }

  private Decision route(LeadProfile lead) {
    return routing.route(lead, UUID.randomUUID().toString(), RoutingActivitiesImplTest.NOW);
  }
}
