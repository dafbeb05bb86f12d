package io.leadflow.api.forms;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The form sources (table {@code form_source}): kept by admins, looked up by their key on every submission. */
@Component
public class FormSources {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;

  FormSources(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<FormSource> all() {
    return jdbc.sql("select * from form_source order by name").query((rs, row) -> of(rs)).list();
  }

  public Optional<FormSource> byName(String name) {
    return jdbc.sql("select * from form_source where name = ?").param(name).query((rs, row) -> of(rs)).optional();
  }

  public Optional<FormSource> byKey(String formKey) {
    return jdbc.sql("select * from form_source where form_key = ?").param(formKey).query((rs, row) -> of(rs)).optional();
  }

  /** Creates the source with a new key, or changes its settings (the key stays); true when created. */
  public boolean save(String name, FormSource.Settings settings) {
    int updated =
        jdbc.sql(
                """
                update form_source set allowed_origins = ?, thank_you_url = ?, honeypot_field = ?, min_fill_seconds = ?,
                  updated_at = now() where name = ?
                """)
            .params(
                settings.allowedOrigins().toArray(String[]::new), settings.thankYouUrl(), settings.honeypotField(),
                settings.minFillSeconds(), name)
            .update();
    if (updated == 1) {
      return false;
    }
    return jdbc.sql(
                """
                insert into form_source (name, form_key, allowed_origins, thank_you_url, honeypot_field, min_fill_seconds)
                values (?, ?, ?, ?, ?, ?) on conflict (name) do nothing
                """)
            .params(
                name, newKey(), settings.allowedOrigins().toArray(String[]::new), settings.thankYouUrl(),
                settings.honeypotField(), settings.minFillSeconds())
            .update() == 1;
  }

  /** The key stops working at once; the leads it brought keep their source. */
  public boolean delete(String name) {
    return jdbc.sql("delete from form_source where name = ?").param(name).update() == 1;
  }

  public void caught(long id, FormSource.Caught why) {
    String column = why == FormSource.Caught.HONEYPOT ? "honeypot_caught" : "too_fast_caught";
    jdbc.sql("update form_source set " + column + " = " + column + " + 1 where id = ?").param(id).update();
  }

  /** 128 random bits; "pk_" says it is publishable, unlike an API key ("lf_"). */
  private static String newKey() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return "pk_form_" + HexFormat.of().formatHex(bytes);
  }

  private static FormSource of(ResultSet rs) throws SQLException {
    return new FormSource(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("form_key"),
        Arrays.asList((String[]) rs.getArray("allowed_origins").getArray()),
        rs.getString("thank_you_url"),
        rs.getString("honeypot_field"),
        rs.getInt("min_fill_seconds"),
        rs.getLong("honeypot_caught"),
        rs.getLong("too_fast_caught"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
