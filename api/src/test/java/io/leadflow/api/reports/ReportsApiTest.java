package io.leadflow.api.reports;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.leadflow.api.ApiTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The reports over eight seeded leads, alone in a period of their own (a random hour in 2001), so
 * every figure is known: median and 90th percentile (PostgreSQL's interpolating percentile_cont),
 * SLA verdicts, the funnel and routing health.
 */
class ReportsApiTest extends ApiTest {

  @Autowired JdbcClient jdbc;

  private ReportSeed seed;
  private Instant capturedAt;
  private String period;
  private String s1;
  private String s2;
  private String r1;
  private String r2;

  @BeforeEach
  void seedEightLeads() {
    seed = new ReportSeed(jdbc);
    capturedAt =
        Instant.parse("2001-01-01T00:00:00Z").plus(ThreadLocalRandom.current().nextInt(0, 300 * 24), ChronoUnit.HOURS);
    period = "?from=" + capturedAt.minusSeconds(60) + "&to=" + capturedAt.plusSeconds(60);
    s1 = seed.name("web");
    s2 = seed.name("ads");
    r1 = seed.name("ana");
    r2 = seed.name("ben");
    // First touch after 2, 4, 6, 8, 100 (a skipped touch before it does not count), 3 and 5 s,
    // and a cold lead's first touch is its nurture email after 30 days.
    seed.lead(s1, "HOT", capturedAt).routedTo(r1).acknowledgedBy(r1, ofSeconds(60))
        .touch("r1-instant", "EMAIL", "SENT", ofSeconds(2)).touch("r1-d1", "CALL", "SENT", Duration.ofDays(1)).save();
    seed.lead(s1, "HOT", capturedAt).status("ENGAGED").routedTo(r1).acknowledgedBy(r1, ofSeconds(120))
        .engaged(Duration.ofDays(1).plusHours(1))
        .touch("r1-instant", "EMAIL", "SENT", ofSeconds(4)).touch("r1-d1", "SMS", "SENT", Duration.ofDays(1)).save();
    seed.lead(s1, "WARM", capturedAt).routedTo(r2).escalatedTo(r1, ofSeconds(300)).acknowledgedBy(r1, ofSeconds(400))
        .touch("r1-instant", "EMAIL", "SENT", ofSeconds(6)).save();
    seed.lead(s2, "WARM", capturedAt).status("AWAITING_ACK").routedTo(r2).escalatedTo(r1, ofSeconds(300))
        .touch("r1-instant", "EMAIL", "SENT", ofSeconds(8)).save();
    seed.lead(s2, "HOT", capturedAt).status("AWAITING_ACK").routedTo(r2)
        .touch("r1-instant", "EMAIL", "SKIPPED", ofSeconds(1)).touch("r1-d1", "SMS", "SENT", ofSeconds(100)).save();
    seed.lead(s2, "COLD", capturedAt).status("NURTURE")
        .touch("nurture-1", "EMAIL", "SENT", Duration.ofDays(30)).save();
    seed.lead(s1, "HOT", capturedAt).status("MEETING_BOOKED").routedTo(r1).acknowledgedBy(r1, ofSeconds(30))
        .engaged(Duration.ofHours(2)).meetingBooked(Duration.ofDays(1))
        .touch("r1-instant", "EMAIL", "SENT", ofSeconds(3)).save();
    seed.lead(s2, "WARM", capturedAt).status("DISQUALIFIED").routedTo(r2).acknowledgedBy(r2, ofSeconds(200))
        .touch("r1-instant", "EMAIL", "SENT", ofSeconds(5)).save();
  }

  @AfterEach
  void removeSeed() {
    seed.close();
  }

  @Test
  void speedToLeadIsMedianAndP90PerGroupWithSlaCompliance() {
    HttpResponse<String> response = get("/api/v1/reports/speed-to-lead" + period, MANAGER);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode report = body(response);
    assertThat(report.get("from").asString()).isEqualTo(capturedAt.minusSeconds(60).toString());
    // Overall the mean first touch would be days (the cold lead's nurture email); the median is not.
    assertRow(report.get("overall"), "all", 8, 8, 5.5, 777_670, 5, 120, 320, 4, 2);
    assertRow(group(report, "bySource", s1), s1, 4, 4, 3.5, 5.4, 4, 90, 316, 3, 1);
    assertRow(group(report, "bySource", s2), s2, 4, 4, 54, 1_814_430, 1, 200, 200, 1, 1);
    assertRow(group(report, "byRep", r1), r1, 3, 3, 3, 3.8, 3, 60, 108, 3, 0);
    assertRow(group(report, "byRep", r2), r2, 4, 4, 7, 72.4, 2, 300, 380, 1, 2);
    assertRow(group(report, "byTier", "HOT"), "HOT", 4, 4, 3.5, 71.2, 3, 60, 108, 3, 0);
    assertRow(group(report, "byTier", "WARM"), "WARM", 3, 3, 6, 7.6, 2, 300, 380, 1, 2);
    assertThat(report.get("byRep")).hasSize(2); // the cold lead was never routed
    JsonNode cold = group(report, "byTier", "COLD");
    assertThat(cold.get("acknowledgement").get("count").asLong()).isZero();
    assertThat(cold.get("acknowledgement").get("medianSeconds").isNull()).isTrue();
    assertThat(cold.get("sla").get("compliancePercent").isNull()).isTrue();
    assertThat(report.get("overall").get("sla").get("compliancePercent").asDouble()).isCloseTo(400.0 / 6, within(1e-9));
  }

  @Test
  void theDistributionCountsLeadsPerDelayBucket() {
    JsonNode buckets = body(get("/api/v1/reports/speed-to-lead" + period, ADMIN)).get("distribution");

    assertThat(StreamSupport.stream(buckets.spliterator(), false).map(b -> b.get("fromSeconds").asLong()))
        .containsExactly(0L, 10L, 30L, 60L, 300L, 900L, 3_600L, 14_400L, 86_400L);
    assertThat(StreamSupport.stream(buckets.spliterator(), false).map(b -> b.get("firstTouch").asLong()))
        .containsExactly(6L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 1L);
    assertThat(StreamSupport.stream(buckets.spliterator(), false).map(b -> b.get("acknowledgement").asLong()))
        .containsExactly(0L, 0L, 1L, 3L, 1L, 0L, 0L, 0L, 0L);
    assertThat(buckets.get(8).get("toSeconds").isNull()).isTrue();
  }

  @Test
  void theFunnelCountsStagesReachedExitsAndTheStepThatGotTheReply() {
    JsonNode funnel = body(get("/api/v1/reports/funnel" + period, MANAGER));

    JsonNode overall = funnel.get("overall");
    assertThat(overall.get("captured").asLong()).isEqualTo(8);
    assertThat(overall.get("contacted").asLong()).isEqualTo(8);
    assertThat(overall.get("engaged").asLong()).isEqualTo(2);
    assertThat(overall.get("meetingBooked").asLong()).isEqualTo(1);
    assertThat(overall.get("disqualified").asLong()).isEqualTo(1);
    assertThat(overall.get("nurture").asLong()).isEqualTo(1);
    assertThat(overall.get("engagedPercent").asDouble()).isEqualTo(25.0);
    assertThat(overall.get("meetingBookedPercent").asDouble()).isEqualTo(12.5);
    JsonNode web = group(funnel, "bySource", s1);
    assertThat(web.get("engaged").asLong()).isEqualTo(2);
    assertThat(group(funnel, "bySource", s2).get("engaged").asLong()).isZero();

    JsonNode steps = funnel.get("bySteps");
    assertThat(StreamSupport.stream(steps.spliterator(), false).map(s -> s.get("step").asString()))
        .containsExactly("instant", "d1", "nurture");
    assertThat(StreamSupport.stream(steps.spliterator(), false).map(s -> s.get("touched").asLong() + "/" + s.get("replies").asLong()))
        .containsExactly("6/1", "3/1", "1/0");
  }

  @Test
  void routingHealthCountsEscalationsAndChangesOfOwnerOfRoutedLeads() {
    JsonNode routing = body(get("/api/v1/reports/routing-health" + period, MANAGER));

    JsonNode overall = routing.get("overall");
    assertThat(overall.get("routed").asLong()).isEqualTo(7);
    assertThat(overall.get("escalated").asLong()).isEqualTo(2);
    assertThat(overall.get("reassigned").asLong()).isEqualTo(2);
    assertThat(overall.get("escalationPercent").asDouble()).isCloseTo(200.0 / 7, within(1e-9));
    assertThat(group(routing, "byRep", r1).get("escalated").asLong()).isZero();
    assertThat(group(routing, "byRep", r2).get("escalationPercent").asDouble()).isEqualTo(50.0);
    assertThat(routing.get("awaitingAckNow").asLong()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aLeadWhoseStepHasBeenFailingLongerThanTheThresholdCountsAsStuck() {
    long before = body(get("/api/v1/reports/routing-health", MANAGER)).get("stuckLeadsNow").asLong();
    Instant now = Instant.now();
    insertFailing("lead-stuck-" + now.toEpochMilli(), now.minus(Duration.ofMinutes(40)), now.minus(Duration.ofMinutes(1)));
    insertFailing("lead-new-failure-" + now.toEpochMilli(), now.minus(Duration.ofMinutes(2)), now.minus(Duration.ofMinutes(1)));

    assertThat(body(get("/api/v1/reports/routing-health", MANAGER)).get("stuckLeadsNow").asLong()).isEqualTo(before + 1);
  }

  private void insertFailing(String workflowId, Instant first, Instant last) {
    jdbc.sql(
            """
            insert into failing_activity (workflow_id, activity_id, activity_type, first_failed_at, last_failed_at, attempts, last_error)
            values (?, '1', 'SendTouch', ?, ?, 9, 'Twilio 503')
            """)
        .params(workflowId, java.sql.Timestamp.from(first), java.sql.Timestamp.from(last))
        .update();
  }

  @ParameterizedTest(name = "{0} as {1} → {2}")
  @CsvSource({
    "/api/v1/reports/speed-to-lead, , 401",
    "/api/v1/reports/speed-to-lead, dev-ingest, 403",
    "/api/v1/reports/funnel, dev-rep-ana, 403",
    "/api/v1/reports/routing-health, dev-manager, 200",
    "/api/v1/reports/awaiting-ack, dev-admin, 200",
    "/actuator/prometheus, dev-rep-ana, 403",
    "/actuator/prometheus, dev-manager, 200",
    "/console/index.html, , 200"
  })
  void reportsAndMetricsAreForManagersAndAdminsTheConsolePageForAnyone(String path, String key, int status) {
    HttpResponse<String> response = get(path, key);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
  }

  @ParameterizedTest
  @CsvSource(
      quoteCharacter = '"',
      value = {
        "from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z, 'from' must be before 'to'.",
        "from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z, A report covers at most 366 days.",
        "from=yesterday, "
      })
  void aBadPeriodIsAProblem(String query, String detail) {
    HttpResponse<String> response = get("/api/v1/reports/funnel?" + query, MANAGER);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    if (detail != null) {
      assertThat(body(response).get("detail").asString()).isEqualTo(detail);
    }
  }

  @Test
  void theWaitingListIsAtMostTwoHundredLong() {
    HttpResponse<String> response = get("/api/v1/reports/awaiting-ack?limit=201", MANAGER);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  private static JsonNode group(JsonNode report, String dimension, String group) {
    return StreamSupport.stream(report.get(dimension).spliterator(), false)
        .filter(row -> row.get("group").asString().equals(group))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + dimension + " row " + group + " in " + report));
  }

  private static void assertRow(
      JsonNode row, String group, long leads, long firstTouches, double firstTouchMedian, double firstTouchP90,
      long acks, double ackMedian, double ackP90, long slaMet, long slaMissed) {
    assertThat(row.get("group").asString()).isEqualTo(group);
    assertThat(row.get("leads").asLong()).isEqualTo(leads);
    assertThat(row.get("firstTouch").get("count").asLong()).isEqualTo(firstTouches);
    assertThat(row.get("firstTouch").get("medianSeconds").asDouble()).isCloseTo(firstTouchMedian, within(1e-6));
    assertThat(row.get("firstTouch").get("p90Seconds").asDouble()).isCloseTo(firstTouchP90, within(1e-6));
    assertThat(row.get("acknowledgement").get("count").asLong()).isEqualTo(acks);
    assertThat(row.get("acknowledgement").get("medianSeconds").asDouble()).isCloseTo(ackMedian, within(1e-6));
    assertThat(row.get("acknowledgement").get("p90Seconds").asDouble()).isCloseTo(ackP90, within(1e-6));
    assertThat(row.get("sla").get("met").asLong()).isEqualTo(slaMet);
    assertThat(row.get("sla").get("missed").asLong()).isEqualTo(slaMissed);
    assertThat(row.get("sla").get("compliancePercent").asDouble())
        .isCloseTo(100.0 * slaMet / (slaMet + slaMissed), within(1e-9));
  }
}
