package io.leadflow.activities.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;

/**
 * Routing reads rows admins wrote (through the API, or around it in SQL). A row it cannot read is
 * skipped with one ERROR line naming it, so one bad row never stops routing for every lead.
 */
final class UnreadableRows {

  private static final Logger log = LoggerFactory.getLogger(UnreadableRows.class);

  private UnreadableRows() {}

  /** Maps a row, or gives null (to drop with {@link #readable}) when it cannot be read. */
  static <T> RowMapper<T> skipping(String table, RowMapper<T> mapper) {
    return (rs, row) -> {
      try {
        return mapper.mapRow(rs, row);
      } catch (RuntimeException unreadable) {
        log.error("Routing skips {} {}: the row cannot be read ({}); fix or delete it through the admin API",
            table, rs.getString("id"), unreadable.toString());
        return null;
      }
    };
  }

}
