package io.leadflow.api.capture;

import io.leadflow.activities.store.Sha256;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on capture: the first request with a key is processed and its answer
 * stored; the same key with the same body gets that answer again; with another body, 422.
 * Keys are scoped to the API key that sent them.
 */
@Component
class IdempotencyKeys {

  record Answer(int status, CapturedLead body) {}

  /** The longest key {@code idempotency_key.idempotency_key} holds; a longer one is refused (400). */
  static final int MAX_LENGTH = 200;

  private final JdbcClient jdbc;
  private final JsonMapper json;

  IdempotencyKeys(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  Answer once(long apiKeyId, String key, CaptureLeadRequest request, Supplier<Answer> process) {
    String requestHash = Sha256.hex(request.toString());
    boolean claimed =
        jdbc.sql(
                """
                insert into idempotency_key (api_key_id, idempotency_key, request_hash)
                values (?, ?, ?) on conflict do nothing
                """)
            .params(apiKeyId, key, requestHash)
            .update() == 1;
    if (claimed) {
      try {
        Answer answer = process.get();
        jdbc.sql(
                "update idempotency_key set response_status = ?, response_body = ? where api_key_id = ? and idempotency_key = ?")
            .params(answer.status(), json.writeValueAsString(answer.body()), apiKeyId, key)
            .update();
        return answer;
      } catch (RuntimeException e) {
        jdbc.sql("delete from idempotency_key where api_key_id = ? and idempotency_key = ?").params(apiKeyId, key).update();
        throw e;
      }
    }
    return replay(apiKeyId, key, requestHash);
  }

  private Answer replay(long apiKeyId, String key, String requestHash) {
    record Stored(String requestHash, Integer responseStatus, String responseBody) {}
    Stored stored =
        jdbc.sql(
                "select request_hash, response_status, response_body from idempotency_key where api_key_id = ? and idempotency_key = ?")
            .params(apiKeyId, key)
            .query(Stored.class)
            .single();
    if (!stored.requestHash().equals(requestHash)) {
      throw problem(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "This Idempotency-Key was already used with a different request body.");
    }
    return Optional.ofNullable(stored.responseStatus())
        .map(status -> new Answer(status, json.readValue(stored.responseBody(), CapturedLead.class)))
        .orElseThrow(() -> problem(HttpStatus.CONFLICT, "A request with this Idempotency-Key is still in progress."));
  }

  private static ErrorResponseException problem(HttpStatus status, String detail) {
    return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }

}
