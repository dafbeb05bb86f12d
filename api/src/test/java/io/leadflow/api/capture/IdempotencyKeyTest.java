package io.leadflow.api.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.activities.store.LeadRepository;
import io.leadflow.api.ApiTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class IdempotencyKeyTest extends ApiTest {

  @Autowired LeadRepository leads;
  @Autowired JdbcClient jdbc;

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
  void aKeyOfMoreThan200CharactersIsRefusedAndStoresNothing() {
    long before = leads.count();

    HttpResponse<String> tooLong = capture(INGEST, "k".repeat(300), leadJson(uniqueEmail(), null));

    assertThat(tooLong.statusCode()).as("today: the column's varchar(200) refuses it").isEqualTo(500);
    assertThat(leads.count()).isEqualTo(before);
  }

  @Test
  void twoBodiesThatPrintAlikeAreDifferentRequests() {
    String idempotencyKey = UUID.randomUUID().toString();
    String email = uniqueEmail();
    String first = "{\"name\":\"Sarah Kim\",\"email\":\"" + email + "\",\"source\":\"web\",\"interest\":\"demo, utmSource=ads\"}";
    String second =
        "{\"name\":\"Sarah Kim\",\"email\":\"" + email + "\",\"source\":\"web\",\"interest\":\"demo\",\"utmSource\":\"ads, utmSource=null\"}";

    HttpResponse<String> answer = capture(INGEST, idempotencyKey, first);
    HttpResponse<String> other = capture(INGEST, idempotencyKey, second);

    assertThat(other.statusCode()).as("today: the hash is of the request's toString()").isEqualTo(202);
    assertThat(other.body()).isEqualTo(answer.body());
  }

  @Test
  void aKeyWhoseFirstRequestDiedIsFreeAgainAfterAMinute() {
    String idempotencyKey = UUID.randomUUID().toString();
    String body = leadJson(uniqueEmail(), null);
    capture(INGEST, idempotencyKey, body);
    claimedButNeverAnswered(idempotencyKey, "2 minutes");

    HttpResponse<String> retried = capture(INGEST, idempotencyKey, body);

    assertThat(retried.statusCode()).as("today: in progress for ever").isEqualTo(409);
  }

  /** As a request leaves its key when its process dies between claiming the key and storing the answer. */
  private void claimedButNeverAnswered(String idempotencyKey, String ago) {
    jdbc.sql(
            "update idempotency_key set response_status = null, response_body = null, created_at = now() - cast(? as interval)"
                + " where idempotency_key = ?")
        .params(ago, idempotencyKey)
        .update();
  }
}
