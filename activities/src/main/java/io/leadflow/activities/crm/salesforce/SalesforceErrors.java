package io.leadflow.activities.crm.salesforce;

import io.leadflow.activities.crm.CrmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Salesforce's REST API errors, sorted into what LeadFlow does next. An error body is an array
 * of {@code {message, errorCode, fields}}; a 300 lists the records one external id matched.
 */
final class SalesforceErrors {

  static final String INVALID_SESSION_ID = "INVALID_SESSION_ID";
  static final String REQUEST_LIMIT_EXCEEDED = "REQUEST_LIMIT_EXCEEDED";
  static final String UNABLE_TO_LOCK_ROW = "UNABLE_TO_LOCK_ROW";
  static final String CANNOT_UPDATE_CONVERTED_LEAD = "CANNOT_UPDATE_CONVERTED_LEAD";

  /** How much of Salesforce's own message a failure carries. */
  static final int MESSAGE_LENGTH = 300;

  private static final Duration THROTTLE_PAUSE = Duration.ofSeconds(30);

  private SalesforceErrors() {}

  /**
   * The failure for a non-2xx answer to {@code what} (e.g. "upsert Lead"). Refused: 300, 400, 401
   * (after the token was renewed), 403, 404 and other 4xx. Retryable: 403 REQUEST_LIMIT_EXCEEDED
   * (after {@code requestLimitPause}), 400 UNABLE_TO_LOCK_ROW, 420, 429 (after its Retry-After),
   * 5xx.
   */
  static CrmException classify(String what, SalesforceAnswer answer, Duration requestLimitPause) {
    int status = answer.status();
    String code = errorCode(answer);
    String message = "Salesforce " + status + " to " + what + ": " + describe(answer);
    if (status == 403 && REQUEST_LIMIT_EXCEEDED.equals(code)) {
      return CrmException.retryable(message, requestLimitPause);
    }
    if (status == 429) {
      Duration wait = retryAfter(answer);
      return CrmException.retryable(message, wait == null ? THROTTLE_PAUSE : wait);
    }
    if (status >= 500 || status == 420 || UNABLE_TO_LOCK_ROW.equals(code)) {
      return CrmException.retryable(message, retryAfter(answer));
    }
    return CrmException.refused(message);
  }

  /** The first error's code, or null. */
  static String errorCode(SalesforceAnswer answer) {
    return errors(answer).stream().map(error -> text(error, "errorCode")).filter(code -> code != null).findFirst().orElse(null);
  }

  /** Whether an error names {@code field}, in its {@code fields} or its message. */
  static boolean names(SalesforceAnswer answer, String field) {
    for (JsonNode error : errors(answer)) {
      for (JsonNode named : error.path("fields")) {
        if (named.isString() && named.stringValue().equalsIgnoreCase(field)) {
          return true;
        }
      }
      String message = text(error, "message");
      if (message != null && message.contains(field)) {
        return true;
      }
    }
    return false;
  }

  /** Seconds or an HTTP date, as RFC 9110 allows; null when absent or unreadable. */
  static Duration retryAfter(SalesforceAnswer answer) {
    String value = answer.headers().getFirst("Retry-After");
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(Instant.now(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }

  static String bounded(String text) {
    return text.length() <= MESSAGE_LENGTH ? text : text.substring(0, MESSAGE_LENGTH - 1) + "…";
  }

  /** "INVALID_FIELD: No such column 'Foo__c' on sobject of type Lead [Foo__c]", bounded. */
  private static String describe(SalesforceAnswer answer) {
    if (answer.status() == 300) {
      return "the external id matched " + answer.json().size() + " records; make the field Unique";
    }
    List<String> described = new ArrayList<>();
    for (JsonNode error : errors(answer)) {
      String code = text(error, "errorCode");
      String message = text(error, "message");
      List<String> fields = new ArrayList<>();
      error.path("fields").forEach(field -> fields.add(field.asString()));
      described.add(
          (code == null ? "" : code + ": ") + (message == null ? "" : message) + (fields.isEmpty() ? "" : " " + fields));
    }
    if (described.isEmpty()) {
      String body = answer.body() == null ? "" : answer.body().strip();
      return body.isEmpty() ? "no error body" : bounded(body.replaceAll("\\s+", " "));
    }
    return bounded(String.join("; ", described));
  }

  /** The error objects: Salesforce sends an array, a few endpoints a single object. */
  private static List<JsonNode> errors(SalesforceAnswer answer) {
    JsonNode body = answer.json();
    List<JsonNode> errors = new ArrayList<>();
    if (body.isArray()) {
      body.forEach(error -> {
        if (error.isObject()) {
          errors.add(error);
        }
      });
    } else if (body.isObject() && (body.has("errorCode") || body.has("message"))) {
      errors.add(body);
    }
    return errors;
  }

  private static String text(JsonNode node, String member) {
    JsonNode value = node.path(member);
    return value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
  }
}
