package io.leadflow.activities.routing;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A table whose rows each own a list of keys in a child table: a territory's members, an account's
 * domains. Reads a row (alias {@code p}) with its keys as one sorted array column; saves a row with
 * its keys in one transaction, where keys that stay keep their child row (a member's rotation).
 */
final class RowsWithKeys {

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final String select;
  private final String deleteOthers;
  private final String insertNew;

  /** Rows of {@code table} with the {@code keyColumn}s of their {@code child} rows, as array column {@code keys}. */
  RowsWithKeys(
      JdbcClient jdbc, TransactionTemplate transaction, String table, String child, String parentColumn, String keyColumn, String keys) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    String key = "c." + keyColumn;
    this.select =
        "select p.*, coalesce(array_agg(%s order by %s) filter (where %s is not null), '{}') as %s from %s p left join %s c on c.%s = p.id"
            .formatted(key, key, key, keys, table, child, parentColumn);
    this.deleteOthers = "delete from %s where %s = :id and not (%s = any(:keys))".formatted(child, parentColumn, keyColumn);
    this.insertNew =
        "insert into %s (%s, %s) select :id, unnest(cast(:keys as text[])) on conflict do nothing".formatted(child, parentColumn, keyColumn);
  }

  <T> List<T> all(String orderBy, RowMapper<T> row) {
    return jdbc.sql(select + " group by p.id order by " + orderBy).query(row).list();
  }

  <T> Optional<T> find(String id, RowMapper<T> row) {
    return jdbc.sql(select + " where p.id = :id group by p.id").param("id", id).query(row).optional();
  }

  /** Upserts the row ({@code upsert} answers whether it is new) and replaces its keys; true when the row is new. */
  boolean save(String id, List<String> keys, Supplier<Boolean> upsert) {
    return Boolean.TRUE.equals(
        transaction.execute(
            status -> {
              boolean created = upsert.get();
              String[] array = Db.array(keys);
              jdbc.sql(deleteOthers).param("id", id).param("keys", array).update();
              jdbc.sql(insertNew).param("id", id).param("keys", array).update();
              return created;
            }));
  }
}
