package io.leadflow.activities.crm.salesforce;

import org.springframework.http.HttpHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** One HTTP answer from Salesforce, whatever its status; the body as sent (empty for 204). */
record SalesforceAnswer(int status, HttpHeaders headers, String body) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** The body as JSON; a missing node when there is none or it is not JSON (an HTML error page). */
  JsonNode json() {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (JacksonException notJson) {
      return MissingNode.getInstance();
    }
  }

  /** A text member of the JSON body, or null. */
  String text(String member) {
    JsonNode value = json().path(member);
    return value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
  }
}
