package io.leadflow.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.activities.store.ContactKeys;
import io.leadflow.api.ApiTest;
import io.leadflow.workflows.LeadWorkflows;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Calendly's signed webhook (HMAC-SHA256 over "t.body"): bookings and cancellations reach the
 * lead's workflow once, in the order Calendly created them, whoever the invitee is.
 */
class CalendlyWebhookTest extends ApiTest {

  private static final String SIGNING_KEY = "calendly-test-signing-key-0123456789";
  private static final String WEBHOOK = "/api/v1/webhooks/calendly";

  @DynamicPropertySource
  static void calendly(DynamicPropertyRegistry properties) {
    properties.add("leadflow.calendly.signing-key", () -> SIGNING_KEY);
    properties.add("leadflow.webhooks.relay-interval", () -> "500ms");
  }

  @Autowired JdbcClient jdbc;
  @Autowired WorkflowClient temporal;

  /** One booking of one invitee, as Calendly's invitee.created and invitee.canceled describe it. */
  private record Booking(String eventUri, String inviteeUri, Instant start) {

    static Booking next() {
      String event = "https://api.calendly.com/scheduled_events/" + UUID.randomUUID();
      return new Booking(event, event + "/invitees/" + UUID.randomUUID(), Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
    }
  }

  /** A payload with the fields Calendly documents for API v2 invitee webhooks, most of which LeadFlow ignores. */
  private static String event(String type, Booking booking, String email, String leadToken, Instant createdAt, boolean rescheduled) {
    String tracking =
        leadToken == null
            ? "{\"utm_campaign\":null,\"utm_source\":null,\"utm_medium\":null,\"utm_content\":null,\"utm_term\":null,\"salesforce_uuid\":null}"
            : "{\"utm_campaign\":null,\"utm_source\":\"leadflow\",\"utm_medium\":null,\"utm_content\":\"" + leadToken
                + "\",\"utm_term\":null,\"salesforce_uuid\":null}";
    boolean canceled = type.equals("invitee.canceled");
    String cancellation =
        canceled ? "{\"canceled_by\":\"Sarah Kim\",\"reason\":\"conflict\",\"canceler_type\":\"invitee\",\"created_at\":\"" + createdAt + "\"}" : "null";
    return "{\"created_at\":\"" + createdAt + "\",\"created_by\":\"https://api.calendly.com/users/AAAAAAAAAAAAAAAA\","
        + "\"event\":\"" + type + "\",\"payload\":{"
        + "\"cancel_url\":\"https://calendly.com/cancellations/AAAA\",\"created_at\":\"" + createdAt + "\","
        + "\"email\":\"" + email + "\",\"event\":\"" + booking.eventUri() + "\",\"first_name\":\"Sarah\",\"last_name\":\"Kim\","
        + "\"name\":\"Sarah Kim\",\"new_invitee\":null,\"old_invitee\":null,"
        + "\"questions_and_answers\":[{\"answer\":\"About 250 people\",\"position\":0,\"question\":\"How large is your team?\"}],"
        + "\"reschedule_url\":\"https://calendly.com/reschedulings/AAAA\",\"rescheduled\":" + rescheduled + ","
        + "\"status\":\"" + (canceled ? "canceled" : "active") + "\",\"text_reminder_number\":null,\"timezone\":\"America/New_York\","
        + "\"tracking\":" + tracking + ",\"updated_at\":\"" + createdAt + "\",\"uri\":\"" + booking.inviteeUri() + "\","
        + "\"cancellation\":" + cancellation + ",\"no_show\":null,\"payment\":null,\"reconfirmation\":null,"
        + "\"scheduled_event\":{\"uri\":\"" + booking.eventUri() + "\",\"name\":\"30 Minute Demo\",\"status\":\""
        + (canceled ? "canceled" : "active") + "\",\"start_time\":\"" + booking.start() + "\",\"end_time\":\""
        + booking.start().plus(30, ChronoUnit.MINUTES) + "\",\"event_type\":\"https://api.calendly.com/event_types/BBBB\","
        + "\"location\":{\"type\":\"zoom\",\"status\":\"pushed\",\"join_url\":\"https://zoom.us/j/1\"},"
        + "\"invitees_counter\":{\"total\":1,\"active\":" + (canceled ? 0 : 1) + ",\"limit\":1},"
        + "\"created_at\":\"" + createdAt + "\",\"updated_at\":\"" + createdAt + "\","
        + "\"event_memberships\":[{\"user\":\"https://api.calendly.com/users/CCCC\",\"user_email\":\"ana@leadflow.test\",\"user_name\":\"Ana\"}],"
        + "\"event_guests\":[]}}}";
  }

  private static String signature(long t, String body, String key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> deliver(String body, String signature) {
    Map<String, String> headers = new HashMap<>();
    if (signature != null) {
      headers.put("Calendly-Webhook-Signature", signature);
    }
    return call("POST", WEBHOOK, null, body, headers);
  }

  private HttpResponse<String> deliver(String body) {
    return deliver(body, signature(Instant.now().getEpochSecond(), body, SIGNING_KEY));
  }

  private long stored(String type, Booking booking) {
    return jdbc.sql("select count(*) from inbound_event where dedupe_key = ?")
        .param("calendly:" + type + ":" + booking.inviteeUri()).query(Long.class).single();
  }

  private String outcome(String type, Booking booking) {
    return jdbc.sql("select coalesce(outcome, '') from inbound_event where dedupe_key = ? and processed_at is not null")
        .param("calendly:" + type + ":" + booking.inviteeUri()).query(String.class).single();
  }

  private String status(String leadId) {
    return body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString();
  }

  private long signals(String leadId, String name) {
    return temporal.fetchHistory(LeadWorkflows.idFor(leadId)).getEvents().stream()
        .filter(HistoryEvent::hasWorkflowExecutionSignaledEventAttributes)
        .filter(e -> e.getWorkflowExecutionSignaledEventAttributes().getSignalName().equals(name))
        .count();
  }

  private String leadWithEmail(String email) {
    return jdbc.sql("select cast(id as varchar) from lead where email_key = ?")
        .param(ContactKeys.of(email, null).email()).query(String.class).optional().orElse(null);
  }

  @Test
  void aBookingThroughTheLeadsLinkIsStoredAndStopsItsCadence() {
    String leadId = routedLead();
    Booking booking = Booking.next();
    String inviteeEmail = uniqueEmail(); // booked with another address: the link's token names the lead

    HttpResponse<String> answer = deliver(event("invitee.created", booking, inviteeEmail, leadId, Instant.now(), false));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(stored("invitee.created", booking)).isEqualTo(1);
    await().atMost(Duration.ofSeconds(15)).until(() -> "MEETING_BOOKED".equals(status(leadId)));
    assertThat(leadWithEmail(inviteeEmail)).isNull();
  }

  @Test
  void aBookingWithoutTheLinkIsMatchedByTheInviteesEmail() {
    String email = uniqueEmail();
    String leadId = leadOf(post("/api/v1/leads", INGEST, leadJson(email, null)));

    assertThat(deliver(event("invitee.created", Booking.next(), email.toUpperCase(), null, Instant.now(), false)).statusCode())
        .isEqualTo(200);

    await().atMost(Duration.ofSeconds(15)).until(() -> "MEETING_BOOKED".equals(status(leadId)));
  }

  @Test
  void someoneLeadFlowDoesNotKnowWhoBooksBecomesACalendlyLeadWithTheMeetingBooked() {
    String email = uniqueEmail();

    assertThat(deliver(event("invitee.created", Booking.next(), email, null, Instant.now(), false)).statusCode()).isEqualTo(200);

    String leadId = leadWithEmail(email);
    assertThat(leadId).isNotNull();
    var lead = body(get("/api/v1/leads/" + leadId, ADMIN));
    assertThat(lead.get("source").asString()).isEqualTo("calendly");
    assertThat(lead.get("name").asString()).isEqualTo("Sarah Kim");
    assertThat(lead.get("interest").asString()).isEqualTo("30 Minute Demo");
    // its workflow starts off the request thread: the stored event is applied once it has
    await().atMost(Duration.ofSeconds(30)).until(() -> "MEETING_BOOKED".equals(status(leadId)));
    assertThat(signals(leadId, "meetingBooked")).isEqualTo(1);
  }

  @Test
  void theSameEventDeliveredTwiceIsStoredAndAppliedOnce() {
    String leadId = routedLead();
    Booking booking = Booking.next();
    String body = event("invitee.created", booking, uniqueEmail(), leadId, Instant.now(), false);

    assertThat(deliver(body).statusCode()).isEqualTo(200);
    assertThat(deliver(body).statusCode()).isEqualTo(200);

    assertThat(stored("invitee.created", booking)).isEqualTo(1);
    await().atMost(Duration.ofSeconds(15)).until(() -> "MEETING_BOOKED".equals(status(leadId)));
    assertThat(signals(leadId, "meetingBooked")).isEqualTo(1);
  }

  @Test
  void aCancellationReachesTheLeadsWorkflow() {
    String leadId = routedLead();
    Booking booking = Booking.next();

    assertThat(deliver(event("invitee.canceled", booking, uniqueEmail(), leadId, Instant.now(), false)).statusCode())
        .isEqualTo(200);

    assertThat(signals(leadId, "meetingCanceled")).isEqualTo(1);
    assertThat(outcome("invitee.canceled", booking)).isEmpty();
  }

  @Test
  void theCancellationHalfOfARescheduleChangesNothingAndSaysSo() {
    String leadId = routedLead();
    Booking booking = Booking.next();

    assertThat(deliver(event("invitee.canceled", booking, uniqueEmail(), leadId, Instant.now(), true)).statusCode())
        .isEqualTo(200);

    assertThat(outcome("invitee.canceled", booking)).contains("rescheduled");
    assertThat(signals(leadId, "meetingCanceled")).isZero();
  }

  @Test
  void aBookingDeliveredAfterItsCancellationIsStoredButNeverApplied() {
    String leadId = routedLead();
    Booking booking = Booking.next();
    Instant booked = Instant.now().minusSeconds(60);
    Instant canceled = Instant.now();

    assertThat(deliver(event("invitee.canceled", booking, uniqueEmail(), leadId, canceled, false)).statusCode()).isEqualTo(200);
    assertThat(deliver(event("invitee.created", booking, uniqueEmail(), leadId, booked, false)).statusCode()).isEqualTo(200);

    assertThat(stored("invitee.created", booking)).isEqualTo(1);
    assertThat(outcome("invitee.created", booking)).contains("older than the last event applied to this booking");
    assertThat(signals(leadId, "meetingCanceled")).isEqualTo(1);
    assertThat(signals(leadId, "meetingBooked")).isZero();
  }

  @Test
  void aStrangersBookingDeliveredAfterItsCancellationMakesNoLead() {
    Booking booking = Booking.next();
    String email = uniqueEmail();

    assertThat(deliver(event("invitee.canceled", booking, email, null, Instant.now(), false)).statusCode()).isEqualTo(200);
    assertThat(deliver(event("invitee.created", booking, email, null, Instant.now().minusSeconds(60), false)).statusCode())
        .isEqualTo(200);

    assertThat(outcome("invitee.created", booking)).contains("older than the last event applied to this booking");
    assertThat(leadWithEmail(email)).isNull();
  }

  @Test
  void aBookingForAClosedLeadWhoseWorkflowEndedIsRecordedNotAnError() throws Exception {
    String leadId = routedLead();
    assertThat(post("/api/v1/leads/" + leadId + "/disqualify", ADMIN, "{\"reason\":\"student\"}").statusCode()).isEqualTo(202);
    temporal.newUntypedWorkflowStub(LeadWorkflows.idFor(leadId)).getResult(30, java.util.concurrent.TimeUnit.SECONDS, Void.class);
    Booking booking = Booking.next();

    assertThat(deliver(event("invitee.created", booking, uniqueEmail(), leadId, Instant.now(), false)).statusCode()).isEqualTo(200);

    assertThat(outcome("invitee.created", booking)).contains("the lead is closed");
    assertThat(status(leadId)).isEqualTo("DISQUALIFIED");
  }

  @Test
  void anythingNotProvablyFromCalendlyIs403AndStoresNothing() {
    String leadId = routedLead();
    Booking booking = Booking.next();
    String body = event("invitee.created", booking, uniqueEmail(), leadId, Instant.now(), false);
    long now = Instant.now().getEpochSecond();

    HttpResponse<String> forged = deliver(body, signature(now, body, "someone-elses-key"));
    HttpResponse<String> tampered = deliver(body.replace("30 Minute Demo", "3 Minute Demo"), signature(now, body, SIGNING_KEY));
    HttpResponse<String> stale = deliver(body, signature(now - Duration.ofMinutes(4).toSeconds(), body, SIGNING_KEY));
    HttpResponse<String> future = deliver(body, signature(now + Duration.ofMinutes(10).toSeconds(), body, SIGNING_KEY));
    HttpResponse<String> unsigned = deliver(body, null);
    HttpResponse<String> notHex = deliver(body, "t=" + now + ",v1=zz");

    for (HttpResponse<String> refused : java.util.List.of(forged, tampered, stale, future, unsigned, notHex)) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
    assertThat(body(stale).get("detail").asString()).contains("tolerance");
    assertThat(stored("invitee.created", booking)).isZero();
    assertThat(signals(leadId, "meetingBooked")).isZero();
  }

  @Test
  void anEventLeadFlowDoesNotUseIsStoredAsSkippedAndAnswered200() {
    Booking booking = Booking.next();
    String body = event("invitee.created", booking, uniqueEmail(), null, Instant.now(), false)
        .replace("\"event\":\"invitee.created\"", "\"event\":\"invitee_no_show.created\"");

    assertThat(deliver(body).statusCode()).isEqualTo(200);

    assertThat(jdbc.sql("select outcome from inbound_event where provider = 'calendly' and kind = 'invitee_no_show.created' and payload like ?")
            .param("%" + booking.inviteeUri() + "%").query(String.class).single())
        .startsWith("skipped");
  }

  @Test
  void aSignedBodyThatIsNoCalendlyEventIs400() {
    assertThat(deliver("{not json").statusCode()).isEqualTo(400);
    assertThat(deliver("[1,2]").statusCode()).isEqualTo(400);
  }

  @Test
  void aBodyOverItsLimitIs413BeforeAnythingReadsIt() {
    String huge = "{\"event\":\"invitee.created\",\"padding\":\"" + "x".repeat(300 * 1024) + "\"}";

    HttpResponse<String> answer = deliver(huge);

    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(body(answer).get("detail").asString()).contains("262144");
  }
}
