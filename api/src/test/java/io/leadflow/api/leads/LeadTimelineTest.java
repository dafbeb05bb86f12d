package io.leadflow.api.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.api.ApiTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadTimelineTest extends ApiTest {

  @Test
  void theTimelineTellsTheLeadsStoryInWords() {
    String leadId = routedLead();
    post("/api/v1/leads/" + leadId + "/acknowledge", ANA, null);
    post("/api/v1/leads/" + leadId + "/replies", ANA, "{\"channel\":\"SMS\",\"body\":\"call me\"}");

    List<String> lines =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () -> {
                  List<String> what = new ArrayList<>();
                  body(get("/api/v1/leads/" + leadId + "/timeline", ANA)).forEach(e -> what.add(e.get("what").asString()));
                  return what;
                },
                what -> what.contains("Received a reply by SMS"));

    assertThat(lines)
        .containsSubsequence(
            "Lead workflow started",
            "Enrich",
            "Score",
            "Route",
            "Instant reply · EMAIL",
            "status AWAITING_ACK, assigned to ana",
            "Waiting: Ack SLA · 5m",
            "Acknowledged by ana",
            "Received a reply by SMS");
    assertThat(lines).as("store writes are told by the status lines").noneMatch(line -> line.startsWith("Record "));
    assertThat(get("/api/v1/leads/" + leadId + "/timeline", BEN).statusCode()).isEqualTo(404);
  }

  /** The person filling the form again while ana's SLA runs is scored; the SLA wait goes on, told once. */
  @Test
  void aWaitTheLeadEngagedDuringIsToldOnce() {
    String email = uniqueEmail();
    String leadId = leadOf(post("/api/v1/leads", INGEST, leadJson(email, null)));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> "AWAITING_ACK".equals(body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString()));
    assertThat(leadOf(post("/api/v1/leads", INGEST, leadJson(email, null)))).isEqualTo(leadId); // joined

    List<String> lines =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> timeline(leadId), what -> what.contains("Received engagement") && what.lastIndexOf("Score") > what.indexOf("Received engagement"));

    assertThat(lines).containsSubsequence("Waiting: Ack SLA · 5m", "Received engagement", "Score");
    assertThat(lines).filteredOn("Waiting: Ack SLA · 5m"::equals).hasSize(1);
  }

  private List<String> timeline(String leadId) {
    List<String> what = new ArrayList<>();
    body(get("/api/v1/leads/" + leadId + "/timeline", ANA)).forEach(e -> what.add(e.get("what").asString()));
    return what;
  }
}
