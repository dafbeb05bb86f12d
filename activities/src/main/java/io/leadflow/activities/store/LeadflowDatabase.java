package io.leadflow.activities.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creates the application's PostgreSQL database when it is missing, so a fresh machine just works. */
public final class LeadflowDatabase {

  private static final Pattern POSTGRES_URL =
      Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]+)(\\?.*)?$");
  private static final String DUPLICATE_DATABASE = "42P04";
  // Two CREATE DATABASE at the same instant: the loser trips pg_database's unique name index.
  private static final String UNIQUE_VIOLATION = "23505";

  private LeadflowDatabase() {}

  public static void ensureExists(String jdbcUrl, String user, String password) throws SQLException {
    Matcher url = POSTGRES_URL.matcher(jdbcUrl);
    if (!url.matches()) {
      throw new IllegalArgumentException("Not a PostgreSQL JDBC URL with a database name: " + jdbcUrl);
    }
    String database = url.group(2);
    String maintenanceUrl = url.group(1) + "postgres" + (url.group(3) == null ? "" : url.group(3));
    Properties credentials = new Properties();
    credentials.setProperty("user", user);
    if (password != null && !password.isEmpty()) {
      credentials.setProperty("password", password);
    }
    try (Connection connection = DriverManager.getConnection(maintenanceUrl, credentials)) {
      boolean exists;
      try (var query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
        query.setString(1, database);
        exists = query.executeQuery().next();
      }
      if (!exists) {
        create(connection, database);
      }
    }
  }

  private static void create(Connection connection, String database) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
    } catch (SQLException e) {
      boolean anotherProcessWonTheRace =
          DUPLICATE_DATABASE.equals(e.getSQLState()) || UNIQUE_VIOLATION.equals(e.getSQLState());
      if (!anotherProcessWonTheRace) {
        throw e;
      }
    }
  }
}
