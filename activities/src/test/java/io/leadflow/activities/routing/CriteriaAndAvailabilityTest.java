package io.leadflow.activities.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.activities.routing.Rep.OutOfOffice;
import io.leadflow.activities.routing.Rep.WorkingHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CriteriaAndAvailabilityTest {

  private static final LeadProfile US_SMB = new LeadProfile(UUID.randomUUID(), "acme.com", "US", "US-CA", 40, "Payments demo");
  private static final LeadProfile UNKNOWN = new LeadProfile(UUID.randomUUID(), null, null, null, null, null);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no criteria: a catch-all           |         |       |      |      |          | true  | true",
        "country                            | us      |       |      |      |          | true  | false",
        "other country                      | DE      |       |      |      |          | false | false",
        "region                             |         | US-CA |      |      |          | true  | false",
        "size segment                       |         |       | 10   | 50   |          | true  | false",
        "too small                          |         |       | 1000 |      |          | false | false",
        "interest keyword                   |         |       |      |      | payments | true  | false",
        "every criterion must match         | US      | US-NY |      |      | payments | false | false",
      })
  void aTerritoryCoversALeadWhenEveryCriterionItSetsMatches(
      String why, String country, String region, Integer min, Integer max, String keyword, boolean usSmb, boolean unknown) {
    Criteria criteria =
        new Criteria(
            country == null ? List.of() : List.of(country),
            region == null ? List.of() : List.of(region),
            min,
            max,
            keyword == null ? List.of() : List.of(keyword));

    assertThat(criteria.matches(US_SMB)).isEqualTo(usSmb);
    assertThat(criteria.matches(UNKNOWN)).isEqualTo(unknown);
  }

  private static final Rep NIGHT_SHIFT =
      new Rep(
          "nina", "Nina", null, null, "America/New_York",
          new WorkingHours(List.of(DayOfWeek.values()), LocalTime.of(22, 0), LocalTime.of(6, 0)), 5, 1, List.of(), null, true, null, null);

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-03-04T03:00:00Z | ",
        "2026-03-04T10:59:00Z | ",
        "2026-03-04T11:00:00Z | nina off hours (daily 22:00-06:00 America/New_York)",
        "2026-03-04T20:00:00Z | nina off hours (daily 22:00-06:00 America/New_York)",
      })
  void workingHoursMaySpanMidnightInTheRepsZone(String at, String unavailable) {
    assertThat(NIGHT_SHIFT.unavailableAt(Instant.parse(at)).orElse(null)).isEqualTo(unavailable);
  }

  @ParameterizedTest(name = "away {0}..{1} at {2} → {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-03-01T00:00:00Z | 2026-03-10T00:00:00Z | 2026-03-04T12:00:00Z | nina out of office until 2026-03-09 20:00",
        "2026-03-01T00:00:00Z | 2026-03-10T00:00:00Z | 2026-03-10T00:00:00Z | ",
        "2026-03-05T00:00:00Z |                      | 2026-03-04T12:00:00Z | ",
        "2026-03-05T00:00:00Z |                      | 2026-03-06T12:00:00Z | nina out of office",
        "                     | 2026-03-10T00:00:00Z | 2026-03-04T12:00:00Z | nina out of office until 2026-03-09 20:00",
      })
  void outOfOfficeRunsFromItsStartUntilItsEnd(Instant from, Instant until, Instant at, String unavailable) {
    Rep away = new Rep("nina", "Nina", null, null, "America/New_York", null, 5, 1, List.of(), new OutOfOffice(from, until), true, null, null);

    assertThat(away.unavailableAt(at).orElse(null)).isEqualTo(unavailable);
  }
}
