package io.leadflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What every error answer must look like to the caller: RFC 9457 problem+json. */
public final class Problems {

  private static final JsonMapper json = JsonMapper.builder().build();

  private Problems() {}

  public static JsonNode assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).as(response.body()).hasValue("application/problem+json");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asString()).isNotBlank();
    return problem;
  }

  /** A 400 problem whose {@code errors} names {@code field}; returns what it says about it. */
  public static String assertInvalid(HttpResponse<String> response, String field) {
    JsonNode problem = assertProblem(response, 400);
    assertThat(problem.path("errors").has(field)).as(response.body()).isTrue();
    return problem.get("errors").get(field).asString();
  }
}
