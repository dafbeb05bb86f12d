package io.leadflow.api.leads;

import io.leadflow.api.input.InputProblems;
import io.leadflow.api.input.InstantRule;
import io.leadflow.workflows.LeadStatus;
import io.leadflow.workflows.Tier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/** Filtered, keyset-paged reads of the lead store (newest first; stable under inserts). */
@Component
class LeadSearch {

  /** {@code captureId}: the lead a capture's answer (its receipt) belongs to. */
  record Filter(
      LeadStatus status,
      Tier tier,
      String assignedRep,
      String source,
      Instant createdFrom,
      Instant createdTo,
      UUID captureId) {}

  private final JdbcClient jdbc;

  LeadSearch(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The page of {@code scope}'s leads that match {@code filter}, after {@code cursor}. */
  LeadPage find(LeadScope scope, Filter filter, String cursor, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "select id, name, source, status, score, tier, assigned_rep, created_at from lead where "
                + scope.condition());
    List<Object> params = new ArrayList<>(scope.params());
    where(sql, params, "status = ?", filter.status() == null ? null : filter.status().name());
    where(sql, params, "tier = ?", filter.tier() == null ? null : filter.tier().name());
    where(sql, params, "assigned_rep = ?", filter.assignedRep());
    where(sql, params, "source = ?", filter.source());
    where(sql, params, "created_at >= ?", timestamp(filter.createdFrom()));
    where(sql, params, "created_at < ?", timestamp(filter.createdTo()));
    where(sql, params, "exists (select 1 from lead_capture c where c.lead_id = lead.id and c.receipt_id = ?)", filter.captureId());
    if (cursor != null) {
      Position after = Position.decode(cursor);
      sql.append(" and (created_at, id) < (?, ?)");
      params.add(timestamp(after.createdAt()));
      params.add(after.id());
    }
    sql.append(" order by created_at desc, id desc limit ?");
    params.add(limit + 1);
    List<LeadSummary> rows = jdbc.sql(sql.toString()).params(params).query(LeadSummary.class).list();
    if (rows.size() <= limit) {
      return new LeadPage(rows, null);
    }
    LeadSummary last = rows.get(limit - 1);
    return new LeadPage(rows.subList(0, limit), new Position(last.createdAt(), last.id()).encode());
  }

  private static void where(StringBuilder sql, List<Object> params, String condition, Object value) {
    if (value != null) {
      sql.append(" and ").append(condition);
      params.add(value);
    }
  }

  private static java.sql.Timestamp timestamp(Instant instant) {
    return instant == null ? null : java.sql.Timestamp.from(instant);
  }

  /** The opaque cursor: where the previous page ended. */
  private record Position(Instant createdAt, UUID id) {

    String encode() {
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
      Position position;
      try {
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
        position = new Position(Instant.parse(parts[0]), UUID.fromString(parts[1]));
      } catch (RuntimeException e) {
        throw notOurs();
      }
      // Only a forged cursor has a time outside the rule, and PostgreSQL cannot compare with year 300000.
      if (!InstantRule.accepts(position.createdAt())) {
        throw notOurs();
      }
      return position;
    }

    private static ErrorResponseException notOurs() {
      String reason = "is not one this API gave out";
      return new ErrorResponseException(
          HttpStatus.BAD_REQUEST, InputProblems.invalid("The cursor " + reason + ".", Map.of("cursor", reason)), null);
    }
  }
}
