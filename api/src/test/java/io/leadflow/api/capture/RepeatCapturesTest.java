package io.leadflow.api.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.activities.store.CaptureRecord;
import io.leadflow.activities.store.CaptureRepository;
import io.leadflow.api.ApiTest;
import io.leadflow.workflows.LeadWorkflows;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The public form key can send one person again and again: every repeat is stored, only the first
 * few a day reach the lead's workflow, so its history stays bounded and the lead keeps its cadence.
 */
class RepeatCapturesTest extends ApiTest {

  private static final int REPEATS = 10_000;

  @Autowired LeadCapture capture;
  @Autowired CaptureRepository captures;
  @Autowired WorkflowClient temporal;

  @Test
  void tenThousandRepeatsOfOnePersonKeepTheHistoryUnderOneMegabyteAndTheLeadOnItsCadence() {
    String email = uniqueEmail();
    String leadId = leadOf(post("/api/v1/leads", INGEST, leadJson(email, null)));
    CaptureLeadRequest again = new CaptureLeadRequest(
        "Sarah Kim", email, null, "web", "demo request", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    for (int i = 0; i < REPEATS; i++) {
      capture.capture(again, null);
    }

    List<CaptureRecord> stored = captures.findByLeadIdOrderByIdAsc(UUID.fromString(leadId));
    assertThat(stored).hasSize(REPEATS + 1);
    assertThat(stored).filteredOn(CaptureRecord::coalesced).hasSize(REPEATS - 3);
    await().atMost(Duration.ofSeconds(30))
        .until(() -> body(get("/api/v1/leads/" + leadId, ADMIN)).get("live"), live -> live.isObject() && !live.get("ackDeadline").isNull());
    assertThat(post("/api/v1/leads/" + leadId + "/acknowledge", ANA, "").statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30))
        .until(() -> "IN_CADENCE".equals(body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString()));
    long historyBytes = temporal.fetchHistory(LeadWorkflows.idFor(leadId)).getHistory().getSerializedSize();
    assertThat(historyBytes).isLessThan(1_000_000);
  }
}
