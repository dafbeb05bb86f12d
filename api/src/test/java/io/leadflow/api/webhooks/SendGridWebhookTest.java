package io.leadflow.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.Suppressions;
import io.leadflow.api.ApiTest;
import io.leadflow.workflows.Channel;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The signed Event Webhook (ECDSA P-256 over timestamp + body), Inbound Parse and one-click unsubscribe. */
class SendGridWebhookTest extends ApiTest {

  private static final KeyPair SENDGRID = keyPair();
  private static final String EVENTS = "/api/v1/webhooks/sendgrid/events";

  @DynamicPropertySource
  static void verificationKey(DynamicPropertyRegistry properties) {
    properties.add(
        "leadflow.webhooks.sendgrid-verification-key",
        () -> Base64.getEncoder().encodeToString(SENDGRID.getPublic().getEncoded()));
    properties.add("leadflow.webhooks.inbound-parse-token", () -> "parse-secret");
  }

  @Autowired Suppressions suppressions;
  @Autowired JdbcClient jdbc;

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
    String leadId = body(post("/api/v1/leads", INGEST, leadJson(email, null))).get("leadId").asString();
    String eventId = "evt-" + UUID.randomUUID();
    String body = bounce(email, leadId, eventId);
    String now = Long.toString(Instant.now().getEpochSecond());

    assertThat(events(body, sign(now, body), now).statusCode()).isEqualTo(200);
    assertThat(events(body, sign(now, body), now).statusCode()).isEqualTo(200);

    assertThat(suppressions.blocks(ContactKeys.of(email, null).email(), Channel.EMAIL)).isTrue();
    assertThat(jdbc.sql("select count(*) from inbound_event where dedupe_key = ?").param("sendgrid:" + eventId).query(Long.class).single())
        .isEqualTo(1);
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

  @Test
  void oneClickUnsubscribeStopsEmail() {
    String email = uniqueEmail();
    String leadId = body(post("/api/v1/leads", INGEST, leadJson(email, null))).get("leadId").asString();

    HttpResponse<String> answer =
        call("POST", "/api/v1/webhooks/email/unsubscribe?lead=" + leadId, null, "List-Unsubscribe=One-Click",
            Map.of("Content-Type", "application/x-www-form-urlencoded"));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(suppressions.blocks(ContactKeys.of(email, null).email(), Channel.EMAIL)).isTrue();
  }
}
