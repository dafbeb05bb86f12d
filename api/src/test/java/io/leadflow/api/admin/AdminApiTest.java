package io.leadflow.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.api.ApiTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Reps, territories, accounts, skill rules and scoring rules through the admin API: ADMIN only,
 * validated, RFC 9457 problems. Ids carry a per-test tag and territories require it as an interest
 * keyword, so the leads of other tests never match what these tests create.
 */
class AdminApiTest extends ApiTest {

  private static final String ADMIN_PATH = "/api/v1/admin";
  private final String tag = "a" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void removeWhatWasCreated() {
    for (String path : new String[] {"/territories/emea-", "/accounts/acme-", "/skill-rules/german-", "/reps/ana-", "/reps/ben-"}) {
      delete(ADMIN_PATH + path + tag);
    }
  }

  private HttpResponse<String> put(String path, String body) {
    return call("PUT", ADMIN_PATH + path, ADMIN, body, Map.of());
  }

  private HttpResponse<String> delete(String path) {
    return call("DELETE", path, ADMIN, null, Map.of());
  }

  private static String rep(String name, int capacity) {
    return "{\"name\":\"" + name + "\",\"timeZone\":\"Europe/Berlin\",\"capacity\":" + capacity + ",\"weight\":2,"
        + "\"skills\":[\"german\"],\"workingHours\":{\"days\":[\"MONDAY\",\"FRIDAY\"],\"start\":\"09:00\",\"end\":\"17:00\"},"
        + "\"outOfOffice\":{\"from\":\"2030-01-01T00:00:00Z\",\"until\":\"2030-01-08T00:00:00Z\"}}";
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void aRepIsCreatedReplacedReadAndDeleted() {
    String id = "ana-" + tag;

    HttpResponse<String> created = put("/reps/" + id, rep("Ana Ruiz", 5));
    HttpResponse<String> replaced = put("/reps/" + id, rep("Ana Ruiz-Lopez", 8));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(replaced.statusCode()).isEqualTo(200);
    JsonNode rep = body(get(ADMIN_PATH + "/reps/" + id, ADMIN));
    assertThat(rep.get("name").asString()).isEqualTo("Ana Ruiz-Lopez");
    assertThat(rep.get("capacity").asInt()).isEqualTo(8);
    assertThat(rep.get("weight").asInt()).isEqualTo(2);
    assertThat(rep.get("timeZone").asString()).isEqualTo("Europe/Berlin");
    assertThat(rep.get("workingHours").get("days").toString()).isEqualTo("[\"MONDAY\",\"FRIDAY\"]");
    assertThat(rep.get("workingHours").get("start").asString()).isEqualTo("09:00:00");
    assertThat(rep.get("outOfOffice").get("until").asString()).isEqualTo("2030-01-08T00:00:00Z");
    assertThat(rep.get("active").asBoolean()).isTrue();
    assertThat(body(get(ADMIN_PATH + "/reps", ADMIN)).valueStream().map(r -> r.get("id").asString())).contains(id);

    assertThat(delete(ADMIN_PATH + "/reps/" + id).statusCode()).isEqualTo(204);
    assertProblem(get(ADMIN_PATH + "/reps/" + id, ADMIN), 404);
    assertProblem(delete(ADMIN_PATH + "/reps/" + id), 404);
  }

  @Test
  void aRepsBookingLinkIsKeptAndCanBeRemoved() {
    String id = "ana-" + tag;
    String link = "https://calendly.com/ana-ruiz/30min?month=2030-01";

    HttpResponse<String> created = put("/reps/" + id, "{\"name\":\"Ana\",\"capacity\":5,\"bookingLink\":\"" + link + "\"}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(body(created).get("bookingLink").asString()).isEqualTo(link);
    assertThat(body(get(ADMIN_PATH + "/reps/" + id, ADMIN)).get("bookingLink").asString()).isEqualTo(link);
    put("/reps/" + id, "{\"name\":\"Ana\",\"capacity\":5}");
    assertThat(body(get(ADMIN_PATH + "/reps/" + id, ADMIN)).hasNonNull("bookingLink")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "plain http           | http://calendly.com/ana",
        "a script             | javascript:alert(1)",
        "no scheme            | calendly.com/ana",
        "no host              | https:///ana",
        "a space              | https://calendly.com/ana ruiz",
      })
  void aBookingLinkMustBeAnAbsoluteHttpsUrl(String why, String link) {
    HttpResponse<String> response = put("/reps/ana-" + tag, "{\"name\":\"A\",\"capacity\":5,\"bookingLink\":\"" + link + "\"}");

    assertProblem(response, 400);
    assertThat(body(response).get("errors").get("bookingLink").asString()).contains("absolute https URL");
    assertProblem(get(ADMIN_PATH + "/reps/ana-" + tag, ADMIN), 404);
  }

  @Test
  void aBookingLinkHasAtMost500Characters() {
    String page = "https://calendly.com/";
    String tooLong = page + "a".repeat(501 - page.length());

    HttpResponse<String> response = put("/reps/ana-" + tag, "{\"name\":\"A\",\"capacity\":5,\"bookingLink\":\"" + tooLong + "\"}");

    assertProblem(response, 400);
    assertThat(body(response).get("errors").has("bookingLink")).as(response.body()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown time zone    | {\"name\":\"A\",\"capacity\":5,\"timeZone\":\"Mars/Olympus\"}   | timeZoneKnown",
        "no capacity          | {\"name\":\"A\"}                                                 | capacity",
        "weight out of range  | {\"name\":\"A\",\"capacity\":5,\"weight\":0}                     | weight",
        "hours without an end | {\"name\":\"A\",\"capacity\":5,\"workingHours\":{\"start\":\"09:00\"}} | workingHours.end",
        "back before leaving  | {\"name\":\"A\",\"capacity\":5,\"outOfOffice\":{\"from\":\"2030-01-08T00:00:00Z\",\"until\":\"2030-01-01T00:00:00Z\"}} | outOfOffice.ordered",
        "a skill with spaces  | {\"name\":\"A\",\"capacity\":5,\"skills\":[\"speaks german\"]}   | skills[0]",
        "an empty skill       | {\"name\":\"A\",\"capacity\":5,\"skills\":[null]}                 | skills[0]",
        "away in year 2150    | {\"name\":\"A\",\"capacity\":5,\"outOfOffice\":{\"until\":\"2150-01-01T00:00:00Z\"}} | outOfOffice.withinSaneDates",
        "away in year 99999   | {\"name\":\"A\",\"capacity\":5,\"outOfOffice\":{\"until\":\"+99999-01-01T00:00:00Z\"}} | outOfOffice.until",
      })
  void anInvalidRepIsABadRequestNamingTheField(String why, String body, String field) {
    HttpResponse<String> response = put("/reps/ana-" + tag, body);

    assertProblem(response, 400);
    assertThat(body(response).get("errors").has(field)).as(response.body()).isTrue();
  }

  @Test
  void badIdsAndUnknownFieldsAreBadRequests() {
    assertProblem(put("/reps/Ana%20Ruiz", rep("Ana", 5)), 400);
    assertProblem(put("/reps/ana-" + tag, "{\"name\":\"A\",\"capacity\":5,\"status\":\"boss\"}"), 400);
  }

  @Test
  void aTerritoryNeedsRepsThatExistAndKeepsItsMatch() {
    String ana = "ana-" + tag;
    put("/reps/" + ana, rep("Ana", 5));
    String territory =
        "{\"name\":\"EMEA\",\"priority\":10,\"match\":{\"countries\":[\"de\",\"FR\"],\"minEmployees\":50,\"interestKeywords\":[\"" + tag
            + "\"]},\"members\":[\"" + ana + "\",\"ghost-" + tag + "\"],\"managerId\":\"mia\"}";

    HttpResponse<String> unknown = put("/territories/emea-" + tag, territory);
    HttpResponse<String> created = put("/territories/emea-" + tag, territory.replace(",\"ghost-" + tag + "\"", ""));

    assertProblem(unknown, 422);
    assertThat(body(unknown).get("errors").get("members").asString()).isEqualTo("No such reps: ghost-" + tag + ".");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode saved = body(get(ADMIN_PATH + "/territories/emea-" + tag, ADMIN));
    assertThat(saved.get("match").get("countries").toString()).isEqualTo("[\"DE\",\"FR\"]");
    assertThat(saved.get("match").get("minEmployees").asInt()).isEqualTo(50);
    assertThat(saved.get("members").toString()).isEqualTo("[\"" + ana + "\"]");
    assertThat(saved.get("managerId").asString()).isEqualTo("mia");
    assertProblem(put("/territories/emea-" + tag, "{\"name\":\"EMEA\",\"match\":{\"minEmployees\":500,\"maxEmployees\":50}}"), 400);
  }

  @Test
  void aTerritoryWithAnEmptyCountryOrMemberIsABadRequestNamingTheField() {
    HttpResponse<String> emptyCountry = put("/territories/null-" + tag, "{\"name\":\"N\",\"match\":{\"countries\":[null]}}");
    HttpResponse<String> emptyMember = put("/territories/null-" + tag, "{\"name\":\"N\",\"members\":[null]}");

    assertProblem(emptyCountry, 400);
    assertThat(body(emptyCountry).get("errors").has("match.countries[0]")).as(emptyCountry.body()).isTrue();
    assertProblem(emptyMember, 400);
    assertThat(body(emptyMember).get("errors").has("members[0]")).as(emptyMember.body()).isTrue();
    assertProblem(get(ADMIN_PATH + "/territories/null-" + tag, ADMIN), 404);
  }

  @Test
  void anAccountsDomainsBelongToItAlone() {
    String ana = "ana-" + tag;
    put("/reps/" + ana, rep("Ana", 5));
    String domain = "acme-" + tag + ".test";

    HttpResponse<String> created = put("/accounts/acme-" + tag, "{\"name\":\"Acme\",\"domains\":[\"" + domain.toUpperCase() + "\"],\"ownerRepId\":\"" + ana + "\"}");
    HttpResponse<String> taken = put("/accounts/other-" + tag, "{\"name\":\"Other\",\"domains\":[\"" + domain + "\"]}");
    HttpResponse<String> noOwner = put("/accounts/acme-" + tag, "{\"name\":\"Acme\",\"domains\":[\"" + domain + "\"],\"ownerRepId\":\"ghost\"}");
    HttpResponse<String> notADomain = put("/accounts/acme-" + tag, "{\"name\":\"Acme\",\"domains\":[\"acme\"]}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(body(created).get("domains").toString()).isEqualTo("[\"" + domain + "\"]");
    assertProblem(taken, 409);
    assertThat(body(taken).get("detail").asString()).isEqualTo(domain + " belongs to account acme-" + tag + ".");
    assertProblem(noOwner, 422);
    assertProblem(notADomain, 400);
  }

  @Test
  void aSkillRuleNeedsACriterion() {
    assertProblem(put("/skill-rules/german-" + tag, "{}"), 400);
    HttpResponse<String> created = put("/skill-rules/german-" + tag, "{\"countries\":[\"DE\",\"AT\",\"CH\"],\"interestKeywords\":[\"" + tag + "\"]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(body(get(ADMIN_PATH + "/skill-rules", ADMIN)).valueStream().map(r -> r.get("skill").asString())).contains("german-" + tag);
  }

  @Test
  void onlyAdminsManageRoutingAndScoring() {
    for (String key : new String[] {MANAGER, ANA, INGEST}) {
      assertProblem(call("PUT", ADMIN_PATH + "/reps/ana-" + tag, key, rep("Ana", 5), Map.of()), 403);
      assertProblem(get(ADMIN_PATH + "/territories", key), 403);
      assertProblem(get(ADMIN_PATH + "/accounts", key), 403);
      assertProblem(get(ADMIN_PATH + "/scoring-rules", key), 403);
    }
    assertProblem(get(ADMIN_PATH + "/reps", null), 401);
  }

  @Test
  void scoringRulesAreShownReplacedAndResetAsAWhole() {
    JsonNode configured = body(get(ADMIN_PATH + "/scoring-rules", ADMIN));
    assertThat(configured.get("source").asString()).isEqualTo("CONFIGURATION");
    assertThat(configured.get("hotFrom").asInt()).isEqualTo(35);
    assertThat(configured.get("warmFrom").asInt()).isEqualTo(15);
    assertThat(configured.get("halveAfterDays").asInt()).isEqualTo(30);
    assertThat(configured.get("resetAfterDays").asInt()).isEqualTo(90);
    assertThat(configured.get("rules").get(0).get("reason").asString()).isEqualTo("demo request");

    HttpResponse<String> wrongShape =
        call("PUT", ADMIN_PATH + "/scoring-rules", ADMIN,
            "{\"rules\":[{\"group\":\"FIT\",\"signal\":\"EMPLOYEES\",\"any\":[\"big\"],\"points\":5,\"reason\":\"big\"}]}", Map.of());
    assertProblem(wrongShape, 400);
    assertThat(body(wrongShape).get("errors").get("rules[0]").asString())
        .isEqualTo("EMPLOYEES is a number: give min and/or max, no values (rule \"big\")");

    try {
      // The configured rules plus one only this test's leads match: other tests score as before.
      String rules = configured.get("rules").toString();
      String extra = "{\"group\":\"INTENT\",\"signal\":\"INTEREST\",\"any\":[\"" + tag + "\"],\"points\":50,\"reason\":\"campaign\"}";
      HttpResponse<String> saved =
          call("PUT", ADMIN_PATH + "/scoring-rules", ADMIN, "{\"rules\":[" + extra + "," + rules.substring(1) + "}", Map.of());

      assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
      assertThat(body(saved).get("source").asString()).isEqualTo("DATABASE");
      assertThat(body(get(ADMIN_PATH + "/scoring-rules", ADMIN)).get("rules").get(0).get("reason").asString()).isEqualTo("campaign");
    } finally {
      JsonNode reset = body(call("DELETE", ADMIN_PATH + "/scoring-rules", ADMIN, null, Map.of()));
      assertThat(reset.get("source").asString()).isEqualTo("CONFIGURATION");
    }
  }
}
