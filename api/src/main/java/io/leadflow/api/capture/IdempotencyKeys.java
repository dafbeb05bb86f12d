package io.leadflow.api.capture;

import io.leadflow.activities.store.Sha256;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on capture: the first request with a key is processed and its answer
 * stored; the same key with the same body gets that answer again; with another body, 422.
 * Keys are scoped to the API key that sent them, and 1 to {@value #MAX_LENGTH} characters
 * (the column). A body is the same when its fingerprint is: a SHA-256 of the request as parsed,
 * written as JSON with sorted fields and no nulls, so spacing and field order do not matter. A key
 * whose first request died before storing its answer is free again after
 * {@code leadflow.capture.idempotency-abandoned-after}.
 */
@Component
class IdempotencyKeys {

  record Answer(int status, CapturedLead body) {}

  /** The longest key {@code idempotency_key.idempotency_key} holds; a longer one is refused (400). */
  static final int MAX_LENGTH = 200;

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final JsonMapper canonical;
  private final Duration abandonedAfter;

  IdempotencyKeys(
      JdbcClient jdbc, JsonMapper json, @Value("${leadflow.capture.idempotency-abandoned-after:1m}") Duration abandonedAfter) {
    this.jdbc = jdbc;
    this.json = json;
    this.canonical =
        json.rebuild()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST) // a record's fields too, whatever their order in the code
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .changeDefaultPropertyInclusion(include -> include.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();
    this.abandonedAfter = abandonedAfter;
  }

  Answer once(long apiKeyId, String key, CaptureLeadRequest request, Supplier<Answer> process) {
    requireBoundedKey(key);
    String requestHash = Sha256.hex(canonical.writeValueAsString(request));
    boolean claimed =
        jdbc.sql(
                """
                insert into idempotency_key (api_key_id, idempotency_key, request_hash)
                values (?, ?, ?)
                on conflict (api_key_id, idempotency_key) do update
                  set request_hash = excluded.request_hash, created_at = now()
                  where idempotency_key.response_status is null
                    and idempotency_key.created_at < now() - make_interval(secs => ?)
                """)
            .params(apiKeyId, key, requestHash, abandonedAfter.toSeconds())
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

  private static void requireBoundedKey(String key) {
    if (key.isEmpty() || key.length() > MAX_LENGTH) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The Idempotency-Key header is invalid.");
      problem.setTitle("Invalid request");
      problem.setProperty("errors", Map.of("Idempotency-Key", "must be 1 to " + MAX_LENGTH + " characters"));
      throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
  }

  private static ErrorResponseException problem(HttpStatus status, String detail) {
    return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }

}
