package io.leadflow.activities.crm.hubspot;

import io.leadflow.activities.crm.CrmClient;
import io.leadflow.activities.crm.CrmException;
import io.leadflow.activities.crm.CrmLead;
import io.leadflow.activities.crm.CrmTouch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * HubSpot's CRM v3 API as LeadFlow's CRM. A lead is a contact upserted by its email when it has
 * one (HubSpot's own unique key), else by the unique custom property {@code leadflow_id}; its
 * lifecycle stage is only ever moved forward. A touch is a call, email, communication (SMS) or
 * note associated with the contact in the same request, created once per business key: HubSpot
 * is searched for the key before creating.
 */
public class HubSpotClient implements CrmClient {

  static final String CONTACTS = "/crm/v3/objects/contacts";
  static final String LEADFLOW_ID = "leadflow_id";
  static final String LIFECYCLE_STAGE = "lifecyclestage";

  private final HubSpotHttp http;

  public HubSpotClient(HubSpotProperties properties) {
    this(new HubSpotHttp(properties));
  }

  HubSpotClient(HubSpotHttp http) {
    this.http = http;
  }

  @Override
  public String provider() {
    return "hubspot";
  }

  /** One batch upsert, preceded by a read of the contact's lifecycle stage when LeadFlow would set one. */
  @Override
  public String upsertLead(CrmLead lead) {
    boolean byEmail = lead.email() != null && !lead.email().isBlank();
    String idProperty = byEmail ? "email" : LEADFLOW_ID;
    String idValue = byEmail ? lead.email().strip() : lead.leadId();
    HubSpotStatus status = lead.status() == null ? new HubSpotStatus(null, null) : HubSpotStatus.of(lead.status());
    Map<String, Object> properties = properties(lead, status);
    if (status.lifecycleStage() != null
        && LifecycleStages.movesForward(currentStage(idValue, idProperty), status.lifecycleStage())) {
      properties.put(LIFECYCLE_STAGE, status.lifecycleStage());
    }
    Map<String, Object> input = Map.of("idProperty", idProperty, "id", idValue, "properties", properties);
    JsonNode answer = http.post(CONTACTS + "/batch/upsert", Map.of("inputs", List.of(input)));
    return firstResultId(answer, "upsert of lead " + lead.leadId());
  }

  /** A search by the touch's key, then, when HubSpot has none, one create with the association. */
  @Override
  public String logTouch(String recordId, CrmTouch touch) {
    Engagement engagement = Engagement.of(touch.channel());
    JsonNode found = http.post(engagement.path() + "/search", engagement.searchRequest(touch.key()));
    String existing = found == null ? null : HubSpotErrors.text(found.path("results").path(0), "id");
    if (existing != null) {
      return existing;
    }
    JsonNode created = http.post(engagement.path(), engagement.createRequest(recordId, touch));
    String id = created == null ? null : HubSpotErrors.text(created, "id");
    if (id == null) {
      throw CrmException.retryable("HubSpot answered the " + touch.channel() + " touch without an id", null);
    }
    return id;
  }

  private String currentStage(String idValue, String idProperty) {
    return http.find(CONTACTS, idValue, idProperty, LIFECYCLE_STAGE)
        .map(contact -> HubSpotErrors.text(contact.path("properties"), LIFECYCLE_STAGE))
        .orElse(null);
  }

  /** Only what LeadFlow knows: an unknown value is left out, never sent empty (which would clear HubSpot's). */
  private static Map<String, Object> properties(CrmLead lead, HubSpotStatus status) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(LEADFLOW_ID, lead.leadId());
    put(properties, "email", lead.email() == null ? null : lead.email().strip());
    put(properties, "firstname", lead.firstName());
    put(properties, "lastname", lead.lastName());
    put(properties, "phone", lead.phone());
    put(properties, "company", lead.company());
    put(properties, "jobtitle", lead.title());
    put(properties, "hubspot_owner_id", lead.ownerId());
    put(properties, "hs_lead_status", status.leadStatus());
    put(properties, "leadflow_score", lead.score() == null ? null : lead.score().toString());
    put(properties, "leadflow_tier", lead.tier() == null ? null : lead.tier().name());
    put(properties, "leadflow_source", lead.source());
    return properties;
  }

  private static void put(Map<String, Object> properties, String name, String value) {
    if (value != null && !value.isBlank()) {
      properties.put(name, value);
    }
  }

  /** A batch call's one result, or its one input's error (HubSpot may answer 207 with the error inside). */
  private String firstResultId(JsonNode answer, String what) {
    JsonNode error = answer == null ? null : answer.path("errors").path(0);
    if (error != null && error.isObject()) {
      throw http.errors().fromBatchError(error);
    }
    String id = answer == null ? null : HubSpotErrors.text(answer.path("results").path(0), "id");
    if (id == null) {
      throw CrmException.retryable("HubSpot answered the " + what + " without a result", null);
    }
    return id;
  }
}
