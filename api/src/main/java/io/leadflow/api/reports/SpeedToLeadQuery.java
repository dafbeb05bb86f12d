package io.leadflow.api.reports;

import io.leadflow.api.reports.SpeedToLeadReport.Bucket;
import io.leadflow.api.reports.SpeedToLeadReport.Delay;
import io.leadflow.api.reports.SpeedToLeadReport.Row;
import io.leadflow.api.reports.SpeedToLeadReport.Sla;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Speed to lead, computed in PostgreSQL: one pass over the period's leads, all groupings at once. */
@Component
class SpeedToLeadQuery {

  /** Lower bounds of the distribution's buckets, in seconds. */
  static final List<Long> BUCKETS = List.of(0L, 10L, 30L, 60L, 300L, 900L, 3_600L, 14_400L, 86_400L);

  /** Per lead: seconds to the first touch sent and to the first acknowledgement, and the SLA verdict. */
  private static final String COHORT =
      """
      with cohort as (
        select l.source, coalesce(l.tier, 'NONE') as tier, l.routed_rep,
               extract(epoch from first_touch.at - l.created_at)::float8 as first_touch_s,
               extract(epoch from l.acknowledged_at - l.created_at)::float8 as ack_s,
               (l.acknowledged_at is not null and l.acknowledged_by = l.routed_rep
                and (l.escalated_at is null or l.escalated_at > l.acknowledged_at)) as sla_met,
               (l.escalated_at is not null
                and (l.acknowledged_at is null or l.escalated_at < l.acknowledged_at)) as sla_missed
        from lead l
        left join lateral (
          select min(t.sent_at) as at from touch t where t.lead_id = l.id and t.outcome = 'SENT'
        ) first_touch on true
        where l.created_at >= :from and l.created_at < :to
      )
      """;

  private static final String GROUPS =
      COHORT
          + """
          select case when grouping(source) = 0 then 'source'
                      when grouping(tier) = 0 then 'tier'
                      when grouping(routed_rep) = 0 then 'rep'
                      else 'all' end as dimension,
                 case when grouping(source) = 0 then source
                      when grouping(tier) = 0 then tier
                      when grouping(routed_rep) = 0 then routed_rep
                      else 'all' end as grp,
                 count(*) as leads,
                 count(first_touch_s) as first_touch_count,
                 percentile_cont(0.5) within group (order by first_touch_s) as first_touch_median,
                 percentile_cont(0.9) within group (order by first_touch_s) as first_touch_p90,
                 count(ack_s) as ack_count,
                 percentile_cont(0.5) within group (order by ack_s) as ack_median,
                 percentile_cont(0.9) within group (order by ack_s) as ack_p90,
                 count(*) filter (where sla_met) as sla_met,
                 count(*) filter (where sla_missed) as sla_missed
          from cohort
          group by grouping sets ((), (source), (tier), (routed_rep))
          having grouping(routed_rep) = 1 or routed_rep is not null
          order by dimension, leads desc, grp
          """;

  private static final String DISTRIBUTION =
      COHORT
          + """
          select 'firstTouch' as measure, width_bucket(first_touch_s, cast(:bounds as float8[])) as bucket, count(*) as leads
          from cohort where first_touch_s is not null group by 2
          union all
          select 'acknowledgement', width_bucket(ack_s, cast(:bounds as float8[])), count(*)
          from cohort where ack_s is not null group by 2
          """;

  private final JdbcClient jdbc;

  SpeedToLeadQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  SpeedToLeadReport run(ReportPeriod period) {
    Map<String, List<Row>> rows =
        jdbc.sql(GROUPS)
            .param("from", period.start())
            .param("to", period.end())
            .query((rs, n) -> Map.entry(rs.getString("dimension"), row(rs)))
            .list()
            .stream()
            .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    Row overall = rows.getOrDefault("all", List.of(emptyRow())).get(0);
    return new SpeedToLeadReport(
        period.from(),
        period.to(),
        overall,
        rows.getOrDefault("source", List.of()),
        rows.getOrDefault("tier", List.of()),
        rows.getOrDefault("rep", List.of()),
        distribution(period));
  }

  private List<Bucket> distribution(ReportPeriod period) {
    long[][] counts = new long[2][BUCKETS.size()];
    String bounds = BUCKETS.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    jdbc.sql(DISTRIBUTION)
        .param("from", period.start())
        .param("to", period.end())
        .param("bounds", bounds)
        .query(
            rs -> {
              // width_bucket numbers the buckets from 1; 0 would be a negative delay (clock skew).
              int bucket = Math.max(rs.getInt("bucket"), 1) - 1;
              counts["firstTouch".equals(rs.getString("measure")) ? 0 : 1][bucket] += rs.getLong("leads");
            });
    List<Bucket> buckets = new ArrayList<>();
    for (int i = 0; i < BUCKETS.size(); i++) {
      Long upTo = i + 1 < BUCKETS.size() ? BUCKETS.get(i + 1) : null;
      buckets.add(new Bucket(BUCKETS.get(i), upTo, counts[0][i], counts[1][i]));
    }
    return buckets;
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getString("grp"),
        rs.getLong("leads"),
        new Delay(rs.getLong("first_touch_count"), seconds(rs, "first_touch_median"), seconds(rs, "first_touch_p90")),
        new Delay(rs.getLong("ack_count"), seconds(rs, "ack_median"), seconds(rs, "ack_p90")),
        Sla.of(rs.getLong("sla_met"), rs.getLong("sla_missed")));
  }

  private static Row emptyRow() {
    Delay none = new Delay(0, null, null);
    return new Row("all", 0, none, none, Sla.of(0, 0));
  }

  private static Double seconds(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }
}
