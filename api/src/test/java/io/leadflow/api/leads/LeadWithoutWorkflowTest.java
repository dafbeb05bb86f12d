package io.leadflow.api.leads;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.activities.store.ContactKeys;
import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.api.ApiTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Temporal deletes a closed workflow's history after the namespace's retention: the lead store
 * keeps the lead, Temporal has nothing of that id.
 */
class LeadWithoutWorkflowTest extends ApiTest {

  @Autowired LeadRepository leads;
  @Autowired JdbcClient jdbc;

  @Test
  void aLeadWhoseHistoryWasDeletedStillAnswersFromTheStore() {
    String leadId = storedLeadWithoutWorkflow("MEETING_BOOKED");

    HttpResponse<String> lead = get("/api/v1/leads/" + leadId, ADMIN);
    HttpResponse<String> timeline = get("/api/v1/leads/" + leadId + "/timeline", ADMIN);

    assertThat(lead.statusCode()).isEqualTo(200);
    assertThat(body(lead).get("status").asString()).isEqualTo("MEETING_BOOKED");
    // Today: live is null exactly as for a workflow that is slow to answer, and the timeline
    // asks the caller to retry a Temporal that will never have this history again.
    assertThat(body(lead).get("live").isNull()).isTrue();
    assertThat(timeline.statusCode()).isEqualTo(503);
  }

  private String storedLeadWithoutWorkflow(String status) {
    String email = uniqueEmail();
    Lead lead = leads.save(Lead.received("Old Lead", email, null, "web", "demo request", ContactKeys.of(email, null), Instant.now()));
    jdbc.sql("update lead set status = ? where id = ?").params(status, lead.id()).update();
    return lead.id().toString();
  }
}
