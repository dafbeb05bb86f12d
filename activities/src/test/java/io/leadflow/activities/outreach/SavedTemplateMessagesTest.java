package io.leadflow.activities.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leadflow.activities.messages.InvalidTemplate;
import io.leadflow.activities.messages.MessageTemplateStore;
import io.leadflow.activities.messages.TemplatePins;
import io.leadflow.activities.messages.VariantRule;
import io.leadflow.activities.messages.VariantRules;
import io.leadflow.activities.routing.Rep;
import io.leadflow.activities.routing.RepStore;
import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.activities.store.TouchRecord;
import io.leadflow.activities.store.TouchRepository;
import io.leadflow.workflows.Channel;
import io.leadflow.workflows.QuietHoursPolicy;
import io.leadflow.workflows.TemplateVersions;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Templates saved as data, as Twilio and SendGrid (WireMock) receive them: the next touch sends the
 * newest version or the one pinned for the lead, a variant when the lead meets its rule, the touch
 * records which template and version it sent, and values are escaped in HTML.
 */
@SpringBootTest
class SavedTemplateMessagesTest {

  private static final WireMockServer providers = new WireMockServer(options().dynamicPort());

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
  @Autowired TouchRepository touches;
  @Autowired RepStore reps;
  @Autowired MessageTemplateStore templates;
  @Autowired TemplatePins pins;
  @Autowired VariantRules variants;
  @Autowired JdbcClient jdbc;

  private final String repId = "cleo-" + UUID.randomUUID().toString().substring(0, 8);
  private final String name = "promo-" + UUID.randomUUID().toString().substring(0, 8);
  private OneAttemptOutreach temporal;

  @BeforeEach
  void setUp() {
    providers.resetAll();
    providers.stubFor(post(ProvidersAt.MESSAGES).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM1\"}")));
    providers.stubFor(post(ProvidersAt.MAIL).willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "sg-1")));
    reps.save(new Rep(repId, "Cleo Park", null, null, "UTC", null, 5, 1, List.of(), null, true, null, null));
    temporal = new OneAttemptOutreach(implementation, Duration.ofSeconds(30));
  }

  @AfterEach
  void close() {
    temporal.close();
    reps.delete(repId);
  }

  @Test
  void theNextTextSendsTheNewestSavedVersionAndTheTouchRecordsIt() {
    Lead lead = lead("Acme");
    templates.save(Channel.SMS, name, null, null, "Hi {{firstName}}, {{repName}} here about {{interest}} for {{company}}. Reply STOP to opt out.");
    String first = send(lead, "r1-a", Channel.SMS, name);
    templates.save(Channel.SMS, name, null, null, "{{firstName}}, it's {{rep}} again. Reply STOP to opt out.");
    String second = send(lead, "r1-b", Channel.SMS, name);

    assertThat(smsBodies()).containsExactly(
        "Hi Sarah, Cleo Park here about demo for Acme. Reply STOP to opt out.",
        "Sarah, it's Cleo Park again. Reply STOP to opt out.");
    assertThat(touches.findByBusinessKey(first).orElseThrow().templateVersion()).isEqualTo(1);
    assertThat(touches.findByBusinessKey(second).orElseThrow().templateVersion()).isEqualTo(2);
  }

  /** Issue 20: a running lead keeps the version its touch was planned with. */
  @Test
  void aTouchSendsTheVersionPinnedWhenTheLeadsPlaybookWasResolvedNotANewerOne() {
    Lead lead = lead("Acme");
    templates.save(Channel.SMS, name, null, null, "Planned wording for {{firstName}}. Reply STOP to opt out.");
    TemplateVersions planned = pins.newest(List.of(name));
    templates.save(Channel.SMS, name, null, null, "Edited wording for {{firstName}}. Reply STOP to opt out.");

    String pinned = send(lead, "r1-a", Channel.SMS, name, planned.of(Channel.SMS));
    String unpinned = send(lead, "r1-b", Channel.SMS, name, null);

    assertThat(planned.of(Channel.SMS)).containsEntry(name, 1).containsEntry("default", 1);
    assertThat(smsBodies()).containsExactly(
        "Planned wording for Sarah. Reply STOP to opt out.", "Edited wording for Sarah. Reply STOP to opt out.");
    assertThat(touches.findByBusinessKey(pinned).orElseThrow().templateVersion()).isEqualTo(1);
    assertThat(touches.findByBusinessKey(unpinned).orElseThrow().templateVersion()).isEqualTo(2);
  }

  /** A built-in default pinned as version 1 is sent as it ships (or as the copy the first save stored). */
  @Test
  void aPinnedBuiltInStaysTheBuiltInAfterTheFirstSave() {
    Lead lead = lead("Acme");
    String builtInName = "d1-intro";
    Map<String, Integer> planned = Map.of(builtInName, 1);

    String key = send(lead, "r1-" + name, Channel.SMS, builtInName, planned);

    assertThat(touches.findByBusinessKey(key).orElseThrow().templateVersion()).isEqualTo(1);
    assertThat(smsBodies())
        .containsExactly("Hi Sarah, it's Cleo Park. I just tried to call about your request. When is a good time to talk? Reply STOP to opt out.");
  }

  /** The first rule the lead meets picks the variant; the touch records it, and its pinned version. */
  @Test
  void theFirstRuleTheLeadMeetsPicksTheVariantAndTheTouchRecordsIt() {
    Lead software = lead("Acme");
    industry(software, "Software");
    Lead retail = lead("Shop");
    industry(retail, "Retail");
    templates.save(Channel.SMS, name, null, null, "Base for {{firstName}}. Reply STOP to opt out.");
    templates.save(Channel.SMS, name + "-saas", null, null, "SaaS v1 for {{firstName}}. Reply STOP to opt out.");
    templates.save(Channel.EMAIL, name + "-mail", "Hello", null, "An email only.");
    variants.save(name, List.of(
        // Every lead meets it, but it has no text: passed over for an SMS.
        new VariantRule(null, name + "-mail", null),
        new VariantRule(new VariantRule.When(Tier.HOT, null, null, null), name + "-mail", null),
        new VariantRule(new VariantRule.When(null, "web", "software", "DEM"), name + "-saas", null)));
    TemplateVersions planned = pins.newest(List.of(name));
    templates.save(Channel.SMS, name + "-saas", null, null, "SaaS v2 for {{firstName}}. Reply STOP to opt out.");

    String variant = send(software, "r1-a", Channel.SMS, name, planned.of(Channel.SMS));
    String base = send(retail, "r1-a", Channel.SMS, name, planned.of(Channel.SMS));

    assertThat(smsBodies()).containsExactly("SaaS v1 for Sarah. Reply STOP to opt out.", "Base for Sarah. Reply STOP to opt out.");
    TouchRecord sent = touches.findByBusinessKey(variant).orElseThrow();
    assertThat(sent.template()).isEqualTo(name);
    assertThat(sent.renderedTemplate()).isEqualTo(name + "-saas");
    assertThat(sent.templateVersion()).isEqualTo(1);
    assertThat(touches.findByBusinessKey(base).orElseThrow().renderedTemplate()).isEqualTo(name);
  }

  /** An A/B split gives each lead the same side every time, by a hash of its id, in about the asked share. */
  @Test
  void anAbSplitIsStableByLeadId() {
    templates.save(Channel.SMS, name, null, null, "Base. Reply STOP to opt out.");
    templates.save(Channel.SMS, name + "-a", null, null, "Wording A. Reply STOP to opt out.");
    templates.save(Channel.SMS, name + "-b", null, null, "Wording B. Reply STOP to opt out.");
    variants.save(name, List.of(new VariantRule(null, null, new VariantRule.Split(name + "-a", name + "-b", 30))));

    Lead lead = lead("Acme");
    String first = send(lead, "r1-a", Channel.SMS, name, null);
    String again = send(lead, "r1-b", Channel.SMS, name, null);

    String side = touches.findByBusinessKey(first).orElseThrow().renderedTemplate();
    assertThat(side).isIn(name + "-a", name + "-b");
    assertThat(touches.findByBusinessKey(again).orElseThrow().renderedTemplate()).isEqualTo(side);
    long b = IntStream.range(0, 2000).filter(i -> VariantRule.Split.bucket(UUID.nameUUIDFromBytes(new byte[] {(byte) i, (byte) (i >> 8)}).toString()) < 30).count();
    assertThat(b).isBetween(500L, 700L);
  }

  /** A rule may only name a template that exists. */
  @Test
  void rulesNamingNoTemplateAreRefused() {
    templates.save(Channel.SMS, name, null, null, "Base. Reply STOP to opt out.");

    assertThatThrownBy(() -> variants.save(name, List.of(new VariantRule(null, name + "-missing", null))))
        .isInstanceOf(InvalidTemplate.class)
        .hasMessageContaining("no template '" + name + "-missing'");
    assertThatThrownBy(() -> variants.save(name, List.of(new VariantRule(null, null, new VariantRule.Split(name, null, 50)))))
        .isInstanceOf(InvalidTemplate.class);
    assertThat(variants.newest(name)).isEmpty();
  }

  @Test
  void aBuiltInTemplateIsSentAsVersionOne() {
    Lead lead = lead("Acme");
    String builtIn = send(lead, "r1-" + name, Channel.SMS, "default");

    assertThat(smsBodies()).containsExactly("Hi Sarah, it's Cleo Park following up on your request. Reply STOP to opt out.");
    assertThat(touches.findByBusinessKey(builtIn).orElseThrow().templateVersion()).isEqualTo(1);
  }

  @Test
  void aCallerNamedByTheirNumberIsGreetedAsThere() {
    Lead caller = lead("+1 212-555-0100", null);
    send(caller, "r1-" + name, Channel.SMS, "default");

    assertThat(smsBodies()).containsExactly("Hi there, it's Cleo Park following up on your request. Reply STOP to opt out.");
  }

  @Test
  void aCompanyNameIsEscapedInTheEmailsHtmlAndLeftAsItIsInItsText() {
    Lead lead = lead("<script>alert(1)</script> & Co");
    templates.save(
        Channel.EMAIL, name, "News for {{company}}", "<p>Hi {{firstName}}, news for {{company}}.</p>", "Hi {{firstName}}, news for {{company}}.");

    send(lead, "r1-" + name, Channel.EMAIL, name);

    JsonNode mail = lastMail();
    assertThat(mail.get("subject").asString()).isEqualTo("News for <script>alert(1)</script> & Co");
    // The compliance footer (unsubscribe link, postal address) follows the template's text.
    assertThat(mail.get("content").get(0).get("value").asString()).startsWith("Hi Sarah, news for <script>alert(1)</script> & Co.\n\n");
    assertThat(mail.get("content").get(1).get("value").asString())
        .startsWith("<p>Hi Sarah, news for &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co.</p><p style=");
  }

  @Test
  void anEmailWithoutAnHtmlPartEscapesTheTextsParagraphs() {
    Lead lead = lead("<b>Bold</b> Inc");
    templates.save(Channel.EMAIL, name, "Hello", null, "Hi {{firstName}},\n\nAbout {{company}}.");

    send(lead, "r1-" + name, Channel.EMAIL, name);

    assertThat(lastMail().get("content").get(1).get("value").asString())
        .startsWith("<p>Hi Sarah,</p><p>About &lt;b&gt;Bold&lt;/b&gt; Inc.</p><p style=");
  }

  private Lead lead(String company) {
    return lead("Sarah Kim", company);
  }

  private Lead lead(String personName, String company) {
    String email = "sarah+" + UUID.randomUUID() + "@acme.test";
    String phone = "+1212" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    Lead lead =
        leads.save(
            Lead.received(
                personName, email, phone, "web", "demo", new Lead.Profile(null, company, null, null),
                ContactKeys.of(email, phone), Instant.now()));
    leads.updateProgress(lead.id(), null, 55, "WARM", null, Instant.now(), repId);
    return lead;
  }

  private void industry(Lead lead, String industry) {
    jdbc.sql("insert into lead_enrichment (lead_id, industry, partial) values (?, ?, false)").param(lead.id()).param(industry).update();
  }

  private String send(Lead lead, String step, Channel channel, String template) {
    return send(lead, step, channel, template, null);
  }

  /** Sends and returns the touch's business key. */
  private String send(Lead lead, String step, Channel channel, String template, Map<String, Integer> pinned) {
    TouchRequest.QuietHoursCheck anyHour =
        channel == Channel.EMAIL
            ? null
            : new TouchRequest.QuietHoursCheck(new QuietHoursPolicy.Window(LocalTime.MIN, LocalTime.MAX), List.of("UTC"));
    TouchRequest request = new TouchRequest(lead.id().toString(), step, channel, template, anyHour, repId, null, pinned);
    Touch touch = temporal.outreach.sendTouch(request);
    assertThat(touch.outcome()).isEqualTo(Touch.Outcome.SENT);
    return request.businessKey();
  }

  private static List<String> smsBodies() {
    return providers.findAll(postRequestedFor(urlEqualTo(ProvidersAt.MESSAGES))).stream()
        .map(text -> Arrays.stream(text.getBodyAsString().split("&"))
            .filter(field -> field.startsWith("Body="))
            .map(field -> URLDecoder.decode(field.substring(5), StandardCharsets.UTF_8))
            .findFirst()
            .orElseThrow())
        .toList();
  }

  private static JsonNode lastMail() {
    var mails = providers.findAll(postRequestedFor(urlEqualTo(ProvidersAt.MAIL)));
    return JsonMapper.builder().build().readTree(mails.get(mails.size() - 1).getBodyAsString());
  }
}
