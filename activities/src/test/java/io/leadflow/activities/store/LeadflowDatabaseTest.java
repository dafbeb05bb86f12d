package io.leadflow.activities.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class LeadflowDatabaseTest {

  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

  @Test
  void createsAMissingDatabaseAndToleratesOneThatExists() throws SQLException {
    String name = "leadflow_create_" + ProcessHandle.current().pid();
    drop(name);
    try {
      LeadflowDatabase.ensureExists(SERVER + name, "postgres", "");
      LeadflowDatabase.ensureExists(SERVER + name, "postgres", "");

      try (var connection = DriverManager.getConnection(SERVER + name, "postgres", "")) {
        assertThat(connection.isValid(1)).isTrue();
      }
    } finally {
      drop(name);
    }
  }

  @Test
  void explainsAnUnreachableServerInOneLine() {
    String url = "jdbc:postgresql://127.0.0.1:1/leadflow";

    assertThatThrownBy(() -> LeadflowDatabase.ensureExists(url, "postgres", ""))
        .isInstanceOf(SQLException.class)
        .satisfies(
            e -> {
              String line = DatabasePreflight.explain(url, (SQLException) e);
              assertThat(line).doesNotContain("\n").contains("LEADFLOW_DB_URL").contains(url);
            });
  }

  private static void drop(String name) throws SQLException {
    try (var connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
        var statement = connection.createStatement()) {
      statement.execute("drop database if exists " + name);
    }
  }
}
