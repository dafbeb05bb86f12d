package io.leadflow.api.input;

import static io.leadflow.api.Problems.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.leadflow.api.ApiTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Text that PostgreSQL or a person cannot take (NUL, control characters, unpaired surrogates,
 * bidirectional overrides) is a 400 naming the field or parameter, in every body and filter, and
 * stores nothing. It used to be a 500 from PostgreSQL ("invalid byte sequence").
 */
class TextInputTest extends ApiTest {

  private static final String NUL = "\\u0000";

  @Autowired JdbcClient jdbc;

  private long stored() {
    return jdbc.sql("select (select count(*) from lead) + (select count(*) from lead_capture)").query(Long.class).single();
  }

  private static String capture(String field, String value) {
    Map<String, String> fields = new java.util.TreeMap<>(Map.of("name", "Sarah Kim", "email", uniqueEmail(), "source", "web", "interest", "demo"));
    fields.put(field, value);
    StringBuilder json = new StringBuilder("{");
    fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":\"").append(v).append('"'));
    return json.append('}').toString();
  }

  @ParameterizedTest(name = "NUL in {0}")
  @ValueSource(strings = {"name", "email", "interest", "utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent", "title", "company", "timeline"})
  void aNulInAnyCaptureFieldIsRefusedByName(String field) {
    long before = stored();

    HttpResponse<String> response = post("/api/v1/leads", INGEST, capture(field, "Ac" + NUL + "me"));

    assertThat(assertInvalid(response, field)).contains("U+0000");
    assertThat(stored()).isEqualTo(before);
  }

  static Stream<Arguments> unreadableNames() {
    return Stream.of(
        arguments("an unpaired surrogate", "Sarah \\ud800Kim", "unpaired surrogate"),
        arguments("a bell", "Sarah\\u0007Kim", "U+0007"),
        arguments("a tab", "Sarah\\tKim", "U+0009"),
        arguments("a line break", "Sarah\\nKim", "U+000A"),
        arguments("a C1 control", "Sarah\\u0085Kim", "U+0085"),
        arguments("a right-to-left override", "Sarah \\u202Egnp.exe", "U+202E"),
        arguments("a left-to-right isolate", "Sarah \\u2066Kim", "U+2066"));
  }

  @ParameterizedTest(name = "{0} in a name")
  @MethodSource("unreadableNames")
  void aNameMustBeOneLineOfReadableText(String why, String name, String named) {
    long before = stored();

    HttpResponse<String> response = post("/api/v1/leads", INGEST, capture("name", name));

    assertThat(assertInvalid(response, "name")).contains(named);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void accentsEmojiAndOtherScriptsAreText() {
    HttpResponse<String> response = post("/api/v1/leads", INGEST, capture("name", "Zoë Łukasz 😀 سارة 李"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    assertThat(body(get("/api/v1/leads/" + leadOf(response), ADMIN)).get("name").asString())
        .isEqualTo("Zoë Łukasz 😀 سارة 李");
  }

  @Test
  void aFormsMessageMaySpanLinesButNotHoldNul() {
    HttpResponse<String> multiline = post("/api/v1/leads", INGEST, capture("interest", "pricing\\r\\nfor\\t50 seats"));
    HttpResponse<String> withNul = post("/api/v1/leads", INGEST, capture("interest", "pricing" + NUL));

    assertThat(multiline.statusCode()).as(multiline.body()).isEqualTo(202);
    assertInvalid(withNul, "interest");
  }

  @Test
  void aLoggedReplyMaySpanLinesButNotHoldNul() {
    String noSuchLead = "/api/v1/leads/" + UUID.randomUUID() + "/replies";

    // The body is read before the lead is looked up: a readable one gets as far as the 404.
    assertThat(post(noSuchLead, ADMIN, "{\"channel\":\"CALL\",\"body\":\"called\\nno answer\"}").statusCode()).isEqualTo(404);
    assertInvalid(post(noSuchLead, ADMIN, "{\"channel\":\"CALL\",\"body\":\"called" + NUL + "\"}"), "body");
    assertInvalid(post(noSuchLead, ADMIN, "{\"channel\":\"CALL\",\"body\":\"x\",\"messageId\":\"m\\nx\"}"), "messageId");
  }

  @ParameterizedTest(name = "GET /api/v1/leads?{0}")
  @ValueSource(strings = {"source=we%00b", "assignedRep=an%00a", "source=%E2%80%AEweb", "cursor=%07"})
  void aFilterWithUnreadableTextIsRefusedByName(String query) {
    String parameter = query.substring(0, query.indexOf('='));

    assertInvalid(get("/api/v1/leads?" + query, ADMIN), parameter);
  }

  @Test
  void adminBodiesFollowTheSameRuleAndStoreNothing() {
    String id = "text-" + UUID.randomUUID().toString().substring(0, 8);

    assertInvalid(put("/api/v1/admin/reps/" + id, "{\"name\":\"Ana" + NUL + "\",\"capacity\":5}"), "name");
    assertInvalid(put("/api/v1/admin/accounts/" + id, "{\"name\":\"Acme" + NUL + "\",\"domains\":[\"" + id + ".test\"],\"industry\":\"x\"}"), "name");
    assertInvalid(put("/api/v1/admin/territories/" + id, "{\"name\":\"EMEA" + NUL + "\"}"), "name");
    assertInvalid(put("/api/v1/admin/skill-rules/" + id, "{\"interestKeywords\":[\"ok\",\"ger" + NUL + "\"]}"), "interestKeywords[1]");
    assertInvalid(
        put("/api/v1/admin/territories/" + id, "{\"name\":\"EMEA\",\"match\":{\"interestKeywords\":[\"a" + NUL + "\"]}}"),
        "match.interestKeywords[0]");
    assertInvalid(
        post("/api/v1/admin/api-keys", ADMIN, "{\"name\":\"forms" + NUL + "\",\"role\":\"INGEST\"}"), "name");

    for (String kind : new String[] {"reps", "accounts", "territories"}) {
      assertThat(get("/api/v1/admin/" + kind + "/" + id, ADMIN).statusCode()).isEqualTo(404);
    }
    assertThat(get("/api/v1/admin/skill-rules", ADMIN).body()).doesNotContain(id);
  }

  @Test
  void scoringRulesNameTheRuleAndTheWord() {
    String before = get("/api/v1/admin/scoring-rules", ADMIN).body();

    HttpResponse<String> response =
        put("/api/v1/admin/scoring-rules",
            "{\"rules\":[{\"group\":\"FIT\",\"signal\":\"TITLE\",\"any\":[\"vp\",\"c" + NUL + "o\"],\"points\":5,\"reason\":\"exec\"}]}");

    assertInvalid(response, "rules[0].any[1]");
    assertThat(get("/api/v1/admin/scoring-rules", ADMIN).body()).isEqualTo(before);
  }

  private HttpResponse<String> put(String path, String body) {
    return call("PUT", path, ADMIN, body, Map.of());
  }
}
