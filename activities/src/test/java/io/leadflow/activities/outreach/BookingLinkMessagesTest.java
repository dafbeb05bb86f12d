package io.leadflow.activities.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leadflow.activities.StoredLeads;
import io.leadflow.activities.routing.Rep;
import io.leadflow.activities.routing.RepStore;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.QuietHoursPolicy;
import io.leadflow.workflows.Tier;
import io.leadflow.workflows.Touch;
import io.leadflow.workflows.TouchRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assigned rep's booking link in messages as Twilio and SendGrid (WireMock) receive them: a
 * HOT lead's instant reply offers it, with the lead's id as {@code utm_content}; no link, no line.
 */
@SpringBootTest
class BookingLinkMessagesTest {

  private static final WireMockServer providers = new WireMockServer(options().dynamicPort());
  private static final String LINK = "https://calendly.com/ana-ruiz/30min?month=2026-03";

  static {
    providers.start();
  }

  @DynamicPropertySource
  static void providersAtWireMock(DynamicPropertyRegistry properties) {
    ProvidersAt.port(properties, providers::port);
  }

  @AfterAll
  static void stop() {
    providers.stop();
  }

  @Autowired OutreachActivitiesImpl implementation;
  @Autowired LeadRepository leads;
  @Autowired RepStore reps;

  private final String withLink = "ana-" + UUID.randomUUID().toString().substring(0, 8);
  private final String withoutLink = "ben-" + UUID.randomUUID().toString().substring(0, 8);
  private OneAttemptOutreach temporal;

  @BeforeEach
  void setUp() {
    providers.resetAll();
    providers.stubFor(post(ProvidersAt.MESSAGES).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM1\"}")));
    providers.stubFor(post(ProvidersAt.MAIL).willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "sg-1")));
    reps.save(rep(withLink, LINK));
    reps.save(rep(withoutLink, null));
    temporal = new OneAttemptOutreach(implementation, Duration.ofSeconds(30));
  }

  @AfterEach
  void close() {
    temporal.close();
    reps.delete(withLink);
    reps.delete(withoutLink);
  }

  @Test
  void aHotLeadsInstantReplyTextOffersTheRepsBookingLinkForThisLead() {
    Lead lead = lead(Tier.HOT, withLink);

    send(lead, Channel.SMS, "instant-reply", withLink);

    assertThat(smsBody())
        .isEqualTo(
            "Hi Sarah, thanks for reaching out! " + display(withLink) + " from our team will call you shortly, or pick a time now: "
                + LINK + "&utm_source=leadflow&utm_content=" + lead.id() + "\nReply STOP to opt out.");
  }

  @Test
  void aHotLeadsInstantReplyEmailOffersTheLinkInTextAndAsAnEscapedHtmlLink() {
    Lead lead = lead(Tier.HOT, withLink);

    send(lead, Channel.EMAIL, "instant-reply", withLink);

    String forLead = LINK + "&utm_source=leadflow&utm_content=" + lead.id();
    String escaped = forLead.replace("&", "&amp;");
    JsonNode content = emailContent();
    assertThat(content.get(0).get("value").asString()).contains("Rather talk right away? Pick a time that suits you: " + forLead + "\n\n");
    assertThat(content.get(1).get("value").asString())
        .contains("<p>Rather talk right away? Pick a time that suits you: <a href=\"" + escaped + "\">" + escaped + "</a></p>");
  }

  @Test
  void aWarmLeadsInstantReplyHasNoBookingLink() {
    Lead lead = lead(Tier.WARM, withLink);

    send(lead, Channel.SMS, "instant-reply", withLink);
    send(lead, Channel.EMAIL, "instant-reply", withLink);

    assertThat(smsBody())
        .isEqualTo("Hi Sarah, thanks for reaching out! " + display(withLink) + " from our team will call you shortly. Reply STOP to opt out.");
    assertThat(emailContent().toString()).doesNotContain("calendly").doesNotContain("Pick a time");
  }

  @Test
  void aHotLeadWhoseRepHasNoLinkGetsTheUsualInstantReply() {
    Lead lead = lead(Tier.HOT, withoutLink);

    send(lead, Channel.SMS, "instant-reply", withoutLink);

    assertThat(smsBody())
        .isEqualTo("Hi Sarah, thanks for reaching out! " + display(withoutLink) + " from our team will call you shortly. Reply STOP to opt out.");
  }

  @Test
  void aCadenceEmailCarriesTheLinkLineOnlyWhenTheRepHasALink() {
    Lead linked = lead(Tier.WARM, withLink);
    Lead unlinked = lead(Tier.WARM, withoutLink);

    send(linked, Channel.EMAIL, "d3-value", withLink);
    JsonNode withALink = emailContent();
    providers.resetRequests();
    send(unlinked, Channel.EMAIL, "d3-value", withoutLink);
    JsonNode withoutALink = emailContent();

    assertThat(withALink.get(0).get("value").asString())
        .contains("a first call with us.\nPick a time that suits you: " + LINK + "&utm_source=leadflow&utm_content=" + linked.id() + "\n\n");
    assertThat(withoutALink.get(0).get("value").asString())
        .startsWith(
            "Hi Sarah,\n\nFollowing up on your request: here is what teams like yours get out of a first call with us.\n\n"
                + display(withoutLink));
    assertThat(withoutALink.get(1).get("value").asString())
        .startsWith(
            "<p>Hi Sarah,</p><p>Following up on your request: here is what teams like yours get out of a first call with us.</p><p>"
                + display(withoutLink) + "</p>");
  }

  private static Rep rep(String id, String bookingLink) {
    return new Rep(id, "Rep " + id, null, null, "UTC", null, 5, 1, List.of(), null, true, bookingLink, null);
  }

  /** How {@code {{rep}}} shows a rep: their name in the rep directory. */
  private static String display(String repId) {
    return "Rep " + repId;
  }

  private Lead lead(Tier tier, String repId) {
    Lead lead = StoredLeads.save(leads, true);
    leads.updateProgress(lead.id(), null, tier == Tier.HOT ? 85 : 55, tier.name(), null, Instant.now(), repId);
    return lead;
  }

  private void send(Lead lead, Channel channel, String template, String repId) {
    TouchRequest.QuietHoursCheck anyHour =
        channel == Channel.EMAIL
            ? null
            : new TouchRequest.QuietHoursCheck(new QuietHoursPolicy.Window(LocalTime.MIN, LocalTime.MAX), List.of("UTC"));
    Touch touch =
        temporal.outreach.sendTouch(
            new TouchRequest(lead.id().toString(), "r1-" + template, channel, template, anyHour, repId, null));
    assertThat(touch.outcome()).isEqualTo(Touch.Outcome.SENT);
  }

  private static String smsBody() {
    var texts = providers.findAll(postRequestedFor(urlEqualTo(ProvidersAt.MESSAGES)));
    String form = texts.get(texts.size() - 1).getBodyAsString();
    return Arrays.stream(form.split("&"))
        .filter(field -> field.startsWith("Body="))
        .map(field -> URLDecoder.decode(field.substring(5), StandardCharsets.UTF_8))
        .findFirst()
        .orElseThrow();
  }

  /** The mail's parts: text/plain first, then text/html. */
  private static JsonNode emailContent() {
    var mails = providers.findAll(postRequestedFor(urlEqualTo(ProvidersAt.MAIL)));
    String body = mails.get(mails.size() - 1).getBodyAsString();
    return JsonMapper.builder().build().readTree(body).get("content");
  }
}
