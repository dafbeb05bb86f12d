package io.leadflow.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.leadflow.api.ApiTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint × every role, including a rep reaching for another rep's lead. {lead} is a lead
 * routed to ana that no case changes; {fresh} is a new lead routed to ana for a case that acts.
 */
class AuthorizationMatrixTest extends ApiTest {

  private static final String NONE = null;
  private static final String CAPTURE = "{\"name\":\"M\",\"email\":\"%s\",\"source\":\"web\",\"interest\":\"demo\"}";
  private static final String REPLY = "{\"channel\":\"EMAIL\",\"body\":\"yes\"}";
  private static final String DISQUALIFY = "{\"reason\":\"student\"}";
  private static final String MEETING = "{\"at\":\"2030-01-07T15:00:00Z\"}";
  private static final String OPT_OUT = "{\"channel\":\"SMS\"}";
  private static final String NEW_KEY = "{\"name\":\"zapier\",\"role\":\"INGEST\"}";

  private static String sharedLead;

  static Stream<Arguments> matrix() {
    return Stream.of(
        arguments("GET", "/api/v1/leads", null, NONE, 401),
        arguments("GET", "/api/v1/leads", null, INGEST, 403),
        arguments("GET", "/api/v1/leads", null, ANA, 200),
        arguments("GET", "/api/v1/leads", null, BEN, 200),
        arguments("GET", "/api/v1/leads", null, MANAGER, 200),
        arguments("GET", "/api/v1/leads", null, ADMIN, 200),
        arguments("GET", "/api/v1/leads/{lead}", null, NONE, 401),
        arguments("GET", "/api/v1/leads/{lead}", null, INGEST, 403),
        arguments("GET", "/api/v1/leads/{lead}", null, ANA, 200),
        arguments("GET", "/api/v1/leads/{lead}", null, BEN, 404),
        arguments("GET", "/api/v1/leads/{lead}", null, MANAGER, 200),
        arguments("GET", "/api/v1/leads/{lead}", null, ADMIN, 200),
        arguments("POST", "/api/v1/leads", CAPTURE, NONE, 401),
        arguments("POST", "/api/v1/leads", CAPTURE, INGEST, 202),
        arguments("POST", "/api/v1/leads", CAPTURE, ANA, 403),
        arguments("POST", "/api/v1/leads", CAPTURE, MANAGER, 403),
        arguments("POST", "/api/v1/leads", CAPTURE, ADMIN, 202),
        arguments("POST", "/api/v1/leads/{lead}/acknowledge", null, NONE, 401),
        arguments("POST", "/api/v1/leads/{lead}/acknowledge", null, INGEST, 403),
        arguments("POST", "/api/v1/leads/{lead}/acknowledge", null, BEN, 404),
        arguments("POST", "/api/v1/leads/{lead}/acknowledge", null, ADMIN, 422),
        arguments("POST", "/api/v1/leads/{lead}/acknowledge", null, MANAGER, 409),
        arguments("POST", "/api/v1/leads/{fresh}/acknowledge", null, ANA, 200),
        arguments("POST", "/api/v1/leads/{lead}/replies", REPLY, INGEST, 403),
        arguments("POST", "/api/v1/leads/{lead}/replies", REPLY, BEN, 404),
        arguments("POST", "/api/v1/leads/{fresh}/replies", REPLY, ANA, 202),
        arguments("POST", "/api/v1/leads/{fresh}/replies", REPLY, MANAGER, 202),
        arguments("POST", "/api/v1/leads/{fresh}/replies", REPLY, ADMIN, 202),
        arguments("POST", "/api/v1/leads/{lead}/disqualify", DISQUALIFY, INGEST, 403),
        arguments("POST", "/api/v1/leads/{lead}/disqualify", DISQUALIFY, BEN, 404),
        arguments("POST", "/api/v1/leads/{fresh}/disqualify", DISQUALIFY, ANA, 202),
        arguments("POST", "/api/v1/leads/{fresh}/disqualify", DISQUALIFY, MANAGER, 202),
        arguments("POST", "/api/v1/leads/{lead}/meeting", MEETING, INGEST, 403),
        arguments("POST", "/api/v1/leads/{lead}/meeting", MEETING, BEN, 404),
        arguments("POST", "/api/v1/leads/{fresh}/meeting", MEETING, ANA, 202),
        arguments("POST", "/api/v1/leads/{fresh}/meeting", MEETING, ADMIN, 202),
        arguments("POST", "/api/v1/leads/{lead}/opt-out", OPT_OUT, INGEST, 403),
        arguments("POST", "/api/v1/leads/{lead}/opt-out", OPT_OUT, BEN, 404),
        arguments("POST", "/api/v1/leads/{fresh}/opt-out", OPT_OUT, ANA, 202),
        arguments("POST", "/api/v1/leads/{fresh}/opt-out", OPT_OUT, MANAGER, 202),
        arguments("POST", "/api/v1/admin/api-keys", NEW_KEY, NONE, 401),
        arguments("POST", "/api/v1/admin/api-keys", NEW_KEY, INGEST, 403),
        arguments("POST", "/api/v1/admin/api-keys", NEW_KEY, ANA, 403),
        arguments("POST", "/api/v1/admin/api-keys", NEW_KEY, MANAGER, 403),
        arguments("POST", "/api/v1/admin/api-keys", NEW_KEY, ADMIN, 201),
        arguments("GET", "/actuator/health", null, NONE, 200),
        arguments("GET", "/api/v1/leads", null, "not-a-key", 401));
  }

  @ParameterizedTest(name = "{0} {1} as {3} → {4}")
  @MethodSource("matrix")
  void eachRoleGetsExactlyWhatItMay(String method, String path, String body, String key, int expected) {
    String resolvedPath = path.replace("{lead}", sharedLead()).replace("{fresh}", path.contains("{fresh}") ? routedLead() : "");
    String resolvedBody = body == null ? null : body.formatted(uniqueEmail());

    HttpResponse<String> response = call(method, resolvedPath, key, resolvedBody, Map.of());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    if (expected >= 400) {
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
  }

  @Test
  void aRepListingLeadsSeesOnlyTheirOwnWhateverTheyAskFor() {
    sharedLead();
    var asBen = body(get("/api/v1/leads?assignedRep=ana", BEN)).get("items");
    var asAna = body(get("/api/v1/leads?assignedRep=ben", ANA)).get("items");

    asBen.forEach(lead -> assertThat(lead.get("assignedRep").asString()).isEqualTo("ben"));
    assertThat(asAna).isNotEmpty();
    asAna.forEach(lead -> assertThat(lead.get("assignedRep").asString()).isEqualTo("ana"));
  }

  @Test
  void aCreatedKeyWorksAtOnceWithItsRoleAndIsShownOnlyOnce() {
    var created = body(post("/api/v1/admin/api-keys", ADMIN, "{\"name\":\"ana's phone\",\"role\":\"REP\",\"repId\":\"ana\"}"));
    String key = created.get("key").asString();

    assertThat(key).startsWith("lf_");
    assertThat(get("/api/v1/leads/" + sharedLead(), key).statusCode()).isEqualTo(200);
    assertThat(post("/api/v1/leads", key, CAPTURE.formatted(uniqueEmail())).statusCode()).isEqualTo(403);
  }

  private String sharedLead() {
    if (sharedLead == null) {
      sharedLead = routedLead();
    }
    return sharedLead;
  }
}
