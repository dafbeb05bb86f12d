package io.leadflow.api.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.leadflow.activities.store.CaptureRecord;
import io.leadflow.activities.store.CaptureRepository;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.workflows.LeadWorkflow;
import io.leadflow.workflows.LeadWorkflows;
import io.temporal.client.WorkflowClient;
import io.leadflow.workflows.LeadSearchAttributes;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.testing.TestEnvironmentOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LeadApiTest {

  /** The worker's side, in process: activity beans and search attributes for the test service. */
  @TestConfiguration
  @ComponentScan("io.leadflow.activities")
  static class WorkerSide {

    @Bean
    TemporalOptionsCustomizer<TestEnvironmentOptions.Builder> leadSearchAttributes() {
      return options -> {
        LeadSearchAttributes.ALL.forEach(key -> options.registerSearchAttribute(key.getName(), key.getValueType()));
        return options;
      };
    }
  }

  private static final JsonMapper json = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired LeadRepository leads;
  @Autowired CaptureRepository captures;
  @Autowired WorkflowClient temporal;

  @Test
  void aCapturedLeadIsStoredRoutedAndGetsAnInstantReplyThroughTheDryRunChannel() throws Exception {
    String email = "sarah+" + UUID.randomUUID() + "@acme.test";
    HttpResponse<String> created =
        post(
            """
            {"name":"Sarah Kim","email":"%s","source":"web","interest":"demo request"}
            """
                .formatted(email));

    assertThat(created.statusCode()).isEqualTo(202);
    JsonNode body = json.readTree(created.body());
    String leadId = body.get("leadId").asString();
    assertThat(body.get("workflowId").asString()).isEqualTo("lead-" + leadId);
    String location = created.headers().firstValue("Location").orElseThrow();
    assertThat(location).isEqualTo("/api/v1/leads/" + leadId);

    JsonNode lead =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> json.readTree(get(location).body()), l -> l.get("touches").size() == 1 && l.get("status").asString().equals("AWAITING_ACK"));
    assertThat(lead.get("name").asString()).isEqualTo("Sarah Kim");
    JsonNode touch = lead.get("touches").get(0);
    assertThat(touch.get("channel").asString()).isEqualTo("EMAIL");
    assertThat(touch.get("provider").asString()).isEqualTo("dry-run");
    assertThat(touch.get("outcome").asString()).isEqualTo("SENT");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"name\":\"No Contact\",\"source\":\"web\",\"interest\":\"demo\"}",
        "{\"name\":\"Bad Mail\",\"email\":\"not-an-email\",\"source\":\"web\",\"interest\":\"demo\"}",
        "{\"name\":\"Bad Phone\",\"phone\":\"call me\",\"source\":\"web\",\"interest\":\"demo\"}",
        "{\"name\":\"Sneaky\",\"email\":\"a@b.test\",\"source\":\"web\",\"interest\":\"demo\",\"status\":\"WON\"}",
        "{\"email\":\"a@b.test\",\"source\":\"web\",\"interest\":\"demo\"}",
        "{\"name\":\"No Source\",\"email\":\"a@b.test\",\"source\":\" \",\"interest\":\"demo\"}",
        "{\"name\":\"Truncated\",\"email\":",
        "[]"
      })
  void anInvalidBodyIsAProblemAndStoresNothing(String invalid) throws Exception {
    long before = leads.count();

    HttpResponse<String> response = post(invalid);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("detail").asString()).isNotBlank();
    assertThat(leads.count()).isEqualTo(before);
  }

  @Test
  void theProblemNamesTheFieldThatIsWrong() throws Exception {
    JsonNode unknownField =
        json.readTree(
            post("{\"name\":\"S\",\"email\":\"a@b.test\",\"source\":\"web\",\"interest\":\"d\",\"status\":\"WON\"}")
                .body());
    JsonNode noContact =
        json.readTree(post("{\"name\":\"S\",\"source\":\"web\",\"interest\":\"d\"}").body());

    assertThat(unknownField.get("detail").asString()).contains("'status'");
    assertThat(noContact.get("errors").get("reachable").asString()).contains("email or a phone");
  }

  @Test
  void theSamePersonCapturedAgainJoinsTheirLeadAsAnEngagementInsteadOfASecondWorkflow() throws Exception {
    String email = "returning+" + UUID.randomUUID() + "@acme.test";
    HttpResponse<String> first =
        post("{\"name\":\"Ana\",\"email\":\"" + email + "\",\"source\":\"web\",\"interest\":\"demo\"}");
    String leadId = json.readTree(first.body()).get("leadId").asString();

    HttpResponse<String> again =
        post("{\"name\":\"Ana R.\",\"email\":\"" + email.toUpperCase() + "\",\"source\":\"ads\",\"interest\":\"pricing\"}");

    assertThat(again.statusCode()).isEqualTo(200);
    JsonNode joined = json.readTree(again.body());
    assertThat(joined.get("leadId").asString()).isEqualTo(leadId);
    assertThat(joined.get("joinedExisting").asBoolean()).isTrue();
    assertThat(captures.findByLeadIdOrderByIdAsc(UUID.fromString(leadId)))
        .extracting(CaptureRecord::source, CaptureRecord::joined)
        .containsExactly(tuple("web", false), tuple("ads", true));
    LeadWorkflow workflow = temporal.newWorkflowStub(LeadWorkflow.class, LeadWorkflows.idFor(leadId));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(workflow.state().engagements())
                    .singleElement()
                    .satisfies(e -> assertThat(e.type()).isEqualTo("form-fill")));
  }

  @Test
  void concurrentCapturesOfOnePersonMakeOneLead() throws Exception {
    String phone = "+1 646 555 " + (1000 + ThreadLocalRandom.current().nextInt(9000));
    String body = "{\"name\":\"Ben\",\"phone\":\"" + phone + "\",\"source\":\"partner\",\"interest\":\"quote\"}";

    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Future<HttpResponse<String>>> answers = pool.invokeAll(Collections.nCopies(10, () -> post(body)));
    pool.shutdown();

    Set<String> leadIds = new HashSet<>();
    for (Future<HttpResponse<String>> answer : answers) {
      assertThat(answer.get().statusCode()).isIn(200, 202);
      leadIds.add(json.readTree(answer.get().body()).get("leadId").asString());
    }
    assertThat(leadIds).hasSize(1);
  }

  @Test
  void anUnknownLeadIsA404Problem() throws Exception {
    for (String id : new String[] {"7d0e3c1e-0000-4000-8000-000000000000", "not-a-uuid"}) {
      HttpResponse<String> response = get("/api/v1/leads/" + id);

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(json.readTree(response.body()).get("title").asString()).isEqualTo("Lead not found");
    }
  }

  private HttpResponse<String> post(String body) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri("/api/v1/leads"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
