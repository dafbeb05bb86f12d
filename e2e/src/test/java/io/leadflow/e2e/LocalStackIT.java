package io.leadflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Boots embedded Temporal + worker + API exactly as the README's run command does. */
class LocalStackIT {

  private static final String DB_URL =
      System.getenv().getOrDefault(
          "LEADFLOW_E2E_DB_URL", "jdbc:postgresql://127.0.0.1:5432/leadflow_e2e");

  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aPostedLeadFlowsThroughTemporalToItsFirstTouchAndCtrlCStopsEverything() throws Exception {
    int apiPort = LocalStack.freePort();
    Map<String, String> env =
        Map.of(
            "LEADFLOW_API_PORT", Integer.toString(apiPort),
            "LEADFLOW_TEMPORAL_PORT", Integer.toString(LocalStack.freePort()),
            "LEADFLOW_WORKER_MANAGEMENT_PORT", Integer.toString(LocalStack.freePort()),
            "LEADFLOW_DB_URL", DB_URL,
            // leadflow.calendly.signing-key, as an operator sets it (docs/crm.md)
            "LEADFLOW_CALENDLY_SIGNING_KEY", CALENDLY_SIGNING_KEY,
            "JAVA_OPTS", "-Xmx256m");

    try (LocalStack stack = LocalStack.start(env)) {
      await()
          .atMost(Duration.ofMinutes(2))
          .until(() -> stack.hasPrinted("LeadFlow API ready at http://localhost:" + apiPort + "/api/v1/leads"));
      // Workers start polling once their app is up; wait for that too before timing anything.
      await().atMost(Duration.ofMinutes(1)).until(() -> stack.hasPrinted("Started WorkerApplication"));

      HttpResponse<String> created =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + apiPort + "/api/v1/leads"))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer dev-ingest")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"name\":\"Ana Ruiz\",\"email\":\"ana+" + UUID.randomUUID() + "@globex.test\",\"source\":\"web\",\"interest\":\"demo\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).isEqualTo(202);
      // The web-form key learns the capture's id, not the lead's: the admin finds the lead by it.
      String captureId = json.readTree(created.body()).get("captureId").asString();
      String leadId =
          json.readTree(
                  http.send(
                          HttpRequest.newBuilder(URI.create("http://localhost:" + apiPort + "/api/v1/leads?captureId=" + captureId))
                              .header("Authorization", "Bearer dev-admin")
                              .build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body())
              .get("items").get(0).get("id").asString();
      URI lead = URI.create("http://localhost:" + apiPort + "/api/v1/leads/" + leadId);

      JsonNode routed =
          await()
              .atMost(Duration.ofSeconds(15))
              .until(
                  () -> json.readTree(http.send(HttpRequest.newBuilder(lead).header("Authorization", "Bearer dev-admin").build(), HttpResponse.BodyHandlers.ofString()).body()),
                  l -> l.get("touches").size() == 1 && "AWAITING_ACK".equals(l.get("status").asString()));
      assertThat(routed.get("touches").get(0).get("provider").asString()).isEqualTo("dry-run");
      assertThat(routed.get("assignedRep").asString()).isEqualTo("ana");

      // The rep's side of the tour: acknowledge, then log the lead's reply.
      assertThat(send(URI.create(lead + "/acknowledge"), "dev-rep-ana", null).statusCode()).isEqualTo(200);
      assertThat(send(URI.create(lead + "/replies"), "dev-rep-ana", "{\"channel\":\"SMS\",\"body\":\"call me\"}").statusCode())
          .isEqualTo(202);
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () -> json.readTree(http.send(HttpRequest.newBuilder(lead).header("Authorization", "Bearer dev-rep-ana").build(), HttpResponse.BodyHandlers.ofString()).body()),
              l -> "ENGAGED".equals(l.get("status").asString()));

      // A second lead books a meeting through its booking link: Calendly's signed webhook stops its cadence.
      LeadApi api = new LeadApi(apiPort);
      HttpResponse<String> booking =
          send(URI.create("http://localhost:" + apiPort + "/api/v1/leads"), "dev-admin",
              "{\"name\":\"Ben Ortiz\",\"email\":\"ben+" + UUID.randomUUID() + "@globex.test\",\"source\":\"web\",\"interest\":\"demo\"}");
      assertThat(booking.statusCode()).isEqualTo(202);
      String booker = json.readTree(booking.body()).get("leadId").asString();
      await().atMost(Duration.ofSeconds(15)).until(() -> api.lead(booker), l -> l != null && "AWAITING_ACK".equals(l.get("status").asString()));
      assertThat(calendly(apiPort, invitee(booker)).statusCode()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(15)).until(() -> api.lead(booker), l -> "MEETING_BOOKED".equals(l.get("status").asString()));

      List<ProcessHandle> parts = stack.process().descendants().toList();
      assertThat(parts).hasSizeGreaterThanOrEqualTo(3); // Temporal service, worker, API
      stack.interrupt();

      assertThat(stack.waitForExit(Duration.ofSeconds(30))).isTrue();
      await().atMost(Duration.ofSeconds(15)).until(() -> parts.stream().noneMatch(ProcessHandle::isAlive));
    }
  }

  private static final String CALENDLY_SIGNING_KEY = "e2e-calendly-signing-key";

  /** An invitee.created for a booking made through the lead's link (utm_content is its id). */
  private static String invitee(String leadId) {
    String event = "https://api.calendly.com/scheduled_events/" + UUID.randomUUID();
    return "{\"event\":\"invitee.created\",\"created_at\":\"" + java.time.Instant.now() + "\",\"payload\":{"
        + "\"uri\":\"" + event + "/invitees/" + UUID.randomUUID() + "\",\"email\":\"ben@globex.test\",\"name\":\"Ben Ortiz\","
        + "\"rescheduled\":false,\"tracking\":{\"utm_source\":\"leadflow\",\"utm_content\":\"" + leadId + "\"},"
        + "\"scheduled_event\":{\"uri\":\"" + event + "\",\"name\":\"30 Minute Demo\",\"start_time\":\""
        + java.time.Instant.now().plus(Duration.ofDays(2)) + "\"}}}";
  }

  /** Posts {@code body} as Calendly does: Calendly-Webhook-Signature t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">. */
  private HttpResponse<String> calendly(int apiPort, String body) throws Exception {
    long t = java.time.Instant.now().getEpochSecond();
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(CALENDLY_SIGNING_KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
    String v1 = java.util.HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + apiPort + "/api/v1/webhooks/calendly"))
            .header("Content-Type", "application/json")
            .header("Calendly-Webhook-Signature", "t=" + t + ",v1=" + v1)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(URI uri, String key, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + key)
            .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anUnreachablePostgresIsOneClearLineNotAStackTrace() throws Exception {
    Map<String, String> env = Map.of("LEADFLOW_DB_URL", "jdbc:postgresql://127.0.0.1:1/leadflow");

    try (LocalStack stack = LocalStack.start(env)) {
      assertThat(stack.waitForExit(Duration.ofSeconds(60))).isTrue();
      assertThat(stack.process().exitValue()).isEqualTo(1);
      await().atMost(Duration.ofSeconds(5)).until(() -> stack.hasPrinted("Cannot use PostgreSQL"));
      assertThat(stack.output())
          .filteredOn(line -> line.contains("Cannot use PostgreSQL"))
          .singleElement()
          .asString()
          .contains("LEADFLOW_DB_URL");
      assertThat(stack.output()).noneMatch(line -> line.contains("Exception") || line.startsWith("\tat "));
    }
  }
}
