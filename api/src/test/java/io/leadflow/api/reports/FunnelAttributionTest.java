package io.leadflow.api.reports;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.api.ApiTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The funnel credited to each lead's first or last capture, over four seeded leads alone in a
 * period of their own (a random hour in 2003): one came from an ad and came back through a
 * webinar before booking its meeting, one booked after its ad and came back through a partner
 * only afterwards, one came from the website and came back through the ad without a meeting, and
 * one was stored without any capture.
 */
class FunnelAttributionTest extends ApiTest {

  @Autowired JdbcClient jdbc;

  private ReportSeed seed;
  private String period;
  private String ads;
  private String webinar;
  private String partner;
  private String web;
  private String legacy;
  private String q4;
  private String spring;

  @BeforeEach
  void seedFourLeads() {
    seed = new ReportSeed(jdbc);
    Instant capturedAt =
        Instant.parse("2003-01-01T00:00:00Z").plus(ThreadLocalRandom.current().nextInt(0, 300 * 24), ChronoUnit.HOURS);
    period = "from=" + capturedAt.minusSeconds(60) + "&to=" + capturedAt.plusSeconds(60);
    ads = seed.name("ads");
    webinar = seed.name("webinar");
    partner = seed.name("partner");
    web = seed.name("web");
    legacy = seed.name("legacy");
    q4 = seed.name("q4-demo");
    spring = seed.name("spring-webinar");
    seed.lead(ads, "HOT", capturedAt).status("MEETING_BOOKED").meetingBooked(ofDays(2))
        .capture(ads, q4, ofHours(0)).capture(webinar, spring, ofDays(1)).save();
    seed.lead(ads, "HOT", capturedAt).status("MEETING_BOOKED").meetingBooked(ofHours(1))
        .capture(ads, q4, ofHours(0)).capture(partner, null, ofDays(1)).save();
    seed.lead(web, "WARM", capturedAt)
        .capture(web, null, ofHours(0)).capture(ads, q4, ofDays(3)).save();
    seed.lead(legacy, "COLD", capturedAt).status("NURTURE").save();
  }

  @AfterEach
  void removeSeed() {
    seed.close();
  }

  @Test
  void firstTouchCreditsTheCaptureThatMadeEachLead() {
    JsonNode funnel = body(get("/api/v1/reports/funnel?" + period + "&attribution=FIRST", MANAGER));

    assertThat(funnel.get("attribution").asString()).isEqualTo("FIRST");
    assertThat(funnel.get("overall").get("captured").asLong()).isEqualTo(4);
    assertThat(counts(funnel, "bySource")).containsExactly(ads + " 2/2", legacy + " 1/0", web + " 1/0");
    assertThat(counts(funnel, "byCampaign")).containsExactly(q4 + " 2/2", "null 2/0");
  }

  @Test
  void lastTouchCreditsTheLatestCaptureBeforeTheMeetingOrTheLatestOfAll() {
    JsonNode funnel = body(get("/api/v1/reports/funnel?" + period + "&attribution=LAST", MANAGER));

    assertThat(funnel.get("attribution").asString()).isEqualTo("LAST");
    assertThat(funnel.get("overall").get("meetingBooked").asLong()).isEqualTo(2);
    // The webinar brought the first lead back before its meeting; the partner came after the
    // second lead's meeting and takes no credit; the website lead's latest capture is the ad.
    assertThat(counts(funnel, "bySource")).containsExactly(ads + " 2/1", legacy + " 1/0", webinar + " 1/1");
    assertThat(counts(funnel, "byCampaign")).containsExactly(q4 + " 2/1", spring + " 1/1", "null 1/0");
  }

  @Test
  void withoutAttributionTheFunnelIsFirstTouch() {
    JsonNode funnel = body(get("/api/v1/reports/funnel?" + period, MANAGER));

    assertThat(funnel.get("attribution").asString()).isEqualTo("FIRST");
    assertThat(counts(funnel, "bySource")).containsExactly(ads + " 2/2", legacy + " 1/0", web + " 1/0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"MIDDLE", "1", "FIRST%00"})
  void anUnknownAttributionIsAProblemNamingTheParameter(String attribution) {
    HttpResponse<String> response = get("/api/v1/reports/funnel?" + period + "&attribution=" + attribution, MANAGER);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(body(response).get("errors").has("attribution")).as(response.body()).isTrue();
  }

  /** Each row as "group captured/meetingBooked", in the report's order. */
  private static java.util.List<String> counts(JsonNode funnel, String dimension) {
    return StreamSupport.stream(funnel.get(dimension).spliterator(), false)
        .map(row -> (row.get("group").isNull() ? "null" : row.get("group").asString())
            + " " + row.get("captured").asLong() + "/" + row.get("meetingBooked").asLong())
        .toList();
  }
}
