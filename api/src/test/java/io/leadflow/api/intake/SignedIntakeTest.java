package io.leadflow.api.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.HmacSha256;
import io.leadflow.api.ApiTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Signed intake on real PostgreSQL: an admin creates a source with its mapping, the tool delivers
 * signed JSON, and the lead is captured as through the API; forged, stale and replayed deliveries,
 * payloads that do not map (kept, then replayed), the mapping trial and the expiry of what is kept.
 */
class SignedIntakeTest extends ApiTest {

  private static final String ADMIN_PATH = "/api/v1/admin/intake-sources";

  @Autowired JdbcClient jdbc;
  @Autowired IntakeExpiry expiry;

  /** A lead-ad relay's shape: the person under /lead, the ad's answers under /answers. */
  private static final String MAPPING =
      """
      {"fields": {
         "/lead/full_name": "name",
         "/lead/email": "email",
         "/lead/phone_number": "phone",
         "/lead/company_name": "company",
         "/lead/job_title": "title",
         "/answers/0/value": "attributes.budget",
         "/ad/campaign": "utmCampaign"},
       "defaults": {"interest": "Facebook lead ad", "utmSource": "facebook"}}
      """;

  private static String leadAd(String email, String phone) {
    return "{\"lead\":{\"full_name\":\"Sarah Kim\",\"email\":\"" + email + "\",\"phone_number\":\"" + phone + "\","
        + "\"company_name\":\"Acme\",\"job_title\":\"VP Sales\"},\"source\":\"not-this-one\","
        + "\"answers\":[{\"question\":\"Budget?\",\"value\":\"10-50k\"}],\"ad\":{\"campaign\":\"spring\"}}";
  }

  private record Source(String name, String secret) {}

  private Source source(String mapping) {
    String name = "ads-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created = post(ADMIN_PATH, ADMIN, "{\"name\":\"" + name + "\"," + mapping.strip().substring(1));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(body(created).get("source").get("path").asString()).isEqualTo("/api/v1/webhooks/intake/" + name);
    return new Source(name, body(created).get("secret").asString());
  }

  private static String signature(String secret, long t, String body) {
    return "t=" + t + ",v1=" + HexFormat.of().formatHex(HmacSha256.of(secret, HmacSha256.utf8(t + "." + body)));
  }

  private HttpResponse<String> deliver(Source source, String body, String signature) {
    return call("POST", "/api/v1/webhooks/intake/" + source.name(), null, body, Map.of("X-LeadFlow-Signature", signature));
  }

  private HttpResponse<String> deliver(Source source, String body) {
    return deliver(source, body, signature(source.secret(), Instant.now().getEpochSecond(), body));
  }

  private long leadsWithEmail(String email) {
    return jdbc.sql("select count(*) from lead where email_key = ?").param(ContactKeys.of(email, null).email()).query(Long.class).single();
  }

  private long deliveries(Source source) {
    return jdbc.sql("select count(*) from intake_delivery where source = ?").param(source.name()).query(Long.class).single();
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
  }

  @Test
  void aSignedDeliveryBecomesALeadWithItsMappedFieldsAndTheSourcesName() {
    Source source = source(MAPPING);
    String email = uniqueEmail();
    String phone = uniquePhone(); // "+1 646 555 0142"
    String formatted = "(646) " + phone.substring(7).replace(' ', '-');

    HttpResponse<String> answer = deliver(source, leadAd(email, formatted));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    assertThat(body(answer).has("leadId")).isFalse();
    JsonNode lead = body(get("/api/v1/leads/" + leadOf(answer), ADMIN));
    assertThat(lead.get("name").asString()).isEqualTo("Sarah Kim");
    assertThat(lead.get("email").asString()).isEqualTo(email);
    assertThat(lead.get("phone").asString()).isEqualTo(phone.replace(" ", ""));
    assertThat(lead.get("source").asString()).isEqualTo(source.name());
    assertThat(lead.get("interest").asString()).isEqualTo("Facebook lead ad");
    assertThat(lead.get("company").asString()).isEqualTo("Acme");
    assertThat(lead.get("title").asString()).isEqualTo("VP Sales");
    assertThat(lead.get("captures").get(0).toString()).contains("spring", "facebook");
  }

  @Test
  void theMappingTrialShowsTheCaptureWithItsCustomAttributeOrItsProblemsAndStoresNothing() {
    Source source = source(MAPPING);
    String email = uniqueEmail();

    HttpResponse<String> good = post(ADMIN_PATH + "/" + source.name() + "/test", ADMIN, leadAd(email, "646 555 0143"));

    assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
    JsonNode trial = body(good);
    assertThat(trial.get("valid").asBoolean()).isTrue();
    assertThat(trial.get("capture").get("attributes").get("budget").asString()).isEqualTo("10-50k");
    assertThat(trial.get("capture").get("source").asString()).isEqualTo(source.name());
    assertThat(trial.get("capture").get("phone").asString()).isEqualTo("+16465550143");
    assertThat(trial.get("errors").isEmpty()).isTrue();

    JsonNode bad = body(post(ADMIN_PATH + "/" + source.name() + "/test", ADMIN, "{\"lead\":{\"full_name\":\"Sarah Kim\",\"email\":\"nope\"}}"));
    assertThat(bad.get("valid").asBoolean()).isFalse();
    assertThat(bad.get("errors").get("email").asString()).contains("well-formed", "/lead/email");

    // a long form's payload (over the API's 16 KiB) can be tried as it would be delivered
    String longForm = leadAd(email, "646 555 0143").replace("\"ad\":", "\"notes\":\"" + "n".repeat(20_000) + "\",\"ad\":");
    assertThat(body(post(ADMIN_PATH + "/" + source.name() + "/test", ADMIN, longForm)).get("valid").asBoolean()).isTrue();

    assertThat(deliveries(source)).isZero();
    assertThat(leadsWithEmail(email)).isZero();
  }

  @Test
  void aForgedSignatureIsRefusedAndNothingIsKept() {
    Source source = source(MAPPING);
    String email = uniqueEmail();
    String body = leadAd(email, uniquePhone());
    String otherSecret = HexFormat.of().formatHex(new byte[32]);

    HttpResponse<String> forged = deliver(source, body, signature(otherSecret, Instant.now().getEpochSecond(), body));
    HttpResponse<String> unsigned = call("POST", "/api/v1/webhooks/intake/" + source.name(), null, body, Map.of());
    String signed = signature(source.secret(), Instant.now().getEpochSecond(), body);
    HttpResponse<String> tampered = deliver(source, body.replace("Sarah", "Sara"), signed);

    assertProblem(forged, 403);
    assertProblem(unsigned, 403);
    assertProblem(tampered, 403);
    assertThat(body(forged).get("detail").asString()).contains("does not match");
    assertThat(deliveries(source)).isZero();
    assertThat(leadsWithEmail(email)).isZero();
  }

  @Test
  void aStaleTimestampIsRefusedEvenWhenTheSignatureIsRight() {
    Source source = source(MAPPING);
    String email = uniqueEmail();
    String body = leadAd(email, uniquePhone());

    HttpResponse<String> stale = deliver(source, body, signature(source.secret(), Instant.now().minusSeconds(6 * 60).getEpochSecond(), body));

    assertProblem(stale, 403);
    assertThat(body(stale).get("detail").asString()).contains("300 seconds");
    assertThat(deliveries(source)).isZero();
    assertThat(leadsWithEmail(email)).isZero();
  }

  @Test
  void theSameSignedDeliveryTwiceIsOneCaptureOfOneLead() {
    Source source = source(MAPPING);
    String email = uniqueEmail();
    String body = leadAd(email, uniquePhone());
    String signed = signature(source.secret(), Instant.now().getEpochSecond(), body);

    HttpResponse<String> first = deliver(source, body, signed);
    HttpResponse<String> again = deliver(source, body, signed);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
    assertThat(body(again).get("captureId").asString()).isEqualTo(body(first).get("captureId").asString());
    assertThat(leadsWithEmail(email)).isEqualTo(1);
    String leadId = leadOf(first);
    assertThat(jdbc.sql("select count(*) from lead_capture where lead_id = cast(? as uuid)").param(leadId).query(Long.class).single())
        .isEqualTo(1);
  }

  @Test
  void aPayloadMissingARequiredFieldIsKeptNamedAndCapturedOnceTheMappingIsFixed() {
    String mapping = "{\"fields\": {\"/contact/email\": \"email\", \"/contact/name\": \"name\", \"/form/topic\": \"interest\"}}";
    Source source = source(mapping);
    String email = uniqueEmail();
    String payload = "{\"contact\":{\"email\":\"" + email + "\",\"name\":\"Sarah Kim\"},\"form\":{\"title\":\"Demo request\"}}";

    HttpResponse<String> refused = deliver(source, payload);

    assertProblem(refused, 422);
    JsonNode problem = body(refused);
    assertThat(problem.get("errors").get("interest").asString()).contains("give an interest or a message", "/form/topic");
    assertThat(problem.get("kept").asBoolean()).isTrue();
    long failedId = problem.get("failedDeliveryId").asLong();
    assertThat(leadsWithEmail(email)).isZero();

    JsonNode failed = body(get(ADMIN_PATH + "/" + source.name() + "/failed", ADMIN));
    assertThat(failed.size()).isEqualTo(1);
    assertThat(failed.get(0).get("id").asLong()).isEqualTo(failedId);
    assertThat(failed.get(0).get("payload").asString()).isEqualTo(payload);
    assertThat(failed.get(0).get("errors").has("interest")).isTrue();

    HttpResponse<String> stillFailing = post(ADMIN_PATH + "/" + source.name() + "/failed/" + failedId + "/replay", ADMIN, null);
    assertProblem(stillFailing, 422);

    HttpResponse<String> fixed =
        call("PUT", ADMIN_PATH + "/" + source.name(), ADMIN,
            "{\"fields\": {\"/contact/email\": \"email\", \"/contact/name\": \"name\", \"/form/topic\": \"interest\", \"/form/title\": \"interest\"}}",
            Map.of());
    assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(200);
    HttpResponse<String> replayed = post(ADMIN_PATH + "/" + source.name() + "/failed/" + failedId + "/replay", ADMIN, null);

    assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(202);
    JsonNode lead = body(get("/api/v1/leads/" + body(replayed).get("leadId").asString(), ADMIN));
    assertThat(lead.get("email").asString()).isEqualTo(email);
    assertThat(lead.get("interest").asString()).isEqualTo("Demo request");
    assertThat(body(get(ADMIN_PATH + "/" + source.name() + "/failed", ADMIN)).isEmpty()).isTrue();
    assertProblem(post(ADMIN_PATH + "/" + source.name() + "/failed/" + failedId + "/replay", ADMIN, null), 404);
    assertThat(leadsWithEmail(email)).isEqualTo(1);
  }

  @Test
  void aBodyThatIsNotJsonIsKeptAsFailedAndAnUnknownSourceIs404() {
    Source source = source(MAPPING);

    HttpResponse<String> notJson = deliver(source, "lead=Sarah");

    assertProblem(notJson, 422);
    assertThat(body(notJson).get("errors").get("body").asString()).isEqualTo("is not a JSON object");
    assertProblem(deliver(new Source("no-such-source", source.secret()), "{}"), 404);
  }

  @Test
  void keptPayloadsExpireAndArePurged() {
    Source source = source(MAPPING);
    long failedId = body(deliver(source, "{\"lead\":{\"full_name\":\"Sarah Kim\"}}")).get("failedDeliveryId").asLong();
    long recent = body(deliver(source, "{\"lead\":{\"full_name\":\"Ana Lee\"}}")).get("failedDeliveryId").asLong();
    jdbc.sql("update intake_delivery set received_at = now() - interval '15 days' where id = ?").param(failedId).update();

    JsonNode listed = body(get(ADMIN_PATH + "/" + source.name() + "/failed", ADMIN));
    assertThat(listed.size()).isEqualTo(1);
    assertThat(listed.get(0).get("id").asLong()).isEqualTo(recent);
    assertProblem(post(ADMIN_PATH + "/" + source.name() + "/failed/" + failedId + "/replay", ADMIN, null), 404);

    expiry.purge();

    assertThat(jdbc.sql("select count(*) from intake_delivery where id = ?").param(failedId).query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from intake_delivery where id = ?").param(recent).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void onlyAdminsKeepSourcesAndTheSecretIsShownOnlyAtCreationAndRotation() {
    Source source = source(MAPPING);
    for (String key : new String[] {INGEST, ANA, MANAGER}) {
      assertProblem(get(ADMIN_PATH, key), 403);
      assertProblem(post(ADMIN_PATH + "/" + source.name() + "/test", key, "{}"), 403);
      assertProblem(get(ADMIN_PATH + "/" + source.name() + "/failed", key), 403);
    }
    assertProblem(get(ADMIN_PATH, null), 401);

    HttpResponse<String> read = get(ADMIN_PATH + "/" + source.name(), ADMIN);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).doesNotContain(source.secret());
    assertThat(get(ADMIN_PATH, ADMIN).body()).doesNotContain(source.secret());

    HttpResponse<String> rotated = post(ADMIN_PATH + "/" + source.name() + "/secret", ADMIN, null);
    assertThat(rotated.statusCode()).isEqualTo(200);
    Source now = new Source(source.name(), body(rotated).get("secret").asString());
    assertThat(now.secret()).isNotEqualTo(source.secret()).hasSize(64);
    assertProblem(deliver(source, leadAd(uniqueEmail(), uniquePhone())), 403);
    assertThat(deliver(now, leadAd(uniqueEmail(), uniquePhone())).statusCode()).isEqualTo(202);
  }

  @Test
  void aMappingToSourceOrToAnUnknownFieldOrWithABadPointerIsRefused() {
    HttpResponse<String> refused =
        post(ADMIN_PATH, ADMIN,
            "{\"name\":\"bad-mapping\",\"fields\":{\"/utm/source\":\"source\",\"/x\":\"shoeSize\",\"no-slash\":\"email\"}}");

    assertProblem(refused, 400);
    JsonNode errors = body(refused).get("errors");
    assertThat(errors.get("fields./utm/source").asString()).contains("capture field");
    assertThat(errors.get("fields./x").asString()).contains("capture field");
    assertThat(errors.get("fields.no-slash").asString()).contains("JSON Pointer");
    assertProblem(get(ADMIN_PATH + "/bad-mapping", ADMIN), 404);
  }

  @Test
  void aTypeformSourceChecksTypeformsOwnSignature() {
    Source source =
        source(
            """
            {"scheme": "TYPEFORM",
             "fields": {"/form_response/answers/0/text": "firstName", "/form_response/answers/1/text": "lastName",
                        "/form_response/answers/2/email": "email", "/form_response/hidden/utm_source": "utmSource"},
             "defaults": {"interest": "Typeform: product tour"}}
            """);
    String email = uniqueEmail();
    String body =
        "{\"event_id\":\"01H\",\"event_type\":\"form_response\",\"form_response\":{\"form_id\":\"abc\",\"hidden\":{\"utm_source\":\"newsletter\"},"
            + "\"answers\":[{\"type\":\"text\",\"text\":\"Sarah\"},{\"type\":\"text\",\"text\":\"Kim\"},{\"type\":\"email\",\"email\":\"" + email + "\"}]}}";
    String typeformSignature = "sha256=" + Base64.getEncoder().encodeToString(HmacSha256.of(source.secret(), HmacSha256.utf8(body)));

    HttpResponse<String> forged =
        call("POST", "/api/v1/webhooks/intake/" + source.name(), null, body, Map.of("Typeform-Signature", "sha256=" + Base64.getEncoder().encodeToString(new byte[32])));
    HttpResponse<String> signed = call("POST", "/api/v1/webhooks/intake/" + source.name(), null, body, Map.of("Typeform-Signature", typeformSignature));
    HttpResponse<String> again = call("POST", "/api/v1/webhooks/intake/" + source.name(), null, body, Map.of("Typeform-Signature", typeformSignature));

    assertProblem(forged, 403);
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(202);
    assertThat(body(again).get("captureId").asString()).isEqualTo(body(signed).get("captureId").asString());
    JsonNode lead = body(get("/api/v1/leads/" + leadOf(signed), ADMIN));
    assertThat(lead.get("name").asString()).isEqualTo("Sarah Kim");
    assertThat(lead.get("interest").asString()).isEqualTo("Typeform: product tour");
  }

  @Test
  void aBodyOverTheIntakeLimitIsRefusedBeforeItsSignatureIsChecked() {
    Source source = source(MAPPING);
    String huge = "{\"lead\":{\"full_name\":\"" + "x".repeat(300_000) + "\"}}";

    assertProblem(deliver(source, huge), 413);
    assertThat(deliveries(source)).isZero();
  }
}
