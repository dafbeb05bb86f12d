package io.leadflow.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST calls the black-box tests make, with the run command's development keys. */
final class LeadApi {

  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  LeadApi(int port) {
    this.base = "http://localhost:" + port + "/api/v1/leads";
  }

  /** Captures a lead with the web-form key, consenting to calls and texts, and answers its id. */
  String capture(String name, String email, String phone) throws IOException, InterruptedException {
    String body =
        ("{\"name\":\"%s\",\"email\":\"%s\",\"phone\":\"%s\",\"source\":\"web\",\"interest\":\"demo request\","
                + "\"consent\":[{\"channel\":\"CALL\",\"method\":\"CHECKBOX\",\"text\":\"Acme may call me.\"},"
                + "{\"channel\":\"SMS\",\"method\":\"CHECKBOX\",\"text\":\"Acme may text me.\"}]}")
            .formatted(name, email, phone);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer dev-ingest")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202) {
      throw new IllegalStateException("capture answered " + response.statusCode() + ": " + response.body());
    }
    return leadOfCapture(json.readTree(response.body()).get("captureId").asString());
  }

  /** The web-form key's answer names the capture, never the lead: an admin finds the lead by it. */
  private String leadOfCapture(String captureId) throws IOException, InterruptedException {
    HttpResponse<String> found =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "?captureId=" + captureId)).header("Authorization", "Bearer dev-admin").build(),
            HttpResponse.BodyHandlers.ofString());
    return json.readTree(found.body()).get("items").get(0).get("id").asString();
  }

  /** {@code GET /leads/{id}} as an admin sees it; null while the API cannot answer. */
  JsonNode lead(String id) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/" + id)).header("Authorization", "Bearer dev-admin").build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? json.readTree(response.body()) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Whether the lead has a stored touch for this cadence step. */
  boolean hasTouch(String id, String step) {
    JsonNode lead = lead(id);
    if (lead == null) {
      return false;
    }
    for (JsonNode touch : lead.get("touches")) {
      if (step.equals(touch.get("step").asString())) {
        return true;
      }
    }
    return false;
  }
}
