package io.leadflow.api.reports;

import io.leadflow.api.queries.LeadStateQueries;
import io.leadflow.workflows.LeadState;
import io.leadflow.workflows.LeadWorkflows;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The leads waiting for an acknowledgement, from PostgreSQL (the most recent ones, so leads whose
 * workflow is long gone cannot crowd out the live ones), each with its ack deadline from its
 * workflow (the only place that knows it; all asked at once on the query pool and given one
 * timeout, {@link LeadStateQueries}), most urgent first and those whose workflow did not answer last.
 */
@Component
class AwaitingAck {

  private record Stored(UUID id, String source, String tier, String assignedRep, boolean escalated, Instant createdAt) {

    WaitingLead withDeadline(Instant ackDeadline) {
      return new WaitingLead(
          id, LeadWorkflows.idFor(id.toString()), source, tier, assignedRep, escalated, createdAt, ackDeadline);
    }
  }

  private final JdbcClient jdbc;
  private final LeadStateQueries queries;

  AwaitingAck(JdbcClient jdbc, LeadStateQueries queries) {
    this.jdbc = jdbc;
    this.queries = queries;
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
    Map<UUID, LeadStateQueries.Answer> live = queries.statesOf(stored.stream().map(Stored::id).toList());
    return stored.stream()
        .map(lead -> lead.withDeadline(ackDeadlineOf(live.get(lead.id()))))
        .sorted(Comparator.comparing(WaitingLead::ackDeadline, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  private static Instant ackDeadlineOf(LeadStateQueries.Answer live) {
    LeadState state = live.state();
    return state == null ? null : state.ackDeadline();
  }
}
