package io.leadflow.api.leads;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.api.ApiTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A manager sees and acts on their team's leads only. The test routing sends leads to ana with
 * mia (the dev MANAGER key) as escalation manager; zed manages another team.
 */
class ManagerTeamTest extends ApiTest {

  @Test
  void theTeamsManagerReadsListsAndActsOnTheLead() {
    String lead = routedLead();

    assertThat(get("/api/v1/leads/" + lead, MANAGER).statusCode()).isEqualTo(200);
    assertThat(get("/api/v1/leads/" + lead + "/timeline", MANAGER).statusCode()).isEqualTo(200);
    assertThat(listedIds(MANAGER)).contains(lead);
    assertThat(post("/api/v1/leads/" + lead + "/disqualify", MANAGER, "{\"reason\":\"duplicate\"}").statusCode())
        .isEqualTo(202);
  }

  @Test
  void anotherTeamsManagerGetsNotFoundAndAnEmptyList() {
    String lead = routedLead();
    String zed = managerKeyFor("zed");

    assertThat(get("/api/v1/leads/" + lead, zed).statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/leads/" + lead + "/timeline", zed).statusCode()).isEqualTo(404);
    assertThat(post("/api/v1/leads/" + lead + "/replies", zed, "{\"channel\":\"EMAIL\",\"body\":\"hi\"}").statusCode())
        .isEqualTo(404);
    assertThat(listedIds(zed)).doesNotContain(lead).isEmpty();
  }

  @Test
  void aManagerKeyMustNameTheManager() {
    var refused = post("/api/v1/admin/api-keys", ADMIN, "{\"name\":\"no-one\",\"role\":\"MANAGER\"}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
  }

  private String managerKeyFor(String repId) {
    var created =
        post("/api/v1/admin/api-keys", ADMIN, "{\"name\":\"" + repId + "\",\"role\":\"MANAGER\",\"repId\":\"" + repId + "\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    return body(created).get("key").asString();
  }

  private List<String> listedIds(String key) {
    List<String> ids = new ArrayList<>();
    for (JsonNode row : body(get("/api/v1/leads?limit=200", key)).get("items")) {
      ids.add(row.get("id").asString());
    }
    return ids;
  }
}
