package io.leadflow.api.reports;

import io.leadflow.api.reports.FunnelReport.Row;
import io.leadflow.api.reports.FunnelReport.Step;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The funnel, computed in PostgreSQL from the leads captured in the period and their touches. */
@Component
class FunnelQuery {

  /**
   * Every lead is credited to one capture ({@link Attribution}), found by one probe of
   * {@code lead_capture_lead_time_idx}: the first forwards, the last backwards from the meeting.
   */
  private static final String STAGES =
      """
      with cohort as (
        select coalesce(credited.source, l.source) as source, credited.utm_campaign as campaign, l.status,
               exists (select 1 from touch t where t.lead_id = l.id and t.outcome = 'SENT') as contacted,
               (l.engaged_at is not null or l.meeting_booked_at is not null
                or l.status in ('ENGAGED', 'MEETING_BOOKED')) as engaged,
               (l.meeting_booked_at is not null or l.status = 'MEETING_BOOKED') as meeting
        from lead l
        left join lateral (
          select c.source, c.utm_campaign from lead_capture c
          where c.lead_id = l.id %s
          order by c.created_at %s, c.id %s
          limit 1
        ) credited on true
        where l.created_at >= :from and l.created_at < :to
      )
      select case when grouping(source) = 0 then 'source' when grouping(campaign) = 0 then 'campaign' else 'all' end as dimension,
             case when grouping(source) = 0 then source when grouping(campaign) = 0 then campaign else 'all' end as grp,
             count(*) as captured,
             count(*) filter (where contacted) as contacted,
             count(*) filter (where engaged) as engaged,
             count(*) filter (where meeting) as meeting,
             count(*) filter (where status = 'DISQUALIFIED') as disqualified,
             count(*) filter (where status = 'NURTURE') as nurture,
             count(*) filter (where status = 'OPTED_OUT') as opted_out
      from cohort
      group by grouping sets ((), (source), (campaign))
      order by dimension, captured desc, grp nulls last
      """;

  private static final Map<Attribution, String> STAGES_BY =
      Map.of(
          Attribution.FIRST, STAGES.formatted("", "asc", "asc"),
          Attribution.LAST,
          STAGES.formatted("and c.created_at <= coalesce(l.meeting_booked_at, 'infinity'::timestamptz)", "desc", "desc"));

  /**
   * Step ids are {@code r<round>-<step>} and {@code nurture-<n>}: the round and the count are
   * dropped so the same step of every round adds up.
   */
  private static final String STEPS =
      """
      with cohort as (
        select id, engaged_at from lead where created_at >= :from and created_at < :to
      ),
      sent as (
        select t.lead_id, regexp_replace(t.step, '^r[0-9]+-|-[0-9]+$', '', 'g') as step, t.sent_at
        from touch t join cohort c on c.id = t.lead_id
        where t.outcome = 'SENT'
      ),
      replied_after as (
        select distinct on (c.id) c.id, s.step
        from cohort c join sent s on s.lead_id = c.id and s.sent_at <= c.engaged_at
        order by c.id, s.sent_at desc
      )
      select s.step, count(distinct s.lead_id) as touched,
             (select count(*) from replied_after r where r.step = s.step) as replies
      from sent s
      group by s.step
      order by case when s.step = 'instant' then -1
                    when s.step ~ '^d[0-9]+$' then substr(s.step, 2)::int
                    else 1000 end, s.step
      """;

  private final JdbcClient jdbc;

  FunnelQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  FunnelReport run(ReportPeriod period, Attribution attribution) {
    Map<String, List<Row>> rows =
        jdbc.sql(STAGES_BY.get(attribution))
            .param("from", period.start())
            .param("to", period.end())
            .query(
                (rs, n) ->
                    Map.entry(
                        rs.getString("dimension"),
                        Row.of(
                            rs.getString("grp"),
                            rs.getLong("captured"),
                            rs.getLong("contacted"),
                            rs.getLong("engaged"),
                            rs.getLong("meeting"),
                            rs.getLong("disqualified"),
                            rs.getLong("nurture"),
                            rs.getLong("opted_out"))))
            .list()
            .stream()
            .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    List<Step> steps =
        jdbc.sql(STEPS)
            .param("from", period.start())
            .param("to", period.end())
            .query(
                (rs, n) -> {
                  long touched = rs.getLong("touched");
                  long replies = rs.getLong("replies");
                  return new Step(rs.getString("step"), touched, replies, Percent.of(replies, touched));
                })
            .list();
    return new FunnelReport(
        period.from(),
        period.to(),
        attribution,
        rows.get("all").get(0),
        rows.getOrDefault("source", List.of()),
        rows.getOrDefault("campaign", List.of()),
        steps);
  }
}
