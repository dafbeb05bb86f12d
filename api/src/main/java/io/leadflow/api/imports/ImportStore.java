package io.leadflow.api.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The tables of list imports ({@code list_import}, {@code list_import_row}; migration V43). */
@Repository
class ImportStore {

  private static final TypeReference<Map<String, String>> ERRORS = new TypeReference<>() {};

  /** One row as stored at upload: the capture request it stands for, or, for a row that is not one, its rejection. */
  record NewRow(int row, String request, String rejection) {}

  record PendingRow(int row, String request) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final JsonMapper json;

  ImportStore(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.json = json;
  }

  void insert(UUID id, String source, ImportMapping mapping, String mappingSha256, long apiKeyId) {
    jdbc.sql(
            """
            insert into list_import (id, source, mapping, mapping_sha256, state, api_key_id)
            values (?, ?, ?::jsonb, ?, 'UPLOADING', ?)
            """)
        .params(id, source, json.writeValueAsString(mapping), mappingSha256, apiKeyId)
        .update();
  }

  void insertRows(UUID id, List<NewRow> rows) {
    batch.batchUpdate(
        "insert into list_import_row (import_id, row_number, request, outcome, errors, processed_at) values (?, ?, ?::jsonb, ?, ?::jsonb, ?)",
        rows.stream()
            .map(r -> new Object[] {
                id, r.row(), r.request(), r.rejection() == null ? null : RowResult.Outcome.REJECTED.name(),
                r.rejection() == null ? null : json.writeValueAsString(Map.of("row", r.rejection())),
                r.rejection() == null ? null : Timestamp.from(Instant.now())})
            .toList());
  }

  /** The upload is whole: the import is the one for this file and mapping, and the worker may take it. */
  void uploaded(UUID id, String contentSha256, int rows) {
    jdbc.sql("update list_import set content_sha256 = ?, rows_total = ?, state = 'QUEUED' where id = ?")
        .params(contentSha256, rows, id)
        .update();
  }

  Optional<UUID> find(String contentSha256, String mappingSha256) {
    return jdbc.sql("select id from list_import where content_sha256 = ? and mapping_sha256 = ?")
        .params(contentSha256, mappingSha256)
        .query(UUID.class)
        .optional();
  }

  /** Imports with rows still to capture, oldest first. */
  List<UUID> unfinished() {
    return jdbc.sql("select id from list_import where state in ('QUEUED', 'RUNNING') order by created_at, id").query(UUID.class).list();
  }

  void running(UUID id) {
    jdbc.sql("update list_import set state = 'RUNNING' where id = ? and state = 'QUEUED'").param(id).update();
  }

  /** The next pending rows, locked for this transaction; rows another instance holds are skipped. */
  List<PendingRow> claim(UUID id, int limit) {
    return jdbc.sql(
            """
            select row_number, request::text as request from list_import_row
            where import_id = ? and outcome is null order by row_number limit ? for update skip locked
            """)
        .params(id, limit)
        .query((rs, n) -> new PendingRow(rs.getInt("row_number"), rs.getString("request")))
        .list();
  }

  void record(UUID id, int row, RowResult result) {
    jdbc.sql(
            """
            update list_import_row set outcome = ?, errors = ?::jsonb, lead_id = ?, capture_id = ?, suppressed = ?,
                                       processed_at = now()
            where import_id = ? and row_number = ?
            """)
        .params(
            result.outcome().name(),
            result.errors() == null || result.errors().isEmpty() ? null : json.writeValueAsString(result.errors()),
            result.leadId(),
            result.captureId(),
            result.suppressed().isEmpty() ? null : String.join(",", result.suppressed()),
            id,
            row)
        .update();
  }

  /** Done once no row is pending (rows another instance still holds are pending). */
  void finishIfDone(UUID id) {
    jdbc.sql(
            """
            update list_import set state = 'DONE', finished_at = now()
            where id = ? and state <> 'DONE'
              and not exists (select 1 from list_import_row where import_id = ? and outcome is null)
            """)
        .params(id, id)
        .update();
  }

  private static final String VIEW =
      """
      select i.id, i.source, i.state, i.mapping::text as mapping, i.rows_total, i.created_at, i.finished_at,
             count(r.outcome) as processed,
             count(*) filter (where r.outcome = 'CREATED') as created,
             count(*) filter (where r.outcome = 'JOINED') as joined,
             count(*) filter (where r.outcome = 'REJECTED') as rejected,
             count(r.suppressed) as suppressed
      from list_import i left join list_import_row r on r.import_id = i.id
      """;

  Optional<ImportView> view(UUID id) {
    return jdbc.sql(VIEW + " where i.id = ? and i.content_sha256 is not null group by i.id").param(id).query((RowMapper<ImportView>) this::view).optional();
  }

  /** Newest first. */
  List<ImportView> newest(int limit) {
    return jdbc.sql(
            VIEW + " where i.content_sha256 is not null and i.id in (select id from list_import order by created_at desc limit ?)"
                + " group by i.id order by i.created_at desc")
        .param(limit)
        .query((RowMapper<ImportView>) this::view)
        .list();
  }

  private ImportView view(ResultSet rs, int n) throws SQLException {
    return new ImportView(
        rs.getObject("id", UUID.class),
        rs.getString("source"),
        rs.getString("state"),
        json.readValue(rs.getString("mapping"), ImportMapping.class),
        rs.getLong("rows_total"),
        rs.getLong("processed"),
        rs.getLong("created"),
        rs.getLong("joined"),
        rs.getLong("rejected"),
        rs.getLong("suppressed"),
        instant(rs, "created_at"),
        instant(rs, "finished_at"));
  }

  /** Rows after {@code after} in file order; only those with {@code outcome} when given. */
  List<ImportRowView> rows(UUID id, RowResult.Outcome outcome, int after, int limit) {
    List<Object> params = new ArrayList<>(List.of(id, after));
    String filter = "";
    if (outcome != null) {
      filter = " and outcome = ?";
      params.add(outcome.name());
    }
    params.add(limit);
    return jdbc.sql(
            "select * from list_import_row where import_id = ? and row_number > ?" + filter + " order by row_number limit ?")
        .params(params)
        .query((rs, n) -> new ImportRowView(
            rs.getInt("row_number"),
            rs.getString("outcome"),
            rs.getString("errors") == null ? null : json.readValue(rs.getString("errors"), ERRORS),
            rs.getObject("lead_id", UUID.class),
            rs.getObject("capture_id", UUID.class),
            rs.getString("suppressed") == null ? List.of() : Arrays.asList(rs.getString("suppressed").split(",")),
            instant(rs, "processed_at")))
        .list();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp at = rs.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }
}
