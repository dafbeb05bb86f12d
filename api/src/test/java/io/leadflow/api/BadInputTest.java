package io.leadflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import io.leadflow.activities.store.LeadRepository;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Every bad request gets the right 4xx as problem+json, never a 500, and stores nothing. */
class BadInputTest extends ApiTest {

  private static final String OK_TAIL = "\"source\":\"web\",\"interest\":\"demo\"}";

  @Autowired LeadRepository leads;

  static Stream<Arguments> badCaptures() {
    return Stream.of(
        arguments("no contact at all", "{\"name\":\"N\"," + OK_TAIL, "application/json", 400),
        arguments("blank email and phone", "{\"name\":\"N\",\"email\":\" \",\"phone\":\"\"," + OK_TAIL, "application/json", 400),
        arguments("malformed email", "{\"name\":\"N\",\"email\":\"not-an-email\"," + OK_TAIL, "application/json", 400),
        arguments("email without domain dot", "{\"name\":\"N\",\"email\":\"a@b\"," + OK_TAIL, "application/json", 400),
        arguments("email too long", "{\"name\":\"N\",\"email\":\"" + "a".repeat(320) + "@b.test\"," + OK_TAIL, "application/json", 400),
        arguments("letters in phone", "{\"name\":\"N\",\"phone\":\"call me maybe\"," + OK_TAIL, "application/json", 400),
        arguments("phone that is no number", "{\"name\":\"N\",\"phone\":\"+1 555 0100\"," + OK_TAIL, "application/json", 400),
        arguments("missing name", "{\"email\":\"a@b.test\"," + OK_TAIL, "application/json", 400),
        arguments("blank name", "{\"name\":\"  \",\"email\":\"a@b.test\"," + OK_TAIL, "application/json", 400),
        arguments("name too long", "{\"name\":\"" + "n".repeat(201) + "\",\"email\":\"a@b.test\"," + OK_TAIL, "application/json", 400),
        arguments("missing source", "{\"name\":\"N\",\"email\":\"a@b.test\",\"interest\":\"demo\"}", "application/json", 400),
        arguments("source with markup", "{\"name\":\"N\",\"email\":\"a@b.test\",\"source\":\"<script>\",\"interest\":\"demo\"}", "application/json", 400),
        arguments("missing interest", "{\"name\":\"N\",\"email\":\"a@b.test\",\"source\":\"web\"}", "application/json", 400),
        arguments("interest too long", "{\"name\":\"N\",\"email\":\"a@b.test\",\"source\":\"web\",\"interest\":\"" + "i".repeat(201) + "\"}", "application/json", 400),
        arguments("status smuggled in", "{\"name\":\"N\",\"email\":\"a@b.test\",\"status\":\"WON\"," + OK_TAIL, "application/json", 400),
        arguments("id smuggled in", "{\"id\":\"00000000-0000-0000-0000-000000000001\",\"name\":\"N\",\"email\":\"a@b.test\"," + OK_TAIL, "application/json", 400),
        arguments("name is an object", "{\"name\":{\"first\":\"N\"},\"email\":\"a@b.test\"," + OK_TAIL, "application/json", 400),
        arguments("truncated JSON", "{\"name\":\"N\",\"email\":", "application/json", 400),
        arguments("a JSON array", "[]", "application/json", 400),
        arguments("JSON null", "null", "application/json", 400),
        arguments("empty body", "", "application/json", 400),
        arguments("plain text", "name=N&email=a@b.test", "text/plain", 415),
        arguments("form encoded without source or interest", "name=N&email=a@b.test", "application/x-www-form-urlencoded", 400),
        arguments("form encoded with a bad email", "name=N&email=a@b&source=web&interest=demo", "application/x-www-form-urlencoded", 400),
        arguments("body over 16 KiB", "{\"name\":\"" + "n".repeat(17_000) + "\"}", "application/json", 413));
  }

  @ParameterizedTest(name = "{0} → {3}")
  @MethodSource("badCaptures")
  void aBadCaptureIsAProblemAndStoresNothing(String why, String body, String contentType, int expected) {
    long before = leads.count();

    HttpResponse<String> response = send(body, contentType);

    assertProblem(response, expected);
    assertThat(leads.count()).isEqualTo(before);
  }

  static Stream<Arguments> badReads() {
    return Stream.of(
        arguments("/api/v1/leads?status=WON", 400),
        arguments("/api/v1/leads?tier=LUKEWARM", 400),
        arguments("/api/v1/leads?limit=0", 400),
        arguments("/api/v1/leads?limit=100000", 400),
        arguments("/api/v1/leads?cursor=not-a-cursor", 400),
        arguments("/api/v1/leads?createdFrom=yesterday", 400),
        arguments("/api/v1/leads/7d0e3c1e-0000-4000-8000-000000000000", 404),
        arguments("/api/v1/leads/not-a-uuid", 404));
  }

  @ParameterizedTest(name = "GET {0} → {1}")
  @MethodSource("badReads")
  void aBadReadIsAProblem(String path, int expected) {
    assertProblem(get(path, ADMIN), expected);
  }

  @Test
  void theProblemNamesTheFieldThatIsWrong() {
    JsonNode unknownField = body(send("{\"name\":\"S\",\"email\":\"a@b.test\",\"status\":\"WON\"," + OK_TAIL, "application/json"));
    JsonNode noContact = body(send("{\"name\":\"S\"," + OK_TAIL, "application/json"));
    JsonNode badPhone = body(send("{\"name\":\"S\",\"phone\":\"+1 555 0100\"," + OK_TAIL, "application/json"));

    assertThat(unknownField.get("detail").asString()).isEqualTo("Unknown field 'status'.");
    assertThat(noContact.get("errors").get("reachable").asString()).contains("email or a phone");
    assertThat(badPhone.get("errors").get("phone").asString()).contains("not a valid phone number");
  }

  @Test
  void actingOnAClosedLeadIsAConflictThatShowsItsState() {
    String leadId = routedLead();
    assertThat(post("/api/v1/leads/" + leadId + "/disqualify", ANA, "{\"reason\":\"student\"}").statusCode()).isEqualTo(202);
    org.awaitility.Awaitility.await()
        .until(() -> "DISQUALIFIED".equals(body(get("/api/v1/leads/" + leadId, ANA)).get("status").asString()));

    HttpResponse<String> response = post("/api/v1/leads/" + leadId + "/replies", ANA, "{\"channel\":\"SMS\",\"body\":\"hi\"}");

    assertProblem(response, 409);
    assertThat(body(response).get("leadStatus").asString()).isEqualTo("DISQUALIFIED");
  }

  @Test
  void aPhoneNumberCapturedTooOftenIsRateLimited() {
    String phone = uniquePhone();
    HttpResponse<String> last = null;
    for (int i = 0; i < 6; i++) {
      last = post("/api/v1/leads", INGEST, leadJson(null, phone));
    }

    assertProblem(last, 429);
    assertThat(last.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void anEmailAddressCapturedTooOftenIsRateLimitedPastAHundredAnHour() {
    String email = uniqueEmail();
    for (int i = 0; i < 100; i++) {
      assertThat(post("/api/v1/leads", INGEST, leadJson(i % 2 == 0 ? email : email.toUpperCase(), null)).statusCode())
          .as("capture %d", i + 1)
          .isEqualTo(202);
    }

    HttpResponse<String> refused = post("/api/v1/leads", INGEST, leadJson(email, null));

    assertProblem(refused, 429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
  }

  /** Numbers that bill the caller, or that no person answers, are refused by type, per country (libphonenumber). */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("numbersNobodyIsCalledOn")
  void aPremiumRateOrOtherwiseUnsupportedNumberIsRefusedAndNothingStored(String region, PhoneNumberType type, String why) {
    PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    String phone = phones.format(phones.getExampleNumberForType(region, type), PhoneNumberUtil.PhoneNumberFormat.E164);
    String email = uniqueEmail();
    long before = leads.count();

    HttpResponse<String> refused = post("/api/v1/leads", INGEST, leadJson(email, phone));

    assertProblem(refused, 400);
    assertThat(body(refused).get("errors").get("phone").asString()).contains(why);
    assertThat(leads.count()).isEqualTo(before);
  }

  static Stream<Arguments> numbersNobodyIsCalledOn() {
    return Stream.of(
        arguments("US", PhoneNumberType.PREMIUM_RATE, "premium-rate"),
        arguments("GB", PhoneNumberType.PREMIUM_RATE, "premium-rate"),
        arguments("FR", PhoneNumberType.PREMIUM_RATE, "premium-rate"),
        arguments("FR", PhoneNumberType.SHARED_COST, "shared-cost"),
        arguments("US", PhoneNumberType.PERSONAL_NUMBER, "personal"),
        arguments("GB", PhoneNumberType.PERSONAL_NUMBER, "personal"),
        arguments("GB", PhoneNumberType.PAGER, "pager"),
        arguments("GB", PhoneNumberType.UAN, "universal access"),
        arguments("DE", PhoneNumberType.VOICEMAIL, "voicemail"));
  }

  @Test
  void mobileAndFixedLineNumbersAreStillTakenAbroadToo() {
    PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    String ukMobile = phones.format(phones.getExampleNumberForType("GB", PhoneNumberType.MOBILE), PhoneNumberUtil.PhoneNumberFormat.E164);

    assertThat(post("/api/v1/leads", INGEST, leadJson(uniqueEmail(), ukMobile)).statusCode()).isEqualTo(202);
  }

  private HttpResponse<String> send(String body, String contentType) {
    return call("POST", "/api/v1/leads", INGEST, body, Map.of("Content-Type", contentType));
  }

  private static void assertProblem(HttpResponse<String> response, int expected) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = body(response);
    assertThat(problem.get("status").asInt()).isEqualTo(expected);
    assertThat(problem.get("detail").asString()).isNotBlank();
  }
}
