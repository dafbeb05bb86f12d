package io.leadflow.api.leads;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the engines kept about a lead: its enrichment and its current routing decision. */
@Component
class LeadInsights {

  private final JdbcClient jdbc;

  LeadInsights(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<LeadView.Enrichment> enrichment(UUID leadId) {
    return jdbc.sql(
            """
            select e.*, a.name as account_name
            from lead_enrichment e left join account a on a.id = e.account_id
            where e.lead_id = :id
            """)
        .param("id", leadId)
        .query(
            (rs, row) ->
                new LeadView.Enrichment(
                    rs.getString("email_kind"),
                    rs.getString("company_domain"),
                    rs.getString("account_id"),
                    rs.getString("account_name"),
                    rs.getString("company_name"),
                    rs.getString("industry"),
                    (Integer) rs.getObject("employees"),
                    rs.getString("e164"),
                    rs.getString("country"),
                    rs.getString("region"),
                    strings(rs.getArray("time_zones")),
                    rs.getString("role"),
                    rs.getString("seniority"),
                    rs.getBoolean("student"),
                    rs.getBoolean("job_seeker"),
                    rs.getBoolean("partial"),
                    rs.getBoolean("vendor_failed"),
                    strings(rs.getArray("notes")),
                    instant(rs.getTimestamp("enriched_at"))))
        .optional();
  }

  Optional<LeadView.Routing> routing(UUID leadId) {
    return jdbc.sql("select * from lead_assignment where lead_id = :id")
        .param("id", leadId)
        .query(
            (rs, row) ->
                new LeadView.Routing(
                    rs.getString("rep_id"),
                    rs.getString("backup_rep_id"),
                    rs.getString("manager_id"),
                    rs.getString("stage"),
                    rs.getString("territory_id"),
                    rs.getString("reason"),
                    instant(rs.getTimestamp("assigned_at"))))
        .optional();
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
