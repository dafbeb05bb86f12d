package io.leadflow.api;

import static io.leadflow.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.activities.store.LeadRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What Tomcat and Spring Security answer before any controller runs is problem+json too, never
 * Tomcat's HTML page or Spring Boot's error JSON; {@code GET /error} is no page of its own.
 */
class ContainerProblemsTest extends ApiTest {

  @Autowired LeadRepository leads;

  @Test
  void errorIsNotAPage() {
    assertProblem(get("/error", null), 401);
    assertProblem(get("/error", ADMIN), 404);
    assertProblem(call("GET", "/error", ADMIN, null, Map.of("Accept", "text/html")), 404);
  }

  @ParameterizedTest(name = "GET {0}")
  @ValueSource(strings = {"/api/v1/leads/a%00b", "/api/v1/admin/reps/a%00b", "/api/v1//leads", "/api/v1/leads;x=y", "/api/v1/leads/%2e%2e/x"})
  void anAddressTheServerRefusesIsAProblem(String path) {
    assertProblem(get(path, ADMIN), 400);
  }

  /** Found by ApiFuzzTest: each was a 500, thrown only once the API read the parameters or the body. */
  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "POST | /api/v1/leads                        | multipart/form-data",
        "GET  | /api/v1/reports/funnel               | multipart/form-data",
        "GET  | /api/v1/reports/funnel?=x            | ",
        "GET  | /api/v1/reports/awaiting-ack?a%CD%B8=1 | ",
      })
  void aRequestTheApiCannotReadIsAProblemAndStoresNothing(String method, String path, String contentType) {
    long before = leads.count();
    Map<String, String> headers = contentType == null ? Map.of() : Map.of("Content-Type", contentType);

    assertProblem(call(method, path, ADMIN, method.equals("POST") ? leadJson(uniqueEmail(), null) : null, headers), 400);
    assertThat(leads.count()).isEqualTo(before);
  }

  /** Found by ApiFuzzTest: the unsubscribe page's refusals are pages, a malformed request's too. */
  @Test
  void aMalformedRequestForTheUnsubscribePageIsAPage() {
    var response =
        call("GET", "/api/v1/webhooks/email/unsubscribe?token=x", null, null, Map.of("Content-Type", "multipart/form-data"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(response.body()).contains("<h1>Invalid link</h1>");
  }

  @Test
  void aMethodNoServletTakesIsAProblem() {
    assertProblem(call("TRACE", "/api/v1/leads", ADMIN, null, Map.of()), 405);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "GET /api/v1/leads?source=a\u0001b HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer dev-admin\r\n",
    "GET /api/v1/leads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer dev-admin\r\nX-Note: a\u0001b\r\n",
    "GET /api/v1/leads?x=%zz|{} HTTP/1.1\r\nHost: x\r\n",
    "GET /api/v1/le ads HTTP/1.1\r\nHost: x\r\n"
  })
  void aRequestTomcatCannotParseIsAProblem(String request) throws IOException {
    String response = raw(request + "Connection: close\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 400");
    assertThat(response.toLowerCase()).contains("content-type: application/problem+json");
    assertThat(response).contains("\"status\":400").doesNotContain("<html");
  }

  private String raw(String request) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
