package io.leadflow.api.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.leadflow.api.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Leads that went through the real workflow and activities show up in the reports as they happened. */
class ReportsFromLiveLeadsTest extends ApiTest {

  @Test
  void aLeadAcknowledgedInTimeCountsInItsSourcesSpeedToLeadAndFunnel() {
    String source = "live-" + UUID.randomUUID().toString().substring(0, 8);
    String leadId =
        leadOf(post("/api/v1/leads", INGEST,
                "{\"name\":\"Sarah Kim\",\"email\":\"" + uniqueEmail() + "\",\"source\":\"" + source + "\",\"interest\":\"demo request\"}"));
    await().atMost(Duration.ofSeconds(15)).until(() -> "AWAITING_ACK".equals(lead(leadId).get("status").asString()));
    Instant acknowledgedAt = Instant.parse(body(post("/api/v1/leads/" + leadId + "/acknowledge", ANA, null)).get("acknowledgedAt").asString());

    JsonNode row =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(() -> bySource(source), r -> r.isPresent() && r.get().get("acknowledgement").get("count").asLong() == 1)
            .orElseThrow();

    JsonNode lead = lead(leadId);
    Instant capturedAt = Instant.parse(lead.get("createdAt").asString());
    Instant firstTouchAt = Instant.parse(lead.get("touches").get(0).get("sentAt").asString());
    assertThat(row.get("leads").asLong()).isEqualTo(1);
    assertThat(row.get("firstTouch").get("medianSeconds").asDouble())
        .isCloseTo(Duration.between(capturedAt, firstTouchAt).toNanos() / 1e9, within(0.001));
    assertThat(row.get("acknowledgement").get("medianSeconds").asDouble())
        .isCloseTo(Duration.between(capturedAt, acknowledgedAt).toNanos() / 1e9, within(0.001));
    assertThat(row.get("sla").get("met").asLong()).isEqualTo(1);
    assertThat(row.get("sla").get("compliancePercent").asDouble()).isEqualTo(100.0);

    JsonNode funnel = group(body(get("/api/v1/reports/funnel", MANAGER)).get("bySource"), source).orElseThrow();
    assertThat(funnel.get("captured").asLong()).isEqualTo(1);
    assertThat(funnel.get("contacted").asLong()).isEqualTo(1);
    assertThat(StreamSupport.stream(body(get("/api/v1/reports/awaiting-ack?limit=200", MANAGER)).spliterator(), false))
        .noneMatch(waiting -> waiting.get("leadId").asString().equals(leadId));
  }

  @Test
  void aLeadWaitingForItsRepIsListedWithItsLiveAckDeadlineAndNoPersonalData() {
    Instant before = Instant.now();
    String leadId = routedLead();

    JsonNode waiting =
        StreamSupport.stream(body(get("/api/v1/reports/awaiting-ack", MANAGER)).spliterator(), false)
            .filter(w -> w.get("leadId").asString().equals(leadId))
            .findFirst()
            .orElseThrow();

    assertThat(waiting.get("workflowId").asString()).isEqualTo("lead-" + leadId);
    assertThat(waiting.get("assignedRep").asString()).isEqualTo("ana");
    assertThat(waiting.get("escalated").asBoolean()).isFalse();
    Instant deadline = Instant.parse(waiting.get("ackDeadline").asString());
    assertThat(deadline).isBetween(before.plus(Duration.ofMinutes(5)), Instant.now().plus(Duration.ofMinutes(5)));
    assertThat(waiting.propertyNames()).doesNotContain("name", "email", "phone");
  }

  private JsonNode lead(String leadId) {
    return body(get("/api/v1/leads/" + leadId, ADMIN));
  }

  private Optional<JsonNode> bySource(String source) {
    return group(body(get("/api/v1/reports/speed-to-lead", MANAGER)).get("bySource"), source);
  }

  private static Optional<JsonNode> group(JsonNode rows, String group) {
    return StreamSupport.stream(rows.spliterator(), false).filter(r -> r.get("group").asString().equals(group)).findFirst();
  }
}
