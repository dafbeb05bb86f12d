package io.leadflow.api.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadflow.activities.store.Lead;
import io.leadflow.activities.store.CaptureAttributes;
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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
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
  @Autowired CaptureAttributes attributes;
  @Autowired TouchRepository touches;
  @Autowired WorkflowClient temporal;
  @Autowired LeadWorkflowStubs stubs;
  private LeadReconciler reconciler;

  @BeforeEach
  void reconciler() {
    reconciler = new LeadReconciler(jdbc, leads, attributes, temporal, stubs, new SimpleMeterRegistry(), Duration.ofMinutes(10), 200);
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

  /**
   * The batch walk on real PostgreSQL: open leads only, none touched within the grace period or
   * with a capture still on its way, in id order from the very first id, a batch at a time. Ids
   * 00000000-…-000000000001 to …07 sort before any random lead of the shared test database.
   */
  @Test
  void aBatchIsTheNextSettledOpenLeadsInIdOrderFromTheSmallestId() {
    Instant now = Instant.now();
    Instant settled = now.minus(Duration.ofHours(1));
    UUID inCadence = storedLead(1, "IN_CADENCE", settled);
    storedLead(2, "DISQUALIFIED", settled);
    UUID nurture = storedLead(3, "NURTURE", settled);
    storedLead(4, "AWAITING_ACK", now.minus(Duration.ofMinutes(1)));
    captureOnItsWay(storedLead(5, "NEW", settled));
    UUID engaged = storedLead(6, "ENGAGED", settled);
    UUID captured = storedLead(7, "CAPTURED", settled);
    LeadReconciler threeAtATime = new LeadReconciler(jdbc, leads, attributes, temporal, stubs, new SimpleMeterRegistry(), Duration.ofMinutes(10), 3);

    assertThat(threeAtATime.batchAfter(LeadReconciler.BEFORE_ALL, now)).containsExactly(inCadence, nurture, engaged);
    assertThat(threeAtATime.batchAfter(engaged, now)).first().isEqualTo(captured);
  }

  @AfterEach
  void removeStoredLeads() {
    List<UUID> ids = LongStream.rangeClosed(1, 7).mapToObj(n -> new UUID(0, n)).toList();
    jdbc.sql("delete from capture_outbox where lead_id in (:ids)").param("ids", ids).update();
    jdbc.sql("delete from lead_capture where lead_id in (:ids)").param("ids", ids).update();
    jdbc.sql("delete from lead where id in (:ids)").param("ids", ids).update();
  }

  private UUID storedLead(long n, String status, Instant updatedAt) {
    UUID id = new UUID(0, n);
    jdbc.sql(
            """
            insert into lead (id, name, email, source, interest, status, updated_at)
            values (?, 'Walk Test', ?, 'test', 'demo', ?, ?)
            """)
        .params(id, "walk-" + n + "@reconciler.test", status, Timestamp.from(updatedAt))
        .update();
    return id;
  }

  private void captureOnItsWay(UUID leadId) {
    long captureId = jdbc.sql(
            "insert into lead_capture (lead_id, source, interest, joined) values (?, 'test', 'demo', false) returning id")
        .param(leadId)
        .query(Long.class)
        .single();
    jdbc.sql("insert into capture_outbox (lead_id, capture_id, joined) values (?, ?, false)").params(leadId, captureId).update();
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
