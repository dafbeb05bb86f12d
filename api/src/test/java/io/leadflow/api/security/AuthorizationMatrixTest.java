package io.leadflow.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.leadflow.api.ApiTest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint × every role, including a rep reaching for another rep's lead and a manager for
 * another team's. {lead} is a lead routed to ana that no case changes (by the fallback, whose
 * manager is mia: on her team because its routing names her); {fresh} is a new lead routed to ana
 * for a case that acts. The {@link ManagerTeamFixture} leads: {team} went to tia, who reports to
 * mia, {own} to mia herself, {other} to another manager's rep; {teamFresh} and {ownFresh} are new
 * ones for a case that acts.
 */
class AuthorizationMatrixTest extends ApiTest {

  private static final String NONE = null;
  private static final String CAPTURE = "{\"name\":\"M\",\"email\":\"%s\",\"source\":\"web\",\"interest\":\"demo\"}";
  private static final String REPLY = "{\"channel\":\"EMAIL\",\"body\":\"yes\"}";
  private static final String CALL_ANSWERED = "{\"channel\":\"CALL\",\"body\":\"call outcome: interested\"}";
  private static final String DISQUALIFY = "{\"reason\":\"student\"}";
  private static final String MEETING = "{\"at\":\"2030-01-07T15:00:00Z\"}";
  private static final String OPT_OUT = "{\"channel\":\"SMS\"}";
  private static final String REASSIGN = "{\"repId\":\"{tia}\",\"reason\":\"covering\"}";
  private static final String CONVERT = "{\"reason\":\"opportunity in the CRM\"}";
  private static final String NEW_KEY = "{\"name\":\"zapier\",\"role\":\"INGEST\"}";
  private static final String TEMPLATE = "{\"channel\":\"SMS\",\"text\":\"Hi {{firstName}}. Reply STOP to opt out.\"}";
  private static final String PREVIEW = "{\"channel\":\"SMS\"}";
  private static final String PREVIEW_FOR = "{\"channel\":\"SMS\",\"leadId\":\"%s\"}";
  private static final String NO_PAYLOADS = "{\"payloads\":[]}";
  private static final String CALENDLY_EVENT = "{\"event\":\"invitee.created\",\"payload\":{\"email\":\"%s\"}}";

  private static String sharedLead;
  private static ManagerTeamFixture teams;
  private static final Map<String, String> sharedTeamLeads = new ConcurrentHashMap<>();

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
        arguments("GET", "/api/v1/leads/{team}", null, MANAGER, 200),
        arguments("GET", "/api/v1/leads/{own}", null, MANAGER, 200),
        arguments("GET", "/api/v1/leads/{other}", null, MANAGER, 404),
        arguments("GET", "/api/v1/leads/{team}", null, BEN, 404),
        arguments("GET", "/api/v1/leads/{other}", null, ANA, 404),
        arguments("GET", "/api/v1/leads/{lead}/timeline", null, NONE, 401),
        arguments("GET", "/api/v1/leads/{lead}/timeline", null, INGEST, 403),
        arguments("GET", "/api/v1/leads/{lead}/timeline", null, ANA, 200),
        arguments("GET", "/api/v1/leads/{lead}/timeline", null, BEN, 404),
        arguments("GET", "/api/v1/leads/{lead}/timeline", null, MANAGER, 200),
        arguments("GET", "/api/v1/leads/{lead}/timeline", null, ADMIN, 200),
        arguments("GET", "/api/v1/leads/{team}/timeline", null, MANAGER, 200),
        arguments("GET", "/api/v1/leads/{other}/timeline", null, MANAGER, 404),
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
        arguments("POST", "/api/v1/leads/{ownFresh}/acknowledge", null, MANAGER, 200),
        arguments("POST", "/api/v1/leads/{team}/acknowledge", null, MANAGER, 409),
        arguments("POST", "/api/v1/leads/{other}/acknowledge", null, MANAGER, 404),
        arguments("POST", "/api/v1/leads/{lead}/replies", REPLY, INGEST, 403),
        arguments("POST", "/api/v1/leads/{lead}/replies", REPLY, BEN, 404),
        arguments("POST", "/api/v1/leads/{fresh}/replies", REPLY, ANA, 202),
        arguments("POST", "/api/v1/leads/{fresh}/replies", REPLY, MANAGER, 202),
        arguments("POST", "/api/v1/leads/{fresh}/replies", REPLY, ADMIN, 202),
        arguments("POST", "/api/v1/leads/{teamFresh}/replies", REPLY, MANAGER, 202),
        arguments("POST", "/api/v1/leads/{other}/replies", REPLY, MANAGER, 404),
        arguments("POST", "/api/v1/leads/{teamFresh}/replies", CALL_ANSWERED, MANAGER, 202),
        arguments("POST", "/api/v1/leads/{other}/replies", CALL_ANSWERED, MANAGER, 404),
        arguments("POST", "/api/v1/leads/{lead}/disqualify", DISQUALIFY, INGEST, 403),
        arguments("POST", "/api/v1/leads/{lead}/disqualify", DISQUALIFY, BEN, 404),
        arguments("POST", "/api/v1/leads/{fresh}/disqualify", DISQUALIFY, ANA, 202),
        arguments("POST", "/api/v1/leads/{fresh}/disqualify", DISQUALIFY, MANAGER, 202),
        arguments("POST", "/api/v1/leads/{teamFresh}/disqualify", DISQUALIFY, MANAGER, 202),
        arguments("POST", "/api/v1/leads/{other}/disqualify", DISQUALIFY, MANAGER, 404),
        arguments("POST", "/api/v1/leads/{lead}/meeting", MEETING, INGEST, 403),
        arguments("POST", "/api/v1/leads/{lead}/meeting", MEETING, BEN, 404),
        arguments("POST", "/api/v1/leads/{fresh}/meeting", MEETING, ANA, 202),
        arguments("POST", "/api/v1/leads/{fresh}/meeting", MEETING, ADMIN, 202),
        arguments("POST", "/api/v1/leads/{teamFresh}/meeting", MEETING, MANAGER, 202),
        arguments("POST", "/api/v1/leads/{other}/meeting", MEETING, MANAGER, 404),
        arguments("POST", "/api/v1/leads/{lead}/meeting/cancel", MEETING, INGEST, 403),
        arguments("POST", "/api/v1/leads/{lead}/meeting/cancel", MEETING, BEN, 404),
        arguments("POST", "/api/v1/leads/{other}/meeting/cancel", MEETING, MANAGER, 404),
        // An open lead has no meeting to cancel: the caller may act, the lead says no.
        arguments("POST", "/api/v1/leads/{fresh}/meeting/cancel", MEETING, ANA, 409),
        arguments("POST", "/api/v1/leads/{teamFresh}/meeting/cancel", MEETING, MANAGER, 409),
        arguments("POST", "/api/v1/leads/{lead}/opt-out", OPT_OUT, INGEST, 403),
        arguments("POST", "/api/v1/leads/{lead}/opt-out", OPT_OUT, BEN, 404),
        arguments("POST", "/api/v1/leads/{fresh}/opt-out", OPT_OUT, ANA, 202),
        arguments("POST", "/api/v1/leads/{fresh}/opt-out", OPT_OUT, MANAGER, 202),
        arguments("POST", "/api/v1/leads/{teamFresh}/opt-out", OPT_OUT, MANAGER, 202),
        arguments("POST", "/api/v1/leads/{other}/opt-out", OPT_OUT, MANAGER, 404),
        arguments("POST", "/api/v1/leads/{lead}/reassign", REASSIGN, NONE, 401),
        arguments("POST", "/api/v1/leads/{lead}/reassign", REASSIGN, INGEST, 403),
        arguments("POST", "/api/v1/leads/{lead}/reassign", REASSIGN, ANA, 403),
        arguments("POST", "/api/v1/leads/{lead}/reassign", REASSIGN, BEN, 403),
        arguments("POST", "/api/v1/leads/{fresh}/reassign", REASSIGN, MANAGER, 202),
        arguments("POST", "/api/v1/leads/{fresh}/reassign", REASSIGN, ADMIN, 202),
        arguments("POST", "/api/v1/leads/{teamFresh}/reassign", REASSIGN, MANAGER, 202),
        arguments("POST", "/api/v1/leads/{other}/reassign", REASSIGN, MANAGER, 404),
        arguments("POST", "/api/v1/leads/{lead}/convert", CONVERT, NONE, 401),
        arguments("POST", "/api/v1/leads/{lead}/convert", CONVERT, INGEST, 403),
        arguments("POST", "/api/v1/leads/{lead}/convert", CONVERT, ANA, 403),
        arguments("POST", "/api/v1/leads/{fresh}/convert", CONVERT, MANAGER, 202),
        arguments("POST", "/api/v1/leads/{fresh}/convert", CONVERT, ADMIN, 202),
        arguments("POST", "/api/v1/leads/{teamFresh}/convert", CONVERT, MANAGER, 202),
        arguments("POST", "/api/v1/leads/{other}/convert", CONVERT, MANAGER, 404),
        arguments("POST", "/api/v1/admin/api-keys", NEW_KEY, NONE, 401),
        arguments("POST", "/api/v1/admin/api-keys", NEW_KEY, INGEST, 403),
        arguments("POST", "/api/v1/admin/api-keys", NEW_KEY, ANA, 403),
        arguments("POST", "/api/v1/admin/api-keys", NEW_KEY, MANAGER, 403),
        arguments("POST", "/api/v1/admin/api-keys", NEW_KEY, ADMIN, 201),
        arguments("GET", "/api/v1/admin/templates", null, NONE, 401),
        arguments("GET", "/api/v1/admin/templates", null, INGEST, 403),
        arguments("GET", "/api/v1/admin/templates", null, ANA, 403),
        arguments("GET", "/api/v1/admin/templates", null, MANAGER, 403),
        arguments("GET", "/api/v1/admin/templates", null, ADMIN, 200),
        arguments("GET", "/api/v1/admin/templates/d1-intro", null, MANAGER, 403),
        arguments("GET", "/api/v1/admin/templates/d1-intro", null, ADMIN, 200),
        arguments("POST", "/api/v1/admin/templates/authz-check", TEMPLATE, NONE, 401),
        arguments("POST", "/api/v1/admin/templates/authz-check", TEMPLATE, INGEST, 403),
        arguments("POST", "/api/v1/admin/templates/authz-check", TEMPLATE, ANA, 403),
        arguments("POST", "/api/v1/admin/templates/authz-check", TEMPLATE, MANAGER, 403),
        arguments("POST", "/api/v1/admin/templates/authz-check", TEMPLATE, ADMIN, 201),
        arguments("POST", "/api/v1/admin/templates/d1-intro/preview", PREVIEW, NONE, 401),
        arguments("POST", "/api/v1/admin/templates/d1-intro/preview", PREVIEW, ANA, 403),
        arguments("POST", "/api/v1/admin/templates/d1-intro/preview", PREVIEW, MANAGER, 200),
        arguments("POST", "/api/v1/admin/templates/d1-intro/preview", PREVIEW, ADMIN, 200),
        arguments("POST", "/api/v1/admin/templates/d1-intro/preview", PREVIEW_FOR.formatted("{team}"), MANAGER, 200),
        arguments("POST", "/api/v1/admin/templates/d1-intro/preview", PREVIEW_FOR.formatted("{other}"), MANAGER, 404),
        arguments("POST", "/api/v1/admin/templates/d1-intro/preview", PREVIEW_FOR.formatted("{other}"), ADMIN, 200),
        arguments("GET", "/api/v1/admin/api-keys", null, NONE, 401),
        arguments("GET", "/api/v1/admin/api-keys", null, INGEST, 403),
        arguments("GET", "/api/v1/admin/api-keys", null, ANA, 403),
        arguments("GET", "/api/v1/admin/api-keys", null, MANAGER, 403),
        arguments("GET", "/api/v1/admin/api-keys", null, ADMIN, 200),
        arguments("DELETE", "/api/v1/admin/api-keys/0", null, NONE, 401),
        arguments("DELETE", "/api/v1/admin/api-keys/0", null, INGEST, 403),
        arguments("DELETE", "/api/v1/admin/api-keys/0", null, ANA, 403),
        arguments("DELETE", "/api/v1/admin/api-keys/0", null, MANAGER, 403),
        arguments("DELETE", "/api/v1/admin/api-keys/0", null, ADMIN, 404),
        arguments("POST", "/api/v1/codec/decode", NO_PAYLOADS, NONE, 401),
        arguments("POST", "/api/v1/codec/decode", NO_PAYLOADS, INGEST, 403),
        arguments("POST", "/api/v1/codec/decode", NO_PAYLOADS, ANA, 403),
        arguments("POST", "/api/v1/codec/decode", NO_PAYLOADS, MANAGER, 200),
        arguments("POST", "/api/v1/codec/decode", NO_PAYLOADS, ADMIN, 200),
        arguments("POST", "/api/v1/codec/encode", NO_PAYLOADS, NONE, 401),
        arguments("POST", "/api/v1/codec/encode", NO_PAYLOADS, INGEST, 403),
        arguments("POST", "/api/v1/codec/encode", NO_PAYLOADS, ANA, 403),
        arguments("POST", "/api/v1/codec/encode", NO_PAYLOADS, MANAGER, 200),
        arguments("POST", "/api/v1/codec/encode", NO_PAYLOADS, ADMIN, 200),
        arguments("GET", "/api/v1/codec", null, NONE, 401),
        arguments("GET", "/api/v1/codec", null, INGEST, 403),
        arguments("GET", "/api/v1/codec", null, ANA, 403),
        arguments("GET", "/api/v1/codec", null, MANAGER, 200),
        arguments("GET", "/api/v1/codec", null, ADMIN, 200),
        // Webhooks prove themselves by signature, not by key: unsigned is 403 with or without one.
        arguments("POST", "/api/v1/webhooks/calendly", CALENDLY_EVENT, NONE, 403),
        arguments("POST", "/api/v1/webhooks/calendly", CALENDLY_EVENT, ADMIN, 403),
        arguments("GET", "/actuator/health", null, NONE, 200),
        arguments("GET", "/api/v1/leads", null, "not-a-key", 401));
  }

  @ParameterizedTest(name = "{0} {1} as {3} → {4}")
  @MethodSource("matrix")
  void eachRoleGetsExactlyWhatItMay(String method, String path, String body, String key, int expected) {
    String resolvedPath = resolve(path);
    String resolvedBody = body == null ? null : resolve(body).formatted(uniqueEmail());

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

  @Test
  void aManagerListingLeadsSeesOnlyTheirTeamWhateverTheyFilterBy() {
    String team = resolve("{team}");
    String own = resolve("{own}");
    String other = resolve("{other}");
    String bySource = "/api/v1/leads?limit=200&source=" + teams().source();

    Set<String> asManager = ids(get(bySource, MANAGER));
    Set<String> asAdmin = ids(get(bySource, ADMIN));

    assertThat(asAdmin).contains(team, own, other);
    assertThat(asManager).contains(team, own).doesNotContain(other);
    assertThat(ids(get(bySource + "&assignedRep=" + teams().zoe(), MANAGER))).isEmpty();
    assertThat(ids(get(bySource + "&assignedRep=" + teams().tia(), MANAGER))).contains(team).doesNotContain(own);
  }

  @Test
  void aManagerPagingThroughTheirLeadsWithTheCursorGetsTheSameTeam() {
    resolve("{team}");
    resolve("{own}");
    resolve("{other}");
    String bySource = "/api/v1/leads?source=" + teams().source();

    Set<String> paged = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page = body(get(bySource + "&limit=1" + (cursor == null ? "" : "&cursor=" + cursor), MANAGER));
      page.get("items").forEach(lead -> paged.add(lead.get("id").asString()));
      JsonNode next = page.get("nextCursor");
      cursor = next == null || next.isNull() ? null : next.asString();
      pages++;
    } while (cursor != null);

    assertThat(paged).hasSize(pages).isEqualTo(ids(get(bySource + "&limit=200", MANAGER)));
  }

  @Test
  void aManagerKeyMustNameTheRepWhoseTeamItSees() {
    HttpResponse<String> unnamed = post("/api/v1/admin/api-keys", ADMIN, "{\"name\":\"lead of sales\",\"role\":\"MANAGER\"}");
    String maxKey =
        body(post("/api/v1/admin/api-keys", ADMIN, "{\"name\":\"max\",\"role\":\"MANAGER\",\"repId\":\"" + teams().max() + "\"}"))
            .get("key")
            .asString();

    assertThat(unnamed.statusCode()).as(unnamed.body()).isEqualTo(400);
    assertThat(body(unnamed).get("errors").toString()).contains("MANAGER key needs the rep's id");
    assertThat(get("/api/v1/leads/" + resolve("{other}"), maxKey).statusCode()).isEqualTo(200);
    assertThat(get("/api/v1/leads/" + resolve("{own}"), maxKey).statusCode()).isEqualTo(404);
  }

  @AfterAll
  static void removeTeams() {
    if (teams != null) {
      teams.remove();
    }
  }

  private String resolve(String path) {
    Map<String, Supplier<String>> leads = new LinkedHashMap<>();
    leads.put("{lead}", this::sharedLead);
    leads.put("{fresh}", this::routedLead);
    leads.put("{team}", () -> sharedTeamLeads.computeIfAbsent("team", k -> teams().teamLead()));
    leads.put("{own}", () -> sharedTeamLeads.computeIfAbsent("own", k -> teams().ownLead()));
    leads.put("{other}", () -> sharedTeamLeads.computeIfAbsent("other", k -> teams().otherTeamLead()));
    leads.put("{teamFresh}", () -> teams().teamLead());
    leads.put("{ownFresh}", () -> teams().ownLead());
    leads.put("{tia}", () -> teams().tia()); // a rep, for a body
    String resolved = path;
    for (Map.Entry<String, Supplier<String>> lead : leads.entrySet()) {
      if (resolved.contains(lead.getKey())) {
        resolved = resolved.replace(lead.getKey(), lead.getValue().get());
      }
    }
    return resolved;
  }

  private ManagerTeamFixture teams() {
    if (teams == null) {
      teams = new ManagerTeamFixture((method, path, key, body) -> call(method, path, key, body, Map.of()));
    }
    return teams;
  }

  private static Set<String> ids(HttpResponse<String> page) {
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    Set<String> ids = new HashSet<>();
    body(page).get("items").forEach(lead -> ids.add(lead.get("id").asString()));
    return ids;
  }

  private String sharedLead() {
    if (sharedLead == null) {
      sharedLead = routedLead();
    }
    return sharedLead;
  }
}
