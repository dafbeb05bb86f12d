package io.leadflow.api.capture;

import static io.leadflow.api.Problems.assertInvalid;
import static io.leadflow.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.api.ApiTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A plain HTML form posts to {@code POST /api/v1/leads} with its publishable form key: from its
 * allowed origins only, redirected to its thank-you page, its own fields kept as custom
 * attributes and never as the lead's state, bots answered alike and counted, not stored.
 */
class WebFormCaptureTest extends ApiTest {

  private static final String FORMS = "/api/v1/admin/form-sources/";
  private static final String SITE = "https://www.acme.test";

  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry meters;

  private final String tag = UUID.randomUUID().toString().substring(0, 8);
  private String source;

  @BeforeEach
  void formSource() {
    source = "web-form-" + tag;
  }

  /** Creates this test's form source and answers its key. */
  private String formKey(String settings) {
    HttpResponse<String> created = call("PUT", FORMS + source, ADMIN, settings, Map.of());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return body(created).get("formKey").asString();
  }

  private HttpResponse<String> submit(Map<String, String> fields, String origin) {
    Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/x-www-form-urlencoded"));
    if (origin != null) {
      headers.put("Origin", origin);
    }
    return call("POST", "/api/v1/leads", null, encoded(fields), headers);
  }

  private static String encoded(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private Map<String, String> personFields(String key, String email) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("formKey", key);
    fields.put("renderedAt", Long.toString(Instant.now().minusSeconds(30).toEpochMilli()));
    fields.put("firstName", "Sarah");
    fields.put("lastName", "Kim");
    fields.put("email", email);
    fields.put("website", "https://www.widgets-" + tag + ".test/about");
    fields.put("country", "Germany");
    fields.put("company", "Widgets GmbH");
    fields.put("message", "Pricing for 50 seats, please.\nWe start in March.");
    return fields;
  }

  private long leadsWithEmail(String email) {
    return jdbc.sql("select count(*) from lead where email = ?").param(email).query(Long.class).single();
  }

  private JsonNode onlyLeadOfThisSource() {
    JsonNode items = body(get("/api/v1/leads?source=" + source, ADMIN)).get("items");
    assertThat(items.size()).isEqualTo(1);
    return body(get("/api/v1/leads/" + items.get(0).get("id").asString(), ADMIN));
  }

  @Test
  void aPlainFormIsCapturedWithItsOwnFieldsAndSentToTheThankYouPage() {
    String key = formKey("{\"allowedOrigins\":[\"" + SITE + "\"],\"thankYouUrl\":\"" + SITE + "/thanks\",\"honeypotField\":\"fax\",\"minFillSeconds\":3}");
    Map<String, String> fields = personFields(key, uniqueEmail().replace("@acme.test", "@gmail.com"));
    fields.put("fax", "");
    fields.put("budget", "50k-100k");
    fields.put("seats", "50");

    HttpResponse<String> answer = submit(fields, SITE);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
    assertThat(answer.headers().firstValue("Location")).hasValue(SITE + "/thanks");
    assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SITE);
    JsonNode lead = onlyLeadOfThisSource();
    assertThat(lead.get("name").asString()).isEqualTo("Sarah Kim");
    assertThat(lead.get("firstName").asString()).isEqualTo("Sarah");
    assertThat(lead.get("lastName").asString()).isEqualTo("Kim");
    assertThat(lead.get("country").asString()).isEqualTo("Germany");
    assertThat(lead.get("website").asString()).isEqualTo("https://www.widgets-" + tag + ".test/about");
    assertThat(lead.get("company").asString()).isEqualTo("Widgets GmbH");
    assertThat(lead.get("source").asString()).isEqualTo(source);
    assertThat(lead.get("interest").asString()).isEqualTo("Pricing for 50 seats, please.");
    JsonNode capture = lead.get("captures").get(0);
    assertThat(capture.get("message").asString()).isEqualTo("Pricing for 50 seats, please.\nWe start in March.");
    assertThat(capture.get("attributes").properties().stream().map(Map.Entry::getKey).toList()).containsExactly("budget", "seats");
    assertThat(capture.get("attributes").get("budget").asString()).isEqualTo("50k-100k");
  }

  @Test
  void enrichmentTakesTheWebsitesDomainForAFreeMailAddressAndTheStatedCountryWithoutAPhone() {
    String key = formKey("{\"allowedOrigins\":[\"" + SITE + "\"]}");

    HttpResponse<String> answer = submit(personFields(key, uniqueEmail().replace("@acme.test", "@gmail.com")), SITE);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    assertThat(body(answer).get("captureId").asString()).isNotBlank();
    String leadId = leadOf(answer);
    await().atMost(Duration.ofSeconds(20)).until(() -> !body(get("/api/v1/leads/" + leadId, ADMIN)).path("enrichment").isNull());
    JsonNode enrichment = body(get("/api/v1/leads/" + leadId, ADMIN)).get("enrichment");
    assertThat(enrichment.get("emailKind").asString()).isEqualTo("FREE_MAIL");
    assertThat(enrichment.get("companyDomain").asString()).isEqualTo("widgets-" + tag + ".test");
    assertThat(enrichment.get("country").asString()).isEqualTo("DE");
    assertThat(enrichment.get("notes").toString()).contains("Country DE as stated on the form");
  }

  @Test
  void theProtectedFieldsAFormSendsAreOnlyAttributesNeverTheLeadsState() {
    String key = formKey("{\"allowedOrigins\":[\"" + SITE + "\"]}");
    Map<String, String> fields = personFields(key, uniqueEmail());
    String forgedId = UUID.randomUUID().toString();
    fields.put("id", forgedId);
    fields.put("status", "CONVERTED");
    fields.put("assignedRep", "mallory");
    fields.put("owner", "mallory");
    fields.put("score", "987654");
    fields.put("tier", "HOT");
    fields.put("scoreBreakdown", "+1000 forged");

    HttpResponse<String> answer = submit(fields, SITE);

    String leadId = leadOf(answer);
    assertThat(leadId).isNotEqualTo(forgedId);
    await().atMost(Duration.ofSeconds(20)).until(() -> !body(get("/api/v1/leads/" + leadId, ADMIN)).path("score").isNull());
    JsonNode lead = body(get("/api/v1/leads/" + leadId, ADMIN));
    assertThat(lead.get("status").asString()).isNotEqualTo("CONVERTED");
    assertThat(lead.get("assignedRep").asString()).isNotEqualTo("mallory");
    assertThat(lead.get("score").asInt()).isNotEqualTo(987654);
    assertThat(lead.get("scoreBreakdown").toString()).doesNotContain("forged");
    JsonNode attributes = lead.get("captures").get(0).get("attributes");
    assertThat(attributes.get("status").asString()).isEqualTo("CONVERTED");
    assertThat(attributes.get("assignedRep").asString()).isEqualTo("mallory");

    // JSON: a protected field is refused as before; inside "attributes" it is only an attribute.
    HttpResponse<String> json = post("/api/v1/leads", INGEST,
        "{\"firstName\":\"Ann\",\"email\":\"" + uniqueEmail() + "\",\"source\":\"web\",\"interest\":\"demo\",\"status\":\"CONVERTED\"}");
    assertThat(assertProblem(json, 400).get("detail").asString()).isEqualTo("Unknown field 'status'.");
  }

  @Test
  void aFormKeyChoosesNoOtherSourceAndCanDoNothingButCapture() {
    String key = formKey("{\"allowedOrigins\":[\"" + SITE + "\"]}");
    Map<String, String> fields = personFields(key, uniqueEmail());
    fields.put("source", "partner-feed");

    assertThat(assertInvalid(submit(fields, SITE), "source")).contains(source);
    assertProblem(get("/api/v1/leads?source=" + source, key), 401);
    assertProblem(call("GET", "/api/v1/leads", null, null, Map.of("X-Api-Key", key)), 401);
    Map<String, String> unknownKey = personFields("pk_form_" + tag, uniqueEmail());
    assertProblem(submit(unknownKey, SITE), 401);
  }

  @Test
  void onlyTheAllowedOriginsMaySendTheForm() {
    String key = formKey("{\"allowedOrigins\":[\"" + SITE + "\",\"https://landing.acme.test:8443\"]}");
    String refused = uniqueEmail();
    String noOrigin = uniqueEmail();

    HttpResponse<String> otherSite = submit(personFields(key, refused), "https://evil.test");
    HttpResponse<String> withoutOrigin = submit(personFields(key, noOrigin), null);
    HttpResponse<String> secondSite = submit(personFields(key, uniqueEmail()), "https://landing.acme.test:8443");

    assertProblem(otherSite, 403);
    assertThat(otherSite.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertProblem(withoutOrigin, 403);
    assertThat(leadsWithEmail(refused) + leadsWithEmail(noOrigin)).isZero();
    assertThat(secondSite.statusCode()).as(secondSite.body()).isEqualTo(202);
    assertThat(secondSite.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://landing.acme.test:8443");
    assertThat(secondSite.headers().allValues("Vary").toString()).contains("Origin");
  }

  @Test
  void honeypotAndTooFastSubmissionsAreAnsweredAlikeStoredNowhereAndCounted() {
    String key = formKey("{\"allowedOrigins\":[\"" + SITE + "\"],\"thankYouUrl\":\"" + SITE + "/thanks\",\"honeypotField\":\"fax\",\"minFillSeconds\":5}");
    String honeypotBot = uniqueEmail();
    Map<String, String> honeypot = personFields(key, honeypotBot);
    honeypot.put("fax", "+1 555 0100");
    String fastBot = uniqueEmail();
    Map<String, String> fast = personFields(key, fastBot);
    fast.put("renderedAt", Long.toString(Instant.now().minusSeconds(1).toEpochMilli()));
    String noTimeBot = uniqueEmail();
    Map<String, String> noTime = personFields(key, noTimeBot);
    noTime.remove("renderedAt");
    String person = uniqueEmail();

    List<HttpResponse<String>> answers = new ArrayList<>();
    for (Map<String, String> fields : List.of(honeypot, fast, noTime, personFields(key, person))) {
      answers.add(submit(fields, SITE));
    }

    assertThat(answers).allSatisfy(answer -> {
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
      assertThat(answer.headers().firstValue("Location")).hasValue(SITE + "/thanks");
    });
    assertThat(leadsWithEmail(honeypotBot) + leadsWithEmail(fastBot) + leadsWithEmail(noTimeBot)).isZero();
    assertThat(leadsWithEmail(person)).isEqualTo(1);
    JsonNode counted = body(get(FORMS + source, ADMIN));
    assertThat(counted.get("honeypotCaught").asLong()).isEqualTo(1);
    assertThat(counted.get("tooFastCaught").asLong()).isEqualTo(2);
    assertThat(meters.get("leadflow.capture.form.caught").tag("source", source).tag("reason", "too-fast").counter().count()).isEqualTo(2.0);
    assertThat(meters.get("leadflow.capture.form.caught").tag("source", source).tag("reason", "honeypot").counter().count()).isEqualTo(1.0);
  }

  @Test
  void customFieldsAreBoundedAndTheFieldOverALimitIsNamed() {
    String key = formKey("{\"allowedOrigins\":[\"" + SITE + "\"]}");
    String email = uniqueEmail();
    Map<String, String> tooMany = personFields(key, email);
    for (int i = 1; i <= 21; i++) {
      tooMany.put("extra" + i, "x");
    }
    Map<String, String> tooLong = personFields(key, email);
    tooLong.put("notes", "x".repeat(501));
    Map<String, String> badName = personFields(key, email);
    badName.put("what?", "x");

    HttpResponse<String> refused = submit(tooMany, SITE);
    assertThat(assertInvalid(refused, "extra21")).contains("20 custom fields");
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SITE);
    assertThat(assertInvalid(submit(tooLong, SITE), "notes")).contains("500 characters");
    assertThat(assertInvalid(submit(badName, SITE), "what?")).contains("letters, digits");
    Map<String, String> twenty = new LinkedHashMap<>();
    for (int i = 1; i <= 21; i++) {
      twenty.put("a" + i, "x");
    }
    assertInvalid(post("/api/v1/leads", INGEST, "{\"name\":\"Ann\",\"email\":\"" + email + "\",\"source\":\"web\",\"interest\":\"demo\","
        + "\"attributes\":" + json.writeValueAsString(twenty) + "}"), "attributes");
    assertThat(leadsWithEmail(email)).isZero();
  }

  @Test
  void aFormBodyOverTheBodyLimitIsRefusedBeforeAnythingReadsIt() {
    String key = formKey("{\"allowedOrigins\":[\"" + SITE + "\"]}");
    Map<String, String> fields = personFields(key, uniqueEmail());
    fields.put("notes", "x".repeat(20_000));

    assertProblem(submit(fields, SITE), 413);
  }

  @Test
  void anApiKeyMaySendAFormBodyTooAndItsBadInputIsAProblem() {
    String email = uniqueEmail();
    Map<String, String> fields = new LinkedHashMap<>(Map.of("name", "Lee Park", "email", email, "source", "partner", "message", "Call me", "region_code", "emea"));
    HttpResponse<String> answer =
        call("POST", "/api/v1/leads", INGEST, encoded(fields), Map.of("Content-Type", "application/x-www-form-urlencoded"));
    fields.put("companySize", "lots");
    HttpResponse<String> bad =
        call("POST", "/api/v1/leads", INGEST, encoded(fields), Map.of("Content-Type", "application/x-www-form-urlencoded"));

    JsonNode lead = body(get("/api/v1/leads/" + leadOf(answer), ADMIN));
    assertThat(lead.get("source").asString()).isEqualTo("partner");
    assertThat(lead.get("interest").asString()).isEqualTo("Call me");
    assertThat(lead.get("captures").get(0).get("attributes").get("region_code").asString()).isEqualTo("emea");
    assertThat(assertInvalid(bad, "companySize")).contains("whole number");
  }

  @Test
  void jsonNamesThePersonByFirstAndLastNameAndKeepsItsAttributes() {
    HttpResponse<String> answer = post("/api/v1/leads", INGEST,
        "{\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"email\":\"" + uniqueEmail() + "\",\"source\":\"web\",\"message\":\"Demo for 10\","
            + "\"title\":\"VP Sales\",\"companySize\":120,\"country\":\"fr\",\"website\":\"lee.test\",\"attributes\":{\"plan\":\"team\"}}");
    HttpResponse<String> nameless = post("/api/v1/leads", INGEST,
        "{\"email\":\"" + uniqueEmail() + "\",\"source\":\"web\",\"interest\":\"demo\"}");
    HttpResponse<String> aboutNothing = post("/api/v1/leads", INGEST,
        "{\"name\":\"Ann\",\"email\":\"" + uniqueEmail() + "\",\"source\":\"web\"}");

    JsonNode lead = body(get("/api/v1/leads/" + leadOf(answer), ADMIN));
    assertThat(lead.get("name").asString()).isEqualTo("Ann Lee");
    assertThat(lead.get("interest").asString()).isEqualTo("Demo for 10");
    assertThat(lead.get("title").asString()).isEqualTo("VP Sales");
    assertThat(lead.get("companySize").asInt()).isEqualTo(120);
    assertThat(lead.get("country").asString()).isEqualTo("fr");
    assertThat(lead.get("website").asString()).isEqualTo("lee.test");
    assertThat(lead.get("captures").get(0).get("message").asString()).isEqualTo("Demo for 10");
    assertThat(lead.get("captures").get(0).get("attributes").get("plan").asString()).isEqualTo("team");
    assertThat(assertInvalid(nameless, "named")).contains("firstName");
    assertThat(assertInvalid(aboutNothing, "aboutSomething")).contains("message");
  }

  @Test
  void aScoringRuleReadsACustomAttribute() {
    String attribute = "budget_" + tag;
    JsonNode configured = body(get("/api/v1/admin/scoring-rules", ADMIN));
    HttpResponse<String> nameless = call("PUT", "/api/v1/admin/scoring-rules", ADMIN,
        "{\"rules\":[{\"group\":\"FIT\",\"signal\":\"ATTRIBUTE\",\"any\":[\"x\"],\"points\":5,\"reason\":\"x\"}]}", Map.of());
    assertThat(assertInvalid(nameless, "rules[0]")).contains("attribute");
    try {
      String rule = "{\"group\":\"FIT\",\"signal\":\"ATTRIBUTE\",\"attribute\":\"" + attribute + "\",\"any\":[\"enterprise\"],"
          + "\"points\":40,\"reason\":\"enterprise budget\"}";
      String rules = configured.get("rules").toString();
      HttpResponse<String> saved = call("PUT", "/api/v1/admin/scoring-rules", ADMIN, "{\"rules\":[" + rule + "," + rules.substring(1) + "}", Map.of());
      assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
      assertThat(body(saved).get("rules").get(0).get("attribute").asString()).isEqualTo(attribute);

      String key = formKey("{\"allowedOrigins\":[\"" + SITE + "\"]}");
      Map<String, String> fields = personFields(key, uniqueEmail());
      fields.put(attribute.toUpperCase(), "Enterprise");
      String leadId = leadOf(submit(fields, SITE));

      await().atMost(Duration.ofSeconds(20)).until(() -> !body(get("/api/v1/leads/" + leadId, ADMIN)).path("score").isNull());
      assertThat(body(get("/api/v1/leads/" + leadId, ADMIN)).get("scoreBreakdown").toString()).contains("+40 enterprise budget");
    } finally {
      call("DELETE", "/api/v1/admin/scoring-rules", ADMIN, null, Map.of());
    }
  }

  @Test
  void adminsKeepFormSourcesAndTheirKeyStaysWhenSettingsChange() {
    HttpResponse<String> badOrigin = call("PUT", FORMS + source, ADMIN, "{\"allowedOrigins\":[\"https://acme.test/contact\"]}", Map.of());
    assertThat(assertInvalid(badOrigin, "allowedOrigins[0]")).contains("origin");
    assertInvalid(call("PUT", FORMS + source, ADMIN, "{\"allowedOrigins\":[\"" + SITE + "\"],\"honeypotField\":\"email\"}", Map.of()), "honeypotField");
    assertProblem(call("PUT", FORMS + source, INGEST, "{\"allowedOrigins\":[\"" + SITE + "\"]}", Map.of()), 403);

    String key = formKey("{\"allowedOrigins\":[\"" + SITE + "\"]}");
    HttpResponse<String> changed = call("PUT", FORMS + source, ADMIN, "{\"allowedOrigins\":[\"https://new.acme.test\"],\"minFillSeconds\":2}", Map.of());

    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(body(changed).get("formKey").asString()).isEqualTo(key);
    assertThat(body(changed).get("allowedOrigins").get(0).asString()).isEqualTo("https://new.acme.test");
    assertThat(call("DELETE", FORMS + source, ADMIN, null, Map.of()).statusCode()).isEqualTo(204);
    assertProblem(submit(personFields(key, uniqueEmail()), "https://new.acme.test"), 401);
  }
}
