package io.leadflow.activities.crm.hubspot;

import io.leadflow.activities.crm.CrmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HubSpot's answers sorted into what the activity does next: throttled (429), locked (423) and
 * down (5xx) are retried, anything else is refused with HubSpot's own category and message,
 * bounded, and with the token blanked should it ever be echoed.
 */
final class HubSpotErrors {

  static final int MAX_MESSAGE = 300;
  /** The rolling ten-second (burst) and secondly limits free up within seconds. */
  static final Duration BURST_PAUSE = Duration.ofSeconds(10);
  /**
   * The daily limit resets at midnight in the HubSpot account's own time zone, which LeadFlow does
   * not know: trying once an hour costs a few refused calls a day and resumes within an hour of the reset.
   */
  static final Duration DAILY_PAUSE = Duration.ofHours(1);
  /**
   * After no answer a create may still have happened; HubSpot's search index shows a new object only
   * seconds later, so the retry's search for the touch key waits this long to find it.
   */
  static final Duration NO_ANSWER_PAUSE = Duration.ofSeconds(10);
  /** HubSpot's 423 asks to wait about two seconds for another write to the same record. */
  static final Duration LOCK_PAUSE = Duration.ofSeconds(2);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String token;

  HubSpotErrors(String token) {
    this.token = token;
  }

  /** An HTTP error status, with HubSpot's JSON error body when there is one. */
  CrmException fromResponse(int status, HttpHeaders headers, String body) {
    JsonNode error = parse(body);
    String detail = describe("HubSpot " + status, error);
    if (status == 429) {
      return CrmException.retryable(detail, retryAfter(headers, text(error, "policyName")));
    }
    if (status == 423) {
      return CrmException.retryable(detail, LOCK_PAUSE);
    }
    if (status >= 500) {
      return CrmException.retryable(detail, null);
    }
    return CrmException.refused(detail);
  }

  /** A batch call answered 2xx/207 but refused its one input: HubSpot's per-input error. */
  CrmException fromBatchError(JsonNode error) {
    String status = text(error, "status");
    return CrmException.refused(describe("HubSpot batch input " + (status == null ? "error" : status), error));
  }

  /**
   * No HTTP answer at all: refused or reset connection, or a timeout. Safe to repeat: a contact is
   * upserted, a touch searched for by its key before it is created.
   */
  CrmException unreachable(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
    String detail = "HubSpot did not answer (" + cause.getClass().getSimpleName() + message + ")";
    return CrmException.retryable(scrub(detail), NO_ANSWER_PAUSE);
  }

  private String describe(String prefix, JsonNode error) {
    String category = text(error, "category");
    String message = text(error, "message");
    String scopes = requiredScopes(error);
    String detail =
        (category == null ? "" : " " + category)
            + (message == null ? "" : ": " + message)
            + (scopes == null ? "" : " (required scopes: " + scopes + ")");
    return prefix + scrub(bounded(detail));
  }

  /** A 403 MISSING_SCOPES names the scopes the private app lacks. */
  private static String requiredScopes(JsonNode error) {
    if (error == null) {
      return null;
    }
    for (JsonNode each : error.path("errors")) {
      JsonNode scopes = each.path("context").path("requiredGranularScopes");
      if (scopes.isArray() && !scopes.isEmpty()) {
        StringBuilder names = new StringBuilder();
        scopes.forEach(scope -> names.append(names.isEmpty() ? "" : ", ").append(scope.asString()));
        return names.toString();
      }
    }
    return null;
  }

  /** Retry-After in seconds or as an HTTP date when HubSpot sends one; else by the limit that was hit. */
  static Duration retryAfter(HttpHeaders headers, String policyName) {
    String header = headers == null ? null : headers.getFirst(HttpHeaders.RETRY_AFTER);
    if (header != null && !header.isBlank()) {
      String value = header.strip();
      if (value.chars().allMatch(Character::isDigit)) {
        return Duration.ofSeconds(Long.parseLong(value));
      }
      try {
        Duration wait = Duration.between(Instant.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
        return wait.isNegative() ? Duration.ofSeconds(1) : wait;
      } catch (DateTimeParseException ignored) {
        // fall through to the policy's pause
      }
    }
    return "DAILY".equalsIgnoreCase(policyName) ? DAILY_PAUSE : BURST_PAUSE;
  }

  private String scrub(String text) {
    return token == null || token.isEmpty() ? text : text.replace(token, "***");
  }

  private static String bounded(String text) {
    return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
  }

  static String text(JsonNode node, String field) {
    if (node == null) {
      return null;
    }
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() && !value.asString().isBlank() ? value.asString() : null;
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(body);
      return node.isObject() ? node : null;
    } catch (JacksonException notJson) {
      return null;
    }
  }
}
