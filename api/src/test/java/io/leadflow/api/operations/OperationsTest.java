package io.leadflow.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.api.ApiTest;
import io.leadflow.workflows.LeadWorkflows;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** What an operator relies on: health components, logs that name leads but never people, the UI's summary. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest extends ApiTest {

  @Autowired WorkflowClient temporal;

  @Test
  void healthShowsPostgresTemporalAndTheCaptureOutbox() {
    JsonNode components = body(get("/actuator/health", null)).get("components");

    assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
    assertThat(components.get("temporal").get("status").asString()).isEqualTo("UP");
    assertThat(components.get("captureOutbox").get("details").has("backlog")).isTrue();
  }

  @Test
  void aLeadsWholeJourneyLogsItsIdsAndNoneOfItsPersonalData(CapturedOutput output) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String name = "Quinn Privacy" + unique;
    String email = "quinn." + unique + "@privacy.test";
    String phoneDigits = "646" + ThreadLocalRandom.current().nextInt(200, 1000) + ThreadLocalRandom.current().nextInt(1000, 10000);
    String replyBody = "call me at home " + unique;
    String leadId =
        leadOf(post("/api/v1/leads", INGEST,
                "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"phone\":\"+1" + phoneDigits
                    + "\",\"source\":\"web\",\"interest\":\"demo request\"}"));
    await().atMost(Duration.ofSeconds(15)).until(() -> "AWAITING_ACK".equals(status(leadId)));
    assertThat(post("/api/v1/leads/" + leadId + "/acknowledge", ANA, null).statusCode()).isEqualTo(200);
    assertThat(post("/api/v1/leads/" + leadId + "/replies", ANA, "{\"channel\":\"SMS\",\"body\":\"" + replyBody + "\"}").statusCode())
        .isEqualTo(202);
    await().atMost(Duration.ofSeconds(15)).until(() -> "ENGAGED".equals(status(leadId)));

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> output.getOut().contains("[leadId=" + leadId + " workflowId=lead-" + leadId + "]"));
    assertThat(output.getAll())
        .contains("DRY-RUN EMAIL to lead " + leadId)
        .doesNotContain(name)
        .doesNotContain(unique + "@privacy")
        .doesNotContain(phoneDigits)
        .doesNotContain(replyBody);
  }

  @Test
  void theTemporalUiListsALeadByItsSourceAndInterestNeverByThePerson() {
    String email = "zed+" + UUID.randomUUID() + "@privacy.test";
    String leadId =
        leadOf(post("/api/v1/leads", INGEST, "{\"name\":\"Zed Zebra\",\"email\":\"" + email + "\",\"source\":\"web\",\"interest\":\"demo request\"}"));

    WorkflowExecutionDescription workflow =
        await()
            .atMost(Duration.ofSeconds(15))
            .ignoreExceptions()
            .until(() -> temporal.newUntypedWorkflowStub(LeadWorkflows.idFor(leadId)).describe(), d -> d != null);

    assertThat(workflow.getStaticSummary()).isEqualTo("web · demo request");
    assertThat(workflow.getStaticDetails()).contains(leadId).doesNotContain("Zed").doesNotContain(email);
  }

  private String status(String leadId) {
    return body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString();
  }
}
