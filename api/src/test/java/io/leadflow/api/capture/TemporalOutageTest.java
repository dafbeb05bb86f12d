package io.leadflow.api.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.api.ApiTest;
import io.leadflow.workflows.LeadSearchAttributes;
import io.leadflow.workflows.LeadWorkflows;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Temporal is down while leads arrive: every capture still answers 202 and is stored; once
 * Temporal is up, the relay gives every lead exactly one workflow.
 */
class TemporalOutageTest extends ApiTest {

  private static final int TEMPORAL_PORT = freePort();

  @DynamicPropertySource
  static void temporalNotYetRunning(DynamicPropertyRegistry properties) {
    properties.add("spring.temporal.test-server.enabled", () -> "false");
    properties.add("spring.temporal.connection.target", () -> "127.0.0.1:" + TEMPORAL_PORT);
    // The API itself hosts no workers; the in-process worker stands for the worker app and
    // comes up with Temporal.
    properties.add("spring.temporal.start-workers", () -> "false");
  }

  @Autowired WorkflowClient temporal;
  @Autowired WorkerFactory worker;

  @Test
  void capturesWaitInTheOutboxAndEachLeadGetsExactlyOneWorkflowWhenTemporalReturns() {
    List<String> leadIds = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> captured = post("/api/v1/leads", INGEST, leadJson(uniqueEmail(), null));
      assertThat(captured.statusCode()).isEqualTo(202);
      leadIds.add(leadOf(captured));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> body(get("/actuator/health", null)).get("components").get("captureOutbox").get("details").get("backlog").asInt() >= 5);

    var server = TestServer.createPortBoundServer(TEMPORAL_PORT, true);
    try {
      registerSearchAttributes();
      // the client reconnects with backoff: the worker starts once the channel is back
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(
              () -> {
                worker.start();
                return true;
              });

      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  leadIds.stream()
                      .allMatch(id -> "AWAITING_ACK".equals(body(get("/api/v1/leads/" + id, ADMIN)).get("status").asString())));
      for (String leadId : leadIds) {
        long starts =
            temporal.fetchHistory(LeadWorkflows.idFor(leadId)).getEvents().stream()
                .filter(e -> e.hasWorkflowExecutionStartedEventAttributes())
                .count();
        assertThat(starts).isEqualTo(1);
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> body(get("/actuator/health", null)).get("components").get("captureOutbox").get("details").get("backlog").asInt() == 0);
    } finally {
      worker.shutdownNow();
      server.close();
    }
  }

  private static void registerSearchAttributes() {
    var request = AddSearchAttributesRequest.newBuilder().setNamespace("default");
    LeadSearchAttributes.ALL.forEach(key -> request.putSearchAttributes(key.getName(), key.getValueType()));
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + TEMPORAL_PORT).validateAndBuildWithDefaults());
    try {
      operator.blockingStub().addSearchAttributes(request.build());
    } finally {
      operator.shutdownNow();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
