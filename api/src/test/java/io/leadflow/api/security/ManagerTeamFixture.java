package io.leadflow.api.security;

import static io.leadflow.api.ApiTest.ADMIN;
import static io.leadflow.api.ApiTest.INGEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Teams in the rep directory for the development manager mia, set up through the admin API under a
 * tag of their own and removed again. Each territory matches only its own interest keyword, so
 * leads land exactly where a case needs them:
 *
 * <ul>
 *   <li>{@link #teamLead()}: goes to tia, who reports to mia, in a territory max manages: mia's
 *       team only because tia reports to her;
 *   <li>{@link #ownLead()}: a territory with no reps that mia manages, so the lead goes to mia;
 *   <li>{@link #otherTeamLead()}: goes to zoe, who reports to max, in max's territory.
 * </ul>
 *
 * All of them come from {@link #source()}, so a list filtered by it holds exactly these leads.
 */
final class ManagerTeamFixture {

  /** The HTTP calls of the test using the fixture. */
  interface Api {
    HttpResponse<String> call(String method, String path, String key, String body);
  }

  private static final JsonMapper json = JsonMapper.builder().build();

  private final Api api;
  private final String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
  private final String tia = "tia-" + tag;
  private final String zoe = "zoe-" + tag;
  private final String max = "max-" + tag;

  ManagerTeamFixture(Api api) {
    this.api = api;
    admin("/reps/" + tia, "{\"name\":\"Tia\",\"capacity\":1000,\"managerId\":\"mia\"}");
    admin("/reps/" + zoe, "{\"name\":\"Zoe\",\"capacity\":1000,\"managerId\":\"" + max + "\"}");
    territory("line", List.of(tia), max);
    territory("own", List.of(), "mia");
    territory("other", List.of(zoe), max);
  }

  String source() {
    return "teams-" + tag;
  }

  String tia() {
    return tia;
  }

  String zoe() {
    return zoe;
  }

  String max() {
    return max;
  }

  String teamLead() {
    return routed("line", tia);
  }

  String ownLead() {
    return routed("own", "mia");
  }

  String otherTeamLead() {
    return routed("other", zoe);
  }

  void remove() {
    for (String path : List.of("/territories/line-" + tag, "/territories/own-" + tag, "/territories/other-" + tag, "/reps/" + tia, "/reps/" + zoe)) {
      api.call("DELETE", "/api/v1/admin" + path, ADMIN, null);
    }
  }

  private void territory(String name, List<String> members, String manager) {
    String memberList = members.isEmpty() ? "[]" : "[\"" + String.join("\",\"", members) + "\"]";
    admin(
        "/territories/" + name + "-" + tag,
        "{\"name\":\"" + name + "\",\"priority\":5,\"match\":{\"interestKeywords\":[\"" + name + "-" + tag + "\"]},"
            + "\"members\":" + memberList + ",\"managerId\":\"" + manager + "\"}");
  }

  /** Captures a lead for the territory and waits until it awaits {@code rep}'s acknowledgement. */
  private String routed(String territory, String rep) {
    String capture =
        "{\"name\":\"Team Lead\",\"email\":\"lead+" + UUID.randomUUID() + "@acme.test\",\"source\":\"" + source()
            + "\",\"interest\":\"demo " + territory + "-" + tag + "\"}";
    HttpResponse<String> created = api.call("POST", "/api/v1/leads", INGEST, capture);
    String leadId = io.leadflow.api.ApiTest.leadByCapture(created, (path, key) -> api.call("GET", path, key, null));
    JsonNode lead =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () -> json.readTree(api.call("GET", "/api/v1/leads/" + leadId, ADMIN, null).body()),
                view -> "AWAITING_ACK".equals(view.get("status").asString()));
    assertThat(lead.get("assignedRep").asString()).isEqualTo(rep);
    return leadId;
  }

  private void admin(String path, String body) {
    HttpResponse<String> response = api.call("PUT", "/api/v1/admin" + path, ADMIN, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }
}
