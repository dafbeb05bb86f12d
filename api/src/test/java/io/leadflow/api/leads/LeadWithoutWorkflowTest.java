package io.leadflow.api.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.api.ApiTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Temporal deletes a closed workflow's history after the namespace's retention: the lead store
 * keeps the lead, Temporal has nothing of that id. Such a lead is told apart from one whose
 * workflow closed but is still kept.
 */
class LeadWithoutWorkflowTest extends ApiTest {

  @Autowired LeadRepository leads;
  @Autowired JdbcClient jdbc;

  @Test
  void aLeadWhoseHistoryWasDeletedStillAnswersFromTheStoreAndSaysSo() {
    String leadId = storedLeadWithoutWorkflow("MEETING_BOOKED");

    HttpResponse<String> lead = get("/api/v1/leads/" + leadId, ADMIN);
    HttpResponse<String> timeline = get("/api/v1/leads/" + leadId + "/timeline", ADMIN);

    assertThat(lead.statusCode()).isEqualTo(200);
    assertThat(body(lead).get("status").asString()).isEqualTo("MEETING_BOOKED");
    assertThat(body(lead).get("live").isNull()).isTrue();
    assertThat(body(lead).get("liveUnavailable").asString()).isEqualTo("WORKFLOW_NOT_FOUND");
    assertThat(timeline.statusCode()).isEqualTo(200);
    assertThat(body(timeline)).hasSize(1);
    assertThat(body(timeline).get(0).get("what").asString())
        .startsWith("Temporal keeps no history of this lead")
        .endsWith("status MEETING_BOOKED as stored");
  }

  @Test
  void aLeadWhoseWorkflowClosedStillShowsItsLiveStateAndHistory() {
    String leadId = routedLead();
    assertThat(post("/api/v1/leads/" + leadId + "/disqualify", ANA, "{\"reason\":\"student\"}").statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(15)).until(() -> "DISQUALIFIED".equals(body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString()));

    JsonNode lead = await().atMost(Duration.ofSeconds(10)).until(() -> body(get("/api/v1/leads/" + leadId, ADMIN)), l -> l.get("live").isObject());
    assertThat(lead.get("liveUnavailable").isNull()).isTrue();
    assertThat(body(get("/api/v1/leads/" + leadId + "/timeline", ADMIN)).findValuesAsString("what")).contains("Lead workflow completed");
  }

  private String storedLeadWithoutWorkflow(String status) {
    String email = uniqueEmail();
    Lead lead = leads.save(Lead.received("Old Lead", email, null, "web", "demo request", ContactKeys.of(email, null), Instant.now()));
    jdbc.sql("update lead set status = ? where id = ?").params(status, lead.id()).update();
    return lead.id().toString();
  }
}
