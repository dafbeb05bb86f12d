package io.leadflow.activities.store;

import java.sql.SQLException;

/**
 * The run command's first step: reach PostgreSQL and create the database, or print one line that
 * says what to do and exit 1. Reads the same variables as the applications.
 */
public final class DatabasePreflight {

  private DatabasePreflight() {}

  public static void main(String[] args) {
    String url = env("LEADFLOW_DB_URL", "jdbc:postgresql://127.0.0.1:5432/leadflow");
    try {
      LeadflowDatabase.ensureExists(
          url, env("LEADFLOW_DB_USER", "postgres"), env("LEADFLOW_DB_PASSWORD", ""));
    } catch (SQLException | IllegalArgumentException e) {
      System.err.println(explain(url, e));
      System.exit(1);
    }
  }

  static String explain(String url, Exception e) {
    return "Cannot use PostgreSQL at "
        + url
        + " ("
        + e.getMessage()
        + "). Start PostgreSQL (e.g. 'sudo pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start'"
        + " or 'sudo service postgresql start') or point LEADFLOW_DB_URL / LEADFLOW_DB_USER /"
        + " LEADFLOW_DB_PASSWORD at a running server.";
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
