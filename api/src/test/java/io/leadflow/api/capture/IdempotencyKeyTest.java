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

  @Test
  void aKeyOfMoreThan200CharactersIsRefusedAndStoresNothing() {
    long before = leads.count();

    HttpResponse<String> tooLong = capture(INGEST, "k".repeat(300), leadJson(uniqueEmail(), null));
    HttpResponse<String> justLongEnough = capture(INGEST, UUID.randomUUID() + "k".repeat(164), leadJson(uniqueEmail(), null));

    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(body(tooLong).get("errors").get("Idempotency-Key").asString()).isEqualTo("must be 1 to 200 characters");
    assertThat(justLongEnough.statusCode()).isEqualTo(202);
    assertThat(leads.count()).isEqualTo(before + 1);
  }

  @Test
  void twoBodiesThatPrintAlikeAreDifferentRequests() {
    String idempotencyKey = UUID.randomUUID().toString();
    String email = uniqueEmail();
    // Alike as CaptureLeadRequest.toString(), which the fingerprint used to hash.
    String first = "{\"name\":\"Sarah Kim\",\"email\":\"" + email + "\",\"source\":\"web\",\"interest\":\"demo, utmSource=ads\"}";
    String second =
        "{\"name\":\"Sarah Kim\",\"email\":\"" + email + "\",\"source\":\"web\",\"interest\":\"demo\",\"utmSource\":\"ads, utmSource=null\"}";

    capture(INGEST, idempotencyKey, first);
    HttpResponse<String> other = capture(INGEST, idempotencyKey, second);

    assertThat(other.statusCode()).isEqualTo(422);
  }

  @Test
  void theSameBodyWithOtherSpacingFieldOrderAndExplicitNullsIsTheSameRequest() {
    String idempotencyKey = UUID.randomUUID().toString();
    String email = uniqueEmail();

    HttpResponse<String> first = capture(INGEST, idempotencyKey,
        "{\"name\":\"Sarah Kim\",\"email\":\"" + email + "\",\"source\":\"web\",\"interest\":\"demo request\"}");
    HttpResponse<String> again = capture(INGEST, idempotencyKey,
        "{ \"interest\" : \"demo request\", \"utmSource\": null,\n  \"source\":\"web\", \"email\":\"" + email + "\", \"name\":\"Sarah Kim\" }");

    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(again.body()).isEqualTo(first.body());
  }

  @Test
  void aKeyWhoseFirstRequestDiedIsFreeAgainAfterAMinute() {
    String idempotencyKey = UUID.randomUUID().toString();
    String body = leadJson(uniqueEmail(), null);
    String leadId = leadOf(capture(INGEST, idempotencyKey, body));
    claimedButNeverAnswered(idempotencyKey, "2 minutes");

    HttpResponse<String> retried = capture(INGEST, idempotencyKey, body);
    HttpResponse<String> replayed = capture(INGEST, idempotencyKey, body);

    // The first request had stored the capture: the retry joins that lead, and is kept as the answer.
    assertThat(retried.statusCode()).isEqualTo(202);
    assertThat(leadOf(retried)).isEqualTo(leadId);
    assertThat(replayed.body()).isEqualTo(retried.body());
  }

  @Test
  void aKeyWhoseFirstRequestIsStillRunningIsAConflict() {
    String idempotencyKey = UUID.randomUUID().toString();
    String body = leadJson(uniqueEmail(), null);
    capture(INGEST, idempotencyKey, body);
    claimedButNeverAnswered(idempotencyKey, "10 seconds");

    HttpResponse<String> meanwhile = capture(INGEST, idempotencyKey, body);

    assertThat(meanwhile.statusCode()).isEqualTo(409);
    assertThat(meanwhile.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  /** As a request leaves its key when its process dies between claiming the key and storing the answer. */
  private void claimedButNeverAnswered(String idempotencyKey, String ago) {
    jdbc.sql(
            "update idempotency_key set response_status = null, response_body = null, created_at = now() - cast(? as interval)"
                + " where idempotency_key = ?")
        .params(ago, idempotencyKey)
        .update();
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
