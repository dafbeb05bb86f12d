package io.leadflow.activities.crm.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadflow.activities.crm.CrmClient;
import io.leadflow.activities.crm.CrmException;
import io.leadflow.activities.crm.CrmLead;
import io.leadflow.activities.crm.CrmTouch;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.LeadStatus;
import io.leadflow.workflows.Tier;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

/** The client against WireMock answering as Salesforce's OAuth endpoint and REST API document. */
class SalesforceClientTest {

  private static final WireMockServer salesforce = new WireMockServer(options().dynamicPort());
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String CLIENT_ID = "3MVG9-consumer-key";
  private static final String SECRET = "consumer-secret-5e3f9a";
  private static final String TOKEN = "00Dxx0000001gPL!AR8AQJXg5oj8jXSgxJfA0lBog";
  private static final String TOKEN_PATH = "/services/oauth2/token";
  private static final String LEAD_ID = "7d0c2f4e-1b7a-4c33-9a51-0f6c7b8e2d10";
  private static final String LEAD_PATH = "/services/data/v66.0/sobjects/Lead/LeadFlow_Id__c/" + LEAD_ID;
  private static final String RECORD_ID = "00Q5e00000AbCdEFGH";
  private static final String TASK_ID = "00T5e00000XyZaBCDE";
  private static final String TOUCH_KEY = LEAD_ID + ":r1-d1#2:CALL";
  private static final String TASK_PATH = "/services/data/v66.0/sobjects/Task/LeadFlow_Key__c/" + LEAD_ID + "%3Ar1-d1%232%3ACALL";

  static {
    salesforce.start();
  }

  @AfterAll
  static void stop() {
    salesforce.stop();
  }

  @BeforeEach
  void reset() {
    salesforce.resetAll();
  }

  @Test
  void fetchesOneTokenAndReusesItForEveryCall() {
    tokens(TOKEN);
    salesforce.stubFor(patch(urlEqualTo(LEAD_PATH)).willReturn(created(RECORD_ID)));
    salesforce.stubFor(patch(urlEqualTo(TASK_PATH)).willReturn(created(TASK_ID)));
    CrmClient client = client();

    client.upsertLead(lead(LeadStatus.CAPTURED, null));
    client.upsertLead(lead(LeadStatus.IN_CADENCE, null));
    client.logTouch(RECORD_ID, touch("SENT"));

    List<LoggedRequest> tokenRequests = salesforce.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)));
    assertThat(tokenRequests).hasSize(1);
    assertThat(tokenRequests.get(0).getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(tokenRequests.get(0).getBodyAsString())
        .contains("grant_type=client_credentials", "client_id=" + CLIENT_ID, "client_secret=" + SECRET);
    salesforce.verify(3, patchRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @Test
  void anExpiredSessionGetsANewTokenAndTheCallIsRepeatedOnce() {
    tokens("old-token", "new-token");
    salesforce.stubFor(
        patch(urlEqualTo(LEAD_PATH))
            .withHeader("Authorization", equalTo("Bearer old-token"))
            .willReturn(errors(401, "INVALID_SESSION_ID", "Session expired or invalid")));
    salesforce.stubFor(
        patch(urlEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer new-token")).willReturn(updated(RECORD_ID)));
    CrmClient client = client();

    assertThat(client.upsertLead(lead(LeadStatus.CAPTURED, null))).isEqualTo(RECORD_ID);
    assertThat(client.upsertLead(lead(LeadStatus.ENGAGED, null))).isEqualTo(RECORD_ID);

    salesforce.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    salesforce.verify(1, patchRequestedFor(urlEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer old-token")));
    salesforce.verify(2, patchRequestedFor(urlEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer new-token")));
  }

  @Test
  void concurrentCallsShareOneTokenAndOneRenewal() throws Exception {
    tokens("old-token", "new-token", "newer-token");
    salesforce.stubFor(
        patch(urlEqualTo(LEAD_PATH))
            .withHeader("Authorization", equalTo("Bearer old-token"))
            .willReturn(errors(401, "INVALID_SESSION_ID", "Session expired or invalid").withFixedDelay(200)));
    salesforce.stubFor(
        patch(urlEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer new-token")).willReturn(updated(RECORD_ID)));
    CrmClient client = client();

    ExecutorService threads = Executors.newFixedThreadPool(6);
    try {
      List<Future<String>> calls = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        calls.add(threads.submit(() -> client.upsertLead(lead(LeadStatus.ENGAGED, null))));
      }
      for (Future<String> call : calls) {
        assertThat(call.get(60, TimeUnit.SECONDS)).isEqualTo(RECORD_ID);
      }
    } finally {
      threads.shutdownNow();
    }

    salesforce.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
  }

  @Test
  void a401WithTheNewTokenTooIsRefusedAfterOneRenewal() {
    tokens("first-token", "second-token", "third-token");
    salesforce.stubFor(patch(urlEqualTo(LEAD_PATH)).willReturn(errors(401, "INVALID_SESSION_ID", "Session expired or invalid")));

    CrmException refused = failure(() -> client().upsertLead(lead(LeadStatus.CAPTURED, null)));

    assertThat(refused.retryable()).isFalse();
    assertThat(refused.getMessage()).contains("401", "INVALID_SESSION_ID").doesNotContain("second-token");
    salesforce.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    salesforce.verify(2, patchRequestedFor(urlEqualTo(LEAD_PATH)));
  }

  @Test
  void upsertCreatesTheLeadThenUpdatesTheSameRecordByTheLeadFlowId() {
    tokens(TOKEN);
    salesforce.stubFor(
        patch(urlEqualTo(LEAD_PATH)).inScenario("lead").whenScenarioStateIs(STARTED).willReturn(created(RECORD_ID)).willSetStateTo("exists"));
    salesforce.stubFor(patch(urlEqualTo(LEAD_PATH)).inScenario("lead").whenScenarioStateIs("exists").willReturn(updated(RECORD_ID)));
    CrmClient client = client();

    String created = client.upsertLead(lead(LeadStatus.AWAITING_ACK, null));
    String updated = client.upsertLead(lead(LeadStatus.MEETING_BOOKED, "0055e000001AbCdAAK"));

    assertThat(created).isEqualTo(RECORD_ID);
    assertThat(updated).isEqualTo(RECORD_ID);
    List<Map<String, Object>> bodies = bodies(LEAD_PATH);
    assertThat(bodies.get(0))
        .containsEntry("FirstName", "Ana")
        .containsEntry("LastName", "Silva")
        .containsEntry("Company", "Acme Corp")
        .containsEntry("Email", "ana@acme.example")
        .containsEntry("Phone", "+12125550111")
        .containsEntry("Title", "VP Sales")
        .containsEntry("LeadSource", "Web")
        .containsEntry("Status", "Open - Not Contacted")
        .containsEntry("Rating", "Hot")
        .containsEntry("LeadFlow_Score__c", 87)
        .containsEntry("LeadFlow_Interest__c", "pricing for 50 seats")
        .doesNotContainKeys("OwnerId", "Description", "LeadFlow_Id__c");
    assertThat(bodies.get(1)).containsEntry("Status", "Working - Contacted").containsEntry("OwnerId", "0055e000001AbCdAAK");
    // The org's lead assignment rules must not re-route what LeadFlow routed.
    salesforce.verify(2, patchRequestedFor(urlEqualTo(LEAD_PATH)).withHeader("Sforce-Auto-Assign", equalTo("FALSE")));
  }

  @Test
  void aLeadWithoutNameOrCompanyGetsWhatSalesforceRequiresAndNothingUnknownIsCleared() {
    tokens(TOKEN);
    salesforce.stubFor(patch(urlEqualTo(LEAD_PATH)).willReturn(created(RECORD_ID)));

    client().upsertLead(new CrmLead(LEAD_ID, null, null, "x@gmail.example", null, null, null, null, null, null, null, LeadStatus.CONVERTED, null));

    assertThat(bodies(LEAD_PATH).get(0))
        .containsEntry("LastName", "[not provided]")
        .containsEntry("Company", "[not provided]")
        .containsEntry("Email", "x@gmail.example")
        .containsEntry("Status", "Closed - Converted")
        .doesNotContainKeys("FirstName", "Phone", "Title", "LeadSource", "Rating", "LeadFlow_Score__c", "LeadFlow_Interest__c", "OwnerId");
  }

  @Test
  void aConfiguredStatusMapAndNoOptionalFieldsAreWhatSalesforceGets() {
    tokens(TOKEN);
    salesforce.stubFor(patch(urlEqualTo(LEAD_PATH)).willReturn(created(RECORD_ID)));
    SalesforceProperties nurturing =
        new SalesforceProperties(
            salesforce.baseUrl(), CLIENT_ID, SECRET, null, null, null, "", "",
            Map.of(LeadStatus.NURTURE, "Nurturing"), null, null, null);

    new SalesforceClient(nurturing).upsertLead(lead(LeadStatus.NURTURE, null));
    client().upsertLead(lead(LeadStatus.DISQUALIFIED, null));

    assertThat(bodies(LEAD_PATH).get(0)).containsEntry("Status", "Nurturing").doesNotContainKeys("LeadFlow_Score__c", "LeadFlow_Interest__c");
    assertThat(bodies(LEAD_PATH).get(1)).containsEntry("Status", "Closed - Not Converted");
  }

  @Test
  void aNoContentAnswerOfAnOlderApiVersionIsFollowedByReadingTheId() {
    tokens(TOKEN);
    salesforce.stubFor(patch(urlEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(204)));
    salesforce.stubFor(get(urlEqualTo(LEAD_PATH + "?fields=Id")).willReturn(okJson(record("Lead", RECORD_ID))));

    assertThat(client().upsertLead(lead(LeadStatus.ENGAGED, null))).isEqualTo(RECORD_ID);
  }

  @Test
  void aLeadConvertedInSalesforceIsNotWrittenAndKeepsItsId() {
    tokens(TOKEN);
    salesforce.stubFor(
        patch(urlEqualTo(LEAD_PATH)).willReturn(errors(400, "CANNOT_UPDATE_CONVERTED_LEAD", "cannot reference converted lead")));
    salesforce.stubFor(get(urlEqualTo(LEAD_PATH + "?fields=Id")).willReturn(okJson(record("Lead", RECORD_ID))));

    assertThat(client().upsertLead(lead(LeadStatus.CONVERTED, null))).isEqualTo(RECORD_ID);
  }

  @Test
  void aTouchIsACompletedTaskOnTheLeadAndItsRepeatUpsertsTheSameTask() {
    tokens(TOKEN);
    salesforce.stubFor(
        patch(urlEqualTo(TASK_PATH)).inScenario("task").whenScenarioStateIs(STARTED).willReturn(created(TASK_ID)).willSetStateTo("exists"));
    salesforce.stubFor(
        patch(urlEqualTo(TASK_PATH))
            .inScenario("task")
            .whenScenarioStateIs("exists")
            .willReturn(errors(400, "INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: TaskSubtype.", "TaskSubtype")));
    salesforce.stubFor(
        patch(urlEqualTo(TASK_PATH))
            .inScenario("task")
            .whenScenarioStateIs("exists")
            .withRequestBody(notContaining("TaskSubtype"))
            .willReturn(updated(TASK_ID)));
    CrmClient client = client();

    assertThat(client.logTouch(RECORD_ID, touch("SENT"))).isEqualTo(TASK_ID);
    assertThat(client.logTouch(RECORD_ID, touch("SENT"))).isEqualTo(TASK_ID);

    List<LoggedRequest> upserts = salesforce.findAll(patchRequestedFor(urlEqualTo(TASK_PATH)));
    assertThat(upserts).hasSize(3).allSatisfy(upsert -> assertThat(upsert.getUrl()).isEqualTo(TASK_PATH));
    assertThat(bodies(TASK_PATH).get(0))
        .containsEntry("WhoId", RECORD_ID)
        .containsEntry("Subject", "Intro call")
        .containsEntry("Status", "Completed")
        .containsEntry("ActivityDate", "2026-03-04")
        .containsEntry("Description", "Called, left a voicemail")
        .containsEntry("TaskSubtype", "Call")
        .containsEntry("OwnerId", "0055e000001AbCdAAK");
    assertThat(bodies(TASK_PATH).get(2)).containsEntry("WhoId", RECORD_ID).doesNotContainKey("TaskSubtype");
  }

  @Test
  void aTextIsAPlainTaskAndATouchNotSentSaysSoInItsSubject() {
    tokens(TOKEN);
    String smsPath = "/services/data/v66.0/sobjects/Task/LeadFlow_Key__c/" + LEAD_ID + "%3Ar1-d2%3ASMS";
    salesforce.stubFor(patch(urlEqualTo(smsPath)).willReturn(created(TASK_ID)));

    client().logTouch(RECORD_ID, new CrmTouch(LEAD_ID + ":r1-d2:SMS", Channel.SMS, "SKIPPED", Instant.parse("2026-03-05T23:30:00Z"), null, "quiet hours", null));

    assertThat(bodies(smsPath).get(0))
        .containsEntry("Subject", "Text message (skipped)")
        .containsEntry("TaskSubtype", "Task")
        .containsEntry("ActivityDate", "2026-03-05")
        .doesNotContainKey("OwnerId");
  }

  @Test
  void anInvalidFieldIsRefusedNamingTheField() {
    tokens(TOKEN);
    salesforce.stubFor(
        patch(urlEqualTo(LEAD_PATH))
            .willReturn(errors(400, "INVALID_FIELD", "No such column 'LeadFlow_Score__c' on sobject of type Lead")));

    CrmException refused = failure(() -> client().upsertLead(lead(LeadStatus.CAPTURED, null)));

    assertThat(refused.retryable()).isFalse();
    assertThat(refused.getMessage()).contains("400", "INVALID_FIELD", "LeadFlow_Score__c");
  }

  @Test
  void refusalsSalesforceDocumentsAreNotRetried() {
    tokens(TOKEN);
    CrmClient client = client();
    Map<ResponseDefinitionBuilder, String> answers =
        Map.of(
            aResponse().withStatus(300).withHeader("Content-Type", "application/json")
                .withBody("[\"/services/data/v66.0/sobjects/Lead/00Q1\",\"/services/data/v66.0/sobjects/Lead/00Q2\"]"),
            "matched 2 records",
            errors(404, "ENTITY_IS_DELETED", "entity is deleted"), "ENTITY_IS_DELETED",
            errors(404, "NOT_FOUND", "The requested resource does not exist"), "NOT_FOUND",
            errors(403, "INSUFFICIENT_ACCESS_OR_READONLY", "insufficient access rights on object id"), "insufficient access rights",
            errors(400, "x".repeat(2_000), "y".repeat(2_000)), "xxx");
    answers.forEach(
        (answer, expected) -> {
          salesforce.stubFor(patch(urlEqualTo(LEAD_PATH)).willReturn(answer));
          CrmException refused = failure(() -> client.upsertLead(lead(LeadStatus.CAPTURED, null)));
          assertThat(refused.retryable()).as(expected).isFalse();
          assertThat(refused.getMessage()).contains(expected).hasSizeLessThan(400);
        });
  }

  @Test
  void theOrgsExhaustedApiAllocationIsRetriedAfterTheConfiguredPause() {
    tokens(TOKEN);
    salesforce.stubFor(patch(urlEqualTo(LEAD_PATH)).willReturn(errors(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.")));

    CrmException throttled = failure(() -> client().upsertLead(lead(LeadStatus.CAPTURED, null)));

    assertThat(throttled.retryable()).isTrue();
    assertThat(throttled.retryAfter()).isEqualTo(Duration.ofHours(1));
    assertThat(throttled.getMessage()).contains("REQUEST_LIMIT_EXCEEDED");
  }

  @Test
  void a429IsRetriedAfterItsRetryAfter() {
    tokens(TOKEN);
    salesforce.stubFor(
        patch(urlEqualTo(TASK_PATH)).willReturn(errors(429, "REQUEST_LIMIT_EXCEEDED", "Too many requests").withHeader("Retry-After", "17")));

    CrmException throttled = failure(() -> client().logTouch(RECORD_ID, touch("SENT")));

    assertThat(throttled.retryable()).isTrue();
    assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(17));
  }

  @Test
  void anUnavailableSalesforceIsRetried() {
    tokens(TOKEN);
    salesforce.stubFor(patch(urlEqualTo(LEAD_PATH)).willReturn(errors(503, "SERVER_UNAVAILABLE", "Server is unavailable")));

    CrmException unavailable = failure(() -> client().upsertLead(lead(LeadStatus.CAPTURED, null)));

    assertThat(unavailable.retryable()).isTrue();
    assertThat(unavailable.getMessage()).contains("503", "SERVER_UNAVAILABLE");
  }

  @Test
  void aSilentSalesforceIsRetriedAfterTheReadTimeout() {
    tokens(TOKEN);
    salesforce.stubFor(patch(urlEqualTo(LEAD_PATH)).willReturn(created(RECORD_ID).withFixedDelay(3_000)));
    SalesforceProperties impatient =
        new SalesforceProperties(
            salesforce.baseUrl(), CLIENT_ID, SECRET, null, null, null, null, null, null, null, Duration.ofMillis(300), null);

    CrmException timedOut = failure(() -> new SalesforceClient(impatient).upsertLead(lead(LeadStatus.CAPTURED, null)));

    assertThat(timedOut.retryable()).isTrue();
    assertThat(timedOut.getMessage()).contains("no answer from Salesforce");
  }

  @Test
  void anUnreachableSalesforceIsRetried() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    SalesforceProperties unreachable =
        new SalesforceProperties(
            "http://localhost:" + closedPort, CLIENT_ID, SECRET, null, null, null, null, null, null, null, null, null);

    CrmException refusedConnection = failure(() -> new SalesforceClient(unreachable).upsertLead(lead(LeadStatus.CAPTURED, null)));

    assertThat(refusedConnection.retryable()).isTrue();
    assertThat(refusedConnection.getMessage()).doesNotContain(SECRET);
  }

  @Test
  void credentialsTheTokenEndpointRefusesAreRefusedWithoutTheSecret() {
    salesforce.stubFor(
        post(urlEqualTo(TOKEN_PATH))
            .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"invalid client credentials: " + SECRET + "\"}")));

    CrmException refused = failure(() -> client().upsertLead(lead(LeadStatus.CAPTURED, null)));

    assertThat(refused.retryable()).isFalse();
    assertThat(refused.getMessage()).contains("invalid_client").doesNotContain(SECRET);
    salesforce.verify(0, patchRequestedFor(urlEqualTo(LEAD_PATH)));
  }

  @Test
  void aFlowNotEnabledForTheAppIsRefused() {
    salesforce.stubFor(
        post(urlEqualTo(TOKEN_PATH))
            .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"no client credentials user enabled\"}")));

    CrmException refused = failure(() -> client().logTouch(RECORD_ID, touch("SENT")));

    assertThat(refused.retryable()).isFalse();
    assertThat(refused.getMessage()).contains("invalid_grant", "no client credentials user enabled");
  }

  @Test
  void tokensSalesforceEchoesNeverReachAFailure() {
    tokens(TOKEN);
    salesforce.stubFor(
        patch(urlEqualTo(LEAD_PATH)).willReturn(errors(400, "MALFORMED_QUERY", "bad header Authorization: Bearer " + TOKEN)));

    CrmException refused = failure(() -> client().upsertLead(lead(LeadStatus.CAPTURED, null)));

    assertThat(refused.getMessage()).contains("MALFORMED_QUERY").doesNotContain(TOKEN, SECRET);
    assertThat(new SalesforceTokens.Token(TOKEN, "https://acme.my.salesforce.com").toString()).doesNotContain(TOKEN);
    assertThat(properties().toString()).doesNotContain(SECRET);
  }

  @Test
  void theClientIsTheCrmOnlyWhenTheProviderIsSalesforce() {
    ApplicationContextRunner context =
        new ApplicationContextRunner()
            .withUserConfiguration(SalesforceConfiguration.class)
            .withPropertyValues(
                "leadflow.crm.salesforce.login-url=https://acme.my.salesforce.com",
                "leadflow.crm.salesforce.client-id=" + CLIENT_ID,
                "leadflow.crm.salesforce.client-secret=" + SECRET,
                "leadflow.crm.salesforce.statuses.nurture=Nurturing");

    context.run(withoutProvider -> assertThat(withoutProvider).doesNotHaveBean(CrmClient.class));
    context.withPropertyValues("leadflow.crm.provider=hubspot").run(hubspot -> assertThat(hubspot).doesNotHaveBean(CrmClient.class));
    context
        .withPropertyValues("leadflow.crm.provider=salesforce")
        .run(
            salesforceCrm -> {
              assertThat(salesforceCrm.getBean(CrmClient.class).provider()).isEqualTo("salesforce");
              SalesforceProperties bound = salesforceCrm.getBean(SalesforceProperties.class);
              assertThat(bound.statuses())
                  .containsEntry(LeadStatus.NURTURE, "Nurturing")
                  .containsEntry(LeadStatus.CONVERTED, "Closed - Converted");
              assertThat(bound.apiVersion()).isEqualTo("v66.0");
            });
  }

  @Test
  void aMissingSecretStopsTheStart() {
    new ApplicationContextRunner()
        .withUserConfiguration(SalesforceConfiguration.class)
        .withPropertyValues(
            "leadflow.crm.provider=salesforce",
            "leadflow.crm.salesforce.login-url=https://acme.my.salesforce.com",
            "leadflow.crm.salesforce.client-id=" + CLIENT_ID)
        .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("client-secret"));
  }

  private static SalesforceClient client() {
    return new SalesforceClient(properties());
  }

  private static SalesforceProperties properties() {
    return new SalesforceProperties(
        salesforce.baseUrl(), CLIENT_ID, SECRET, null, null, null, null, null, null, null, null, null);
  }

  /** The token endpoint answers these tokens in turn, the last one from then on. */
  private static void tokens(String... accessTokens) {
    for (int i = 0; i < accessTokens.length; i++) {
      ScenarioMappingBuilder token =
          post(urlEqualTo(TOKEN_PATH)).inScenario("token").whenScenarioStateIs(i == 0 ? STARTED : "token-" + i);
      if (i < accessTokens.length - 1) {
        token = token.willSetStateTo("token-" + (i + 1));
      }
      salesforce.stubFor(
          token.willReturn(
              okJson(
                  "{\"access_token\":\"" + accessTokens[i] + "\",\"signature\":\"c2lnbmF0dXJl\",\"scope\":\"api\","
                      + "\"instance_url\":\"" + salesforce.baseUrl() + "\",\"id\":\"" + salesforce.baseUrl()
                      + "/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS\",\"token_type\":\"Bearer\",\"issued_at\":\"1767225600000\"}")));
    }
  }

  private static ResponseDefinitionBuilder created(String id) {
    return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"" + id + "\",\"success\":true,\"errors\":[],\"created\":true}");
  }

  private static ResponseDefinitionBuilder updated(String id) {
    return okJson("{\"id\":\"" + id + "\",\"success\":true,\"errors\":[],\"created\":false}");
  }

  private static ResponseDefinitionBuilder errors(int status, String errorCode, String message, String... fields) {
    String named = fields.length == 0 ? "[]" : "[\"" + String.join("\",\"", fields) + "\"]";
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody("[{\"message\":\"" + message + "\",\"errorCode\":\"" + errorCode + "\",\"fields\":" + named + "}]");
  }

  private static String record(String type, String id) {
    return "{\"attributes\":{\"type\":\"" + type + "\",\"url\":\"/services/data/v66.0/sobjects/" + type + "/" + id + "\"},\"Id\":\"" + id + "\"}";
  }

  private static CrmLead lead(LeadStatus status, String ownerId) {
    return new CrmLead(
        LEAD_ID, "Ana", "Silva", "ana@acme.example", "+12125550111", "Acme Corp", "VP Sales", "Web",
        "pricing for 50 seats", 87, Tier.HOT, status, ownerId);
  }

  private static CrmTouch touch(String outcome) {
    return new CrmTouch(
        TOUCH_KEY, Channel.CALL, outcome, Instant.parse("2026-03-04T15:20:00Z"), "Intro call", "Called, left a voicemail",
        "0055e000001AbCdAAK");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> bodies(String path) {
    return salesforce.findAll(patchRequestedFor(urlEqualTo(path))).stream()
        .map(request -> (Map<String, Object>) JSON.readValue(request.getBodyAsString(), Map.class))
        .toList();
  }

  private static CrmException failure(Runnable call) {
    return catchThrowableOfType(CrmException.class, call::run);
  }
}
