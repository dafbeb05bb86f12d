package io.leadflow.api.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leadflow.activities.store.TouchRecord;
import io.leadflow.activities.store.TouchRepository;
import io.leadflow.api.ApiTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Whole cadences, compressed to two seconds a day (a reply must reach the workflow before the next
 * step falls due, on a loaded machine too), through the real Twilio and SendGrid SDKs
 * against WireMock: silent leads get every touch exactly once; a reply by SMS or by email stops
 * the rest; STOP stops texts and nothing else.
 */
class WholeCadenceWithProvidersTest extends ApiTest {

  private static final String ACCOUNT = "AC00000000000000000000000000000001";
  private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
  private static final String CALLS = "/2010-04-01/Accounts/" + ACCOUNT + "/Calls.json";
  private static final WireMockServer providers = new WireMockServer(options().dynamicPort());

  static {
    providers.start();
    providers.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(MESSAGES).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM{{randomValue length=16 type='ALPHANUMERIC'}}\"}").withTransformers("response-template")));
    providers.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(CALLS).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"CA{{randomValue length=16 type='ALPHANUMERIC'}}\"}").withTransformers("response-template")));
    providers.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/v3/mail/send").willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "{{randomValue length=16 type='ALPHANUMERIC'}}").withTransformers("response-template")));
  }

  @DynamicPropertySource
  static void compressedTimeAndProvidersAtWireMock(DynamicPropertyRegistry properties) {
    properties.add("leadflow.lifecycle.day", () -> "2s");
    properties.add("leadflow.lifecycle.ack-sla", () -> "100ms");
    properties.add("leadflow.lifecycle.tiers.warm.ack-sla", () -> "100ms");
    properties.add("leadflow.lifecycle.backup-ack-sla", () -> "100ms");
    properties.add("leadflow.lifecycle.engaged-follow-up", () -> "1h");
    properties.add("leadflow.lifecycle.quiet-hours.window.start", () -> "00:00");
    properties.add("leadflow.lifecycle.quiet-hours.window.end", () -> "23:59:59");
    properties.add("leadflow.lifecycle.quiet-hours.fallback-zones", () -> "UTC");
    properties.add("leadflow.twilio.account-sid", () -> ACCOUNT);
    properties.add("leadflow.twilio.auth-token", () -> TwilioWebhookTest.TOKEN);
    properties.add("leadflow.twilio.from-number", () -> "+12125550199");
    properties.add("leadflow.twilio.rep-phones.mia", () -> "+12125550133");
    properties.add("leadflow.twilio.base-url", providers::baseUrl);
    properties.add("leadflow.sendgrid.api-key", () -> "SG.test");
    properties.add("leadflow.sendgrid.from-email", () -> "team@leadflow.test");
    properties.add("leadflow.sendgrid.reply-domain", () -> "reply.leadflow.test");
    properties.add("leadflow.sendgrid.host", () -> "localhost:" + providers.port());
    properties.add("leadflow.sendgrid.plain-http", () -> "true");
    properties.add("leadflow.sendgrid.unsubscribe-url", () -> "https://leads.example.com/api/v1/webhooks/email/unsubscribe");
    properties.add("leadflow.compliance.postal-address", () -> "LeadFlow Inc., 1 Main St, Springfield, IL 62701, USA");
    properties.add("leadflow.webhooks.public-base-url", () -> "https://leads.example.com");
    properties.add("leadflow.webhooks.twilio-auth-token", () -> TwilioWebhookTest.TOKEN);
    properties.add("leadflow.webhooks.inbound-parse-token", () -> "parse-secret");
  }

  @AfterAll
  static void stop() {
    providers.stop();
  }

  @Autowired TouchRepository touches;

  private record Lead(String id, String email, String phone) {}

  private Lead capture() {
    String email = uniqueEmail();
    String phone = uniquePhone().replace(" ", "");
    String id = leadOf(post("/api/v1/leads", INGEST, consentingLeadJson(email, phone)));
    return new Lead(id, email, phone);
  }

  private List<LoggedRequest> texts(Lead lead) {
    return providers.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(MESSAGES)))
        .stream().filter(r -> r.getBodyAsString().contains(URLEncoder.encode(lead.phone(), StandardCharsets.UTF_8))).toList();
  }

  private List<LoggedRequest> calls(Lead lead) {
    return providers.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(CALLS)))
        .stream().filter(r -> r.getBodyAsString().contains(URLEncoder.encode(lead.phone(), StandardCharsets.UTF_8))).toList();
  }

  private List<LoggedRequest> emails(Lead lead) {
    return providers.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/v3/mail/send")))
        .stream().filter(r -> r.getBodyAsString().contains(lead.email())).toList();
  }

  private List<TouchRecord> sent(Lead lead) {
    return touches.findByLeadIdOrderByCreatedAtAscIdAsc(UUID.fromString(lead.id())).stream()
        .filter(t -> "SENT".equals(t.outcome()))
        .toList();
  }

  @Test
  void silentRepliedAndStoppedLeadsGetExactlyTheTouchesTheyShould() throws Exception {
    Lead silent = capture();
    Lead repliesBySms = capture();
    Lead repliesByEmail = capture();
    Lead textsStop = capture();

    sms(textsStop, "STOP");
    await().atMost(Duration.ofSeconds(30)).until(() -> texts(repliesBySms).size() == 1);
    sms(repliesBySms, "Sure, call me tomorrow");
    await().atMost(Duration.ofSeconds(30)).until(() -> emails(repliesByEmail).size() == 2); // instant + day 3
    emailReply(repliesByEmail);

    await()
        .atMost(Duration.ofSeconds(80))
        .until(() -> "NURTURE".equals(body(get("/api/v1/leads/" + silent.id(), ADMIN)).get("status").asString()));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "NURTURE".equals(body(get("/api/v1/leads/" + textsStop.id(), ADMIN)).get("status").asString()));

    // Silent: instant reply + day 3, 8, 14 emails; day 1 and 5 calls; day 1 text. Each exactly once.
    assertThat(emails(silent)).hasSize(4);
    assertThat(calls(silent)).hasSize(2);
    assertThat(texts(silent)).hasSize(1);
    assertThat(sent(silent)).hasSize(7);
    // The touch log and the provider's log agree.
    assertThat(sent(silent)).extracting(TouchRecord::provider).containsOnly("twilio", "sendgrid");

    assertThat(body(get("/api/v1/leads/" + repliesBySms.id(), ADMIN)).get("status").asString()).isEqualTo("ENGAGED");
    assertThat(texts(repliesBySms)).hasSize(1);
    assertThat(emails(repliesBySms)).hasSize(1); // only the instant reply: nothing after the reply
    assertThat(body(get("/api/v1/leads/" + repliesByEmail.id(), ADMIN)).get("status").asString()).isEqualTo("ENGAGED");
    assertThat(emails(repliesByEmail)).hasSize(2);

    assertThat(texts(textsStop)).isEmpty();
    assertThat(calls(textsStop)).hasSize(2);
    assertThat(emails(textsStop)).hasSize(4);
  }

  private void sms(Lead lead, String body) throws Exception {
    Map<String, String> params = Map.of("From", lead.phone(), "To", "+12125550199", "Body", body, "MessageSid", "SM" + UUID.randomUUID());
    String form =
        params.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(java.util.stream.Collectors.joining("&"));
    var answer =
        call("POST", "/api/v1/webhooks/twilio/sms", null, form,
            Map.of("Content-Type", "application/x-www-form-urlencoded",
                "X-Twilio-Signature", TwilioWebhookTest.sign("https://leads.example.com/api/v1/webhooks/twilio/sms", params)));
    assertThat(answer.statusCode()).isEqualTo(200);
  }

  private void emailReply(Lead lead) {
    String form =
        "to=" + URLEncoder.encode("replies+" + lead.id() + "@reply.leadflow.test", StandardCharsets.UTF_8)
            + "&from=" + URLEncoder.encode(lead.email(), StandardCharsets.UTF_8)
            + "&subject=Re&text=interested";
    var answer =
        call("POST", "/api/v1/webhooks/sendgrid/inbound?token=parse-secret", null, form,
            Map.of("Content-Type", "application/x-www-form-urlencoded"));
    assertThat(answer.statusCode()).isEqualTo(200);
  }
}
