package io.leadflow.api.reports;

import io.leadflow.activities.store.FailingActivities;
import io.leadflow.api.reports.RoutingHealthReport.Row;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Routing health, computed in PostgreSQL. */
@Component
class RoutingHealthQuery {

  private static final String ROUTED =
      """
      select case when grouping(routed_rep) = 0 then routed_rep else 'all' end as grp,
             count(*) as routed,
             count(escalated_at) as escalated,
             count(reassigned_at) as reassigned
      from lead
      where created_at >= :from and created_at < :to and routed_rep is not null
      group by grouping sets ((), (routed_rep))
      order by grouping(routed_rep) desc, routed desc, grp
      """;

  private final JdbcClient jdbc;
  private final FailingActivities failing;
  private final Duration stuckAfter;
  private final Clock clock = Clock.systemUTC();

  RoutingHealthQuery(
      JdbcClient jdbc,
      FailingActivities failing,
      @Value("${leadflow.stuck-leads.threshold:15m}") Duration stuckAfter) {
    this.jdbc = jdbc;
    this.failing = failing;
    this.stuckAfter = stuckAfter;
  }

  RoutingHealthReport run(ReportPeriod period) {
    List<Row> rows =
        jdbc.sql(ROUTED)
            .param("from", period.start())
            .param("to", period.end())
            .query((rs, n) -> Row.of(rs.getString("grp"), rs.getLong("routed"), rs.getLong("escalated"), rs.getLong("reassigned")))
            .list();
    return new RoutingHealthReport(
        period.from(), period.to(), awaitingAckNow(), stuckLeadsNow(), rows.get(0), rows.subList(1, rows.size()));
  }

  long stuckLeadsNow() {
    return failing.stuckLeads(stuckAfter, clock.instant());
  }

  long awaitingAckNow() {
    return jdbc.sql("select count(*) from lead where status = 'AWAITING_ACK'").query(Long.class).single();
  }
}
