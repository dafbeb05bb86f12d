package io.leadflow.activities.crm.salesforce;

import io.leadflow.activities.crm.CrmClient;
import io.leadflow.activities.crm.CrmException;
import io.leadflow.activities.crm.CrmLead;
import io.leadflow.activities.crm.CrmTouch;
import io.leadflow.activities.crm.salesforce.SalesforceTokens.Token;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriUtils;

/**
 * Salesforce's REST API (sObject Rows by External ID): a lead is a Lead upserted by
 * {@code lead-id-field} = the LeadFlow id, a touch a Task on it upserted by {@code task-key-field}
 * = the touch's business key, so a repeated call updates what the first one created. Each is one
 * PATCH; Salesforce answers 201 (created) or 200 (updated) with the record id, or 204 without a
 * body before API version 46.0, and then one GET reads the id. A 401 renews the access token and
 * repeats the call once. Failures are {@link CrmException}s without secrets or tokens.
 */
public class SalesforceClient implements CrmClient {

  private final SalesforceProperties properties;
  private final SalesforceHttp http;
  private final SalesforceTokens tokens;

  public SalesforceClient(SalesforceProperties properties) {
    this(properties, new SalesforceHttp(properties));
  }

  SalesforceClient(SalesforceProperties properties, SalesforceHttp http) {
    require(properties.loginUrl(), "login-url");
    require(properties.clientId(), "client-id");
    require(properties.clientSecret(), "client-secret");
    this.properties = properties;
    this.http = http;
    this.tokens = new SalesforceTokens(http, properties);
  }

  @Override
  public String provider() {
    return "salesforce";
  }

  @Override
  public String upsertLead(CrmLead lead) {
    try {
      String path = byExternalId("Lead", properties.leadIdField(), lead.leadId());
      SalesforceAnswer answer = call(HttpMethod.PATCH, path, LeadFields.of(lead, properties));
      if (answer.status() == 400 && SalesforceErrors.CANNOT_UPDATE_CONVERTED_LEAD.equals(SalesforceErrors.errorCode(answer))) {
        // Converted in Salesforce: the lead is the opportunity's now, nothing of ours to write.
        return idOf(path, "look up converted Lead");
      }
      return recordId(answer, path, "upsert Lead");
    } catch (CrmException e) {
      throw tokens.redact(e);
    }
  }

  @Override
  public String logTouch(String recordId, CrmTouch touch) {
    try {
      String path = byExternalId("Task", properties.taskKeyField(), touch.key());
      SalesforceAnswer answer = call(HttpMethod.PATCH, path, TaskFields.of(recordId, touch, true));
      if (answer.status() == 400 && SalesforceErrors.names(answer, "TaskSubtype")) {
        // The Task exists (TaskSubtype is set on create only), or the org has no such subtype.
        answer = call(HttpMethod.PATCH, path, TaskFields.of(recordId, touch, false));
      }
      return recordId(answer, path, "upsert Task");
    } catch (CrmException e) {
      throw tokens.redact(e);
    }
  }

  /** The id in a 200/201 body; after a 204, or a body without it, the record's id read by GET. */
  private String recordId(SalesforceAnswer answer, String path, String what) {
    if (!answer.isSuccess()) {
      throw SalesforceErrors.classify(what, answer, properties.requestLimitPause());
    }
    String id = answer.text("id");
    return id != null ? id : idOf(path, what + " (read its id)");
  }

  private String idOf(String path, String what) {
    SalesforceAnswer answer = call(HttpMethod.GET, path + "?fields=Id", null);
    String id = answer.text("Id");
    if (answer.isSuccess() && id != null) {
      return id;
    }
    if (answer.isSuccess()) {
      throw CrmException.refused("Salesforce answered " + what + " without the record's Id");
    }
    throw SalesforceErrors.classify(what, answer, properties.requestLimitPause());
  }

  /** The call with the current token; after a 401 once more with a renewed one. */
  private SalesforceAnswer call(HttpMethod method, String path, Map<String, Object> body) {
    Token token = tokens.current();
    SalesforceAnswer answer = http.send(method, URI.create(token.instanceUrl() + path), token.accessToken(), body);
    if (answer.status() != 401) {
      return answer;
    }
    token = tokens.renew(token);
    return http.send(method, URI.create(token.instanceUrl() + path), token.accessToken(), body);
  }

  /** Every reserved character of the value encoded: keys hold ':' and may hold '#' or '/'. */
  private String byExternalId(String sObject, String field, String value) {
    if (value == null || value.isBlank()) {
      throw CrmException.refused("no " + field + " to upsert the " + sObject + " by");
    }
    return "/services/data/" + properties.apiVersion() + "/sobjects/" + sObject + "/" + field + "/"
        + UriUtils.encode(value, StandardCharsets.UTF_8);
  }

  private static void require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("leadflow.crm.salesforce." + name + " is required when leadflow.crm.provider=salesforce");
    }
  }
}
