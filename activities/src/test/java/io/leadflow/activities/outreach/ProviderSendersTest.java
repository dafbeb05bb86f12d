package io.leadflow.activities.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leadflow.activities.StoredLeads;
import io.leadflow.activities.consent.UnsubscribeTokens;
import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.activities.store.Suppressions;
import io.leadflow.activities.store.TouchRepository;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.OutreachActivities;
import io.leadflow.workflows.Touch;
import io.leadflow.workflows.TouchRequest;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The real twilio-java and sendgrid-java SDKs, pointed at WireMock: the exact requests they send. */
@SpringBootTest
class ProviderSendersTest {

  private static final String ACCOUNT = ProvidersAt.ACCOUNT;
  private static final String MESSAGES = ProvidersAt.MESSAGES;
  private static final String CALLS = ProvidersAt.CALLS;
  private static final WireMockServer providers = new WireMockServer(options().dynamicPort());

  static {
    providers.start();
  }

  @DynamicPropertySource
  static void providersAtWireMock(DynamicPropertyRegistry properties) {
    ProvidersAt.port(properties, providers::port);
    properties.add("leadflow.twilio.status-callback-url", () -> "https://leads.example.com/api/v1/webhooks/twilio/status");
    properties.add("leadflow.twilio.rep-phones.ana", () -> "+12125550111");
    properties.add("leadflow.sendgrid.from-name", () -> "Ana at LeadFlow");
    properties.add("leadflow.sendgrid.reply-domain", () -> "reply.leadflow.test");
    properties.add("leadflow.sendgrid.unsubscribe-group-id", () -> "4242");
  }

  @AfterAll
  static void stop() {
    providers.stop();
  }

  @Autowired OutreachActivitiesImpl implementation;
  @Autowired LeadRepository leads;
  @Autowired TouchRepository touches;
  @Autowired Suppressions suppressions;
  @Autowired UnsubscribeTokens unsubscribeTokens;

  private OneAttemptOutreach temporal;
  private OutreachActivities outreach;

  @BeforeEach
  void setUp() {
    providers.resetAll();
    temporal = new OneAttemptOutreach(implementation, Duration.ofSeconds(30));
    outreach = temporal.outreach;
  }

  @AfterEach
  void close() {
    temporal.close();
  }

  /** Quiet hours have their own tests: here calls and texts may go at any hour. */
  private static final TouchRequest.QuietHoursCheck ANY_HOUR =
      new TouchRequest.QuietHoursCheck(
          new io.leadflow.workflows.QuietHoursPolicy.Window(java.time.LocalTime.MIN, java.time.LocalTime.MAX),
          java.util.List.of("UTC"));

  private static TouchRequest touch(Lead lead, Channel channel, String template) {
    return touch(lead, "r1-d1", channel, template);
  }

  private static TouchRequest touch(Lead lead, String step, Channel channel, String template) {
    return new TouchRequest(
        lead.id().toString(), step, channel, template, channel == Channel.EMAIL ? null : ANY_HOUR, "ana", null);
  }

  @Test
  void aTextGoesThroughTwilioWithTheRenderedTemplateAndAStatusCallback() {
    Lead lead = StoredLeads.save(leads, true);
    providers.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM123\",\"status\":\"queued\"}")));

    Touch sent = outreach.sendTouch(touch(lead, Channel.SMS, "d1-intro"));

    assertThat(sent.outcome()).isEqualTo(Touch.Outcome.SENT);
    assertThat(sent.providerMessageId()).isEqualTo("SM123");
    providers.verify(
        postRequestedFor(urlEqualTo(MESSAGES))
            .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(ACCOUNT, "twilio-token"))
            .withFormParam("To", equalTo(lead.phone()))
            .withFormParam("From", equalTo("+12125550199"))
            .withFormParam("Body", equalTo("Hi Sarah, it's Ana. I just tried to call about your request. When is a good time to talk? Reply STOP to opt out."))
            .withFormParam("StatusCallback", equalTo("https://leads.example.com/api/v1/webhooks/twilio/status")));
    assertThat(touches.findByBusinessKey(touch(lead, Channel.SMS, "d1-intro").businessKey()).orElseThrow().provider())
        .isEqualTo("twilio");
  }

  @Autowired Senders senders;

  @Test
  void aFirstTextWithoutAnOptOutHintGetsTheDefaultOne() {
    Lead lead = StoredLeads.save(leads, true);
    providers.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM124\"}")));

    senders.forChannel(Channel.SMS).send(touch(lead, Channel.SMS, "none"), lead, new Message(null, "Hi Sarah, free at 3?", null));

    providers.verify(
        postRequestedFor(urlEqualTo(MESSAGES)).withFormParam("Body", equalTo("Hi Sarah, free at 3? Reply STOP to opt out.")));
  }

  @Test
  void aCallRingsTheRepFirstAndBridgesToTheLead() {
    Lead lead = StoredLeads.save(leads, true);
    providers.stubFor(post(CALLS).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"CA123\",\"status\":\"queued\"}")));

    Touch call = outreach.sendTouch(touch(lead, Channel.CALL, "d1-intro"));

    assertThat(call.providerMessageId()).isEqualTo("CA123");
    providers.verify(
        postRequestedFor(urlEqualTo(CALLS))
            .withFormParam("To", equalTo("+12125550111"))
            .withFormParam("From", equalTo("+12125550199"))
            .withFormParam("Twiml", containing("<Dial callerId=\"+12125550199\"><Number>" + lead.phone() + "</Number></Dial>")));
  }

  @Test
  void anInvalidNumberIsMarkedAndPhoneStepsAreSkippedFromThenOn() {
    Lead lead = StoredLeads.save(leads, true);
    providers.stubFor(
        post(MESSAGES)
            .willReturn(aResponse().withStatus(400).withBody("{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\",\"status\":400}")));

    Touch text = outreach.sendTouch(touch(lead, Channel.SMS, "d1-intro"));
    Touch call = outreach.sendTouch(touch(lead, "r1-d5", Channel.CALL, "d5-call"));

    assertThat(text.outcome()).isEqualTo(Touch.Outcome.SKIPPED);
    assertThat(leads.findById(lead.id()).orElseThrow().phoneInvalid()).isTrue();
    assertThat(call.outcome()).isEqualTo(Touch.Outcome.SKIPPED);
    providers.verify(0, postRequestedFor(urlEqualTo(CALLS)));
  }

  @Test
  void aCarrierOptOutBecomesASuppression() {
    Lead lead = StoredLeads.save(leads, true);
    providers.stubFor(
        post(MESSAGES)
            .willReturn(aResponse().withStatus(400).withBody("{\"code\":21610,\"message\":\"Attempt to send to unsubscribed recipient\",\"status\":400}")));

    Touch text = outreach.sendTouch(touch(lead, Channel.SMS, "d1-intro"));

    assertThat(text.outcome()).isEqualTo(Touch.Outcome.SKIPPED);
    assertThat(suppressions.blocks(ContactKeys.of(null, lead.phone()).phone(), Channel.SMS)).isTrue();
  }

  @Test
  void aThrottledTextIsRetriedLaterAndSentOnce() {
    Lead lead = StoredLeads.save(leads, true);
    providers.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(429).withBody("{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}")));

    assertThatThrownBy(() -> outreach.sendTouch(touch(lead, Channel.SMS, "d1-intro")))
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.isNonRetryable()).isFalse();
              assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(30));
            });
    providers.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    providers.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM777\"}")));
    providers.resetRequests();

    Touch retried = outreach.sendTouch(touch(lead, Channel.SMS, "d1-intro"));
    Touch again = outreach.sendTouch(touch(lead, Channel.SMS, "d1-intro"));

    assertThat(retried.providerMessageId()).isEqualTo("SM777");
    assertThat(again).isEqualTo(retried);
    providers.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
  }

  @Test
  void aLongRefusalIsRecordedCutToFitNotLeftAmbiguous() {
    Lead refused = StoredLeads.save(leads, false);
    Lead optedOut = StoredLeads.save(leads, true);
    String longBody = "Request was not matched. " + "x".repeat(3_000);
    providers.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(404).withBody(longBody)));
    providers.stubFor(
        post(MESSAGES)
            .willReturn(aResponse().withStatus(400).withBody("{\"code\":21610,\"message\":\"" + longBody + "\",\"status\":400}")));

    Touch email = outreach.sendTouch(touch(refused, Channel.EMAIL, "d3-value"));
    Touch text = outreach.sendTouch(touch(optedOut, Channel.SMS, "d1-intro"));

    assertThat(email.outcome()).isEqualTo(Touch.Outcome.FAILED);
    assertThat(touches.findByBusinessKey(touch(refused, Channel.EMAIL, "d3-value").businessKey()).orElseThrow().detail())
        .startsWith("sendgrid: SendGrid 404: Request was not matched.")
        .hasSize(500)
        .endsWith("…");
    assertThat(text.outcome()).isEqualTo(Touch.Outcome.SKIPPED);
    assertThat(suppressions.blocks(ContactKeys.of(null, optedOut.phone()).phone(), Channel.SMS)).isTrue();
  }

  @Test
  void aTwilioServerErrorIsOneAttemptAndLeftToTheActivityRetry() {
    Lead lead = StoredLeads.save(leads, true);
    providers.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(503).withBody("{\"code\":20503,\"message\":\"Service Unavailable\",\"status\":503}")));

    assertThatThrownBy(() -> outreach.sendTouch(touch(lead, Channel.SMS, "d1-intro")))
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(ApplicationFailure.class, failure -> assertThat(failure.isNonRetryable()).isFalse());
    // twilio-java would have posted the text three times, 100 ms apart, before giving up.
    providers.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
  }

  @Test
  void anEmailGoesThroughSendGridWithCorrelationReplyToAndOneClickUnsubscribe() {
    Lead lead = StoredLeads.save(leads, false);
    providers.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "sg-msg-1")));

    Touch email = outreach.sendTouch(touch(lead, Channel.EMAIL, "d3-value"));

    assertThat(email.outcome()).isEqualTo(Touch.Outcome.SENT);
    assertThat(email.providerMessageId()).isEqualTo("sg-msg-1");
    providers.verify(
        postRequestedFor(urlEqualTo("/v3/mail/send"))
            .withHeader("Authorization", equalTo("Bearer SG.test-key"))
            .withRequestBody(
                equalToJson(
                    """
                    {"from":{"email":"ana@leadflow.test","name":"Ana at LeadFlow"},
                     "subject":"A few ideas for you, Sarah",
                     "personalizations":[{"to":[{"email":"%s","name":"Sarah Kim"}],
                       "custom_args":{"lead_id":"%s","step":"r1-d1","touch_key":"%s"}}],
                     "content":[{"type":"text/plain","value":"${json-unit.any-string}"}],
                     "reply_to":{"email":"replies+%s@reply.leadflow.test"},
                     "asm":{"group_id":4242},
                     "headers":{"List-Unsubscribe":"${json-unit.any-string}",
                                "List-Unsubscribe-Post":"List-Unsubscribe=One-Click"}}
                    """
                        .formatted(lead.email(), lead.id(), touch(lead, Channel.EMAIL, "d3-value").businessKey(), lead.id()),
                    true,
                    true)));
    providers.verify(
        postRequestedFor(urlEqualTo("/v3/mail/send"))
            .withRequestBody(matchingJsonPath("$.content[1].type", equalTo("text/html")))
            .withRequestBody(matchingJsonPath("$.content[1].value", containing("<p>Hi Sarah,</p><p>Following up on your request"))));
  }

  @Test
  void theOneClickUnsubscribeLinkCarriesASignedTokenForTheLeadNotItsBareId() {
    Lead lead = StoredLeads.save(leads, false);
    providers.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "sg-msg-2")));

    outreach.sendTouch(touch(lead, Channel.EMAIL, "d3-value"));

    String body = providers.findAll(postRequestedFor(urlEqualTo("/v3/mail/send"))).get(0).getBodyAsString();
    Matcher header =
        Pattern.compile("\"List-Unsubscribe\":\"<https://leads\\.example\\.com/api/v1/webhooks/email/unsubscribe\\?token=([^>\"]+)>\"")
            .matcher(body);
    assertThat(header.find()).as("List-Unsubscribe with a token in " + body).isTrue();
    String token = header.group(1);
    assertThat(body).doesNotContain("unsubscribe?lead=");
    UnsubscribeTokens.Checked checked = unsubscribeTokens.check(token, Channel.EMAIL, Instant.now());
    assertThat(checked.claim()).hasValueSatisfying(claim -> {
      assertThat(claim.leadId()).isEqualTo(lead.id());
      assertThat(claim.expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(59)));
    });
    String forAnotherLead = token.replace(lead.id().toString(), UUID.randomUUID().toString());
    assertThat(unsubscribeTokens.check(forAnotherLead, Channel.EMAIL, Instant.now()).refusal())
        .isEqualTo(UnsubscribeTokens.Refusal.INVALID);
  }

  @Test
  void sendGridErrorsAreCheckedNotAssumedSent() {
    Lead throttled = StoredLeads.save(leads, false);
    Lead refused = StoredLeads.save(leads, false);
    providers.stubFor(
        post("/v3/mail/send")
            .withRequestBody(matching(".*" + throttled.id() + ".*"))
            .willReturn(aResponse().withStatus(429).withBody("{\"errors\":[{\"message\":\"too many\"}]}")));
    providers.stubFor(
        post("/v3/mail/send")
            .withRequestBody(matching(".*" + refused.id() + ".*"))
            .willReturn(aResponse().withStatus(400).withBody("{\"errors\":[{\"message\":\"bad from\"}]}")));

    assertThatThrownBy(() -> outreach.sendTouch(touch(throttled, Channel.EMAIL, "d3-value")))
        .isInstanceOf(ActivityFailure.class);
    Touch failed = outreach.sendTouch(touch(refused, Channel.EMAIL, "d3-value"));

    assertThat(failed.outcome()).isEqualTo(Touch.Outcome.FAILED);
    assertThat(touches.findByBusinessKey(touch(refused, Channel.EMAIL, "d3-value").businessKey()).orElseThrow().detail())
        .startsWith("sendgrid: SendGrid 400");
  }

  @Test
  void floridaLeadsGetAtMostThreeCallsADay() {
    Lead lead = StoredLeads.save(leads, "fl+" + UUID.randomUUID() + "@acme.test", "+1305" + (2_000_000 + (int) (Math.random() * 7_000_000)));
    providers.stubFor(post(CALLS).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"CA1\"}")));

    for (int i = 1; i <= 4; i++) {
      outreach.sendTouch(touch(lead, "r1-call" + i, Channel.CALL, "d5-call"));
    }

    providers.verify(3, postRequestedFor(urlEqualTo(CALLS)));
    assertThat(touches.findByBusinessKey(lead.id() + ":r1-call4:CALL").orElseThrow().detail())
        .isEqualTo("call cap of 3 per 24 h in US-FL reached");
  }
}
