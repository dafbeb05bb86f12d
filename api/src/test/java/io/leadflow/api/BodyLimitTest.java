package io.leadflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.activities.store.LeadRepository;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Body limits count the bytes as they arrive, with or without Content-Length: a chunked body
 * (no length declared) is refused once it passes its endpoint's limit, before anything parses it.
 */
class BodyLimitTest extends ApiTest {

  private static final int TWO_MB = 2 * 1024 * 1024;

  @Autowired LeadRepository leads;

  /** Sends the body chunked: the JDK client declares no Content-Length for a stream of unknown length. */
  private HttpResponse<String> chunked(String path, String key, InputStream body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
            .header("Content-Type", "application/json");
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    headers.forEach(request::header);
    try {
      return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A capture whose name runs on for {@code bytes} bytes: valid JSON, far too large. */
  private static InputStream hugeCapture(int bytes) {
    return new SequenceInputStream(
        new SequenceInputStream(
            new ByteArrayInputStream("{\"name\":\"".getBytes(StandardCharsets.UTF_8)),
            new ByteArrayInputStream("n".repeat(bytes).getBytes(StandardCharsets.UTF_8))),
        new ByteArrayInputStream("\",\"email\":\"big@acme.test\",\"source\":\"web\",\"interest\":\"demo\"}".getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertTooLarge(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(body(response).get("status").asInt()).isEqualTo(413);
  }

  @Test
  void aChunkedCaptureOfTwoMegabytesIs413AndStoresNothing() {
    long before = leads.count();

    HttpResponse<String> response = chunked("/api/v1/leads", INGEST, hugeCapture(TWO_MB), Map.of());

    assertTooLarge(response);
    assertThat(body(response).get("detail").asString()).contains("16384");
    assertThat(leads.count()).isEqualTo(before);
  }

  @Test
  void aChunkedCaptureWithinTheLimitIsCaptured() {
    InputStream small = new ByteArrayInputStream(leadJson(uniqueEmail(), null).getBytes(StandardCharsets.UTF_8));

    assertThat(chunked("/api/v1/leads", INGEST, small, Map.of()).statusCode()).isEqualTo(202);
  }

  @Test
  void theSendGridEventsEndpointStopsReadingAnUnsignedBodyAtItsLimit() {
    HttpResponse<String> response =
        chunked(
            "/api/v1/webhooks/sendgrid/events",
            null,
            new ByteArrayInputStream(("[" + "0,".repeat(TWO_MB / 2) + "0]").getBytes(StandardCharsets.UTF_8)),
            Map.of());

    assertTooLarge(response);
    assertThat(body(response).get("detail").asString()).contains("1048576");
  }
}
