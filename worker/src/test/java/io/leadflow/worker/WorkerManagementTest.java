package io.leadflow.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.workflows.LeadInput;
import io.leadflow.workflows.LeadWorkflow;
import io.leadflow.workflows.LeadWorkflows;
import io.leadflow.workflows.NewLead;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker's management port while Temporal is up (a port-bound Temporal test service): ready,
 * the SDK's metrics and the lead workflow's own (steps that gave up) at /actuator/prometheus. Then
 * while Temporal is down: still live, not ready.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "leadflow.temporal.codec.active-key=test",
      "leadflow.temporal.codec.keys.test=BmdtNwVGxiF9EHF8n+Oha1S4hMQcOiTXCKLoVhnW/oc=",
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkerManagementTest {

  private static final int TEMPORAL_PORT = freePort();
  private static final TestServer.PortBoundTestServer temporal = TestServer.createPortBoundServer(TEMPORAL_PORT, true);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry properties) {
    properties.add("spring.datasource.url", WorkerManagementTest::testDatabase);
    properties.add("spring.temporal.connection.target", () -> "127.0.0.1:" + TEMPORAL_PORT);
  }

  static String testDatabase() {
    return System.getenv().getOrDefault("LEADFLOW_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/leadflow_test");
  }

  @AfterAll
  static void stopTemporal() {
    temporal.close();
  }

  @LocalServerPort int port;
  @Autowired WorkflowClient client;
  @Autowired WorkerFactory workers;

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  @Order(1)
  void readyWhileTemporalAnswersWithTheSdkMetricsExported() throws Exception {
    HttpResponse<String> readiness = get("/actuator/health/readiness");
    assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
    JsonNode components = json.readTree(readiness.body()).get("components");
    assertThat(components.get("temporal").get("status").asString()).isEqualTo("UP");
    assertThat(components.get("db").get("status").asString()).isEqualTo("UP");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> get("/actuator/prometheus").body().lines().anyMatch(line -> line.startsWith("temporal_")));
  }

  /** The operators' alert on steps that gave up reads this counter: a worker must export it. */
  @Test
  @Order(2)
  void aStepThatGaveUpIsCountedAtTheWorkersPrometheusEndpoint() {
    DevTemporalService.registerSearchAttributes("127.0.0.1:" + TEMPORAL_PORT, "default");
    // A lead the store does not have: recording its first status fails for good, so the step gives up.
    String leadId = UUID.randomUUID().toString();
    String workflowId = LeadWorkflows.idFor(leadId);
    LeadWorkflow workflow = client.newWorkflowStub(
        LeadWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(LeadWorkflows.TASK_QUEUE).setWorkflowId(workflowId).build());
    WorkflowClient.start(workflow::run, LeadInput.of(new NewLead(leadId, "Ana Lost", "ana.lost@example.test", null, "web", "demo")));
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> get("/actuator/prometheus").body().lines()
              .filter(line -> line.startsWith("leadflow_steps_gave_up_total{"))
              .anyMatch(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) >= 1));
    } finally {
      client.newUntypedWorkflowStub(workflowId).terminate("test done");
    }
  }

  /** The server limits this queue's rate for every worker at once: the CRM vendor's limit holds however many run. */
  @Test
  @Order(2)
  void crmCallsAreServedOnTheirOwnTaskQueueWhoseRateTheServerLimits() {
    Worker crm = workers.getWorker(LeadWorkflows.CRM_TASK_QUEUE);

    assertThat(crm).isNotNull();
    assertThat(crm.getWorkerOptions().getMaxTaskQueueActivitiesPerSecond()).isEqualTo(3.0);
  }

  @Test
  @Order(3)
  void liveButNotReadyWhileTemporalIsUnreachable() throws Exception {
    temporal.close();

    HttpResponse<String> readiness = get("/actuator/health/readiness");
    assertThat(readiness.statusCode()).isEqualTo(503);
    assertThat(json.readTree(readiness.body()).get("components").get("temporal").get("status").asString())
        .isEqualTo("DOWN");
    assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
