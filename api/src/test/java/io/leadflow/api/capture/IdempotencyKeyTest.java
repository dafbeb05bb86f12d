package io.leadflow.api.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.activities.store.LeadRepository;
import io.leadflow.api.ApiTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IdempotencyKeyTest extends ApiTest {

  @Autowired LeadRepository leads;

  private HttpResponse<String> capture(String key, String idempotencyKey, String body) {
    return call("POST", "/api/v1/leads", key, body, Map.of("Idempotency-Key", idempotencyKey));
  }

  @Test
  void aReplayedRequestGetsTheSameAnswerAndStoresNothingMore() {
    String idempotencyKey = UUID.randomUUID().toString();
    String body = leadJson(uniqueEmail(), null);

    HttpResponse<String> first = capture(INGEST, idempotencyKey, body);
    long afterFirst = leads.count();
    HttpResponse<String> replay = capture(INGEST, idempotencyKey, body);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(replay.statusCode()).isEqualTo(202);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(body(replay).get("captureId").asString()).isNotBlank();
    assertThat(replay.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
    assertThat(leads.count()).isEqualTo(afterFirst);
  }

  @Test
  void aReplayedCaptureOfAKnownPersonGetsTheFirstAnswerForEachRole() {
    String email = uniqueEmail();
    String leadId = leadOf(post("/api/v1/leads", INGEST, leadJson(email, null)));
    String formsKey = UUID.randomUUID().toString();
    String adminKey = UUID.randomUUID().toString();

    HttpResponse<String> forms = capture(INGEST, formsKey, leadJson(email, null));
    HttpResponse<String> formsReplay = capture(INGEST, formsKey, leadJson(email, null));
    HttpResponse<String> admin = capture(ADMIN, adminKey, leadJson(email, null));
    HttpResponse<String> adminReplay = capture(ADMIN, adminKey, leadJson(email, null));

    assertThat(formsReplay.statusCode()).isEqualTo(forms.statusCode()).isEqualTo(202);
    assertThat(formsReplay.body()).isEqualTo(forms.body()).doesNotContain(leadId);
    assertThat(formsReplay.headers().firstValue("Location")).isEmpty();
    assertThat(adminReplay.statusCode()).isEqualTo(admin.statusCode()).isEqualTo(200);
    assertThat(adminReplay.body()).isEqualTo(admin.body()).contains(leadId);
    assertThat(adminReplay.headers().firstValue("Location")).hasValue("/api/v1/leads/" + leadId);
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefused() {
    String idempotencyKey = UUID.randomUUID().toString();
    capture(INGEST, idempotencyKey, leadJson(uniqueEmail(), null));
    long before = leads.count();

    HttpResponse<String> other = capture(INGEST, idempotencyKey, leadJson(uniqueEmail(), null));

    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(body(other).get("detail").asString()).contains("different request body");
    assertThat(leads.count()).isEqualTo(before);
  }

  @Test
  void keysBelongToTheApiKeyThatSentThem() {
    String idempotencyKey = UUID.randomUUID().toString();

    HttpResponse<String> fromForms = capture(INGEST, idempotencyKey, leadJson(uniqueEmail(), null));
    HttpResponse<String> fromAdmin = capture(ADMIN, idempotencyKey, leadJson(uniqueEmail(), null));

    assertThat(fromForms.statusCode()).isEqualTo(202);
    assertThat(fromAdmin.statusCode()).isEqualTo(202);
    assertThat(body(fromAdmin).get("leadId").asString()).isNotEqualTo(leadOf(fromForms));
  }
}
