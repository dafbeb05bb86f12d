package io.leadflow.activities.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leadflow.activities.StoredLeads;
import io.leadflow.activities.consent.UnsubscribeTokens;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.QuietHoursPolicy;
import io.leadflow.workflows.Touch;
import io.leadflow.workflows.TouchRequest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every message carries whatever its template says, as SendGrid and Twilio (WireMock) receive
 * it: the messages are made here, not rendered from a template, so no template can supply it.
 */
@SpringBootTest
class ComplianceInMessagesTest {

  private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
  private static final String HINT = "Text STOP to end texts from Acme.";
  private static final TouchRequest.QuietHoursCheck ANY_HOUR =
      new TouchRequest.QuietHoursCheck(new QuietHoursPolicy.Window(LocalTime.MIN, LocalTime.MAX), List.of("UTC"));
  private static final WireMockServer providers = new WireMockServer(options().dynamicPort());

  static {
    providers.start();
  }

  @DynamicPropertySource
  static void providersAtWireMock(DynamicPropertyRegistry properties) {
    ProvidersAt.port(properties, providers::port);
    properties.add("leadflow.compliance.sms-opt-out-hint", () -> HINT);
  }

  @AfterAll
  static void stop() {
    providers.stop();
  }

  @Autowired Senders senders;
  @Autowired OutreachActivitiesImpl implementation;
  @Autowired LeadRepository leads;
  @Autowired UnsubscribeTokens tokens;
  @MockitoBean Clock clock;

  @BeforeEach
  void setUp() {
    when(clock.instant()).thenReturn(NOW);
    providers.resetAll();
    providers.stubFor(post(ProvidersAt.MAIL).willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "sg-1")));
    providers.stubFor(post(ProvidersAt.MESSAGES).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM1\"}")));
  }

  @Test
  void anEmailWithoutAFooterGetsTheUnsubscribeLinkAndThePostalAddressInBothPartsAndTheOneClickHeaders() {
    Lead lead = StoredLeads.save(leads, false);
    String link = unsubscribeLink(lead);
    String escapedLink = link.replace("&", "&amp;");

    send(lead, Channel.EMAIL, new Message("Hello", "Hi Sarah,\n\nA word from us.\n", "<html><body><p>Hi Sarah</p></body></html>"));

    JsonNode mail = lastMail();
    assertThat(mail.get("headers").get("List-Unsubscribe").asString()).isEqualTo("<" + link + ">").startsWith("<https://");
    assertThat(mail.get("headers").get("List-Unsubscribe-Post").asString()).isEqualTo("List-Unsubscribe=One-Click");
    assertThat(text(mail))
        .isEqualTo("Hi Sarah,\n\nA word from us.\n\nUnsubscribe: " + link + "\nAcme & Sons, 1 Main St, Springfield, IL 62701, USA");
    assertThat(html(mail))
        .isEqualTo(
            "<html><body><p>Hi Sarah</p><p style=\"font-size:12px;color:#666666\"><a href=\"" + escapedLink
                + "\">Unsubscribe</a><br>Acme &amp; Sons, 1 Main St, Springfield, IL 62701, USA</p></body></html>");
    assertThat(tokens.check(token(link), Channel.EMAIL, NOW).claim()).hasValueSatisfying(c -> assertThat(c.leadId()).isEqualTo(lead.id()));
  }

  @Test
  void anEmailThatAlreadyShowsTheLinkAndTheAddressGetsNoSecondFooter() {
    Lead lead = StoredLeads.save(leads, false);
    String link = unsubscribeLink(lead);
    String text = "Hi Sarah.\n\nUnsubscribe here: " + link + "\n" + ProvidersAt.POSTAL_ADDRESS;
    String html = "<p>Hi Sarah.</p><p><a href=\"" + link + "\">unsubscribe</a> Acme &amp; Sons, 1 Main St, Springfield, IL 62701, USA</p>";

    send(lead, Channel.EMAIL, new Message("Hello", text, html));

    JsonNode mail = lastMail();
    assertThat(text(mail)).isEqualTo(text);
    assertThat(html(mail)).isEqualTo(html);
    assertThat(mail.get("headers").get("List-Unsubscribe").asString()).isEqualTo("<" + link + ">");
  }

  @Test
  void anEmailThatShowsOnlyTheLinkGetsOnlyTheAddress() {
    Lead lead = StoredLeads.save(leads, false);
    String link = unsubscribeLink(lead);

    send(lead, Channel.EMAIL, new Message("Hello", "Unsubscribe: " + link, null));

    assertThat(text(lastMail())).isEqualTo("Unsubscribe: " + link + "\n\n" + ProvidersAt.POSTAL_ADDRESS);
    assertThat(lastMail().get("content")).hasSize(1);
  }

  @Test
  void theFirstTextToANumberCarriesTheConfiguredHintAndLaterTextsDoNotGetItAdded() {
    Lead lead = StoredLeads.save(leads, true);
    Message noHint = new Message(null, "Hi Sarah, are you free at 3?", null);

    send(lead, Channel.SMS, noHint);
    String first = lastText();
    Touch cadence;
    try (OneAttemptOutreach temporal = new OneAttemptOutreach(implementation, Duration.ofSeconds(30))) {
      cadence = temporal.outreach.sendTouch(dayOne(lead));
    }
    send(lead, Channel.SMS, noHint);
    String later = lastText();

    assertThat(first).isEqualTo("Hi Sarah, are you free at 3? " + HINT);
    assertThat(cadence.outcome()).isEqualTo(Touch.Outcome.SENT);
    assertThat(later).isEqualTo("Hi Sarah, are you free at 3?");
  }

  @Test
  void aFirstTextThatAlreadySaysStopIsNotGivenASecondHint() {
    Lead shouting = StoredLeads.save(leads, true);
    Lead quiet = StoredLeads.save(leads, true);

    send(shouting, Channel.SMS, new Message(null, "Hi Sarah, it's Ana. Reply STOP to opt out.", null));
    String first = lastText();
    send(quiet, Channel.SMS, new Message(null, "Hi Sarah, reply stop to end these.", null));
    String second = lastText();

    assertThat(first).isEqualTo("Hi Sarah, it's Ana. Reply STOP to opt out.");
    assertThat(second).isEqualTo("Hi Sarah, reply stop to end these.");
  }

  private void send(Lead lead, Channel channel, Message message) {
    TouchRequest request =
        new TouchRequest(lead.id().toString(), "compliance", channel, "none", channel == Channel.SMS ? ANY_HOUR : null, "ana", null);
    senders.forChannel(channel).send(request, lead, message);
  }

  /** A day-1 text through the whole activity: recorded as SENT by Twilio. */
  private static TouchRequest dayOne(Lead lead) {
    return new TouchRequest(
        lead.id().toString(), "r1-d1", Channel.SMS, "d1-intro", ANY_HOUR, "ana", null);
  }

  /** The link the sender makes at {@link #NOW}: the same token every time within that second. */
  private String unsubscribeLink(Lead lead) {
    return ProvidersAt.UNSUBSCRIBE_URL + "?token="
        + URLEncoder.encode(tokens.issue(lead.id(), Channel.EMAIL, NOW), StandardCharsets.UTF_8);
  }

  private static String token(String link) {
    return URLDecoder.decode(link.substring(link.indexOf("?token=") + 7), StandardCharsets.UTF_8);
  }

  private static JsonNode lastMail() {
    var mails = providers.findAll(postRequestedFor(urlEqualTo(ProvidersAt.MAIL)));
    return JsonMapper.builder().build().readTree(mails.get(mails.size() - 1).getBodyAsString());
  }

  private static String text(JsonNode mail) {
    return mail.get("content").get(0).get("value").asString();
  }

  private static String html(JsonNode mail) {
    return mail.get("content").get(1).get("value").asString();
  }

  private static String lastText() {
    var texts = providers.findAll(postRequestedFor(urlEqualTo(ProvidersAt.MESSAGES)));
    String form = texts.get(texts.size() - 1).getBodyAsString();
    return Arrays.stream(form.split("&"))
        .filter(field -> field.startsWith("Body="))
        .map(field -> URLDecoder.decode(field.substring(5), StandardCharsets.UTF_8))
        .findFirst()
        .orElseThrow();
  }
}
