package io.leadflow.api.webhooks;

import java.util.HashMap;
import java.util.Collection;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the providers that post a JSON array of events (SendGrid, HubSpot) have in common. */
final class JsonEventBatches {

  private JsonEventBatches() {}

  /** The body's events; 400 when it is not a JSON array. */
  static JsonNode events(JsonMapper json, byte[] body) {
    JsonNode batch;
    try {
      batch = json.readTree(body);
    } catch (JacksonException unreadable) {
      throw badRequest("The body is not JSON.");
    }
    if (batch == null || !batch.isArray()) {
      throw badRequest("The body is not a JSON array of events.");
    }
    return batch;
  }

  /** Only the named fields, and only plain values: whatever else an event holds is never stored. */
  static Map<String, String> fields(JsonNode event, Collection<String> names) {
    Map<String, String> fields = new HashMap<>();
    for (String name : names) {
      JsonNode value = event.get(name);
      if (value != null && value.isValueNode() && !value.isNull() && value.asString().indexOf('\0') < 0) {
        fields.put(name, value.asString());
      }
    }
    return fields;
  }

  private static ErrorResponseException badRequest(String detail) {
    return new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
  }
}
