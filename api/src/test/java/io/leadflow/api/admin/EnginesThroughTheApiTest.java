package io.leadflow.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.api.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The engines issue's "done when": reps, an account and a territory set up through the admin API,
 * then leads captured through the API show their enrichment, score breakdown, tier and routing
 * explanation in {@code GET /api/v1/leads/{id}}.
 */
class EnginesThroughTheApiTest extends ApiTest {

  private final String tag = "e" + UUID.randomUUID().toString().substring(0, 8);
  private final String ana = "ana-" + tag;
  private final String ben = "ben-" + tag;

  @AfterEach
  void removeWhatWasCreated() {
    for (String path : List.of("/territories/emea-" + tag, "/accounts/acme-" + tag, "/reps/" + ana, "/reps/" + ben)) {
      call("DELETE", "/api/v1/admin" + path, ADMIN, null, Map.of());
    }
  }

  private void admin(String path, String body) {
    var response = call("PUT", "/api/v1/admin" + path, ADMIN, body, Map.of());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  private JsonNode routed(String captureJson) {
    String leadId = leadOf(post("/api/v1/leads", INGEST, captureJson));
    return await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> body(get("/api/v1/leads/" + leadId, ADMIN)), lead -> "AWAITING_ACK".equals(lead.get("status").asString()));
  }

  @Test
  void aLeadShowsItsEnrichmentScoreBreakdownTierAndWhyItWentToItsRep() {
    admin("/reps/" + ana, "{\"name\":\"Ana\",\"capacity\":5,\"managerId\":\"mia\"}");
    admin("/reps/" + ben, "{\"name\":\"Ben\",\"capacity\":5}");
    admin("/accounts/acme-" + tag, "{\"name\":\"Acme\",\"domains\":[\"acme-" + tag + ".test\"],\"ownerRepId\":\"" + ana + "\",\"industry\":\"Software\"}");
    admin(
        "/territories/emea-" + tag,
        "{\"name\":\"EMEA\",\"priority\":10,\"match\":{\"countries\":[\"DE\",\"AT\"],\"interestKeywords\":[\"" + tag + "\"]},"
            + "\"members\":[\"" + ben + "\"],\"managerId\":\"mia\"}");

    JsonNode fromAccount =
        routed(
            "{\"name\":\"Sarah Kim\",\"email\":\"sarah@eu.acme-" + tag + ".test\",\"source\":\"web\",\"interest\":\"Book a demo\","
                + "\"title\":\"VP of Marketing\",\"company\":\"Acme Europe\",\"companySize\":250,\"timeline\":\"this month\"}");
    String berlin = "+49 30 " + ThreadLocalRandom.current().nextInt(20_000_000, 99_999_999);
    JsonNode fromGermany =
        routed(
            "{\"name\":\"Max Muster\",\"email\":\"max@globex-" + tag + ".test\",\"phone\":\"" + berlin + "\",\"source\":\"web\","
                + "\"interest\":\"demo " + tag + "\"}");

    assertThat(fromAccount.get("title").asString()).isEqualTo("VP of Marketing");
    assertThat(fromAccount.get("companySize").asInt()).isEqualTo(250);
    JsonNode enrichment = fromAccount.get("enrichment");
    assertThat(enrichment.get("emailKind").asString()).isEqualTo("BUSINESS");
    assertThat(enrichment.get("companyDomain").asString()).isEqualTo("eu.acme-" + tag + ".test");
    assertThat(enrichment.get("accountId").asString()).isEqualTo("acme-" + tag);
    assertThat(enrichment.get("accountName").asString()).isEqualTo("Acme");
    assertThat(enrichment.get("industry").asString()).isEqualTo("Software");
    assertThat(enrichment.get("employees").asInt()).isEqualTo(250);
    assertThat(enrichment.get("seniority").asString()).isEqualTo("VP");
    assertThat(enrichment.get("role").asString()).isEqualTo("marketing");
    assertThat(fromAccount.get("tier").asString()).isEqualTo("HOT");
    assertThat(fromAccount.get("score").asInt()).isEqualTo(72);
    assertThat(fromAccount.get("scoreBreakdown").valueStream().map(JsonNode::asString))
        .containsExactly(
            "+30 demo request", "+10 timeline this month", "+12 VP title", "+10 200-999 employees", "+10 company email domain");
    Instant captured = Instant.parse(fromAccount.get("createdAt").asString());
    assertThat(Instant.parse(fromAccount.get("scoredAt").asString())).isBetween(captured.minusSeconds(5), Instant.now());
    assertThat(fromAccount.get("assignedRep").asString()).isEqualTo(ana);
    JsonNode ownerRouting = fromAccount.get("routing");
    assertThat(ownerRouting.get("stage").asString()).isEqualTo("ACCOUNT_OWNER");
    assertThat(ownerRouting.get("reason").asString()).isEqualTo("account owner of acme-" + tag + ".test (Acme), 4 of 5 open slots");
    assertThat(ownerRouting.get("backupRepId").asString()).isEqualTo("mia");

    assertThat(fromGermany.get("enrichment").get("country").asString()).isEqualTo("DE");
    assertThat(fromGermany.get("enrichment").get("timeZones").get(0).asString()).isEqualTo("Europe/Berlin");
    assertThat(fromGermany.get("assignedRep").asString()).isEqualTo(ben);
    assertThat(fromGermany.get("routing").get("territoryId").asString()).isEqualTo("emea-" + tag);
    assertThat(fromGermany.get("routing").get("reason").asString()).isEqualTo("EMEA territory, weighted round-robin, 4 of 5 open slots");
  }

  @Test
  void theFormsProfileFieldsAreOptionalButBounded() {
    String base = "{\"name\":\"Sarah Kim\",\"email\":\"" + uniqueEmail() + "\",\"source\":\"web\",\"interest\":\"demo\"";

    var tooLong = post("/api/v1/leads", INGEST, base + ",\"title\":\"" + "x".repeat(101) + "\",\"timeline\":\"" + "y".repeat(101) + "\"}");
    var noEmployees = post("/api/v1/leads", INGEST, base + ",\"companySize\":0}");

    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(body(tooLong).get("errors").has("title")).isTrue();
    assertThat(body(tooLong).get("errors").has("timeline")).isTrue();
    assertThat(noEmployees.statusCode()).isEqualTo(400);
    assertThat(body(noEmployees).get("errors").has("companySize")).isTrue();
  }
}
