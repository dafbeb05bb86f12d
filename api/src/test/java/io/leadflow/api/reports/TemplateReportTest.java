package io.leadflow.api.reports;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.api.ApiTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Replies and meetings per template version, over seeded leads alone in a period of their own (a
 * random hour in 2002): two wordings of one step, compared.
 */
class TemplateReportTest extends ApiTest {

  @Autowired JdbcClient jdbc;

  private ReportSeed seed;
  private Instant capturedAt;
  private String period;
  private String step;

  @BeforeEach
  void seed() {
    seed = new ReportSeed(jdbc);
    capturedAt = Instant.parse("2002-01-01T00:00:00Z").plus(ThreadLocalRandom.current().nextInt(0, 300 * 24), ChronoUnit.HOURS);
    period = "?from=" + capturedAt.minusSeconds(60) + "&to=" + capturedAt.plusSeconds(60);
    step = seed.name("d3");
    // Version 1: three leads; one replied after it, one replied before it (on day 1), one booked after it.
    UUID repliedAfter = seed.lead("web", "HOT", capturedAt).engaged(ofDays(3).plusHours(2))
        .touch("r1-d3", "EMAIL", "SENT", ofDays(2)).save();
    rendered(repliedAfter, "r1-d3", "EMAIL", step, 1);
    UUID repliedBefore = seed.lead("web", "HOT", capturedAt).engaged(ofDays(1))
        .touch("r1-d3", "EMAIL", "SENT", ofDays(2)).save();
    rendered(repliedBefore, "r1-d3", "EMAIL", step, 1);
    UUID booked = seed.lead("web", "WARM", capturedAt).meetingBooked(ofDays(4))
        .touch("r1-d3", "EMAIL", "SENT", ofDays(2)).save();
    rendered(booked, "r1-d3", "EMAIL", step, 1);
    // Version 2: one lead, who replied and booked after it; its second round's send counts once.
    UUID both = seed.lead("ads", "HOT", capturedAt).engaged(ofDays(2).plusHours(1)).meetingBooked(ofDays(3))
        .touch("r1-d3", "EMAIL", "SENT", ofDays(2)).touch("r2-d3", "EMAIL", "SENT", ofDays(40)).save();
    rendered(both, "r1-d3", "EMAIL", step, 2);
    rendered(both, "r2-d3", "EMAIL", step, 2);
    // Not counted: a touch that did not go out, and one from before templates were recorded.
    UUID skipped = seed.lead("ads", "HOT", capturedAt).engaged(ofHours(80))
        .touch("r1-d3", "EMAIL", "SKIPPED", ofDays(2)).touch("r1-instant", "EMAIL", "SENT", ofSeconds(5)).save();
    rendered(skipped, "r1-d3", "EMAIL", step, 2);
  }

  @AfterEach
  void removeSeed() {
    seed.close();
  }

  @Test
  void eachVersionCountsTheLeadsItReachedAndTheRepliesAndMeetingsThatCameAfterIt() {
    JsonNode report = body(get("/api/v1/reports/templates" + period, MANAGER));

    assertThat(report.get("from").asString()).isEqualTo(capturedAt.minusSeconds(60).toString());
    assertThat(report.get("templates")).hasSize(2);
    JsonNode v1 = report.get("templates").get(0);
    assertThat(v1.get("channel").asString()).isEqualTo("EMAIL");
    assertThat(v1.get("template").asString()).isEqualTo(step);
    assertThat(v1.get("version").asInt()).isEqualTo(1);
    assertThat(v1.get("touched").asLong()).isEqualTo(3);
    assertThat(v1.get("replied").asLong()).isEqualTo(1);
    assertThat(v1.get("meetingBooked").asLong()).isEqualTo(1);
    assertThat(v1.get("repliedPercent").asDouble()).isEqualTo(100.0 / 3);
    JsonNode v2 = report.get("templates").get(1);
    assertThat(v2.get("version").asInt()).isEqualTo(2);
    assertThat(v2.get("touched").asLong()).isEqualTo(1);
    assertThat(v2.get("replied").asLong()).isEqualTo(1);
    assertThat(v2.get("meetingBooked").asLong()).isEqualTo(1);
    assertThat(v2.get("meetingBookedPercent").asDouble()).isEqualTo(100.0);
  }

  @Test
  void onlyManagersAndAdminsReadItAndABadPeriodIsAProblem() {
    assertThat(get("/api/v1/reports/templates" + period, ANA).statusCode()).isEqualTo(403);
    assertThat(get("/api/v1/reports/templates" + period, ADMIN).statusCode()).isEqualTo(200);
    assertThat(get("/api/v1/reports/templates?from=" + capturedAt + "&to=" + capturedAt.minusSeconds(1), MANAGER).statusCode())
        .isEqualTo(400);
    assertThat(get("/api/v1/reports/templates?from=yesterday", MANAGER).statusCode()).isEqualTo(400);
  }

  private void rendered(UUID lead, String step, String channel, String template, int version) {
    jdbc.sql("update touch set rendered_template = ?, template_version = ? where business_key = ?")
        .params(template, version, lead + ":" + step + ":" + channel)
        .update();
  }
}
