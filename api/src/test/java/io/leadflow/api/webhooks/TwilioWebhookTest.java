package io.leadflow.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.Suppressions;
import io.leadflow.api.ApiTest;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.LeadWorkflow;
import io.leadflow.workflows.LeadWorkflows;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Inbound texts and status callbacks, signed the way Twilio signs them (HMAC-SHA1, base64). */
@TestPropertySource(
    properties = {
      "leadflow.webhooks.public-base-url=https://leads.example.com",
      "leadflow.webhooks.twilio-auth-token=" + TwilioWebhookTest.TOKEN
    })
class TwilioWebhookTest extends ApiTest {

  static final String TOKEN = "twilio-test-auth-token";
  private static final String SMS = "/api/v1/webhooks/twilio/sms";

  @Autowired Suppressions suppressions;
  @Autowired WorkflowClient temporal;
  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry meters;

  /** Twilio's algorithm: HMAC-SHA1 of the URL followed by each parameter name and value, sorted. */
  static String sign(String url, Map<String, String> params) throws Exception {
    return signWith(TOKEN, url, params);
  }

  static String signWith(String token, String url, Map<String, String> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
    try {
      Mac hmac = Mac.getInstance("HmacSHA1");
      hmac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(hmac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> deliver(String path, Map<String, String> params, String signature) {
    String form =
        params.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    Map<String, String> headers = new java.util.HashMap<>(Map.of("Content-Type", "application/x-www-form-urlencoded"));
    if (signature != null) {
      headers.put("X-Twilio-Signature", signature);
    }
    return call("POST", path, null, form, headers);
  }

  private HttpResponse<String> text(String from, String body) throws Exception {
    Map<String, String> params = Map.of("From", from, "To", "+12125550199", "Body", body, "MessageSid", "SM" + UUID.randomUUID());
    return deliver(SMS, params, sign("https://leads.example.com" + SMS, params));
  }

  private String leadWithPhone(String phone) {
    String leadId = leadOf(post("/api/v1/leads", INGEST, leadJson(uniqueEmail(), phone)));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> "AWAITING_ACK".equals(body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString()));
    return leadId;
  }

  @Test
  void aTextFromTheLeadIsTheirReplyAndStopsTheCadence() throws Exception {
    String phone = uniquePhone();
    String leadId = leadWithPhone(phone);

    HttpResponse<String> answer = text(phone, "Yes, call me after 3");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("<Response/>");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "ENGAGED".equals(body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"STOP", " stop ", "Unsubscribe", "END", "quit", "CANCEL", "STOPALL", "revoke", "OPTOUT"})
  void aStopWordOptsTheNumberOutOfTextsForGood(String word) throws Exception {
    String phone = uniquePhone();
    String leadId = leadWithPhone(phone);

    assertThat(text(phone, word).statusCode()).isEqualTo(200);

    String phoneKey = ContactKeys.of(null, phone.replace(" ", "")).phone();
    assertThat(suppressions.blocks(phoneKey, Channel.SMS)).isTrue();
    LeadWorkflow workflow = temporal.newWorkflowStub(LeadWorkflow.class, LeadWorkflows.idFor(leadId));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(workflow.state().optedOut()).contains(Channel.SMS));
  }

  @Test
  void startOptsBackInAndHelpIsAnswered() throws Exception {
    String phone = uniquePhone();
    leadWithPhone(phone);
    text(phone, "STOP");

    text(phone, "start");
    HttpResponse<String> help = text(phone, "help");

    assertThat(suppressions.blocks(ContactKeys.of(null, phone).phone(), Channel.SMS)).isFalse();
    assertThat(help.body()).contains("<Message>").contains("Reply STOP to opt out");
  }

  /**
   * Every parameter Twilio documents for an incoming message (an MMS here), a body at the
   * 1,600-character maximum in a script that takes 9 bytes a character once form-encoded, and an
   * Add-on result: Twilio's largest ordinary request, well over the API's 16 KiB.
   */
  @Test
  void theLargestTextTwilioSendsIsTheLeadsReply() throws Exception {
    String phone = uniquePhone();
    String leadId = leadWithPhone(phone);
    Map<String, String> params = new TreeMap<>();
    params.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
    params.put("SmsSid", params.get("MessageSid"));
    params.put("SmsMessageSid", params.get("MessageSid"));
    params.put("AccountSid", "AC0000000000000000000000000000001");
    params.put("MessagingServiceSid", "MG0000000000000000000000000000001");
    params.put("From", phone);
    params.put("To", "+12125550199");
    params.put("Body", "漢".repeat(1600));
    params.put("NumSegments", "11");
    params.put("NumMedia", "2");
    for (int i = 0; i < 2; i++) {
      params.put("MediaContentType" + i, "image/jpeg");
      params.put("MediaUrl" + i, "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME" + i);
    }
    params.putAll(Map.of("FromCity", "NEW YORK", "FromState", "NY", "FromZip", "10001", "FromCountry", "US"));
    params.putAll(Map.of("ToCity", "NEW YORK", "ToState", "NY", "ToZip", "10001", "ToCountry", "US"));
    params.put("ApiVersion", "2010-04-01");
    params.put("AddOns", "{\"status\":\"successful\",\"message\":null,\"code\":null,\"results\":{\"lookup\":{\"result\":{\"caller_name\":\"" + "x".repeat(2000) + "\"}}}}");

    HttpResponse<String> answer = deliver(SMS, params, sign("https://leads.example.com" + SMS, params));

    assertThat(answer.statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "ENGAGED".equals(body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString()));
  }

  @Test
  void aTextOverTwilioLimitIs413AndStoresNothing() throws Exception {
    Map<String, String> params = Map.of("From", uniquePhone(), "To", "+12125550199", "Body", "x".repeat(70_000), "MessageSid", "SM-big-" + UUID.randomUUID());

    HttpResponse<String> answer = deliver(SMS, params, sign("https://leads.example.com" + SMS, params));

    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(jdbc.sql("select count(*) from inbound_event where dedupe_key = ?").param("twilio:" + params.get("MessageSid")).query(Long.class).single())
        .isZero();
  }

  @Test
  void aSignedRequestLeadFlowCannotUseIsRecordedAndSkipped() throws Exception {
    double before = skipped();
    Map<String, String> noSender = Map.of("To", "+12125550199", "Body", "STOP", "MessageSid", "SM-nofrom-" + UUID.randomUUID());
    Map<String, String> untrackedStatus = Map.of("MessageSid", "SM-status-" + UUID.randomUUID(), "MessageStatus", "a_status_twilio_adds_later");
    String status = "/api/v1/webhooks/twilio/status";

    HttpResponse<String> text = deliver(SMS, noSender, sign("https://leads.example.com" + SMS, noSender));
    HttpResponse<String> callback = deliver(status, untrackedStatus, sign("https://leads.example.com" + status, untrackedStatus));

    assertThat(text.statusCode()).isEqualTo(200);
    assertThat(text.body()).contains("<Response/>");
    assertThat(callback.statusCode()).isEqualTo(200);
    assertThat(skipped() - before).isEqualTo(2);
    assertThat(jdbc.sql("select count(*) from inbound_event where dedupe_key in (?, ?)")
            .params("twilio:" + noSender.get("MessageSid"), "twilio:" + untrackedStatus.get("MessageSid") + ":a_status_twilio_adds_later")
            .query(Long.class).single())
        .isZero();
  }

  private double skipped() {
    return meters.find("leadflow.webhooks.events.skipped").tag("provider", "twilio").counters().stream()
        .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
  }

  @Test
  void aRedeliveredTextIsAppliedOnce() throws Exception {
    String phone = uniquePhone();
    String leadId = leadWithPhone(phone);
    Map<String, String> params = Map.of("From", phone, "To", "+12125550199", "Body", "hello", "MessageSid", "SM-dup-" + UUID.randomUUID());
    String signature = sign("https://leads.example.com" + SMS, params);

    deliver(SMS, params, signature);
    deliver(SMS, params, signature);

    assertThat(jdbc.sql("select count(*) from inbound_event where dedupe_key = ?").param("twilio:" + params.get("MessageSid")).query(Long.class).single())
        .isEqualTo(1);
    assertThat(leadId).isNotBlank();
  }

  @Test
  void badSignaturesAre403AndNothingIsStoredOrApplied() throws Exception {
    String phone = uniquePhone();
    leadWithPhone(phone);
    Map<String, String> params = Map.of("From", phone, "To", "+12125550199", "Body", "STOP", "MessageSid", "SM-bad-" + UUID.randomUUID());
    Map<String, String> tampered = new TreeMap<>(params);
    tampered.put("Body", "hello");

    assertThat(deliver(SMS, tampered, sign("https://leads.example.com" + SMS, params)).statusCode()).isEqualTo(403);
    assertThat(deliver(SMS, params, sign("https://evil.example.com" + SMS, params)).statusCode()).isEqualTo(403);
    assertThat(deliver(SMS, params, sign("http://localhost:" + port + SMS, params)).statusCode()).isEqualTo(403);
    assertThat(deliver(SMS, params, null).statusCode()).isEqualTo(403);
    assertThat(deliver(SMS, params, "%%%not-base64").statusCode()).isEqualTo(403);

    assertThat(suppressions.blocks(ContactKeys.of(null, phone).phone(), Channel.SMS)).isFalse();
    assertThat(jdbc.sql("select count(*) from inbound_event where dedupe_key = ?").param("twilio:" + params.get("MessageSid")).query(Long.class).single())
        .isZero();
  }
}
