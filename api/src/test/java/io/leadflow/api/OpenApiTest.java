package io.leadflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenApiTest extends ApiTest {

  @Test
  void theApiDescribesItselfWithoutAKey() throws java.io.IOException {
    var response = get("/v3/api-docs", null);

    assertThat(response.statusCode()).isEqualTo(200);
    writeForReading(response.body());
    JsonNode paths = body(response).get("paths");
    assertThat(paths.has("/api/v1/leads")).isTrue();
    assertThat(paths.has("/api/v1/leads/{id}/acknowledge")).isTrue();
    assertThat(body(response).get("components").get("securitySchemes").has("apiKey")).isTrue();
    assertThat(get("/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
  }

  @Test
  void everyOperationHasASummaryAndAProblemJsonClientError() {
    List<String> withoutSummary = new ArrayList<>();
    List<String> withoutProblem = new ArrayList<>();
    operations().forEach((key, operation) -> {
      String summary = operation.path("summary").asString("");
      if (summary.isBlank() || summary.contains("\n") || summary.equals(key)) {
        withoutSummary.add(key);
      }
      boolean problem =
          operation.get("responses").properties().stream()
              .anyMatch(e -> e.getKey().startsWith("4") && e.getValue().path("content").has("application/problem+json"));
      boolean page = key.equals("GET /api/v1/webhooks/email/unsubscribe"); // a person reads its refusals: pages
      if (!problem && !page) {
        withoutProblem.add(key);
      }
    });

    assertThat(operations()).hasSizeGreaterThan(30);
    assertThat(withoutSummary).isEmpty();
    assertThat(withoutProblem).isEmpty();
    JsonNode problem = docs().get("components").get("schemas").get("Problem").get("properties");
    for (String field : List.of("type", "title", "status", "detail", "instance", "errors")) {
      assertThat(problem.has(field)).as(field).isTrue();
    }
  }

  @Test
  void theSuccessAndErrorStatusesAreTheRealOnes() {
    JsonNode capture = operations().get("POST /api/v1/leads");
    assertThat(capture.get("responses").has("202")).isTrue();
    assertThat(capture.get("responses").has("200")).isTrue();
    assertThat(capture.get("responses").get("202").path("content").has("application/json")).isTrue();
    assertThat(capture.get("responses").get("200").path("content").has("application/json")).isTrue();
    assertThat(capture.get("responses").get("400").path("content").get("application/problem+json").get("schema").get("$ref").asString())
        .isEqualTo("#/components/schemas/Problem");
    assertThat(capture.get("requestBody").get("content").get("application/json").get("example").get("name").asString()).isNotBlank();
    JsonNode attribution = operations().get("GET /api/v1/reports/funnel").get("parameters").valueStream()
        .filter(p -> p.get("name").asString().equals("attribution")).findFirst().orElseThrow();
    assertThat(attribution.get("schema").get("enum").toString()).isEqualTo("[\"FIRST\",\"LAST\"]");
    assertThat(attribution.get("schema").get("default").asString()).isEqualTo("FIRST");
    for (String status : List.of("400", "401", "403", "413", "415", "422", "429")) {
      assertThat(capture.get("responses").has(status)).as(status).isTrue();
    }
    assertThat(operations().get("POST /api/v1/leads/{id}/disqualify").get("responses").has("202")).isTrue();
    assertThat(operations().get("POST /api/v1/leads/{id}/disqualify").get("responses").has("409")).isTrue();
    operations().get("GET /api/v1/webhooks/email/unsubscribe").get("responses").properties().stream()
        .filter(e -> e.getKey().startsWith("4"))
        .forEach(e -> assertThat(e.getValue().get("content").has("text/html")).as(e.getKey()).isTrue());
    assertThat(operations().get("POST /api/v1/webhooks/email/unsubscribe").get("responses").get("200").get("content").has("text/html")).isTrue();
    assertThat(operations().get("POST /api/v1/admin/cadences").get("responses").has("201")).isTrue();
    assertThat(operations().get("DELETE /api/v1/admin/api-keys/{id}").get("responses").has("204")).isTrue();
    assertThat(operations().get("DELETE /api/v1/admin/api-keys/{id}").get("responses").has("404")).isTrue();
    assertThat(operations().get("PUT /api/v1/admin/tracked-numbers/{number}").get("responses").has("201")).isTrue();
    assertThat(operations().get("PUT /api/v1/admin/tracked-numbers/{number}").get("responses").has("200")).isTrue();
    assertThat(operations().get("DELETE /api/v1/admin/tracked-numbers/{number}").get("responses").has("204")).isTrue();
    operations().forEach((key, operation) -> {
      if (operation.has("requestBody")) {
        for (String status : List.of("400", "403", "413", "415")) {
          assertThat(operation.get("responses").has(status)).as(key + " " + status).isTrue();
        }
      }
    });
  }

  @Test
  void webhooksAreSignedNotKeyedAndTheRestTakesAKey() {
    assertThat(docs().get("security").toString()).contains("apiKey");
    operations().forEach((key, operation) -> {
      if (key.contains(" /api/v1/webhooks/")) {
        assertThat(operation.has("security")).as(key).isTrue();
        assertThat(operation.get("security").isEmpty()).as(key).isTrue();
        assertThat(operation.get("description").asString()).as(key).containsIgnoringCase("sign");
        assertThat(operation.get("responses").has("401")).as(key).isFalse();
      } else {
        assertThat(operation.has("security") && operation.get("security").isEmpty()).as(key).isFalse();
        assertThat(operation.get("responses").has("401")).as(key).isTrue();
      }
    });
    assertThat(operations().keySet()).contains(
        "POST /api/v1/webhooks/sendgrid/events", "POST /api/v1/webhooks/twilio/sms", "POST /api/v1/webhooks/calendly",
        "POST /api/v1/webhooks/twilio/voice", "POST /api/v1/webhooks/twilio/voice/dial");
  }

  /** The document as served, for a reader or a fuzzer: api/target/openapi.json. */
  private static void writeForReading(String document) throws java.io.IOException {
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), document);
  }

  private JsonNode docs() {
    return body(get("/v3/api-docs", null));
  }

  private Map<String, JsonNode> operations() {
    Map<String, JsonNode> operations = new java.util.TreeMap<>();
    docs().get("paths").properties().forEach(path ->
        path.getValue().properties().forEach(op -> operations.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue())));
    return operations;
  }
}
