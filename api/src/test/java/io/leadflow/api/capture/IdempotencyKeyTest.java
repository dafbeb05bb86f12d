package io.leadflow.api.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.activities.store.LeadRepository;
import io.leadflow.api.ApiTest;
import io.leadflow.api.Problems;
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
    assertThat(replay.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
    assertThat(leads.count()).isEqualTo(afterFirst);
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
    assertThat(body(fromAdmin).get("leadId")).isNotEqualTo(body(fromForms).get("leadId"));
  }

  @Test
  void aKeyLongerThanTheStoreHoldsIsRefusedByNameAndStoresNothing() {
    long before = leads.count();

    HttpResponse<String> tooLong = capture(INGEST, "k".repeat(201), leadJson(uniqueEmail(), null));

    assertThat(Problems.assertInvalid(tooLong, "Idempotency-Key")).contains("200");
    assertThat(leads.count()).isEqualTo(before);
    assertThat(capture(INGEST, UUID.randomUUID() + "k".repeat(164), leadJson(uniqueEmail(), null)).statusCode()).isEqualTo(202);
  }
}
