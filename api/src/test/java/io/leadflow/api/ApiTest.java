package io.leadflow.api;

import static org.awaitility.Awaitility.await;

import io.leadflow.workflows.LeadSearchAttributes;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.testing.TestEnvironmentOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API over real HTTP, real PostgreSQL, and Temporal's in-process test service running the real
 * workflow and activities. Callers use the development keys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ApiTest.WorkerSide.class)
public abstract class ApiTest {

  public static final String INGEST = "dev-ingest";
  public static final String ANA = "dev-rep-ana";
  public static final String BEN = "dev-rep-ben";
  public static final String MANAGER = "dev-manager";
  public static final String ADMIN = "dev-admin";

  /** The worker's side, in process: activity beans and search attributes for the test service. */
  @TestConfiguration
  @ComponentScan("io.leadflow.activities")
  public static class WorkerSide {

    @Bean
    TemporalOptionsCustomizer<TestEnvironmentOptions.Builder> leadSearchAttributes() {
      return options -> {
        LeadSearchAttributes.ALL.forEach(key -> options.registerSearchAttribute(key.getName(), key.getValueType()));
        return options;
      };
    }
  }

  protected static final JsonMapper json = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort protected int port;

  protected HttpResponse<String> call(String method, String path, String key, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null && !headers.containsKey("Content-Type")) {
      request.header("Content-Type", "application/json");
    }
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    headers.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  protected HttpResponse<String> post(String path, String key, String body) {
    return call("POST", path, key, body, Map.of());
  }

  protected HttpResponse<String> get(String path, String key) {
    return call("GET", path, key, null, Map.of());
  }

  protected static JsonNode body(HttpResponse<String> response) {
    return json.readTree(response.body());
  }

  protected static String uniqueEmail() {
    return "lead+" + UUID.randomUUID() + "@acme.test";
  }

  /** A valid New York number nobody else in the test database has (with high probability). */
  protected static String uniquePhone() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "+1 646 " + random.nextInt(200, 1000) + " " + random.nextInt(1000, 10000);
  }

  protected static String leadJson(String email, String phone) {
    return "{\"name\":\"Sarah Kim\","
        + (email == null ? "" : "\"email\":\"" + email + "\",")
        + (phone == null ? "" : "\"phone\":\"" + phone + "\",")
        + "\"source\":\"web\",\"interest\":\"demo request\"}";
  }

  /** {@link #leadJson} of a person who ticked the boxes agreeing to calls and texts. */
  protected static String consentingLeadJson(String email, String phone) {
    String lead = leadJson(email, phone);
    return lead.substring(0, lead.length() - 1)
        + ",\"consent\":[{\"channel\":\"CALL\",\"method\":\"CHECKBOX\",\"text\":\"Acme may call me about my request.\"},"
        + "{\"channel\":\"SMS\",\"method\":\"CHECKBOX\",\"text\":\"Acme may text me. Reply STOP to stop.\"}]}";
  }

  /**
   * The lead a capture made or joined. An INGEST answer never names it, so it is found the way an
   * admin finds it: by the capture's id ({@code GET /leads?captureId=}).
   */
  protected String leadOf(HttpResponse<String> captureAnswer) {
    return leadByCapture(captureAnswer, (path, key) -> get(path, key));
  }

  /** {@link #leadOf} for helpers outside a test class: {@code get} reads as the given key. */
  public static String leadByCapture(
      HttpResponse<String> captureAnswer, java.util.function.BiFunction<String, String, HttpResponse<String>> get) {
    if (captureAnswer.statusCode() >= 300) {
      throw new IllegalStateException("capture refused: " + captureAnswer.statusCode() + " " + captureAnswer.body());
    }
    String captureId = json.readTree(captureAnswer.body()).get("captureId").asString();
    JsonNode items = json.readTree(get.apply("/api/v1/leads?captureId=" + captureId, ADMIN).body()).get("items");
    if (items.size() != 1) {
      throw new IllegalStateException("capture " + captureId + " belongs to " + items.size() + " leads");
    }
    return items.get(0).get("id").asString();
  }

  /** Captures a new hot lead and waits until it is routed to ana and awaits her acknowledgement. */
  protected String routedLead() {
    String leadId = leadOf(post("/api/v1/leads", INGEST, leadJson(uniqueEmail(), null)));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> "AWAITING_ACK".equals(body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString()));
    return leadId;
  }
}
