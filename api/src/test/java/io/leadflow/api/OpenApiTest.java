package io.leadflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenApiTest extends ApiTest {

  @Test
  void theApiDescribesItselfWithoutAKey() {
    var response = get("/v3/api-docs", null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode paths = body(response).get("paths");
    assertThat(paths.has("/api/v1/leads")).isTrue();
    assertThat(paths.has("/api/v1/leads/{id}/acknowledge")).isTrue();
    assertThat(body(response).get("components").get("securitySchemes").has("apiKey")).isTrue();
    assertThat(get("/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
  }
}
