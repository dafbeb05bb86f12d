package io.leadflow.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** PostgreSQL rows and bytes per lead, from the tables of the lead store. */
final class StorageCost {

  private StorageCost() {}

  static void print(Connection db) throws SQLException {
    try (Statement statement = db.createStatement()) {
      long leads = single(statement, "select count(*) from lead");
      System.out.println("| table | rows per lead | bytes per lead (table + indexes) |");
      System.out.println("| --- | --- | --- |");
      for (String table : new String[] {"lead", "lead_capture", "capture_outbox", "touch", "rep_notice"}) {
        long rows = single(statement, "select count(*) from " + table);
        long bytes = single(statement, "select pg_total_relation_size('" + table + "')");
        System.out.printf("| %s | %.2f | %d |%n", table, rows / (double) leads, bytes / Math.max(1, leads));
      }
    }
  }

  private static long single(Statement statement, String sql) throws SQLException {
    try (ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
