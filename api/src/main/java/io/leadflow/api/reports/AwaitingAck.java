package io.leadflow.api.reports;

import io.leadflow.workflows.LeadState;
import io.leadflow.workflows.LeadWorkflow;
import io.leadflow.workflows.LeadWorkflows;
import io.temporal.client.WorkflowClient;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The leads waiting for an acknowledgement, from PostgreSQL (the most recent ones, so leads whose
 * workflow is long gone cannot crowd out the live ones), each with its ack deadline from its
 * workflow (the only place that knows it; all asked at once and given one second), most urgent
 * first and those whose workflow did not answer last.
 */
@Component
class AwaitingAck {

  private static final long DEADLINE_WAIT_MS = 1_000;

  private record Stored(UUID id, String source, String tier, String assignedRep, boolean escalated, Instant createdAt) {

    WaitingLead withDeadline(Instant ackDeadline) {
      return new WaitingLead(
          id, LeadWorkflows.idFor(id.toString()), source, tier, assignedRep, escalated, createdAt, ackDeadline);
    }
  }

  private final JdbcClient jdbc;
  private final WorkflowClient temporal;
  private final TaskExecutor executor;

  AwaitingAck(JdbcClient jdbc, WorkflowClient temporal, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
    this.jdbc = jdbc;
    this.temporal = temporal;
    this.executor = executor;
  }

  List<WaitingLead> mostUrgent(int limit) {
    List<Stored> stored =
        jdbc.sql(
                """
                select id, source, tier, assigned_rep, escalated_at is not null as escalated, created_at
                from lead where status = 'AWAITING_ACK'
                order by created_at desc, id limit :limit
                """)
            .param("limit", limit)
            .query(
                (rs, n) ->
                    new Stored(
                        rs.getObject("id", UUID.class),
                        rs.getString("source"),
                        rs.getString("tier"),
                        rs.getString("assigned_rep"),
                        rs.getBoolean("escalated"),
                        rs.getTimestamp("created_at").toInstant()))
            .list();
    List<CompletableFuture<WaitingLead>> waiting =
        stored.stream().map(lead -> deadlineOf(lead.id()).thenApply(lead::withDeadline)).toList();
    return waiting.stream()
        .map(CompletableFuture::join)
        .sorted(Comparator.comparing(WaitingLead::ackDeadline, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  private CompletableFuture<Instant> deadlineOf(UUID leadId) {
    LeadWorkflow workflow = temporal.newWorkflowStub(LeadWorkflow.class, LeadWorkflows.idFor(leadId.toString()));
    return CompletableFuture.supplyAsync(workflow::state, executor)
        .thenApply(LeadState::ackDeadline)
        .completeOnTimeout(null, DEADLINE_WAIT_MS, TimeUnit.MILLISECONDS)
        .exceptionally(unavailable -> null);
  }
}
