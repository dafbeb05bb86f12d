package io.leadflow.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadflow.workflows.QuietHoursPolicy.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

  private static final Window EIGHT_TO_NINE = new Window(LocalTime.of(8, 0), LocalTime.of(21, 0));
  private static final QuietHoursPolicy POLICY =
      new QuietHoursPolicy(
          EIGHT_TO_NINE,
          Map.of("US-FL", new Window(LocalTime.of(8, 0), LocalTime.of(20, 0))),
          List.of("America/New_York", "America/Los_Angeles"),
          Duration.ZERO);

  @ParameterizedTest(name = "{0} in {1} → {2}")
  @CsvSource({
    // inside the window: now
    "2026-01-12T15:00:00Z, America/New_York,   2026-01-12T15:00:00Z",
    // early morning: 08:00 the same day
    "2026-01-12T10:00:00Z, America/New_York,   2026-01-12T13:00:00Z",
    // the end is exclusive: 21:00 sharp waits for tomorrow
    "2026-01-13T02:00:00Z, America/New_York,   2026-01-13T13:00:00Z",
    // after hours across midnight into the spring-forward day: 08:00 EDT, not EST
    "2026-03-08T03:30:00Z, America/New_York,   2026-03-08T12:00:00Z",
    // after hours into the fall-back day: 08:00 EST
    "2026-11-01T01:30:00Z, America/New_York,   2026-11-01T13:00:00Z",
    // a zone east of UTC
    "2026-01-12T21:00:00Z, Europe/Berlin,      2026-01-13T07:00:00Z",
  })
  void waitsForTheNextOpeningInTheLeadsOwnZone(String now, String zone, String expected) {
    QuietHours quietHours = new QuietHours(EIGHT_TO_NINE, List.of(zone), null);

    assertThat(quietHours.nextAllowed(Instant.parse(now))).isEqualTo(Instant.parse(expected));
  }

  @Test
  void withSeveralCandidateZonesTheWindowMustBeOpenInAll() {
    QuietHours quietHours =
        new QuietHours(EIGHT_TO_NINE, List.of("America/New_York", "America/Los_Angeles"), null);
    Instant nineInNewYork = Instant.parse("2026-01-12T14:00:00Z"); // 06:00 in Los Angeles

    assertThat(quietHours.allows(nineInNewYork)).isFalse();
    assertThat(quietHours.nextAllowed(nineInNewYork)).isEqualTo(Instant.parse("2026-01-12T16:00:00Z"));
  }

  @Test
  void aRegionalOverrideShortensTheEvening() {
    EnrichedLead florida =
        new EnrichedLead("l", null, "US", "FL", List.of("America/New_York"), false, List.of());
    QuietHours quietHours = QuietHours.forLead(POLICY, florida);
    Instant eightThirtyPm = Instant.parse("2026-01-13T01:30:00Z");

    assertThat(quietHours.allows(eightThirtyPm)).isFalse();
    assertThat(quietHours.note()).isNull();
    EnrichedLead newYork =
        new EnrichedLead("l", null, "US", "NY", List.of("America/New_York"), false, List.of());
    assertThat(QuietHours.forLead(POLICY, newYork).allows(eightThirtyPm)).isTrue();
  }

  @Test
  void anUnknownZoneUsesTheConservativeFallbackAndSaysWhy() {
    EnrichedLead unknown = new EnrichedLead("l", null, null, null, List.of(), true, List.of());

    QuietHours quietHours = QuietHours.forLead(POLICY, unknown);

    assertThat(quietHours.note())
        .isEqualTo(
            "Time zone unknown: calls and texts only when 08:00–21:00 in all of America/New_York, America/Los_Angeles");
    assertThat(quietHours.toCheck().zones()).containsExactly("America/New_York", "America/Los_Angeles");
  }

  @Test
  void aPolicyWithoutAnOpeningSpreadIsRefused() {
    assertThatThrownBy(() -> new QuietHoursPolicy(EIGHT_TO_NINE, Map.of(), List.of("America/New_York"), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("openingSpread");
  }

  @Test
  void withoutASpreadEveryLeadWakesAsTheWindowOpens() {
    assertThat(POLICY.openingSpread()).isZero();
    assertThat(POLICY.openingOffset(UUID.randomUUID().toString())).isZero();
  }

  @Test
  void aSpreadGivesEachLeadItsOwnFixedOffsetInsideIt() {
    Duration spread = Duration.ofMinutes(10);
    QuietHoursPolicy spreading = new QuietHoursPolicy(EIGHT_TO_NINE, Map.of(), List.of("America/New_York"), spread);
    List<Duration> offsets = Stream.generate(() -> UUID.randomUUID().toString()).limit(200).map(spreading::openingOffset).toList();

    assertThat(offsets).allSatisfy(offset -> assertThat(offset).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(spread));
    assertThat(offsets).anyMatch(offset -> offset.compareTo(spread.dividedBy(4)) < 0);
    assertThat(offsets).anyMatch(offset -> offset.compareTo(spread.multipliedBy(3).dividedBy(4)) > 0);
    assertThat(new HashSet<>(offsets)).hasSizeGreaterThan(190);
    assertThat(spreading.openingOffset("lead-42")).isEqualTo(spreading.openingOffset("lead-42"));
  }
}
