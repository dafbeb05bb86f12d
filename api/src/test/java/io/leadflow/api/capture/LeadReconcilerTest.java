package io.leadflow.api.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.LeadRepository;
import io.leadflow.activities.store.TouchRecord;
import io.leadflow.activities.store.TouchRepository;
import io.leadflow.api.ApiTest;
import io.leadflow.api.capture.LeadReconciler.Orphan;
import io.leadflow.workflows.LeadStatus;
import io.leadflow.workflows.LeadWorkflows;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An operator terminated a lead's workflow (or the server lost it) while the lead store says the
 * lead is open: a lead in its first round is resumed as a new run that repeats no touch, a lead
 * that replied is reported and left alone.
 */
class LeadReconcilerTest extends ApiTest {

  @Autowired JdbcClient jdbc;
  @Autowired LeadRepository leads;
  @Autowired TouchRepository touches;
  @Autowired WorkflowClient temporal;
  @Autowired LeadWorkflowStubs stubs;
  private LeadReconciler reconciler;

  @BeforeEach
  void reconciler() {
    reconciler = new LeadReconciler(jdbc, leads, temporal, stubs, new SimpleMeterRegistry(), Duration.ofMinutes(10), 200);
  }

  @Test
  void aLeadWithARunningWorkflowIsLeftAlone() {
    assertThat(reconciler.check(lead(routedLead()))).isEmpty();
  }

  @Test
  void aTerminatedLeadInItsFirstRoundIsResumedWithoutRepeatingItsInstantReply() {
    String leadId = routedLead();
    await().atMost(Duration.ofSeconds(15)).until(() -> sentInstantReplies(leadId) == 1);
    temporal.newUntypedWorkflowStub(LeadWorkflows.idFor(leadId)).terminate("operator: wrong button");

    Orphan orphan = reconciler.check(lead(leadId)).orElseThrow();

    assertThat(orphan.resumed()).isTrue();
    assertThat(orphan.workflow()).isEqualTo("terminated");
    assertThat(orphan.status()).isEqualTo(LeadStatus.AWAITING_ACK);
    await().atMost(Duration.ofSeconds(15)).until(() -> workflowStatus(leadId) == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    await().atMost(Duration.ofSeconds(15))
        .until(() -> body(get("/api/v1/leads/" + leadId, ADMIN)).get("live"), live -> live.isObject() && !live.get("ackDeadline").isNull());
    assertThat(sentInstantReplies(leadId)).isEqualTo(1);
    assertThat(post("/api/v1/leads/" + leadId + "/acknowledge", ANA, "").statusCode()).isEqualTo(200);
  }

  @Test
  void aLeadThatRepliedIsReportedNotResumed() {
    String leadId = routedLead();
    assertThat(post("/api/v1/leads/" + leadId + "/replies", ANA, "{\"channel\":\"SMS\",\"body\":\"Call me\"}").statusCode())
        .isEqualTo(202);
    await().atMost(Duration.ofSeconds(15))
        .until(() -> "ENGAGED".equals(body(get("/api/v1/leads/" + leadId, ADMIN)).get("status").asString()));
    temporal.newUntypedWorkflowStub(LeadWorkflows.idFor(leadId)).terminate("operator: wrong button");

    Orphan orphan = reconciler.check(lead(leadId)).orElseThrow();

    assertThat(orphan.resumed()).isFalse();
    assertThat(workflowStatus(leadId)).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED);
  }

  private Lead lead(String leadId) {
    return leads.findById(UUID.fromString(leadId)).orElseThrow();
  }

  private long sentInstantReplies(String leadId) {
    return touches.findByLeadIdOrderByCreatedAtAscIdAsc(UUID.fromString(leadId)).stream()
        .map(TouchRecord::step)
        .filter("r1-instant"::equals)
        .count();
  }

  private WorkflowExecutionStatus workflowStatus(String leadId) {
    return temporal.newUntypedWorkflowStub(LeadWorkflows.idFor(leadId)).describe().getStatus();
  }
}
