package io.leadflow.activities.routing;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Reading and writing PostgreSQL arrays, reading timestamps. */
final class Db {

  private Db() {}

  static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  static String[] array(List<String> values) {
    return values.toArray(String[]::new);
  }
}
