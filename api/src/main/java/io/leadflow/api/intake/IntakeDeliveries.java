package io.leadflow.api.intake;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed deliveries, by the key of their signed bytes: one that was captured names its capture;
 * one whose payload did not map keeps the payload and why ({@code errors}) until it is replayed or
 * expires. A delivery being processed has neither.
 */
@Repository
class IntakeDeliveries {

  /** What became of a delivery seen before. */
  record Seen(long id, UUID captureId, Map<String, String> errors, boolean kept) {}

  /** A kept delivery whose payload did not map, for an admin to read and replay. */
  record Failure(long id, String source, Instant receivedAt, Map<String, String> errors, String payload) {}

  private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  IntakeDeliveries(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * The new delivery's id, or empty when this source already has one with this key. One whose
   * processing died without an outcome (the process stopped) is claimed again after a minute.
   */
  Optional<Long> claim(String source, String deliveryKey) {
    return jdbc.sql(
            """
            insert into intake_delivery (source, delivery_key) values (?, ?)
            on conflict (source, delivery_key) do update set received_at = now()
              where intake_delivery.capture_id is null and intake_delivery.errors is null and intake_delivery.payload is null
                and intake_delivery.received_at < now() - interval '1 minute'
            returning id
            """)
        .params(source, deliveryKey)
        .query(Long.class)
        .optional();
  }

  Optional<Seen> seen(String source, String deliveryKey) {
    return jdbc.sql(
            """
            select id, capture_id, cast(errors as text) as errors, payload is not null as kept
            from intake_delivery where source = ? and delivery_key = ?
            """)
        .params(source, deliveryKey)
        .query((row, n) -> new Seen(row.getLong("id"), row.getObject("capture_id", UUID.class), errors(row), row.getBoolean("kept")))
        .optional();
  }

  /** A kept failure taken for a replay (its errors cleared while it runs), or false when another replay took it. */
  boolean takeForReplay(long id) {
    return jdbc.sql("update intake_delivery set errors = null where id = ? and errors is not null and payload is not null and capture_id is null")
        .param(id).update() == 1;
  }

  /** Captured: the payload and errors are dropped, the key stays to recognise a replay. */
  void captured(long id, UUID captureId) {
    jdbc.sql("update intake_delivery set capture_id = ?, payload = null, errors = null where id = ?").params(captureId, id).update();
  }

  /** Did not map; {@code payload} null when it could not be kept (too many kept already). */
  void failed(long id, byte[] payload, Map<String, String> errors) {
    jdbc.sql("update intake_delivery set payload = ?, errors = cast(? as jsonb) where id = ?")
        .params(payload, json.writeValueAsString(errors), id)
        .update();
  }

  /** Forgotten, so the same delivery may be tried again (processing it failed for a reason of ours). */
  void release(long id) {
    jdbc.sql("delete from intake_delivery where id = ? and capture_id is null and errors is null").param(id).update();
  }

  long kept(String source) {
    return jdbc.sql("select count(*) from intake_delivery where source = ? and payload is not null")
        .param(source).query(Long.class).single();
  }

  /** Kept failures received after {@code since}, newest first. */
  List<Failure> failures(String source, Instant since, int limit) {
    return jdbc.sql(FAILURES + " and received_at > ? order by id desc limit ?")
        .params(source, java.sql.Timestamp.from(since), limit)
        .query(this::failure)
        .list();
  }

  Optional<Failure> failure(String source, long id, Instant since) {
    return jdbc.sql(FAILURES + " and received_at > ? and id = ?")
        .params(source, java.sql.Timestamp.from(since), id)
        .query(this::failure)
        .optional();
  }

  /** Deletes every delivery received before {@code before}: failures and remembered keys alike. */
  int purge(Instant before) {
    return jdbc.sql("delete from intake_delivery where received_at < ?").param(java.sql.Timestamp.from(before)).update();
  }

  private static final String FAILURES =
      """
      select id, source, received_at, cast(errors as text) as errors, payload from intake_delivery
      where source = ? and payload is not null and errors is not null and capture_id is null
      """;

  private Failure failure(ResultSet row, int number) throws SQLException {
    return new Failure(
        row.getLong("id"),
        row.getString("source"),
        row.getTimestamp("received_at").toInstant(),
        errors(row),
        new String(row.getBytes("payload"), StandardCharsets.UTF_8));
  }

  private Map<String, String> errors(ResultSet row) throws SQLException {
    String errors = row.getString("errors");
    return errors == null ? null : json.readValue(errors, MAP);
  }
}
