package io.leadflow.activities.crm.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadflow.activities.crm.CrmException;
import io.leadflow.activities.crm.CrmLead;
import io.leadflow.activities.crm.CrmTouch;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.LeadStatus;
import io.leadflow.workflows.Tier;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HubSpotClient against WireMock answering as HubSpot's CRM v3 API documents: the requests HubSpot gets, and its errors sorted. */
class HubSpotClientTest {

  private static final String TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555";
  private static final String CONTACT_BY_EMAIL = "/crm/v3/objects/contacts/ana(@|%40)example\\.com";
  private static final String UPSERT = "/crm/v3/objects/contacts/batch/upsert";
  private static final Instant AT = Instant.parse("2026-12-02T09:30:00Z");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @RegisterExtension
  static final WireMockExtension hubspot = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final HubSpotClient client = clientAt(hubspot.baseUrl(), Duration.ofSeconds(10));

  private static HubSpotClient clientAt(String baseUrl, Duration readTimeout) {
    return new HubSpotClient(new HubSpotProperties(URI.create(baseUrl), TOKEN, Duration.ofSeconds(1), readTimeout));
  }

  private static CrmLead lead(String email, LeadStatus status, String ownerId) {
    return new CrmLead(
        "lead-1", "Ana", "Lima", email, "+351912345678", "Acme", "CTO", "web-form", "pricing", 82, Tier.HOT, status, ownerId);
  }

  private static String upserted(String id, boolean isNew) {
    return """
        {"status":"COMPLETE","results":[{"id":"%s","properties":{"email":"ana@example.com","hs_object_id":"%s"},
         "createdAt":"2026-12-02T09:30:00.000Z","updatedAt":"2026-12-02T09:30:00.000Z","archived":false,"new":%s}],
         "startedAt":"2026-12-02T09:30:00.100Z","completedAt":"2026-12-02T09:30:00.200Z"}"""
        .formatted(id, id, isNew);
  }

  private static String contactAt(String stage) {
    return """
        {"id":"512","properties":{"hs_object_id":"512","lifecyclestage":"%s"},
         "createdAt":"2026-11-30T10:00:00.000Z","updatedAt":"2026-12-01T10:00:00.000Z","archived":false}"""
        .formatted(stage);
  }

  private static JsonNode upsertInput(LoggedRequest request) {
    return JSON.readTree(request.getBodyAsString()).path("inputs").path(0);
  }

  @Test
  void aLeadIsCreatedAsAContactByEmailThenTheSameContactIsUpdated() {
    hubspot.stubFor(get(urlPathMatching(CONTACT_BY_EMAIL)).inScenario("contact").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody(
            "{\"status\":\"error\",\"message\":\"resource not found\",\"correlationId\":\"a1\",\"category\":\"OBJECT_NOT_FOUND\"}")));
    hubspot.stubFor(post(urlEqualTo(UPSERT)).inScenario("contact").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(upserted("512", true))).willSetStateTo("created"));
    hubspot.stubFor(get(urlPathMatching(CONTACT_BY_EMAIL)).inScenario("contact").whenScenarioStateIs("created")
        .willReturn(okJson(contactAt("lead"))));
    hubspot.stubFor(post(urlEqualTo(UPSERT)).inScenario("contact").whenScenarioStateIs("created")
        .willReturn(okJson(upserted("512", false))));

    assertThat(client.upsertLead(lead("ana@example.com", LeadStatus.NEW, "77"))).isEqualTo("512");
    assertThat(client.upsertLead(lead("ana@example.com", LeadStatus.MEETING_BOOKED, "77"))).isEqualTo("512");

    List<LoggedRequest> upserts = hubspot.findAll(postRequestedFor(urlEqualTo(UPSERT)));
    assertThat(upserts).hasSize(2);
    assertThat(upserts.get(0).getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    JsonNode created = upsertInput(upserts.get(0));
    assertThat(created.path("idProperty").asString()).isEqualTo("email");
    assertThat(created.path("id").asString()).isEqualTo("ana@example.com");
    JsonNode properties = created.path("properties");
    assertThat(properties.path("leadflow_id").asString()).isEqualTo("lead-1");
    assertThat(properties.path("email").asString()).isEqualTo("ana@example.com");
    assertThat(properties.path("firstname").asString()).isEqualTo("Ana");
    assertThat(properties.path("lastname").asString()).isEqualTo("Lima");
    assertThat(properties.path("phone").asString()).isEqualTo("+351912345678");
    assertThat(properties.path("company").asString()).isEqualTo("Acme");
    assertThat(properties.path("jobtitle").asString()).isEqualTo("CTO");
    assertThat(properties.path("hubspot_owner_id").asString()).isEqualTo("77");
    assertThat(properties.path("hs_lead_status").asString()).isEqualTo("NEW");
    assertThat(properties.path("lifecyclestage").asString()).isEqualTo("lead");
    assertThat(properties.path("leadflow_score").asString()).isEqualTo("82");
    assertThat(properties.path("leadflow_tier").asString()).isEqualTo("HOT");
    assertThat(properties.path("leadflow_source").asString()).isEqualTo("web-form");

    JsonNode updated = upsertInput(upserts.get(1));
    assertThat(updated.path("idProperty").asString()).isEqualTo("email");
    assertThat(updated.path("properties").path("hs_lead_status").asString()).isEqualTo("IN_PROGRESS");
    assertThat(updated.path("properties").path("lifecyclestage").asString()).isEqualTo("salesqualifiedlead");
    hubspot.verify(2, getRequestedFor(urlPathMatching(CONTACT_BY_EMAIL)).withQueryParam("idProperty", equalTo("email"))
        .withQueryParam("properties", equalTo("lifecyclestage")));
  }

  @Test
  void theLifecycleStageIsNeverSentBackwards() {
    hubspot.stubFor(get(urlPathMatching(CONTACT_BY_EMAIL)).willReturn(okJson(contactAt("customer"))));
    hubspot.stubFor(post(urlEqualTo(UPSERT)).willReturn(okJson(upserted("512", false))));

    client.upsertLead(lead("ana@example.com", LeadStatus.IN_CADENCE, "77"));

    JsonNode properties = upsertInput(hubspot.findAll(postRequestedFor(urlEqualTo(UPSERT))).get(0)).path("properties");
    assertThat(properties.has("lifecyclestage")).isFalse();
    assertThat(properties.path("hs_lead_status").asString()).isEqualTo("ATTEMPTED_TO_CONTACT");
  }

  @Test
  void aLeadWithoutEmailOrOwnerIsUpsertedByLeadflowIdWithoutOwner() {
    hubspot.stubFor(get(urlPathEqualTo("/crm/v3/objects/contacts/lead-1"))
        .willReturn(aResponse().withStatus(404).withBody("{\"status\":\"error\",\"message\":\"resource not found\"}")));
    hubspot.stubFor(post(urlEqualTo(UPSERT)).willReturn(okJson(upserted("513", true))));

    assertThat(client.upsertLead(lead(null, LeadStatus.CAPTURED, null))).isEqualTo("513");

    hubspot.verify(getRequestedFor(urlPathEqualTo("/crm/v3/objects/contacts/lead-1"))
        .withQueryParam("idProperty", equalTo("leadflow_id")));
    JsonNode input = upsertInput(hubspot.findAll(postRequestedFor(urlEqualTo(UPSERT))).get(0));
    assertThat(input.path("idProperty").asString()).isEqualTo("leadflow_id");
    assertThat(input.path("id").asString()).isEqualTo("lead-1");
    assertThat(input.path("properties").has("hubspot_owner_id")).isFalse();
    assertThat(input.path("properties").has("email")).isFalse();
    assertThat(input.path("properties").path("lifecyclestage").asString()).isEqualTo("lead");
  }

  @Test
  void aConvertedLeadLeavesHubSpotsStatusAndStageAlone() {
    hubspot.stubFor(post(urlEqualTo(UPSERT)).willReturn(okJson(upserted("512", false))));

    client.upsertLead(lead("ana@example.com", LeadStatus.CONVERTED, "77"));

    JsonNode properties = upsertInput(hubspot.findAll(postRequestedFor(urlEqualTo(UPSERT))).get(0)).path("properties");
    assertThat(properties.has("hs_lead_status")).isFalse();
    assertThat(properties.has("lifecyclestage")).isFalse();
    hubspot.verify(0, getRequestedFor(urlPathMatching(CONTACT_BY_EMAIL)));
  }

  @Test
  void anInputRefusedInsideABatchAnswerIsRefused() {
    hubspot.stubFor(get(urlPathMatching(CONTACT_BY_EMAIL)).willReturn(okJson(contactAt("lead"))));
    hubspot.stubFor(post(urlEqualTo(UPSERT)).willReturn(aResponse().withStatus(207).withHeader("Content-Type", "application/json")
        .withBody("""
            {"status":"COMPLETE","results":[],"numErrors":1,"errors":[{"status":"error","category":"VALIDATION_ERROR",
             "message":"Property values were not valid: INVALID_EMAIL","context":{}}],
             "startedAt":"2026-12-02T09:30:00.100Z","completedAt":"2026-12-02T09:30:00.200Z"}""")));

    CrmException refused = crmFailure(() -> client.upsertLead(lead("ana@example.com", LeadStatus.NEW, null)));

    assertThat(refused.retryable()).isFalse();
    assertThat(refused.getMessage()).contains("VALIDATION_ERROR").contains("INVALID_EMAIL");
  }

  @ParameterizedTest
  @CsvSource({
    "CALL,  calls,          194, hs_call_title,                 Intro call",
    "EMAIL, emails,         198, hs_email_subject,              Intro call",
    "SMS,   communications, 81,  hs_communication_channel_type, SMS",
    "TASK,  notes,          202, hs_note_body,                  Intro call",
  })
  void eachChannelIsLoggedAsItsEngagementAssociatedWithTheContact(
      Channel channel, String object, int associationTypeId, String property, String value) {
    String path = "/crm/v3/objects/" + object;
    hubspot.stubFor(post(urlEqualTo(path + "/search")).willReturn(okJson("{\"total\":0,\"results\":[]}")));
    hubspot.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"9001\",\"properties\":{\"hs_timestamp\":\"2026-12-02T09:30:00Z\"},"
            + "\"createdAt\":\"2026-12-02T09:30:01.000Z\",\"updatedAt\":\"2026-12-02T09:30:01.000Z\",\"archived\":false}")));

    CrmTouch touch = new CrmTouch("lead-1:d1-intro:" + channel, channel, "SENT", AT, "Intro call", "Hi Ana, …", "77");
    assertThat(client.logTouch("512", touch)).isEqualTo("9001");

    hubspot.verify(postRequestedFor(urlEqualTo(path + "/search"))
        .withRequestBody(matchingJsonPath("$.filterGroups[0].filters[0].propertyName", equalTo("leadflow_touch_key")))
        .withRequestBody(matchingJsonPath("$.filterGroups[0].filters[0].operator", equalTo("EQ")))
        .withRequestBody(matchingJsonPath("$.filterGroups[0].filters[0].value", equalTo(touch.key()))));
    JsonNode created = JSON.readTree(hubspot.findAll(postRequestedFor(urlEqualTo(path))).get(0).getBodyAsString());
    JsonNode properties = created.path("properties");
    assertThat(properties.path("hs_timestamp").asString()).isEqualTo("2026-12-02T09:30:00Z");
    assertThat(properties.path("leadflow_touch_key").asString()).isEqualTo(touch.key());
    assertThat(properties.path("hubspot_owner_id").asString()).isEqualTo("77");
    assertThat(properties.path(property).asString()).startsWith(value);
    assertThat(properties.toString()).contains("Hi Ana, …").contains("SENT");
    JsonNode association = created.path("associations").path(0);
    assertThat(association.path("to").path("id").asString()).isEqualTo("512");
    assertThat(association.path("types").path(0).path("associationCategory").asString()).isEqualTo("HUBSPOT_DEFINED");
    assertThat(association.path("types").path(0).path("associationTypeId").asInt()).isEqualTo(associationTypeId);
  }

  @Test
  void aTouchWhoseKeyHubSpotAlreadyHasCreatesNothingNew() {
    hubspot.stubFor(post(urlEqualTo("/crm/v3/objects/emails/search")).willReturn(okJson("""
        {"total":1,"results":[{"id":"9001","properties":{"leadflow_touch_key":"lead-1:d3-value:EMAIL"},
         "createdAt":"2026-12-02T09:30:01.000Z","updatedAt":"2026-12-02T09:30:01.000Z","archived":false}]}""")));

    CrmTouch touch = new CrmTouch("lead-1:d3-value:EMAIL", Channel.EMAIL, "SENT", AT, "Value", "…", null);
    assertThat(client.logTouch("512", touch)).isEqualTo("9001");

    hubspot.verify(0, postRequestedFor(urlEqualTo("/crm/v3/objects/emails")));
  }

  @Test
  void throttledIsRetryableAfterHubSpotsRetryAfter() {
    hubspot.stubFor(post(urlEqualTo("/crm/v3/objects/calls/search")).willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "application/json").withHeader("Retry-After", "7")
        .withBody("{\"status\":\"error\",\"message\":\"You have reached your ten_secondly_rolling limit.\","
            + "\"errorType\":\"RATE_LIMIT\",\"correlationId\":\"c1\",\"policyName\":\"TEN_SECONDLY_ROLLING\",\"groupName\":\"api\"}")));

    CrmException throttled =
        crmFailure(() -> client.logTouch("512", new CrmTouch("k", Channel.CALL, "SENT", AT, null, null, null)));

    assertThat(throttled.retryable()).isTrue();
    assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void theDailyLimitWithoutRetryAfterWaitsAnHour() {
    hubspot.stubFor(post(urlEqualTo(UPSERT)).willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
        .withBody("{\"status\":\"error\",\"message\":\"You have reached your daily limit.\",\"errorType\":\"RATE_LIMIT\","
            + "\"correlationId\":\"c2\",\"policyName\":\"DAILY\",\"groupName\":\"api\"}")));

    CrmException throttled = crmFailure(() -> client.upsertLead(lead("ana@example.com", LeadStatus.CONVERTED, null)));

    assertThat(throttled.retryable()).isTrue();
    assertThat(throttled.retryAfter()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aMissingPropertyIsRefusedNamingTheProperty() {
    hubspot.stubFor(post(urlEqualTo(UPSERT)).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
        .withBody("""
            {"status":"error","message":"Property values were not valid: [{\\"isValid\\":false,\\"message\\":\\"Property \\\\\\"leadflow_tier\\\\\\" does not exist\\",\\"error\\":\\"PROPERTY_DOESNT_EXIST\\",\\"name\\":\\"leadflow_tier\\"}]","correlationId":"c3","category":"VALIDATION_ERROR"}""")));

    CrmException refused = crmFailure(() -> client.upsertLead(lead("ana@example.com", LeadStatus.CONVERTED, null)));

    assertThat(refused.retryable()).isFalse();
    assertThat(refused.getMessage()).startsWith("HubSpot 400 VALIDATION_ERROR").contains("PROPERTY_DOESNT_EXIST").contains("leadflow_tier");
  }

  @Test
  void rejectedCredentialsAreRefusedWithoutTheTokenEvenWhenHubSpotEchoesIt() {
    hubspot.stubFor(post(urlEqualTo(UPSERT)).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
        .withBody("{\"status\":\"error\",\"message\":\"The OAuth token used to make this call expired: " + TOKEN + "\","
            + "\"correlationId\":\"c4\",\"category\":\"EXPIRED_AUTHENTICATION\"}")));

    CrmException refused = crmFailure(() -> client.upsertLead(lead("ana@example.com", LeadStatus.CONVERTED, null)));

    assertThat(refused.retryable()).isFalse();
    assertThat(refused.getMessage()).startsWith("HubSpot 401 EXPIRED_AUTHENTICATION").contains("***");
  }

  @Test
  void missingScopesAreRefusedNamingTheScope() {
    hubspot.stubFor(post(urlEqualTo("/crm/v3/objects/communications/search")).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json").withBody("""
            {"status":"error","message":"This app hasn't been granted all required scopes to make this call.",
             "correlationId":"c5","errors":[{"message":"One or more of the following scopes are required.",
             "context":{"requiredGranularScopes":["crm.objects.contacts.write"]}}],"category":"MISSING_SCOPES"}""")));

    CrmException refused =
        crmFailure(() -> client.logTouch("512", new CrmTouch("k", Channel.SMS, "SENT", AT, null, "hi", null)));

    assertThat(refused.retryable()).isFalse();
    assertThat(refused.getMessage()).contains("MISSING_SCOPES").contains("crm.objects.contacts.write");
  }

  @Test
  void aLongErrorMessageIsBounded() {
    hubspot.stubFor(post(urlEqualTo(UPSERT)).willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
        .withBody("{\"status\":\"error\",\"message\":\"" + "x".repeat(5000) + "\",\"category\":\"CONFLICT\"}")));

    CrmException refused = crmFailure(() -> client.upsertLead(lead("ana@example.com", LeadStatus.CONVERTED, null)));

    assertThat(refused.retryable()).isFalse();
    assertThat(refused.getMessage()).hasSizeLessThan(HubSpotErrors.MAX_MESSAGE + 20);
  }

  @Test
  void hubSpotDownIsRetryable() {
    hubspot.stubFor(post(urlEqualTo(UPSERT)).willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/html")
        .withBody("<html><body>Service Unavailable</body></html>")));

    CrmException down = crmFailure(() -> client.upsertLead(lead("ana@example.com", LeadStatus.CONVERTED, null)));

    assertThat(down.retryable()).isTrue();
    assertThat(down.retryAfter()).isNull();
    assertThat(down.getMessage()).startsWith("HubSpot 503");
  }

  @Test
  void anAnswerSlowerThanTheReadTimeoutIsRetryable() {
    hubspot.stubFor(post(urlEqualTo(UPSERT)).willReturn(okJson(upserted("512", false)).withFixedDelay(3000)));
    HubSpotClient impatient = clientAt(hubspot.baseUrl(), Duration.ofMillis(1000));

    CrmException slow = crmFailure(() -> impatient.upsertLead(lead("ana@example.com", LeadStatus.CONVERTED, null)));

    assertThat(slow.retryable()).isTrue();
    assertThat(slow.retryAfter()).isEqualTo(HubSpotErrors.NO_ANSWER_PAUSE);
    assertThat(slow.getMessage()).startsWith("HubSpot did not answer");
  }

  @Test
  void aRefusedConnectionIsRetryable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HubSpotClient unreachable = clientAt("http://127.0.0.1:" + closedPort, Duration.ofSeconds(1));

    CrmException refused = crmFailure(() -> unreachable.upsertLead(lead("ana@example.com", LeadStatus.CONVERTED, null)));

    assertThat(refused.retryable()).isTrue();
  }

  /** The CrmException {@code call} throws; no CrmException message ever carries the token. */
  private static CrmException crmFailure(Runnable call) {
    CrmException failure = catchThrowableOfType(CrmException.class, call::run);
    assertThat(failure).as("a CrmException").isNotNull();
    assertThat(failure.getMessage()).doesNotContain(TOKEN);
    return failure;
  }
}
