package io.leadflow.api.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.activities.store.LeadRepository;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LeadApiTest {

  /** The worker's side, in process: activity beans for the test service's worker. */
  @TestConfiguration
  @ComponentScan("io.leadflow.activities")
  static class ActivityBeans {}

  private static final JsonMapper json = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired LeadRepository leads;

  @Test
  void aCapturedLeadIsStoredAndGetsItsFirstTouchThroughTheDryRunChannel() throws Exception {
    HttpResponse<String> created =
        post(
            """
            {"name":"Sarah Kim","email":"sarah@acme.test","phone":"+1 415 555 0100",
             "source":"web","interest":"demo request"}
            """);

    assertThat(created.statusCode()).isEqualTo(202);
    JsonNode body = json.readTree(created.body());
    String leadId = body.get("leadId").asString();
    assertThat(body.get("workflowId").asString()).isEqualTo("lead-" + leadId);
    String location = created.headers().firstValue("Location").orElseThrow();
    assertThat(location).isEqualTo("/api/v1/leads/" + leadId);

    JsonNode lead =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> json.readTree(get(location).body()), l -> l.get("status").asString().equals("CONTACTED"));
    assertThat(lead.get("touches")).hasSize(1);
    assertThat(lead.get("name").asString()).isEqualTo("Sarah Kim");
    JsonNode touch = lead.get("touches").get(0);
    assertThat(touch.get("channel").asString()).isEqualTo("SMS");
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
