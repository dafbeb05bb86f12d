package io.leadflow.api.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intake sources. The mapping is stored as {@code json}, not {@code jsonb}, so its pointers
 * keep the order the admin gave them: the first pointer with a value feeds a field.
 */
@Repository
class IntakeSources {

  private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  IntakeSources(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** False when a source of that name exists. */
  boolean create(String name, IntakeScheme scheme, Map<String, String> fields, Map<String, String> defaults, String secret) {
    return jdbc.sql(
            """
            insert into intake_source (name, secret, scheme, fields, defaults) values (?, ?, ?, cast(? as json), cast(? as json))
            on conflict (name) do nothing
            """)
        .params(name, secret, scheme.name(), json.writeValueAsString(fields), json.writeValueAsString(defaults))
        .update() == 1;
  }

  boolean replaceMapping(String name, IntakeScheme scheme, Map<String, String> fields, Map<String, String> defaults) {
    return jdbc.sql(
            "update intake_source set scheme = ?, fields = cast(? as json), defaults = cast(? as json), updated_at = now() where name = ?")
        .params(scheme.name(), json.writeValueAsString(fields), json.writeValueAsString(defaults), name)
        .update() == 1;
  }

  boolean rotate(String name, String secret) {
    return jdbc.sql("update intake_source set secret = ?, updated_at = now() where name = ?").params(secret, name).update() == 1;
  }

  boolean delete(String name) {
    return jdbc.sql("delete from intake_source where name = ?").param(name).update() == 1;
  }

  Optional<IntakeSource> find(String name) {
    return jdbc.sql(SELECT + " where name = ?").param(name).query(this::source).optional();
  }

  List<IntakeSource> all() {
    return jdbc.sql(SELECT + " order by name").query(this::source).list();
  }

  Optional<String> secret(String name) {
    return jdbc.sql("select secret from intake_source where name = ?").param(name).query(String.class).optional();
  }

  private static final String SELECT =
      "select name, scheme, cast(fields as text) as fields, cast(defaults as text) as defaults, created_at, updated_at from intake_source";

  private IntakeSource source(ResultSet row, int number) throws SQLException {
    String name = row.getString("name");
    return new IntakeSource(
        name,
        IntakeScheme.valueOf(row.getString("scheme")),
        json.readValue(row.getString("fields"), MAP),
        json.readValue(row.getString("defaults"), MAP),
        IntakeSource.PATH + name,
        row.getTimestamp("created_at").toInstant(),
        row.getTimestamp("updated_at").toInstant());
  }
}
