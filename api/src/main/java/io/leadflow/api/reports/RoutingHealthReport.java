package io.leadflow.api.reports;

import java.time.Instant;
import java.util.List;

/**
 * How routing held up for the leads captured in a period: of the leads routed to a rep, how many
 * missed the ack SLA and were escalated, and how many changed owner for any reason (escalation,
 * tier upgrade, a new round from nurture); overall and by the rep first routed to. Plus how many
 * leads wait for an acknowledgement right now, whenever they were captured, and how many are stuck:
 * a step of theirs has been failing for longer than {@code leadflow.stuck-leads.threshold}.
 */
record RoutingHealthReport(Instant from, Instant to, long awaitingAckNow, long stuckLeadsNow, Row overall, List<Row> byRep) {

  record Row(
      String group, long routed, long escalated, long reassigned, Double escalationPercent, Double reassignmentPercent) {

    static Row of(String group, long routed, long escalated, long reassigned) {
      return new Row(group, routed, escalated, reassigned, Percent.of(escalated, routed), Percent.of(reassigned, routed));
    }
  }
}
