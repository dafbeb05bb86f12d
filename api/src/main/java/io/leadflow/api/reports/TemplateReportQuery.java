package io.leadflow.api.reports;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The template report, computed in PostgreSQL from the touches that went out ({@code SENT}) and
 * recorded the template and version they rendered (texts and emails since migration V50).
 */
@Component
class TemplateReportQuery {

  private static final String BY_VERSION =
      """
      with cohort as (
        select id, engaged_at, meeting_booked_at from lead where created_at >= :from and created_at < :to
      ),
      first_sent as (
        select t.channel, t.rendered_template as template, t.template_version as version, t.lead_id, min(t.sent_at) as sent_at
        from touch t join cohort c on c.id = t.lead_id
        where t.outcome = 'SENT' and t.rendered_template is not null and t.template_version is not null
        group by t.channel, t.rendered_template, t.template_version, t.lead_id
      )
      select f.channel, f.template, f.version,
             count(*) as touched,
             count(*) filter (where c.engaged_at >= f.sent_at) as replied,
             count(*) filter (where c.meeting_booked_at >= f.sent_at) as meeting
      from first_sent f join cohort c on c.id = f.lead_id
      group by f.channel, f.template, f.version
      order by f.template, f.channel, f.version
      """;

  private final JdbcClient jdbc;

  TemplateReportQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  TemplateReport run(ReportPeriod period) {
    List<TemplateReport.Row> rows =
        jdbc.sql(BY_VERSION)
            .param("from", period.start())
            .param("to", period.end())
            .query(
                (rs, n) ->
                    TemplateReport.Row.of(
                        rs.getString("channel"),
                        rs.getString("template"),
                        rs.getInt("version"),
                        rs.getLong("touched"),
                        rs.getLong("replied"),
                        rs.getLong("meeting")))
            .list();
    return new TemplateReport(period.from(), period.to(), rows);
  }
}
