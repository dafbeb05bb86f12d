package io.leadflow.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.api.ApiTest;
import io.leadflow.workflows.LeadWorkflows;
import io.leadflow.workflows.Reassignment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * HubSpot's webhook: v3 signatures (HMAC-SHA256 of method, the app's URL as HubSpot signs it, body
 * and timestamp), contact owner changes that hand the lead to the owner's rep, lifecycle stages that
 * close it as converted, and events stored once, in order, or skipped with their reason.
 */
class HubSpotWebhookTest extends ApiTest {

  private static final String SECRET = "hubspot-client-secret-for-tests";
  private static final String PATH = "/api/v1/webhooks/hubspot";
  /** The URL set in the HubSpot app, behind a proxy; HubSpot signs it with :;() etc. decoded, %20 kept. */
  private static final String CONFIGURED_URL = "https://crm.example.com/hooks%28leadflow%29/hubspot?team=emea%3Bsales%20east";
  private static final String SIGNED_URL = "https://crm.example.com/hooks(leadflow)/hubspot?team=emea;sales%20east";

  @DynamicPropertySource
  static void hubSpot(DynamicPropertyRegistry properties) {
    properties.add("leadflow.crm.hubspot.client-secret", () -> SECRET);
    properties.add("leadflow.crm.hubspot.webhook-url", () -> CONFIGURED_URL);
  }

  @Autowired JdbcClient jdbc;
  @Autowired WorkflowClient temporal;
  @Autowired MeterRegistry meters;

  @Test
  void anOwnerChangeHandsTheLeadToTheRepOfThatOwner() {
    Contact contact = contact();
    Owner owner = owner();

    HttpResponse<String> answer = signed(events(ownerChange(contact.objectId, owner.ownerId(), Instant.now())));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(reassignments(contact.leadId)).containsExactly(new Reassignment(owner.repId(), "Owner changed in HubSpot")));
  }

  @Test
  void aForgedRequestIsRefusedAndNothingIsStored() {
    Contact contact = contact();
    String event = ownerChange(contact.objectId, owner().ownerId(), Instant.now());
    String body = events(event);
    String now = Long.toString(Instant.now().toEpochMilli());

    HttpResponse<String> wrongSecret = send(body, sign("not-the-secret", SIGNED_URL, body, now), now);
    HttpResponse<String> otherUrl = send(body, sign(SECRET, "https://crm.example.com" + PATH, body, now), now);
    HttpResponse<String> tampered = send(body.replace(contact.objectId, "1"), sign(SECRET, SIGNED_URL, body, now), now);
    HttpResponse<String> unsigned = send(body, null, null);

    for (HttpResponse<String> refused : List.of(wrongSecret, otherUrl, tampered, unsigned)) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
    assertThat(stored(contact.objectId)).isZero();
    assertThat(reassignments(contact.leadId)).isEmpty();
  }

  @Test
  void aRequestSignedMoreThanFiveMinutesAgoIsRefusedAsAReplay() {
    Contact contact = contact();
    String body = events(ownerChange(contact.objectId, owner().ownerId(), Instant.now()));
    String sixMinutesAgo = Long.toString(Instant.now().minus(Duration.ofMinutes(6)).toEpochMilli());
    String fourMinutesAgo = Long.toString(Instant.now().minus(Duration.ofMinutes(4)).toEpochMilli());

    HttpResponse<String> stale = send(body, sign(SECRET, SIGNED_URL, body, sixMinutesAgo), sixMinutesAgo);

    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(403);
    assertThat(body(stale).get("detail").asString()).contains("5 minutes");
    assertThat(stored(contact.objectId)).isZero();
    assertThat(send(body, sign(SECRET, SIGNED_URL, body, fourMinutesAgo), fourMinutesAgo).statusCode()).isEqualTo(200);
  }

  @Test
  void theSameEventDeliveredTwiceIsStoredAndAppliedOnce() {
    Contact contact = contact();
    Owner owner = owner();
    long eventId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    Instant at = Instant.now();

    assertThat(signed(events(event(eventId, contact.objectId, "hubspot_owner_id", owner.ownerId(), at, 0))).statusCode()).isEqualTo(200);
    assertThat(signed(events(event(eventId, contact.objectId, "hubspot_owner_id", owner.ownerId(), at, 1))).statusCode()).isEqualTo(200);

    assertThat(stored(contact.objectId)).isEqualTo(1);
    assertThat(reassignments(contact.leadId)).hasSize(1);
  }

  @Test
  void aLifecycleStageOfCustomerClosesTheLeadAsConverted() {
    Contact contact = contact();

    assertThat(signed(events(event(contact.objectId, "lifecyclestage", "customer", Instant.now()))).statusCode()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(15)).until(() -> "CONVERTED".equals(status(contact.leadId)));
  }

  @Test
  void anEarlierStageChangesNothing() {
    Contact contact = contact();
    double before = skipped("lifecycle stage not a stop stage");

    assertThat(signed(events(event(contact.objectId, "lifecyclestage", "salesqualifiedlead", Instant.now()))).statusCode()).isEqualTo(200);

    assertThat(skipped("lifecycle stage not a stop stage")).isEqualTo(before + 1);
    assertThat(status(contact.leadId)).isEqualTo("AWAITING_ACK");
  }

  @Test
  void aContactLeadFlowDoesNotKnowOrAnOwnerNoRepHasIsStoredAndSkippedWithItsReason() {
    Contact contact = contact();
    String unknownContact = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    double unknownBefore = skipped("unknown contact");
    double unmappedBefore = skipped("owner not mapped to a rep");

    HttpResponse<String> answer =
        signed(events(
            ownerChange(unknownContact, owner().ownerId(), Instant.now()),
            ownerChange(contact.objectId, "owner-nobody-" + UUID.randomUUID(), Instant.now())));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(stored(unknownContact)).isEqualTo(1);
    assertThat(skipped("unknown contact")).isEqualTo(unknownBefore + 1);
    assertThat(skipped("owner not mapped to a rep")).isEqualTo(unmappedBefore + 1);
    assertThat(reassignments(contact.leadId)).isEmpty();
  }

  @Test
  void anOlderOwnerChangeArrivingAfterANewerOneIsStoredButNotApplied() {
    Contact contact = contact();
    Owner newer = owner();
    Owner older = owner();
    Instant now = Instant.now();

    assertThat(signed(events(ownerChange(contact.objectId, newer.ownerId(), now))).statusCode()).isEqualTo(200);
    assertThat(signed(events(ownerChange(contact.objectId, older.ownerId(), now.minusSeconds(30)))).statusCode()).isEqualTo(200);

    assertThat(stored(contact.objectId)).isEqualTo(2);
    assertThat(reassignments(contact.leadId)).containsExactly(new Reassignment(newer.repId(), "Owner changed in HubSpot"));
  }

  @Test
  void theOwnerLeadFlowItselfSetChangesNothing() {
    Contact contact = contact();
    Owner owner = owner();
    jdbc.sql("update lead set assigned_rep = ? where id = ?").params(owner.repId(), UUID.fromString(contact.leadId)).update();

    assertThat(signed(events(ownerChange(contact.objectId, owner.ownerId(), Instant.now()))).statusCode()).isEqualTo(200);

    assertThat(stored(contact.objectId)).isEqualTo(1);
    assertThat(reassignments(contact.leadId)).isEmpty();
  }

  @Test
  void otherSubscriptionsAndPropertiesAreStoredAndSkipped() {
    Contact contact = contact();
    double before = skipped("not a contact property change") + skipped("property LeadFlow does not use");
    long eventId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    String firstName = "Sarah" + eventId;
    String creation =
        "{\"eventId\":" + eventId + ",\"subscriptionId\":7,\"portalId\":62515,\"appId\":54321,\"occurredAt\":" + Instant.now().toEpochMilli()
            + ",\"subscriptionType\":\"contact.creation\",\"attemptNumber\":0,\"objectId\":" + contact.objectId
            + ",\"changeFlag\":\"CREATED\",\"changeSource\":\"CRM_UI\"}";

    HttpResponse<String> answer = signed(events(creation, event(contact.objectId, "firstname", firstName, Instant.now())));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(stored(contact.objectId)).isEqualTo(2);
    assertThat(skipped("not a contact property change") + skipped("property LeadFlow does not use")).isEqualTo(before + 2);
    assertThat(jdbc.sql("select count(*) from inbound_event where payload like ?").param("%" + firstName + "%").query(Long.class).single())
        .as("the value of a property LeadFlow does not use is not kept")
        .isZero();
  }

  @Test
  void aSignedBodyThatIsNotAnArrayOfEventsIsABadRequest() {
    assertThat(signed("{\"eventId\":1}").statusCode()).isEqualTo(400);
    assertThat(signed("not json").statusCode()).isEqualTo(400);
  }

  @Test
  void aBodyOverOneMegabyteIsRefusedUnreadAndNothingIsStored() {
    Contact contact = contact();
    String padding = "\"" + "x".repeat(1_100_000) + "\"";
    String body = events(event(contact.objectId, "lifecyclestage", "customer", Instant.now()), padding);

    HttpResponse<String> answer = signed(body);

    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(body(answer).get("detail").asString()).contains("1048576");
    assertThat(stored(contact.objectId)).isZero();
  }

  /** A lead routed to ana whose HubSpot contact is a new objectId (as the CRM sync records it). */
  private record Contact(String leadId, String objectId) {}

  private Contact contact() {
    String leadId = routedLead();
    String objectId = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE));
    jdbc.sql("insert into crm_record (lead_id, provider, record_id) values (?, 'hubspot', ?)")
        .params(UUID.fromString(leadId), objectId)
        .update();
    return new Contact(leadId, objectId);
  }

  /** A new active rep and their HubSpot owner id, set through the admin API. */
  private record Owner(String repId, String ownerId) {}

  private Owner owner() {
    String repId = "hs-" + UUID.randomUUID().toString().substring(0, 8);
    String ownerId = Long.toString(ThreadLocalRandom.current().nextLong(1_000, Integer.MAX_VALUE));
    HttpResponse<String> saved =
        call("PUT", "/api/v1/admin/reps/" + repId, ADMIN, "{\"name\":\"Hal\",\"capacity\":10,\"crmOwnerId\":\"" + ownerId + "\"}", Map.of());
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    return new Owner(repId, ownerId);
  }

  private static String ownerChange(String objectId, String ownerId, Instant at) {
    return event(objectId, "hubspot_owner_id", ownerId, at);
  }

  private static String event(String objectId, String property, String value, Instant at) {
    return event(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), objectId, property, value, at, 0);
  }

  /** A contact.propertyChange event as HubSpot's webhooks send it. */
  private static String event(long eventId, String objectId, String property, String value, Instant at, int attempt) {
    return "{\"eventId\":" + eventId + ",\"subscriptionId\":2134,\"portalId\":62515,\"appId\":54321,\"occurredAt\":" + at.toEpochMilli()
        + ",\"subscriptionType\":\"contact.propertyChange\",\"attemptNumber\":" + attempt + ",\"objectId\":" + objectId
        + ",\"propertyName\":\"" + property + "\",\"propertyValue\":\"" + value + "\",\"changeSource\":\"CRM_UI\",\"sourceId\":\"userId:1\"}";
  }

  private static String events(String... events) {
    return "[" + String.join(",", events) + "]";
  }

  private HttpResponse<String> signed(String body) {
    String now = Long.toString(Instant.now().toEpochMilli());
    return send(body, sign(SECRET, SIGNED_URL, body, now), now);
  }

  private HttpResponse<String> send(String body, String signature, String timestamp) {
    Map<String, String> headers = new HashMap<>();
    if (signature != null) {
      headers.put("X-HubSpot-Signature-v3", signature);
      headers.put("X-HubSpot-Signature-Version", "v3");
    }
    if (timestamp != null) {
      headers.put("X-HubSpot-Request-Timestamp", timestamp);
    }
    return call("POST", PATH, null, body, headers);
  }

  /** HubSpot's v3 signature, written from its documentation. */
  private static String sign(String secret, String url, String body, String timestamp) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(hmac.doFinal(("POST" + url + body + timestamp).getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private long stored(String objectId) {
    return jdbc.sql("select count(*) from inbound_event where provider = 'hubspot' and payload::jsonb ->> 'objectId' = ?")
        .param(objectId)
        .query(Long.class)
        .single();
  }

  private double skipped(String reason) {
    return meters.find("leadflow.webhooks.events.skipped").tag("provider", "hubspot").tag("reason", reason).counters().stream()
        .mapToDouble(Counter::count).sum();
  }

  private String status(String leadId) {
    return body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString();
  }

  private List<Reassignment> reassignments(String leadId) {
    return temporal.fetchHistory(LeadWorkflows.idFor(leadId)).getEvents().stream()
        .filter(HistoryEvent::hasWorkflowExecutionSignaledEventAttributes)
        .map(HistoryEvent::getWorkflowExecutionSignaledEventAttributes)
        .filter(signal -> signal.getSignalName().equals("reassign"))
        .map(signal -> temporal.getOptions().getDataConverter()
            .fromPayloads(0, Optional.of(signal.getInput()), Reassignment.class, Reassignment.class))
        .toList();
  }
}
