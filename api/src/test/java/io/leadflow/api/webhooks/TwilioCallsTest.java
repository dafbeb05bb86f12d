package io.leadflow.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.activities.store.Suppressions;
import io.leadflow.activities.store.TouchRecord;
import io.leadflow.activities.store.TouchRepository;
import io.leadflow.api.ApiTest;
import io.leadflow.workflows.Channel;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Calls and texts to the team's tracked numbers from people LeadFlow does not know yet, signed the
 * way Twilio signs them: the caller or texter becomes a lead of the number's campaign, a missed
 * call a HOT lead texted back through its workflow (within quiet hours, never when suppressed);
 * known people join their lead. Quiet hours are open all day for New York numbers here, and closed
 * for the next hours for Florida's (a region override computed from now).
 */
class TwilioCallsTest extends ApiTest {

  private static final String VOICE = "/api/v1/webhooks/twilio/voice";
  private static final String DIALED = "/api/v1/webhooks/twilio/voice/dial";
  private static final String SMS = "/api/v1/webhooks/twilio/sms";
  private static final String BASE = "https://leads.example.com";

  @DynamicPropertySource
  static void signedWebhooksAndQuietHours(DynamicPropertyRegistry properties) {
    properties.add("leadflow.webhooks.public-base-url", () -> BASE);
    properties.add("leadflow.webhooks.twilio-auth-token", () -> TwilioWebhookTest.TOKEN);
    properties.add("leadflow.lifecycle.quiet-hours.window.start", () -> "00:00");
    properties.add("leadflow.lifecycle.quiet-hours.window.end", () -> "23:59:59");
    properties.add("leadflow.lifecycle.quiet-hours.fallback-zones", () -> "UTC");
    int hour = ZonedDateTime.now(ZoneId.of("America/New_York")).getHour();
    int opens = hour + 3 <= 23 ? hour + 2 : hour - 3;
    properties.add("leadflow.lifecycle.quiet-hours.region-overrides.US-FL.start", () -> String.format("%02d:00", opens));
    properties.add("leadflow.lifecycle.quiet-hours.region-overrides.US-FL.end", () -> String.format("%02d:00", opens + 1));
  }

  @Autowired LeadRepository leads;
  @Autowired TouchRepository touches;
  @Autowired Suppressions suppressions;
  @Autowired JdbcClient jdbc;

  // ---- the team's numbers ----

  @Test
  void adminsTrackTheTeamsNumbersInE164AndOthersMayNot() {
    String number = trackedNumber();
    String path = "/api/v1/admin/tracked-numbers/" + URLEncoder.encode(number, StandardCharsets.UTF_8);
    String campaign = "{\"source\":\"google-ads-call\",\"utmCampaign\":\"spring\",\"utmMedium\":\"cpc\",\"forwardTo\":\"(646) 555-0100\"}";

    HttpResponse<String> created = call("PUT", path, ADMIN, campaign, Map.of());
    HttpResponse<String> replaced = call("PUT", path, ADMIN, "{\"source\":\"billboard\"}", Map.of());

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(body(created).get("forwardTo").asString()).isEqualTo("+16465550100");
    assertThat(replaced.statusCode()).isEqualTo(200);
    assertThat(body(get(path, ADMIN)).get("source").asString()).isEqualTo("billboard");
    assertThat(body(get(path, ADMIN)).get("forwardTo").isNull()).isTrue();
    assertThat(body(get("/api/v1/admin/tracked-numbers", ADMIN)).toString()).contains(number);
    HttpResponse<String> invalid = call("PUT", "/api/v1/admin/tracked-numbers/12345", ADMIN, "{\"source\":\"x\"}", Map.of());
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(body(invalid).get("errors").has("number")).isTrue();
    HttpResponse<String> badForward = call("PUT", path, ADMIN, "{\"source\":\"x\",\"forwardTo\":\"call me\"}", Map.of());
    assertThat(body(badForward).get("errors").has("forwardTo")).isTrue();
    assertThat(call("PUT", path, ANA, campaign, Map.of()).statusCode()).isEqualTo(403);
    assertThat(call("DELETE", path, ADMIN, null, Map.of()).statusCode()).isEqualTo(204);
    assertThat(get(path, ADMIN).statusCode()).isEqualTo(404);
  }

  // ---- calls ----

  @Test
  void anUnknownCallerNobodyCanTakeIsAHotLeadOfTheCampaignTextedBackAndTheRepAlerted() {
    String number = track("google-ads-call", null);
    String caller = newYorkPhone();

    HttpResponse<String> answer = voice(caller, number, "CA" + UUID.randomUUID());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("<Say").contains("get back to you");
    Lead lead = awaitLead(caller);
    assertThat(lead.source()).isEqualTo("google-ads-call");
    assertThat(lead.interest()).isEqualTo("Missed call to google-ads-call");
    assertThat(lead.name()).isEqualTo("+1 " + caller.substring(2, 5) + "-" + caller.substring(5, 8) + "-" + caller.substring(8));
    JsonNode view = awaitingAck(lead);
    assertThat(view.get("tier").asString()).isEqualTo("HOT");
    assertThat(view.get("scoreBreakdown").toString()).contains("missed call");
    assertThat(view.get("captures").get(0).get("utm").get("campaign").asString()).isEqualTo("spring");
    assertThat(sentTexts(lead)).extracting(TouchRecord::step).containsExactly("r1-instant");
    assertThat(notices(lead)).anyMatch(kind -> kind.startsWith("call-now"));
  }

  @Test
  void aForwardedCallRingsTheForwardNumberAndIsCapturedWhenTheDialEnds() {
    String number = track("radio-call", "+16465550100");
    String answered = newYorkPhone();
    String missed = newYorkPhone();
    String answeredSid = "CA" + UUID.randomUUID();
    String missedSid = "CA" + UUID.randomUUID();

    HttpResponse<String> ringing = voice(answered, number, answeredSid);
    voice(missed, number, missedSid);

    assertThat(ringing.body()).contains("<Dial").contains("action=\"" + BASE + DIALED + "\"").contains("+16465550100");
    assertThat(leadFor(answered)).isEmpty();

    HttpResponse<String> afterTalk = dialed(answered, number, answeredSid, "completed");
    HttpResponse<String> afterRinging = dialed(missed, number, missedSid, "no-answer");

    assertThat(afterTalk.body()).doesNotContain("<Say");
    assertThat(afterRinging.body()).contains("<Say");
    Lead talkedTo = awaitLead(answered);
    assertThat(talkedTo.interest()).isEqualTo("Phone call to radio-call");
    Lead missedLead = awaitLead(missed);
    assertThat(awaitingAck(missedLead).get("tier").asString()).isEqualTo("HOT");
    assertThat(sentTexts(missedLead)).hasSize(1);
    await().atMost(Duration.ofSeconds(30))
        .until(() -> body(get("/api/v1/leads/" + talkedTo.id(), ADMIN)).get("scoreBreakdown").size() > 0);
    assertThat(body(get("/api/v1/leads/" + talkedTo.id(), ADMIN)).get("scoreBreakdown").toString()).doesNotContain("missed call");
  }

  @Test
  void aMissedCallInsideTheCallersQuietHoursAlertsTheRepAndHoldsTheText() {
    String number = track("google-ads-call", null);
    String miami = "+1305" + ThreadLocalRandom.current().nextInt(200, 1000) + ThreadLocalRandom.current().nextInt(1000, 10000);

    voice(miami, number, "CA" + UUID.randomUUID());

    Lead lead = awaitLead(miami);
    JsonNode view = awaitingAck(lead);
    assertThat(view.get("tier").asString()).isEqualTo("HOT");
    assertThat(notices(lead)).anyMatch(kind -> kind.startsWith("call-now"));
    await().atMost(Duration.ofSeconds(10))
        .until(() -> body(get("/api/v1/leads/" + lead.id(), ADMIN)).get("live").path("nextTouch").asString("").contains("quiet hours"));
    assertThat(sentTexts(lead)).isEmpty();
  }

  @Test
  void aMissedCallFromASuppressedNumberIsNotTextedBack() {
    String number = track("google-ads-call", null);
    String caller = newYorkPhone();
    suppressions.suppress(ContactKeys.of(null, caller).phone(), Channel.SMS.name(), "texted STOP", "twilio");

    voice(caller, number, "CA" + UUID.randomUUID());

    Lead lead = awaitLead(caller);
    JsonNode view = awaitingAck(lead);
    assertThat(view.get("tier").asString()).isEqualTo("HOT");
    assertThat(view.get("live").get("notContactedBy").toString()).contains("SMS");
    assertThat(sentTexts(lead)).isEmpty();
  }

  @Test
  void twilioRetryingACallCapturesTheCallerOnce() {
    String number = track("google-ads-call", null);
    String caller = newYorkPhone();
    String sid = "CA" + UUID.randomUUID();

    voice(caller, number, sid);
    voice(caller, number, sid);
    HttpResponse<String> retried = voice(caller, number, sid);

    assertThat(retried.statusCode()).isEqualTo(200);
    Lead lead = awaitLead(caller);
    awaitingAck(lead);
    assertThat(body(get("/api/v1/leads/" + lead.id(), ADMIN)).get("captures")).hasSize(1);
    assertThat(jdbc.sql("select count(*) from inbound_event where dedupe_key = ?").param("twilio:call:" + sid).query(Long.class).single())
        .isEqualTo(1);
  }

  @Test
  void aKnownCallerJoinsTheirLeadAndTheirMissedCallIsTheirReplyToTheRep() {
    String number = track("google-ads-call", "+16465550100");
    String phone = newYorkPhone();
    String leadId = leadOf(post("/api/v1/leads", INGEST, leadJson(uniqueEmail(), phone)));
    await().atMost(Duration.ofSeconds(30))
        .until(() -> "AWAITING_ACK".equals(body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString()));
    String answeredSid = "CA" + UUID.randomUUID();
    String missedSid = "CA" + UUID.randomUUID();

    voice(phone, number, answeredSid);
    dialed(phone, number, answeredSid, "completed");

    await().atMost(Duration.ofSeconds(10)).until(() -> body(get("/api/v1/leads/" + leadId, ADMIN)).get("captures").size() == 2);
    JsonNode joined = body(get("/api/v1/leads/" + leadId, ADMIN)).get("captures").get(1);
    assertThat(joined.get("joined").asBoolean()).isTrue();
    assertThat(joined.get("source").asString()).isEqualTo("google-ads-call");
    assertThat(body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString()).isEqualTo("AWAITING_ACK");

    voice(phone, number, missedSid);
    dialed(phone, number, missedSid, "busy");

    await().atMost(Duration.ofSeconds(10))
        .until(() -> "ENGAGED".equals(body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString()));
    assertThat(notices(leads.findById(UUID.fromString(leadId)).orElseThrow())).contains("reply-" + missedSid);
    assertThat(leadFor(phone).map(Lead::id).map(UUID::toString)).contains(leadId);
  }

  @Test
  void aForgedCallIsRefusedAndCapturesNobody() {
    String number = track("google-ads-call", null);
    String caller = newYorkPhone();
    Map<String, String> params = Map.of("CallSid", "CA" + UUID.randomUUID(), "From", caller, "To", number);

    HttpResponse<String> forged = deliver(VOICE, params, TwilioWebhookTest.signWith("not-the-token", BASE + VOICE, params));
    HttpResponse<String> unsigned = deliver(DIALED, Map.of("CallSid", "CA1", "From", caller, "To", number, "DialCallStatus", "busy"), null);

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(unsigned.statusCode()).isEqualTo(403);
    assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> leadFor(caller).isEmpty());
  }

  // ---- texts ----

  @Test
  void anUnknownTexterIsALeadWhoseInterestIsTheirMessage() {
    String number = track("billboard-text", null);
    String texter = newYorkPhone();
    String untrackedTexter = newYorkPhone();
    String longWords = "Do you deliver to Brooklyn?\u0007 " + "x".repeat(300);

    HttpResponse<String> answer = text(texter, number, "Hi, I need a quote for 20 chairs\nasap");
    text(untrackedTexter, "+12125550142", longWords);

    assertThat(answer.body()).contains("<Response/>");
    Lead lead = awaitLead(texter);
    assertThat(lead.interest()).isEqualTo("Hi, I need a quote for 20 chairs\nasap");
    assertThat(lead.source()).isEqualTo("billboard-text");
    JsonNode view = awaitingAck(lead);
    assertThat(view.get("scoreBreakdown").toString()).contains("quote request");
    assertThat(sentTexts(lead)).hasSize(1);
    Lead untracked = awaitLead(untrackedTexter);
    assertThat(untracked.source()).isEqualTo("sms");
    assertThat(untracked.interest()).hasSize(200).startsWith("Do you deliver to Brooklyn? xxx").endsWith("…");
  }

  @Test
  void stopFromAnUnknownNumberOnlySuppressesItAndHelpCapturesNobody() {
    String number = track("billboard-text", null);
    String stranger = newYorkPhone();

    text(stranger, number, "STOP");
    HttpResponse<String> help = text(stranger, number, "HELP");

    assertThat(suppressions.blocks(ContactKeys.of(null, stranger).phone(), Channel.SMS)).isTrue();
    assertThat(help.body()).contains("<Message>");
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> leadFor(stranger).isEmpty());
  }

  @Test
  void aKnownTexterRepliesToTheirLeadAndIsNotCapturedAgain() {
    String number = track("billboard-text", null);
    String phone = newYorkPhone();
    String leadId = leadOf(post("/api/v1/leads", INGEST, leadJson(uniqueEmail(), phone)));
    await().atMost(Duration.ofSeconds(30))
        .until(() -> "AWAITING_ACK".equals(body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString()));

    text(phone, number, "Can we talk tomorrow?");

    await().atMost(Duration.ofSeconds(10))
        .until(() -> "ENGAGED".equals(body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString()));
    assertThat(body(get("/api/v1/leads/" + leadId, ADMIN)).get("captures")).hasSize(1);
  }

  @Test
  void aFormCanClaimNeitherAMissedCallNorConsentByCalling() {
    String phone = newYorkPhone();
    String inbound = "{\"name\":\"Mallory\",\"phone\":\"" + phone + "\",\"source\":\"web\",\"interest\":\"hello\","
        + "\"consent\":[{\"channel\":\"SMS\",\"method\":\"INBOUND\",\"text\":\"I called you\"}]}";
    String missed = "{\"name\":\"Mallory\",\"phone\":\"" + phone + "\",\"source\":\"web\",\"interest\":\"hello\",\"missedCall\":true}";

    HttpResponse<String> claimedConsent = post("/api/v1/leads", INGEST, inbound);
    HttpResponse<String> claimedMissedCall = post("/api/v1/leads", INGEST, missed);

    assertThat(claimedConsent.statusCode()).isEqualTo(400);
    if (claimedMissedCall.statusCode() < 300) {
      String leadId = leadOf(claimedMissedCall);
      await().atMost(Duration.ofSeconds(30))
          .until(() -> body(get("/api/v1/leads/" + leadId, ADMIN)).get("scoredAt").isString());
      assertThat(body(get("/api/v1/leads/" + leadId, ADMIN)).get("scoreBreakdown").toString()).doesNotContain("missed call");
    } else {
      assertThat(claimedMissedCall.statusCode()).isEqualTo(400);
    }
  }

  // ---- helpers ----

  private String track(String source, String forwardTo) {
    String number = trackedNumber();
    String body = "{\"source\":\"" + source + "\",\"utmCampaign\":\"spring\""
        + (forwardTo == null ? "" : ",\"forwardTo\":\"" + forwardTo + "\"") + "}";
    HttpResponse<String> saved =
        call("PUT", "/api/v1/admin/tracked-numbers/" + URLEncoder.encode(number, StandardCharsets.UTF_8), ADMIN, body, Map.of());
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    return number;
  }

  /** A New York number of the team's, new to the test database. */
  private static String trackedNumber() {
    return "+1212" + ThreadLocalRandom.current().nextInt(200, 1000) + ThreadLocalRandom.current().nextInt(1000, 10000);
  }

  private static String newYorkPhone() {
    return uniquePhone().replace(" ", "");
  }

  private HttpResponse<String> voice(String from, String to, String callSid) {
    Map<String, String> params = Map.of("CallSid", callSid, "From", from, "To", to, "CallStatus", "ringing", "Direction", "inbound");
    return deliver(VOICE, params, sign(VOICE, params));
  }

  private HttpResponse<String> dialed(String from, String to, String callSid, String status) {
    Map<String, String> params = Map.of("CallSid", callSid, "From", from, "To", to, "DialCallStatus", status, "CallStatus", "in-progress");
    return deliver(DIALED, params, sign(DIALED, params));
  }

  private HttpResponse<String> text(String from, String to, String body) {
    Map<String, String> params = Map.of("From", from, "To", to, "Body", body, "MessageSid", "SM" + UUID.randomUUID());
    return deliver(SMS, params, sign(SMS, params));
  }

  private static String sign(String path, Map<String, String> params) {
    return TwilioWebhookTest.signWith(TwilioWebhookTest.TOKEN, BASE + path, params);
  }

  private HttpResponse<String> deliver(String path, Map<String, String> params, String signature) {
    String form =
        params.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/x-www-form-urlencoded"));
    if (signature != null) {
      headers.put("X-Twilio-Signature", signature);
    }
    return call("POST", path, null, form, headers);
  }

  private java.util.Optional<Lead> leadFor(String phone) {
    return leads.findByContact(null, ContactKeys.of(null, phone).phone());
  }

  private Lead awaitLead(String phone) {
    await().atMost(Duration.ofSeconds(20)).until(() -> leadFor(phone).isPresent());
    return leadFor(phone).orElseThrow();
  }

  /** The lead once routed: its instant reply went out (or is held for quiet hours) and its rep was alerted. */
  private JsonNode awaitingAck(Lead lead) {
    await().atMost(Duration.ofSeconds(30))
        .until(() -> "AWAITING_ACK".equals(body(get("/api/v1/leads/" + lead.id(), ADMIN)).get("status").asString()));
    return body(get("/api/v1/leads/" + lead.id(), ADMIN));
  }

  private List<TouchRecord> sentTexts(Lead lead) {
    return touches.findByLeadIdOrderByCreatedAtAscIdAsc(lead.id()).stream()
        .filter(touch -> touch.channel() == Channel.SMS && "SENT".equals(touch.outcome()))
        .toList();
  }

  private List<String> notices(Lead lead) {
    return jdbc.sql("select kind from rep_notice where lead_id = ?").param(lead.id()).query(String.class).list();
  }
}
