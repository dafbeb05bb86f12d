package io.leadflow.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.activities.consent.UnsubscribeTokens;
import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.Suppressions;
import io.leadflow.api.ApiTest;
import io.leadflow.workflows.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The signed Event Webhook (ECDSA P-256 over timestamp + body), Inbound Parse and signed one-click unsubscribe links. */
class SendGridWebhookTest extends ApiTest {

  private static final KeyPair SENDGRID = keyPair();
  private static final String EVENTS = "/api/v1/webhooks/sendgrid/events";
  private static final String UNSUBSCRIBE = "/api/v1/webhooks/email/unsubscribe";

  @DynamicPropertySource
  static void verificationKey(DynamicPropertyRegistry properties) {
    properties.add(
        "leadflow.webhooks.sendgrid-verification-key",
        () -> Base64.getEncoder().encodeToString(SENDGRID.getPublic().getEncoded()));
    properties.add("leadflow.webhooks.inbound-parse-token", () -> "parse-secret");
  }

  @Autowired Suppressions suppressions;
  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry meters;
  @Autowired UnsubscribeTokens unsubscribeTokens;

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sign(String timestamp, String body) throws Exception {
    Signature ecdsa = Signature.getInstance("SHA256withECDSA");
    ecdsa.initSign(SENDGRID.getPrivate());
    ecdsa.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(ecdsa.sign());
  }

  private HttpResponse<String> events(String body, String signature, String timestamp) {
    Map<String, String> headers = new java.util.HashMap<>();
    if (signature != null) {
      headers.put("X-Twilio-Email-Event-Webhook-Signature", signature);
    }
    if (timestamp != null) {
      headers.put("X-Twilio-Email-Event-Webhook-Timestamp", timestamp);
    }
    return call("POST", EVENTS, null, body, headers);
  }

  private static String bounce(String email, String leadId, String eventId) {
    return "[{\"email\":\"" + email + "\",\"event\":\"bounce\",\"sg_event_id\":\"" + eventId
        + "\",\"sg_message_id\":\"msg-1.filter0001\",\"lead_id\":\"" + leadId + "\",\"timestamp\":1700000000}]";
  }

  @Test
  void aSignedBounceSuppressesTheAddressForEmailOnce() throws Exception {
    String email = uniqueEmail();
    String leadId = leadOf(post("/api/v1/leads", INGEST, leadJson(email, null)));
    String eventId = "evt-" + UUID.randomUUID();
    String body = bounce(email, leadId, eventId);
    String now = Long.toString(Instant.now().getEpochSecond());

    assertThat(events(body, sign(now, body), now).statusCode()).isEqualTo(200);
    assertThat(events(body, sign(now, body), now).statusCode()).isEqualTo(200);

    assertThat(suppressions.blocks(ContactKeys.of(email, null).email(), Channel.EMAIL)).isTrue();
    assertThat(jdbc.sql("select count(*) from inbound_event where dedupe_key = ?").param("sendgrid:" + eventId).query(Long.class).single())
        .isEqualTo(1);
  }

  /**
   * One event as SendGrid documents it (Event Webhook reference), with the fields a real batch
   * carries: categories as an array, an IP pool object, numbers and booleans, a click's url_offset.
   */
  private static String event(String type, String email, String leadId) {
    String common =
        "\"email\":\"" + email + "\",\"timestamp\":" + Instant.now().getEpochSecond()
            + ",\"smtp-id\":\"<14c5d75ce93.dfd.64b469@ismtpd-555>\",\"event\":\"" + type + "\""
            + ",\"category\":[\"leadflow\",\"cadence\"],\"sg_event_id\":\"" + UUID.randomUUID()
            + "\",\"sg_message_id\":\"14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0\",\"lead_id\":\"" + leadId + "\"";
    String specific =
        switch (type) {
          case "processed", "delivered" -> ",\"response\":\"250 OK\",\"pool\":{\"name\":\"new_MY_test\",\"id\":210}";
          case "open" -> ",\"sg_machine_open\":false,\"useragent\":\"Mozilla/4.0 (compatible; MSIE 6.1; Windows XP)\",\"ip\":\"255.255.255.255\"";
          case "click" ->
              ",\"useragent\":\"Mozilla/4.0 (compatible; MSIE 6.1; Windows XP)\",\"ip\":\"255.255.255.255\""
                  + ",\"url\":\"https://leadflow.example/pricing\",\"url_offset\":{\"index\":0,\"type\":\"html\"}";
          case "bounce" -> ",\"reason\":\"500 unknown recipient\",\"status\":\"5.0.0\",\"type\":\"bounce\",\"bounce_classification\":\"Invalid Address\"";
          case "unsubscribe", "group_unsubscribe" -> ",\"asm_group_id\":10";
          default -> "";
        };
    return "{" + common + specific + "}";
  }

  @Test
  void aGroupResubscribeLiftsTheUnsubscribeForEmailWithItsEvidence() throws Exception {
    String email = uniqueEmail();
    String leadId = leadOf(post("/api/v1/leads", INGEST, leadJson(email, null)));
    assertThat(signedEvents("[" + event("group_unsubscribe", email, leadId) + "]").statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> emailSuppressed(email));

    assertThat(signedEvents("[" + event("group_resubscribe", email, leadId) + "]").statusCode()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(10)).until(() -> !emailSuppressed(email));
    assertThat(jdbc.sql("select evidence from suppression_lifted where contact_key = ?")
            .param(ContactKeys.of(email, null).email()).query(String.class).single())
        .startsWith("SendGrid group_resubscribe (event ");
  }

  private HttpResponse<String> signedEvents(String body) throws Exception {
    String now = Long.toString(Instant.now().getEpochSecond());
    return events(body, sign(now, body), now);
  }

  private boolean emailSuppressed(String email) {
    return suppressions.blocks(ContactKeys.of(email, null).email(), Channel.EMAIL);
  }

  private double skipped() {
    return meters.find("leadflow.webhooks.events.skipped").tag("provider", "sendgrid").counters().stream()
        .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
  }

  @Test
  void aRealisticBatchOfEightyEventsIsAcceptedAndEveryBounceAndUnsubscribeApplied() throws Exception {
    String[] types = {"processed", "delivered", "open", "click", "bounce", "unsubscribe", "spamreport", "dropped"};
    List<String> events = new ArrayList<>();
    List<String> suppressedEmails = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      String type = types[i % types.length];
      String email = uniqueEmail();
      events.add(event(type, email, UUID.randomUUID().toString()));
      if (List.of("bounce", "unsubscribe", "spamreport", "dropped").contains(type)) {
        suppressedEmails.add(email);
      }
    }
    String batch = "[" + String.join(",", events) + "]";
    assertThat(batch.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(16 * 1024);

    HttpResponse<String> answer = signedEvents(batch);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(suppressedEmails).hasSize(40).allSatisfy(email -> assertThat(emailSuppressed(email)).as(email).isTrue());
  }

  @Test
  void anEventWithACategoryArrayOrAnObjectFieldIsAppliedLikeAnyOther() throws Exception {
    String bounced = uniqueEmail();
    String clicked = uniqueEmail();
    String unsubscribed = uniqueEmail();
    String batch =
        "[" + event("bounce", bounced, UUID.randomUUID().toString()) + "," + event("click", clicked, UUID.randomUUID().toString())
            + "," + event("unsubscribe", unsubscribed, UUID.randomUUID().toString()) + "]";

    HttpResponse<String> answer = signedEvents(batch);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(emailSuppressed(bounced)).isTrue();
    assertThat(emailSuppressed(unsubscribed)).isTrue();
    assertThat(emailSuppressed(clicked)).isFalse();
  }

  @Test
  void anEventLeadFlowCannotUseIsRecordedAndSkippedAndNeverCostsTheOthers() throws Exception {
    String bounced = uniqueEmail();
    String unsubscribed = uniqueEmail();
    double skippedBefore = skipped();
    String batch =
        "[" + event("bounce", bounced, UUID.randomUUID().toString())
            + ",\"not an event\",42,null,[1,2]"
            + ",{\"email\":\"" + uniqueEmail() + "\",\"sg_event_id\":\"" + UUID.randomUUID() + "\"}"
            + ",{\"event\":{\"type\":\"bounce\"},\"email\":\"" + uniqueEmail() + "\"}"
            + ",{\"event\":\"a_type_sendgrid_invents_later\",\"email\":\"" + uniqueEmail() + "\",\"sg_event_id\":\"" + UUID.randomUUID() + "\"}"
            + "," + event("unsubscribe", unsubscribed, "not-a-lead-id") + "]";

    HttpResponse<String> answer = signedEvents(batch);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(emailSuppressed(bounced)).isTrue();
    assertThat(emailSuppressed(unsubscribed)).isTrue();
    assertThat(skipped() - skippedBefore).isEqualTo(7);
  }

  @Test
  void aSignedBodyThatIsNoListOfEventsIs400() throws Exception {
    HttpResponse<String> notJson = signedEvents("{not json");
    HttpResponse<String> notAList = signedEvents("{\"event\":\"bounce\"}");

    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notAList.statusCode()).isEqualTo(400);
    assertThat(notAList.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void anythingNotProvablyFromSendGridIs403AndAppliesNothing() throws Exception {
    String email = uniqueEmail();
    String body = bounce(email, UUID.randomUUID().toString(), "evt-" + UUID.randomUUID());
    String now = Long.toString(Instant.now().getEpochSecond());
    String stale = Long.toString(Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond());

    assertThat(events(body.replace("bounce", "delivered"), sign(now, body), now).statusCode()).isEqualTo(403);
    assertThat(events(body, sign(stale, body), stale).statusCode()).isEqualTo(403);
    assertThat(events(body, null, now).statusCode()).isEqualTo(403);
    assertThat(events(body, sign(now, body), null).statusCode()).isEqualTo(403);
    assertThat(events(body, "***not base64***", now).statusCode()).isEqualTo(403);
    assertThat(events(body, Base64.getEncoder().encodeToString("garbage".getBytes(StandardCharsets.UTF_8)), now).statusCode())
        .isEqualTo(403);

    assertThat(suppressions.blocks(ContactKeys.of(email, null).email(), Channel.EMAIL)).isFalse();
  }

  @Test
  void aReplyThroughInboundParseReachesTheLead() {
    String leadId = routedLead();
    String form =
        "to=" + URLEncoder.encode("LeadFlow <replies+" + leadId + "@reply.leadflow.test>", StandardCharsets.UTF_8)
            + "&from=" + URLEncoder.encode("sarah@acme.test", StandardCharsets.UTF_8)
            + "&subject=Re%3A+hello&text=" + URLEncoder.encode("Sounds good, call me", StandardCharsets.UTF_8)
            + "&headers=" + URLEncoder.encode("From: sarah@acme.test\nMessage-ID: <" + UUID.randomUUID() + "@acme.test>\n", StandardCharsets.UTF_8);

    HttpResponse<String> wrongToken =
        call("POST", "/api/v1/webhooks/sendgrid/inbound?token=nope", null, form, Map.of("Content-Type", "application/x-www-form-urlencoded"));
    HttpResponse<String> accepted =
        call("POST", "/api/v1/webhooks/sendgrid/inbound?token=parse-secret", null, form, Map.of("Content-Type", "application/x-www-form-urlencoded"));

    assertThat(wrongToken.statusCode()).isEqualTo(403);
    assertThat(accepted.statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "ENGAGED".equals(body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString()));
  }

  /** An email as Inbound Parse posts it: multipart form fields, and the attachment as a file part. */
  private static byte[] inboundParseEmail(String leadId, int attachmentBytes) {
    String boundary = "xYzZY";
    StringBuilder fields = new StringBuilder();
    Map.of(
            "to", "LeadFlow <replies+" + leadId + "@reply.leadflow.test>",
            "from", "sarah@acme.test",
            "subject", "Re: hello",
            "text", "Sounds good, the signed form is attached",
            "headers", "From: sarah@acme.test\nMessage-ID: <" + UUID.randomUUID() + "@acme.test>\n",
            "attachments", "1")
        .forEach((name, value) ->
            fields.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
                .append("\"\r\n\r\n").append(value).append("\r\n"));
    fields.append("--").append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"attachment1\"; filename=\"form.pdf\"\r\nContent-Type: application/pdf\r\n\r\n");
    byte[] head = fields.toString().getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] email = new byte[head.length + attachmentBytes + tail.length];
    System.arraycopy(head, 0, email, 0, head.length);
    java.util.Arrays.fill(email, head.length, head.length + attachmentBytes, (byte) '%');
    System.arraycopy(tail, 0, email, head.length + attachmentBytes, tail.length);
    return email;
  }

  private HttpResponse<String> postInboundParse(byte[] email, boolean chunked) throws Exception {
    java.net.http.HttpRequest request =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/webhooks/sendgrid/inbound?token=parse-secret"))
            .header("Content-Type", "multipart/form-data; boundary=xYzZY")
            .POST(chunked
                ? java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(email))
                : java.net.http.HttpRequest.BodyPublishers.ofByteArray(email))
            .build();
    return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aReplyWithAnAttachmentThroughInboundParseReachesTheLead() throws Exception {
    String leadId = routedLead();

    HttpResponse<String> accepted = postInboundParse(inboundParseEmail(leadId, 2 * 1024 * 1024), false);

    assertThat(accepted.statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "ENGAGED".equals(body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString()));
  }

  @Test
  void anInboundParseEmailOverSendGridsThirtyMegabytesIs413EvenChunked() throws Exception {
    HttpResponse<String> refused = postInboundParse(inboundParseEmail(UUID.randomUUID().toString(), 31 * 1024 * 1024), true);

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void aSignedOneClickUnsubscribeLinkStopsEmail() {
    String email = uniqueEmail();
    String leadId = body(post("/api/v1/leads", ADMIN, leadJson(email, null))).get("leadId").asString();
    String token = unsubscribeTokens.issue(UUID.fromString(leadId), Channel.EMAIL, Instant.now());

    HttpResponse<String> answer = oneClick("?token=" + token);
    HttpResponse<String> again = oneClick("?token=" + token);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(suppressions.blocks(ContactKeys.of(email, null).email(), Channel.EMAIL)).isTrue();
    assertThat(unsubscribeEvents(leadId)).isEqualTo(1);
  }

  @Test
  void aTamperedExpiredOrBareIdLinkStoresNothing() {
    String email = uniqueEmail();
    String leadId = body(post("/api/v1/leads", ADMIN, leadJson(email, null))).get("leadId").asString();
    String forAnotherLead = unsubscribeTokens.issue(UUID.randomUUID(), Channel.EMAIL, Instant.now());
    String tampered = leadId + forAnotherLead.substring(forAnotherLead.indexOf('.'));
    String expired = unsubscribeTokens.issue(UUID.fromString(leadId), Channel.EMAIL, Instant.now().minus(Duration.ofDays(61)));

    HttpResponse<String> tamperedAnswer = oneClick("?token=" + tampered);
    HttpResponse<String> expiredAnswer = oneClick("?token=" + expired);
    HttpResponse<String> bareId = oneClick("?lead=" + leadId);

    assertThat(tamperedAnswer.statusCode()).isEqualTo(403);
    assertThat(expiredAnswer.statusCode()).isEqualTo(410);
    assertThat(bareId.statusCode()).isEqualTo(403);
    for (HttpResponse<String> refused : List.of(tamperedAnswer, expiredAnswer, bareId)) {
      assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }
    assertThat(suppressions.blocks(ContactKeys.of(email, null).email(), Channel.EMAIL)).isFalse();
    assertThat(unsubscribeEvents(leadId)).isZero();
  }

  @Test
  void openingTheLinkShowsAPageAndUnsubscribesNobody() {
    String email = uniqueEmail();
    String leadId = body(post("/api/v1/leads", ADMIN, leadJson(email, null))).get("leadId").asString();
    String token = unsubscribeTokens.issue(UUID.fromString(leadId), Channel.EMAIL, Instant.now());
    String expired = unsubscribeTokens.issue(UUID.fromString(leadId), Channel.EMAIL, Instant.now().minus(Duration.ofDays(61)));

    HttpResponse<String> page = get(UNSUBSCRIBE + "?token=" + token, null);
    HttpResponse<String> expiredPage = get(UNSUBSCRIBE + "?token=" + expired, null);
    HttpResponse<String> forgedPage = get(UNSUBSCRIBE + "?token=" + leadId, null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body()).contains("<form method=\"post\" action=\"?token=" + token + "\"");
    assertThat(expiredPage.statusCode()).isEqualTo(410);
    assertThat(expiredPage.body()).contains("expired");
    assertThat(forgedPage.statusCode()).isEqualTo(403);
    assertThat(suppressions.blocks(ContactKeys.of(email, null).email(), Channel.EMAIL)).isFalse();
    assertThat(unsubscribeEvents(leadId)).isZero();
  }

  private HttpResponse<String> oneClick(String query) {
    return call("POST", UNSUBSCRIBE + query, null, "List-Unsubscribe=One-Click",
        Map.of("Content-Type", "application/x-www-form-urlencoded"));
  }

  private int unsubscribeEvents(String leadId) {
    return jdbc.sql("select count(*) from inbound_event where kind = 'unsubscribe' and lead_id = ?")
        .param(UUID.fromString(leadId))
        .query(Integer.class)
        .single();
  }
}
